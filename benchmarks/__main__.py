"""Benchmarks: `python -m benchmarks [--only NAME] [--runs N]` prints figures next to their goals.

Speed is measured here, never asserted in tests (DESIGN.md). Each area is its own module (README.md in this
folder says what each measures); they import finsamdesk from this checkout or the installed package.
"""
from __future__ import annotations

import argparse
import sys

from .applications import bench_filter, bench_printing
from .startup import bench_startup


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Mät start, utskrift, filtrering, ekonomi, deltagare och möten i stor skala.")
    p.add_argument("--runs", type=int, default=5, help="antal körningar per mätning (standard 5)")
    p.add_argument("--only", choices=["startup", "print", "filter", "economy", "participants", "meetings",
                                      "importers", "esf"],
                   help="bara en mätning")
    args = p.parse_args(argv)
    lines: list[str] = []
    if args.only in (None, "filter"):
        lines += bench_filter()
    if args.only in (None, "print"):
        lines += bench_printing(args.runs)
    if args.only in (None, "economy"):
        from .economy import bench_economy

        lines += bench_economy(args.runs)
    if args.only in (None, "participants"):
        from .participants import bench_participants

        lines += bench_participants(min(args.runs, 3))
    if args.only in (None, "meetings"):
        from .meetings import bench_meetings

        lines += bench_meetings(min(args.runs, 3))
    if args.only in (None, "importers"):
        from .importers import bench_importers

        lines += bench_importers()
    if args.only in (None, "esf"):
        from .esf import bench_esf

        lines += bench_esf(args.runs)
    if args.only in (None, "startup"):
        lines += bench_startup(args.runs)
    print(f"finsamdesk benchmarks (python {sys.version.split()[0]}, {sys.platform})")
    print("-" * 100)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
