"""Opening a förbund's file from the window, with the questions it may need: open read-only when another
finsamdesk has it, restore the latest backup when it is damaged."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from ..services.errors import ServiceError


def _ask(parent: QWidget | None, title: str, text: str, yes: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    accept = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(accept)
    box.exec()
    return box.clickedButton() is accept


def open_interactively(parent: QWidget | None, path: Path, *, create: bool = True):
    """(db, lock) — lock None when read-only — or None when the user gave up (messages were shown)."""
    from ..services import backups, files

    try:
        return files.open_for_writing(path, create=create)
    except (files.FileInUseError, files.FileNotWritableError) as exc:
        title = "Filen är redan öppen" if isinstance(exc, files.FileInUseError) else "Filen går inte att ändra"
        if not _ask(parent, title, str(exc), "Öppna skrivskyddad"):
            return None
        try:
            return files.open_file(path, create=False, read_only=True), None
        except ServiceError as again:
            QMessageBox.warning(parent, "Filen kan inte öppnas", str(again))
            return None
    except files.DamagedFileError as exc:
        latest = backups.latest_restorable(path)
        if latest is None:
            QMessageBox.critical(parent, "Filen är skadad", f"{exc}\n\nDet finns ingen säkerhetskopia i "
                                 f"{backups.folder(path)}. Kontakta den som sköter era säkerhetskopior.")
            return None
        text = (f"{exc}\n\nDen senaste säkerhetskopian är från {latest.made:%Y-%m-%d kl. %H.%M} och innehåller "
                f"{latest.summary}.\n\nVill du återställa den? Den skadade filen sparas undan i "
                f"{backups.folder(path).name}/ och ändras inte.")
        if not _ask(parent, "Filen är skadad", text, "Återställ säkerhetskopian"):
            return None
        try:
            aside = backups.restore(path, latest.path)
            opened = files.open_for_writing(path, create=False)
        except ServiceError as again:
            QMessageBox.critical(parent, "Återställningen misslyckades", str(again))
            return None
        QMessageBox.information(parent, "Återställd", f"Filen är återställd från säkerhetskopian från "
                                f"{latest.made:%Y-%m-%d kl. %H.%M}. Den skadade filen finns kvar som "
                                f"{aside.name if aside else '(ingen)'}.")
        return opened
    except ServiceError as exc:
        QMessageBox.warning(parent, "Filen kan inte öppnas", str(exc))
        return None
