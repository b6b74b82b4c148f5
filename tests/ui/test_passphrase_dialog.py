"""Byt lösenfras: the dialog says what each choice does, and choosing a new key re-encrypts the register while the
page keeps working with the new key."""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from finsamdesk.services import participants
from finsamdesk.services.demo_participants import EXAMPLE_PASSPHRASE
from finsamdesk.ui.pages import ROW
from finsamdesk.ui.participants import dialogs

NEW = "en helt ny och lång lösenfras"
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"


def _answer_with(monkeypatch, texts_by_mode, choose_new_key, shots):
    def exec_(dialog):
        dialog.resize(dialog.sizeHint())
        if os.environ.get("FINSAMDESK_SCREENSHOTS"):
            ARTIFACTS.mkdir(exist_ok=True)
            dialog.grab().save(str(ARTIFACTS / f"losenfras-{dialog.mode}.png"))
        shots.append(dialog)
        for field, text in zip(dialog.fields.values(), texts_by_mode[dialog.mode], strict=True):
            field.setText(text)
        dialog.new_key.setChecked(choose_new_key)
        dialog._accept()
        return dialog.result()

    monkeypatch.setattr(dialogs.PassphraseDialog, "exec", exec_)


def test_the_dialog_offers_a_new_key_and_the_page_reads_with_it(example_window, monkeypatch, qtbot):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    shots = []
    _answer_with(monkeypatch, {"unlock": [EXAMPLE_PASSPHRASE], "change": [EXAMPLE_PASSPHRASE, NEW, NEW]}, True,
                 shots)
    window = example_window()
    window.nav.setCurrentRow(ROW["participants"])
    QApplication.processEvents()
    page = window.participants
    old_key = page.key
    assert old_key is not None
    page.change_passphrase()
    change = shots[-1]
    texts = " ".join(label.text() for label in change.findChildren(dialogs.QLabel))
    assert "krypteras om" in texts and "posterna skrivs inte om" in texts and "gamla lösenfrasen" in texts
    assert page.key is not old_key and page.message.text().startswith("Lösenfrasen och nyckeln är bytta")
    first = participants.Register(window.db).rows[0][participants.Row.ID]
    assert participants.load(window.db, first, page.key).name, "the page reads with the new key"
    assert participants.unlock(window.db, NEW) is not None
