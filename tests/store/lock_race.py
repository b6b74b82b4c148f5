"""A race for the one-writer lock: N processes take it, work inside it briefly and let go, as fast as they can,
for S seconds, while (optionally) another process keeps deleting the lock file. Each acquisition marks itself
inside with a file made with O_EXCL; a mark already there is an overlap: two writers at once.

    python -m tests.store.lock_race --processes 4 --seconds 20 [--vandal]

prints the acquisitions and overlaps; the test suite runs a shorter race (tests/store/test_lock.py)."""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def worker(db_path: Path, seconds: float) -> dict:
    from finsamdesk.store.lock import FileLock, FileLocked

    mark = db_path.with_name("inne")
    acquired = overlaps = refused = 0
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            lock = FileLock.acquire(db_path)
        except FileLocked:
            refused += 1
            continue
        acquired += 1
        try:
            fd = os.open(mark, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        except FileExistsError:
            overlaps += 1
            fd = None
        time.sleep(random.random() / 1000)
        if fd is not None:
            os.close(fd)
            os.unlink(mark)
        lock.release()
    return {"acquired": acquired, "overlaps": overlaps, "refused": refused}


def vandal(db_path: Path, seconds: float) -> dict:
    """Deletes the lock file whenever it is there."""
    from finsamdesk.store.lock import lock_path

    deleted = 0
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            lock_path(db_path).unlink()
            deleted += 1
        except FileNotFoundError:
            pass
        time.sleep(random.random() / 2000)
    return {"deleted": deleted}


def race(processes: int, seconds: float, *, with_vandal: bool = False) -> dict:
    """Run the race in a new folder; {"acquired", "overlaps", "refused", "deleted", "processes", "seconds"}."""
    with tempfile.TemporaryDirectory(prefix="lasrace-") as folder:
        db_path = Path(folder) / "förbund.sqlite"
        db_path.write_bytes(b"")  # the lock guards this file; its content does not matter here
        roles = ["worker"] * processes + (["vandal"] if with_vandal else [])
        children = [subprocess.Popen([sys.executable, "-m", "tests.store.lock_race", "--role", role, "--db",
                                      str(db_path), "--seconds", str(seconds)], cwd=ROOT, stdout=subprocess.PIPE,
                                     text=True) for role in roles]
        totals = {"acquired": 0, "overlaps": 0, "refused": 0, "deleted": 0}
        for child in children:
            out, _ = child.communicate(timeout=seconds + 60)
            for key, value in json.loads(out).items():
                totals[key] += value
    return {**totals, "processes": processes, "seconds": seconds}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--processes", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--vandal", action="store_true")
    parser.add_argument("--role", choices=["worker", "vandal"])
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()
    if args.role:
        print(json.dumps((worker if args.role == "worker" else vandal)(args.db, args.seconds)))
    else:
        print(json.dumps(race(args.processes, args.seconds, with_vandal=args.vandal)))


if __name__ == "__main__":
    main()
