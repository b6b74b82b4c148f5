"""What start-up pays for (benchmarks/startup.py: shown ≤ 1.3 × and a filled page ≤ 2 × a bare Qt window): the
window is shown before the file's layers are imported."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SHOWN_WITHOUT = ("sqlite_utils", "apsw", "datetime", "finsamdesk.store", "finsamdesk.documents", "openpyxl",
                 "reportlab", "finsamdesk.services.working_copies", "finsamdesk.ui.worker",
                 "finsamdesk.ui.help_dialogs", "finsamdesk.ui.widgets",
                 "dataclasses")  # ~1 ms a class on Python 3.11: the window's two records are NamedTuples


def test_the_window_is_shown_before_the_file_layers_are_imported(tmp_path):
    """benchmarks/startup.py's "shown" (≤ 1.3 × a bare window): what the window needs before the file is opened
    is Qt and the ui's menus, not the store, sqlite-utils or a document writer; a menu's command imports what it
    uses when it runs (ui/sync/commands.py)."""
    code = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from finsamdesk.ui.main_window import MainWindow\n"
        "window = MainWindow(None, Path(sys.argv[1]))\n"
        "window.show()\n"
        "app.processEvents()\n"
        "print(json.dumps([(a.text(), len(a.menu().actions())) for a in window.menuBar().actions()]))\n"
        "print(json.dumps(sorted({'QFont', 'QIcon'} & set(vars(sys.modules['PySide6.QtGui'])))))\n"
        "window.fill_menus()\n"
        "print(json.dumps(sum(len(a.menu().actions()) for a in window.menuBar().actions())))\n"
        "print(window.saving.watching)\n"
        "print('Qt' in vars(sys.modules['PySide6.QtCore']))\n"  # PySide builds the Qt namespace on first use
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    root = Path(__file__).resolve().parents[2]  # this checkout's finsamdesk, not an installed one
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FINSAMDESK_HOME": str(tmp_path / "home"),
           "PYTHONPATH": str(root)}
    result = subprocess.run([sys.executable, "-c", code, str(tmp_path / "f.sqlite")], capture_output=True,
                            text=True, env=env, cwd=root, timeout=120, check=True)
    loaded = json.loads(result.stdout.splitlines()[-1])
    early = [m for m in loaded if any(m == p or m.startswith(p + ".") for p in SHOWN_WITHOUT)]
    assert early == []
    # ~30 ms: a module that names Qt.Key or Qt.AlignmentFlag at import pays it before the window shows
    # (ui/autosave.py did, and shown went from 1.3 to 1.8 × a bare window)
    assert result.stdout.splitlines()[-2] == "False"
    # every event through a Python event filter makes PySide build its event type and enums (~70 ms of the first
    # paint): the autosave's filter on the application waits for a file
    assert result.stdout.splitlines()[-3] == "False"
    # ~5 ms: the menu bar has its titles in the first frame; the commands are filled the moment after (app.main,
    # before the file is opened), and then every menu has them
    titles, filled = json.loads(result.stdout.splitlines()[-6]), json.loads(result.stdout.splitlines()[-4])
    assert [t for t, _ in titles] == ["&Arkiv", "&Redigera", "A&nsökan", "&Deltagare", "&Möten", "&Visa", "&Hjälp"]
    assert all(n == 0 for _, n in titles) and filled > 50
    # and the text at the desktop's size asks for no font: PySide builds QFont (and QIcon, for the menus'
    # actions) after the window is shown
    assert json.loads(result.stdout.splitlines()[-5]) == []


FILLED_WITHOUT = ("sqlite_utils", "click", "pluggy", "dateutil", "finsamdesk.store.schema",
                  "finsamdesk.domain.esf_parts", "finsamdesk.services.working_copies", "secrets", "socket",
                  "finsamdesk.ui.dialogs", "finsamdesk.ui.date_edit", "finsamdesk.ui.opening_questions",
                  # ~6 ms: the title and the status bar count, the registers' classes and checks wait
                  "finsamdesk.domain.registers", "finsamdesk.domain.identifiers", "finsamdesk.store.registers",
                  # ~4 ms: Översikt's figures and reports due come from store/insats_figures.py alone
                  "finsamdesk.domain.insatser", "finsamdesk.store.insatser")
NOT_BUILT = ("QMessageBox", "QDialogButtonBox", "QCalendarWidget")  # PySide builds a type (and its enums) on first use


def test_the_first_page_is_filled_without_sqlite_utils_and_typing_is_watched_after_it(tmp_path):
    """benchmarks/startup.py's "ready" (≤ 2 × a bare window), as app.main opens a file: the file is opened and
    Översikt filled through the connection alone (store/database.py) — sqlite-utils with click, pluggy and dateutil
    was ~50 ms of it — and the autosave's filter on the application, whose first event makes PySide build every
    wrapper type left (~45 ms), starts after the page is on screen."""
    from finsamdesk.services import demo, files

    path = tmp_path / "exempel.sqlite"
    db = files.new_file(path, "")
    demo.create_example(db)
    db.conn.close()
    code = (
        "import json, sys, time\n"
        "from pathlib import Path\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from finsamdesk.ui.main_window import MainWindow\n"
        "from finsamdesk.ui.opening import open_interactively\n"
        "path = Path(sys.argv[1])\n"
        "window = MainWindow(None, path)\n"
        "window.show()\n"
        "app.processEvents()\n"
        "db, lock = open_interactively(window, path)\n"
        "window.set_file(db, path, lock)\n"
        "filled = window.overview.waiting.count()\n"
        "loaded = sorted(sys.modules)\n"
        "built = sorted(set(vars(sys.modules['PySide6.QtWidgets'])) & set(sys.argv[2:]))\n"
        "watching_at_once = window.saving.watching\n"
        "deadline = time.monotonic() + 5\n"
        "while not window.saving.watching and time.monotonic() < deadline:\n"
        "    app.processEvents()\n"
        "    time.sleep(0.01)\n"
        "print(json.dumps([filled, watching_at_once, window.saving.watching, loaded, built]))\n"
        "window.close()\n"
    )
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FINSAMDESK_HOME": str(tmp_path / "home"),
           "PYTHONPATH": str(root)}
    result = subprocess.run([sys.executable, "-c", code, str(path), *NOT_BUILT], capture_output=True, text=True,
                            env=env, cwd=root, timeout=120, check=True)
    filled, watching_at_once, watching_later, loaded, built = json.loads(result.stdout.splitlines()[-1])
    assert filled > 0  # the page shows the example's waiting applications
    assert [m for m in loaded if any(m == p or m.startswith(p + ".") for p in FILLED_WITHOUT)] == []
    assert built == []  # ~3 ms: the date field's calendar and the dialogs' buttons wait until a page uses them
    assert (watching_at_once, watching_later) == (False, True)
