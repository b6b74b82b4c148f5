"""Benchmarks: `python -m benchmarks [--only NAME] [--runs N]` prints figures next to their goals.

Speed is measured here, never asserted in tests (DESIGN.md). Each area is its own module (README.md in this
folder says what each measures); they import finsamdesk from this checkout or the installed package.
"""
from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable

# --only NAME → (module here, its function, the most runs it needs — None: it takes none —, its runs when --runs
# is not given). Run in this order: the start-up last, on a machine the others have warmed. The start-up takes
# 41 rounds by default: a process start moves by ±20 % from one to the next on a shared machine.
AREAS: dict[str, tuple[str, str, int | None, int]] = {
    "filter": ("applications", "bench_filter", None, 5),
    "print": ("applications", "bench_printing", 1000, 5),
    "economy": ("economy", "bench_economy", 1000, 5),
    "participants": ("participants", "bench_participants", 3, 5),
    "meetings": ("meetings", "bench_meetings", 3, 5),
    "importers": ("importers", "bench_importers", None, 5),
    "esf": ("esf", "bench_esf", 1000, 5),
    "read": ("form_reading", "bench_reading", 1000, 5),
    "reports": ("reports", "bench_reports", 3, 5),
    "sync": ("sync", "bench_sync", 3, 5),
    "startup": ("startup", "bench_startup", 1000, 41),
}


def run(area: str, runs: int | None) -> list[str]:
    """The lines of one area's benchmark (its module is imported only now); `runs` None: the area's own default."""
    module, function, most, default = AREAS[area]
    bench: Callable[..., list[str]] = getattr(importlib.import_module(f"{__package__}.{module}"), function)
    return bench() if most is None else bench(min(runs or default, most))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Mät start, utskrift, filtrering, ekonomi, deltagare, möten, inläsning, ESF och årets rapporter "
                    "i stor skala.")
    p.add_argument("--runs", type=int, help="antal körningar per mätning (standard 5, starten 41)")
    p.add_argument("--only", choices=list(AREAS), help="bara en mätning")
    args = p.parse_args(argv)
    lines = [line for area in AREAS if args.only in (None, area) for line in run(area, args.runs)]
    print(f"finsamdesk benchmarks (python {sys.version.split()[0]}, {sys.platform})")
    print("-" * 100)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
