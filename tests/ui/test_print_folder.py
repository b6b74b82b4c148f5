"""Printouts handed to the PDF viewer go to one folder per session, removed when the program ends; folders left
by a session that crashed are removed by a later one."""
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QInputDialog

from finsamdesk.services import applications
from finsamdesk.ui import print_folder
from finsamdesk.ui.main_window import MainWindow


@pytest.fixture
def system_tmp(tmp_path, monkeypatch):
    """The system's temporary folder, here a fresh one; the module starts its session anew."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    monkeypatch.setattr(print_folder, "_folder", None)
    yield folder
    print_folder.remove()


def test_printouts_share_one_session_folder_that_is_removed_at_the_end(qtbot, seeded, tmp_path, system_tmp,
                                                                      monkeypatch):
    db, _sp_id, ps_id = seeded
    other = applications.create(db, "neutral", "En till")
    window = MainWindow(db, tmp_path / "förbund.sqlite")
    qtbot.addWidget(window)
    window.show()
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(Path(url.toLocalFile())))
    monkeypatch.setattr(QInputDialog, "getItem",
                        lambda *a, **k: ("Samordningsförbundet Burlöv-Staffanstorp (version 5)", True))
    page = window.applications
    for app_id in (ps_id, ps_id, other.id):
        page.table.selectRow(page.model.row_of(app_id))
        window.application_commands.print_application()
    window.application_commands.print_blank()
    assert [p.name for p in opened] == ["ansokan-2019-012.pdf", "ansokan-2019-012.pdf",
                                        f"ansokan-{other.diarienummer}.pdf", "formular-burlov-staffanstorp-v5.pdf"]
    assert {p.parent for p in opened} == {print_folder.print_folder()}
    assert list(system_tmp.iterdir()) == [print_folder.print_folder()], "one folder for the session, no other"
    assert all(p.read_bytes().startswith(b"%PDF") for p in opened)
    window.close()
    print_folder.remove()
    assert list(system_tmp.iterdir()) == []


def test_the_folder_goes_when_the_program_exits(tmp_path):
    code = (f"import tempfile; tempfile.tempdir = {str(tmp_path)!r}\n"
            "from finsamdesk.ui.print_folder import print_folder\n"
            "(print_folder() / 'ansokan.pdf').write_bytes(b'%PDF-1.4')\n"
            "print(print_folder())\n")
    made = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert made.startswith(str(tmp_path)) and not Path(made).exists()
    assert list(tmp_path.iterdir()) == []


def test_a_folder_left_by_a_crashed_session_is_removed_once_a_day_old(system_tmp):
    old = system_tmp / f"{print_folder.PREFIX}gammal"
    old.mkdir()
    (old / "ansokan-2019-012.pdf").write_bytes(b"%PDF-1.4")
    day_ago = time.time() - print_folder.STALE_AFTER_S - 60
    os.utime(old, (day_ago, day_ago))
    running = system_tmp / f"{print_folder.PREFIX}annan-session"
    running.mkdir()
    other = system_tmp / "finsamdesk-demo-x"
    other.mkdir()
    os.utime(other, (day_ago, day_ago))
    mine = print_folder.print_folder()
    assert not old.exists() and running.exists() and other.exists() and mine.is_dir()
