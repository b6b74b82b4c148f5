"""Wiring: paths, opening the file, the Swedish Qt translations, the error handler, the window."""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

_STARTED = time.perf_counter()


def _parse(argv: list[str] | None) -> argparse.Namespace:
    """The window's options, in Swedish like the command line's (`finsamdesk --help` lists the commands)."""
    from .cli.arguments import SwedishParser

    parser = SwedishParser(prog="finsamdesk", allow_abbrev=False,
                           description="Samordningsförbundets skrivbord: öppnar fönstret. Kommandon utan fönster: "
                                       "finsamdesk --help.")
    parser.add_argument("path", nargs="?", type=Path, metavar="FIL.sqlite", help="förbundets fil, som --file")
    parser.add_argument("--file", type=Path, metavar="FIL", help="förbundets fil (SQLite)")
    parser.add_argument("--demo", action="store_true", help="öppna en ny exempelfil i en tillfällig mapp")
    parser.add_argument("--quit-when-shown", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument(
        "--self-test", action="store_true",
        help="prova installationen: öppna en exempelfil, skriv ut en PDF och avsluta (0 = allt fungerar)")
    args = parser.parse_args(argv)
    if args.path and args.file and args.path != args.file:
        parser.error(f"ange filen en gång: {args.path} eller --file {args.file}")
    args.file = args.file or args.path  # `finsamdesk FIL.sqlite`, as a file manager opens it
    if args.file and args.demo:
        parser.error("--demo öppnar en ny exempelfil; ange ingen fil samtidigt")
    return args


def _setup_logging() -> None:
    import logging

    from . import paths
    log = logging.getLogger("finsamdesk")
    handler = logging.FileHandler(paths.log_dir() / "finsamdesk.log", encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)


def _unexpected_error(exc_type, exc, tb) -> None:
    from .ui.errors import (
        show_unexpected_error,  # loaded on the first error, not at start-up
    )

    show_unexpected_error(exc_type, exc, tb)


def _choose_file(args, settings_recent: list[str]) -> tuple[Path, bool]:
    """The file to open and whether it was just created (so example data may be offered)."""
    from . import paths
    if args.demo:
        import tempfile

        return Path(tempfile.mkdtemp(prefix="finsamdesk-demo-")) / "exempel.sqlite", True
    if args.file:
        return args.file, not args.file.exists()
    for name in settings_recent:
        if Path(name).exists():
            return Path(name), False
    path = paths.default_data_file()
    return path, not path.exists()


def main(argv: list[str] | None = None) -> int:
    args = _parse(argv)
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from .ui import pyside_import_check, swedish

    pyside_import_check.install()  # before the window's modules are imported: start-up 10 ms faster

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("finsamdesk")
    app.setOrganizationName("finsamdesk")
    swedish.install(app)
    sys.excepthook = _unexpected_error

    from .ui.main_window import MainWindow
    from .ui.settings import recent_files

    if args.self_test:
        return _self_test(app)
    path, fresh = _choose_file(args, recent_files())
    window = MainWindow(None, path)
    window.show()
    report = _timer_report(app) if args.quit_when_shown else None
    if report:
        QTimer.singleShot(0, lambda: report("shown"))  # as the bare window in the benchmark does

    def open_file() -> None:
        """After the window is on screen: its menus, then open (or create) the file, offer example data, fill the
        pages."""
        window.fill_menus()  # first: whatever opening the file asks or ends in, the menus are whole
        from .services import files
        from .ui.opening import open_interactively

        _setup_logging()
        path.parent.mkdir(parents=True, exist_ok=True)
        opened = open_interactively(window, path)  # asks: read-only when in use, restore when damaged
        if opened is None:
            app.exit(1)
            return
        db, lock = opened
        if fresh and lock is not None and files.is_empty(db):
            from PySide6.QtWidgets import QMessageBox

            from .services import demo
            wanted = args.demo or args.quit_when_shown or QMessageBox.question(
                window, "Ny fil",
                f"En ny fil har skapats:\n{path}\n\nVill du fylla den med påhittade exempeldata (ett förbund, "
                "parter, kontakter, ansökningar i alla steg, insatser, budget och deltagare) för att prova "
                "programmet? Deltagarregistrets lösenfras i exemplet visas när du öppnar Deltagare."
            ) == QMessageBox.StandardButton.Yes
            if wanted:
                demo.create_example(db)
        window.set_file(db, path, lock)
        if report:
            report("ready")
            app.quit()

    QTimer.singleShot(0, open_file)
    code = app.exec()
    if args.demo:
        _remove_demo_folder(window, path.parent)
    return code


def _remove_demo_folder(window, folder: Path) -> None:
    """--demo's temporary folder (the example file, its backups) goes with the window; the file is closed first,
    as Windows cannot remove an open one."""
    import shutil

    window.close()
    if window.db is not None:
        window.db.close()
    shutil.rmtree(folder, ignore_errors=True)


def _self_test(app) -> int:
    """For an installed or frozen build: the window on an example file in a temporary folder, an ansökan
    printed to PDF with the bundled fonts and form, the Swedish Qt strings and the crypto library present.
    Prints one line per check and returns 0 when all passed."""
    import tempfile

    from PySide6.QtCore import QCoreApplication

    from . import paths
    from .services import applications, demo, files, printing
    from .ui.main_window import MainWindow

    folder = Path(tempfile.mkdtemp(prefix="finsamdesk-selftest-"))
    os.environ[paths.HOME_ENV] = str(folder / "home")  # the user's settings and recent files stay untouched
    checks: list[tuple[str, bool]] = []
    try:
        db = files.new_file(folder / "exempel.sqlite", "")
        demo.create_example(db)
        window = MainWindow(db, folder / "exempel.sqlite")
        window.show()
        app.processEvents()
        checks.append(("fönstret visas med exempelfilen", window.isVisible() and window.applications.total_count > 0))
        first = applications.list_rows(db)[0]
        pdf = printing.print_application(db, first.id, folder / "ansokan.pdf")
        checks.append((f"ansökan utskriven ({pdf.stat().st_size // 1000} kB)", pdf.read_bytes()[:5] == b"%PDF-"))
        checks.append(("svenska Qt-texter", QCoreApplication.translate("QPlatformTheme", "Cancel") == "Avbryt"))
        from .store import crypto

        _record, key = crypto.new_keys("självtestets lösenfras", n=2**10)
        checks.append(("kryptering", key.decrypt("x", key.encrypt("x", "åäö")) == "åäö"))
        checks.append(("arbetskopia och sammanslagning", _merge_works(db, folder / "arbetskopia.sqlite")))
        window.close()
        db.conn.close()
    except Exception as exc:  # noqa: BLE001 - a self-test reports every failure as a failed check
        checks.append((f"oväntat fel: {type(exc).__name__}: {exc}", False))
    for text, ok in checks:
        print(f"{'OK  ' if ok else 'FEL '} {text}", flush=True)
    passed = all(ok for _, ok in checks)
    print("självtest klart" if passed else "självtestet misslyckades", flush=True)
    return 0 if passed else 1


def _merge_works(db, copy_path: Path) -> bool:
    """A working copy taken, an organisation added in it and merged back: APSW's session extension (Session.diff,
    ChangesetBuilder, Changeset.apply) is in the build and works."""
    from .domain.registers import Organisation
    from .services import files, registers, working_copies

    working_copies.take_copy(db, copy_path, label="självtest")
    copy = files.open_file(copy_path, create=False)
    try:
        registers.save_organisation(copy, Organisation("Självtestets organisation"))
    finally:
        copy.conn.close()
    preview = working_copies.preview(db, copy_path)
    report = working_copies.merge(db, preview, {})
    merged = [o.name for o in registers.organisations(db) if o.name == "Självtestets organisation"]
    return [(c.table, c.added) for c in report.counts] == [("organisation", 1)] and len(merged) == 1


def _timer_report(app):
    def report(what: str) -> None:
        t0 = os.environ.get("FINSAMDESK_T0")
        elapsed = time.time() - float(t0) if t0 else time.perf_counter() - _STARTED
        print(f"{what} {elapsed:.3f} cpu {time.process_time():.3f}", flush=True)
    return report
