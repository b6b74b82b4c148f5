"""Dialogs of the Deltagare page: the passphrase, an import's bad rows, export choices, the gallring preview,
the register's settings."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.participants import GallringPlan, ImportRowError
from ..dialogs import ok_cancel
from ..widgets import WARNING_STYLE, MessageLabel, item


def _text(text: str, style: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    if style:
        label.setStyleSheet(style)
    return label


class PassphraseDialog(QDialog):
    """Asks for the passphrase: `mode` "unlock", "create" (twice) or "change" (old, new twice, and whether to make
    a new key: `new_key` is checked). `attempt` gets the typed texts (and for "change" that choice) and returns an
    error message (shown, the dialog stays) or "" (the dialog closes)."""

    def __init__(self, parent: QWidget | None, mode: str, attempt: Callable[..., str], hint: str = ""):
        super().__init__(parent)
        self.mode, self.attempt = mode, attempt
        titles = {"unlock": "Lås upp deltagarregistret", "create": "Skydda personuppgifterna",
                  "change": "Byt lösenfras"}
        self.setWindowTitle(self.tr(titles[mode]))
        self.setMinimumWidth(460)
        self.fields = {name: QLineEdit() for name in
                       {"unlock": ("passphrase",), "create": ("passphrase", "repeated"),
                        "change": ("old", "new", "repeated")}[mode]}
        labels = {"passphrase": "Lösenfras", "repeated": "Samma igen", "old": "Nuvarande lösenfras",
                  "new": "Ny lösenfras"}
        form = QFormLayout()
        for name, field in self.fields.items():
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setMinimumWidth(280)
            form.addRow(self.tr(labels[name]), field)
        intro = {
            "unlock": "Personnummer, namn och anteckningar är krypterade i filen. Skriv lösenfrasen för att "
                      "kunna se och ändra dem. Resten av programmet fungerar utan den.",
            "create": "Personnummer, namn och anteckningar sparas krypterade med en lösenfras som bara ni känner "
                      "till. Välj minst tio tecken, gärna några ord.",
            "change": "Skriv den nuvarande lösenfrasen och den nya två gånger, och välj hur den ska bytas.",
        }[mode]
        layout = QVBoxLayout(self)
        layout.addWidget(_text(self.tr(intro)))
        self.new_key = QRadioButton(self.tr("Byt lösenfras och nyckel (säkrast)"))
        if mode == "create":
            layout.addWidget(_text(self.tr("Lösenfrasen kan inte återställas. Glöms den går personnummer och namn "
                                           "inte att läsa, av någon."), WARNING_STYLE))
        layout.addLayout(form)
        if mode == "change":
            self._add_change_choices(layout)
        if hint:
            layout.addWidget(_text(hint))
        self.message = MessageLabel()
        layout.addWidget(self.message)
        buttons = ok_cancel(self, self._accept, self.tr({"unlock": "Lås upp", "create": "Spara lösenfrasen",
                                                         "change": "Byt"}[mode]))
        layout.addWidget(buttons)

    def _add_change_choices(self, layout: QVBoxLayout) -> None:
        """The two ways to change it, each saying what it does."""
        rewrap = QRadioButton(self.tr("Byt bara lösenfrasen (snabbt)"))
        rewrap.setChecked(True)
        for button, text in (
                (rewrap, "Samma nyckel låses med den nya lösenfrasen; posterna skrivs inte om. Den som har känt till "
                         "den gamla lösenfrasen och har en kopia av filen kan fortfarande läsa den kopian."),
                (self.new_key, "En ny nyckel görs och alla personnummer, namn och anteckningar krypteras om med den, "
                               "allt i en transaktion, och de gamla uppgifterna skrivs över i filen. Välj detta om "
                               "lösenfrasen kan ha kommit i fel händer. Tar några sekunder för ett stort register.")):
            layout.addWidget(button)
            layout.addWidget(_text(self.tr(text), "margin-left: 24px;"))
        layout.addWidget(_text(self.tr("Säkerhetskopior som redan är tagna går i båda fallen att läsa med den gamla "
                                       "lösenfrasen.")))

    def _accept(self) -> None:
        texts = [f.text() for f in self.fields.values()]
        problem = self.attempt(*texts, self.new_key.isChecked()) if self.mode == "change" else self.attempt(*texts)
        if problem:
            self.message.show_error(problem)
            first = next(iter(self.fields.values()))
            first.selectAll()
            first.setFocus()
            return
        for field in self.fields.values():
            field.clear()
        self.accept()


class ImportErrorsDialog(QDialog):
    """Every bad row of a refused import, with a button that copies the list."""

    def __init__(self, parent: QWidget | None, summary: str, errors: list[ImportRowError]):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ingenting importerades"))
        self.resize(640, 420)
        self.text = QPlainTextEdit("\n".join(str(e) for e in errors))
        self.text.setReadOnly(True)
        copy = QPushButton(self.tr("Kopiera listan"))
        copy.clicked.connect(lambda: QApplication.clipboard().setText(self.text.toPlainText()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(_text(summary + " " + self.tr("Rätta raderna i filen och importera den igen.")))
        layout.addWidget(self.text)
        layout.addWidget(buttons)


class ExportDialog(QDialog):
    """Export the shown deltagare: without identifiers unless asked (and only when unlocked)."""

    def __init__(self, parent: QWidget | None, count: int, unlocked: bool):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Exportera deltagare"))
        self.setMinimumWidth(420)
        self.with_identifiers = QCheckBox(self.tr("Ta med personnummer, namn och anteckningar"))
        self.with_identifiers.setEnabled(unlocked)
        layout = QVBoxLayout(self)
        layout.addWidget(_text(self.tr("%d deltagare (de som visas i listan) sparas som Excel.") % count))
        layout.addWidget(self.with_identifiers)
        hint = (self.tr("Filen märks då med att den innehåller personuppgifter.") if unlocked else
                self.tr("Lås upp registret för att kunna ta med personuppgifter."))
        layout.addWidget(_text(hint, WARNING_STYLE))
        buttons = ok_cancel(self, self.accept, self.tr("Exportera…"))
        layout.addWidget(buttons)


class GallringDialog(QDialog):
    """The preview: who loses which identifiers; nothing happens until the user confirms."""

    def __init__(self, parent: QWidget | None, plan: GallringPlan, log: list[tuple[str, int, int, str]]):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Gallring av personuppgifter"))
        self.resize(760, 480)
        n = len(plan.items)
        layout = QVBoxLayout(self)
        if n:
            layout.addWidget(_text(self.tr(
                "%d deltagare avslutade för minst %d år sedan. Deras personnummer, namn och anteckningar tas "
                "bort för gott. Kön, födelseår, datum, försörjning och utfall finns kvar, så statistiken "
                "påverkas inte. Varje post får veta vad som togs bort och när.") % (n, plan.cutoff_years)))
        else:
            layout.addWidget(_text(self.tr("Ingen deltagare har personuppgifter som ska gallras i dag (%d år efter "
                                           "avslut).") % plan.cutoff_years))
        self.table = QTableWidget(n, 5)
        self.table.setHorizontalHeaderLabels([self.tr(h) for h in ("Deltagar-id", "Insats", "Slutdatum",
                                                                   "Gallras från", "Tas bort")])
        self.table.verticalHeader().hide()
        from ...domain.participants import gallring_fields

        for row, (p, insats_name, due) in enumerate(plan.items):
            ended = p.end.isoformat() if p.end else ""  # a gallring plan holds ended participations
            for col, text in enumerate((p.code, insats_name, ended, due.isoformat(), gallring_fields(p))):
                self.table.setItem(row, col, item(text, editable=False))
        self.table.resizeColumnsToContents()
        self.table.scrollToTop()
        layout.addWidget(self.table)
        if log:
            layout.addWidget(_text(self.tr("Tidigare gallringar: ") + "; ".join(
                f"{done} ({records} deltagare: {fields})" for done, _years, records, fields in log[:5])))
        buttons = ok_cancel(self, self.accept, self.tr("Gallra %d deltagare") % n)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(n))
        layout.addWidget(buttons)


class RegisterSettingsDialog(QDialog):
    """Idle minutes before the register locks itself; years after the end before identifiers are gallrade."""

    def __init__(self, parent: QWidget | None, lock_minutes: int, gallring_years: int, save: Callable[[int, int], str]):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Deltagarregistrets inställningar"))
        self.setMinimumWidth(420)
        self.save = save
        self.lock_minutes = QSpinBox()
        self.lock_minutes.setRange(1, 240)
        self.lock_minutes.setSuffix(self.tr(" min"))
        self.lock_minutes.setValue(lock_minutes)
        self.gallring_years = QSpinBox()
        self.gallring_years.setRange(0, 50)
        self.gallring_years.setSuffix(self.tr(" år efter avslut"))
        self.gallring_years.setValue(gallring_years)
        form = QFormLayout()
        form.addRow(self.tr("Lås registret efter"), self.lock_minutes)
        form.addRow(self.tr("Gallra personuppgifter"), self.gallring_years)
        self.message = MessageLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(_text(self.tr("Registret låses när ingen har använt tangentbord eller mus på så många "
                                       "minuter. Gallringstiden följer förbundets informationshanteringsplan.")))
        layout.addLayout(form)
        layout.addWidget(self.message)
        buttons = ok_cancel(self, self._accept)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        problem = self.save(self.lock_minutes.value(), self.gallring_years.value())
        if problem:
            self.message.show_error(problem)
            return
        self.accept()
