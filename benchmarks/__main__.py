"""Benchmarks: `python -m benchmarks [--only NAME] [--runs N]` prints figures next to their goals.

Speed is measured here, never asserted in tests (DESIGN.md). Each area is its own module (README.md in this
folder says what each measures); they import finsamdesk from this checkout or the installed package.
"""
from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable

# --only NAME → (module here, its function, the most runs it needs; None: it takes none). Run in this order: the
# start-up last, on a machine the others have warmed.
AREAS: dict[str, tuple[str, str, int | None]] = {
    "filter": ("applications", "bench_filter", None),
    "print": ("applications", "bench_printing", 1000),
    "economy": ("economy", "bench_economy", 1000),
    "participants": ("participants", "bench_participants", 3),
    "meetings": ("meetings", "bench_meetings", 3),
    "importers": ("importers", "bench_importers", None),
    "esf": ("esf", "bench_esf", 1000),
    "read": ("form_reading", "bench_reading", 1000),
    "reports": ("reports", "bench_reports", 3),
    "sync": ("sync", "bench_sync", 3),
    "startup": ("startup", "bench_startup", 1000),
}


def run(area: str, runs: int) -> list[str]:
    """The lines of one area's benchmark (its module is imported only now)."""
    module, function, most = AREAS[area]
    bench: Callable[..., list[str]] = getattr(importlib.import_module(f"{__package__}.{module}"), function)
    return bench() if most is None else bench(min(runs, most))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Mät start, utskrift, filtrering, ekonomi, deltagare, möten, inläsning, ESF och årets rapporter "
                    "i stor skala.")
    p.add_argument("--runs", type=int, default=5, help="antal körningar per mätning (standard 5)")
    p.add_argument("--only", choices=list(AREAS), help="bara en mätning")
    args = p.parse_args(argv)
    lines = [line for area in AREAS if args.only in (None, area) for line in run(area, args.runs)]
    print(f"finsamdesk benchmarks (python {sys.version.split()[0]}, {sys.platform})")
    print("-" * 100)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
