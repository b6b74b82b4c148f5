"""What the window asks when a förbund's file cannot simply be opened (ui/opening.py): to open it read-only when
another finsamdesk has it or it cannot be written here, to restore the latest backup when it is not sound."""
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


def read_only_instead(parent: QWidget | None, path: Path, exc: Exception):
    """Another finsamdesk has the file, or it cannot be written here: open it read-only, if the user wants."""
    from ..services import files

    title = ("Filen är redan öppen" if isinstance(exc, files.FileInUseError) else
             "Disken är full" if isinstance(exc, files.DiskFullError) else "Filen går inte att ändra")
    if not _ask(parent, title, str(exc), "Öppna skrivskyddad"):
        return None
    try:
        return files.open_file(path, create=False, read_only=True), None
    except ServiceError as again:
        QMessageBox.warning(parent, "Filen kan inte öppnas", str(again))
        return None


def cannot_open(parent: QWidget | None, path: Path, exc: Exception):
    """A file that is newer than this finsamdesk, or not sound: its latest sound backup is offered where there is
    one (and for a damaged file in any case, with what to do); otherwise the reason is shown."""
    from ..services import backups, files

    unsound = path.is_file() and not isinstance(exc, files.NewerFileError)
    latest = backups.latest_restorable(path) if unsound else None
    if isinstance(exc, files.DamagedFileError) or latest is not None:
        return _restore_instead(parent, path, exc, latest)
    QMessageBox.warning(parent, "Filen kan inte öppnas", str(exc))
    return None


def _restore_instead(parent, path: Path, exc: Exception, latest):
    """A file that is not sound (damaged, empty, cut short, not ours): its latest sound backup is offered."""
    from ..services import backups, files

    if latest is None:
        empty = path.is_file() and path.stat().st_size == 0
        text = (f"{exc}\n\nDet finns ingen säkerhetskopia i {backups.folder(path)}. Kontakta den som sköter era "
                "säkerhetskopior.")
        if not empty:
            QMessageBox.critical(parent, "Filen är skadad", text)
            return None
        if not _ask(parent, "Filen är tom", text + "\n\nEller börja om med en ny, tom fil med samma namn.",
                    "Börja om med en ny fil"):
            return None
        try:
            return files.new_file(path, ""), files.lock_file(path)
        except ServiceError as again:
            QMessageBox.critical(parent, "Filen kan inte skapas", str(again))
            return None
    text = (f"{exc}\n\nDen senaste säkerhetskopian är från {latest.made:%Y-%m-%d kl. %H.%M} och innehåller "
            f"{latest.summary}.\n\nVill du återställa den? Filen som den är nu sparas undan i "
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
                            f"{latest.made:%Y-%m-%d kl. %H.%M}. Filen som den var finns kvar som "
                            f"{aside.name if aside else '(ingen)'}.")
    return opened
