"""Child process for test_merge_killed.py: merges a working copy and stops half-way through writing, saying so on
stdout, so that the test can kill -9 it there."""
from __future__ import annotations

import sys
import time
from pathlib import Path

from finsamdesk.services import files
from finsamdesk.services import working_copies as wc
from finsamdesk.store import working_copy


def main(main_path: str, copy_path: str) -> None:
    ordered = working_copy._ordered

    def slowly(writes):
        for n, write in enumerate(ordered(writes)):
            if n == len(writes) // 2:
                print("HALVVÄGS", flush=True)
                time.sleep(60)
            yield write

    working_copy._ordered = slowly
    db = files.open_file(Path(main_path))
    wc.merge(db, wc.preview(db, Path(copy_path)), {})


if __name__ == "__main__":
    main(*sys.argv[1:3])
