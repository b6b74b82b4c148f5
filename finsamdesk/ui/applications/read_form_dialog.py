"""Läs in ifylld blankett: a received form's fields side by side with the text they came from.

Left of each field the file's text (read-only), right the value that will be saved (editable).
Above, what needs a look: errors (a typed total that differs from its rows, a check digit),
warnings (a date outside the period, a participant count taken from a sentence) and text that
could not be placed (kept in the history note). Nothing is saved until "Spara som ny ansökan";
then the whole ansökan is saved in one transaction by services.form_reader.
"""
from __future__ import annotations

import copy

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...domain.application import Application
from ...domain.dates import DateError, iso, parse_date
from ...domain.form_findings import ERROR, UNPLACED
from ...domain.forms import BudgetTable, ContactsTable, TimeplanTable
from ...services import form_reader
from ...services.errors import ServiceError
from ..date_edit import DateEdit
from ..dialogs import ok_cancel
from ..widgets import ERROR_STYLE, WARNING_STYLE, MessageLabel
from .read_form_fields import BudgetEditor, ContactsEditor, PhasesEditor

SOURCE_STYLE = "QPlainTextEdit { background: #f4f5f7; color: #333; }"
MARKS = {ERROR: ("Fel", ERROR_STYLE), UNPLACED: ("Ej placerat", "color: #555;")}


def tr(text: str) -> str:
    return QCoreApplication.translate("ReadFormDialog", text)


def _source(text: str) -> QPlainTextEdit:
    box = QPlainTextEdit(text or tr("(inget i filen)"))
    box.setReadOnly(True)
    box.setStyleSheet(SOURCE_STYLE)
    return box


def _grow(box: QPlainTextEdit, text: str, lo: int = 2, hi: int = 14) -> None:
    lines = max(lo, min(hi, sum(1 + len(part) // 90 for part in (text or "").split("\n"))))
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 14)


class ReadFormDialog(QDialog):
    """Review a Proposal; on accept `saved` is the new ansökan (already in the file)."""

    def __init__(self, db, proposal: form_reader.Proposal, parent=None):
        super().__init__(parent)
        self.db = db
        self.proposal = proposal
        self.saved: Application | None = None
        self.setWindowTitle(tr("Läs in ifylld blankett – {0}").format(proposal.file_name))
        self.template_box = QComboBox()
        for score, template_id, name in proposal.candidates:
            self.template_box.addItem(f"{name}  ({round(score * 100)} % igenkänt)", template_id)
        self.template_box.setCurrentIndex(max(0, self.template_box.findData(proposal.reading.template.id)))
        self.template_box.currentIndexChanged.connect(self._template_chosen)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Formulär:")))
        top.addWidget(self.template_box, 1)
        self.findings = QListWidget()
        self.findings.itemActivated.connect(self._go_to_finding)
        self.findings.itemClicked.connect(self._go_to_finding)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.message = MessageLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(QLabel(tr("Att titta på innan du sparar (klicka för att gå till fältet):")))
        layout.addWidget(self.findings)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.message)
        layout.addWidget(ok_cancel(self, self._save, tr("Spara som ny ansökan")))
        self._build()
        screen = (parent.screen() if parent is not None else QGuiApplication.primaryScreen()).availableGeometry()
        self.resize(min(1400, int(screen.width() * 0.92)), int(screen.height() * 0.9))

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        reading = self.proposal.reading
        app, template = reading.app, reading.template
        body = QWidget()
        self.grid = QGridLayout(body)
        self.grid.setColumnStretch(1, 2)
        self.grid.setColumnStretch(2, 3)
        for c, text in enumerate((tr("Fält"), tr("I filen"), tr("Inläst värde (ändra här)"))):
            head = QLabel(f"<b>{text}</b>")
            self.grid.addWidget(head, 0, c)
        self.rows: dict[str, int] = {}
        self.texts: dict[str, QPlainTextEdit | QLineEdit] = {}
        self.name = self._line("name", tr("Namn"), app.name)
        self.applicant = self._line("applicant_text", tr("Sökande"), app.applicant_text)
        self.contacts: list[ContactsEditor] = []
        self.budget: BudgetEditor | None = None
        self.phases: PhasesEditor | None = None
        for s in template.sections:
            if s.answer == "text" and not s.binds:
                text = app.text(s.id)
                box = QPlainTextEdit(text)
                _grow(box, text, 3)
                self._row(f"section:{s.id}", s.short, box)
                self.texts[s.id] = box
            t = s.table
            if isinstance(t, ContactsTable):
                editor = ContactsEditor(t, app.contacts_for(t.role))
                self._row(f"contacts:{t.role}", s.short, editor)
                self.contacts.append(editor)
            elif isinstance(t, BudgetTable):
                self.budget = BudgetEditor(t, app.budget)
                self._row("budget", tr("Budget ({0})").format(t.unit), self.budget)
            elif isinstance(t, TimeplanTable):
                self.phases = PhasesEditor(t, app)
                self._row("period", tr("Period och faser"), self.phases)
        self.place = self._line("place_date", tr("Ort"), app.place)
        self.signed_on = self._line("place_date_date", tr("Datum"), iso(app.signed_on), source_key="place_date",
                                    is_date=True)
        count = "" if app.planned_participants is None else str(app.planned_participants)
        self.participants = self._line("participants", tr("Planerade deltagare"), count)
        note = reading.note(self.proposal.file_name)
        self.note = QPlainTextEdit(note or tr("All text i filen har fått en plats."))
        self.note.setReadOnly(True)
        _grow(self.note, note, 2, 10)
        self._row("unplaced", tr("Ej placerad text (sparas i historiken)"), self.note, source="")
        self.grid.setRowStretch(self.grid.rowCount(), 1)
        self.scroll.setWidget(body)
        self._fill_findings()

    def _line(self, key: str, label: str, value: str, source_key: str | None = None, *,
              is_date: bool = False) -> QLineEdit:
        edit = DateEdit(value) if is_date else QLineEdit(value)
        self._row(key, label, edit, source=self.proposal.reading.sources.get(source_key or key, ""))
        return edit

    def _row(self, key: str, label: str, widget: QWidget, source: str | None = None) -> None:
        r = self.grid.rowCount()
        self.rows[key] = r
        text = self.proposal.reading.sources.get(key, "") if source is None else source
        severities = {f.severity for f in self.proposal.reading.findings if f.where == key}
        mark = "⚠ " if severities else ""
        caption = QLabel(mark + label)
        caption.setWordWrap(True)
        caption.setMaximumWidth(220)
        caption.setStyleSheet(ERROR_STYLE if ERROR in severities else WARNING_STYLE if severities else "")
        caption.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.grid.addWidget(caption, r, 0)
        src = _source(text)
        _grow(src, text, 1 if isinstance(widget, QLineEdit) else 3)
        self.grid.addWidget(src, r, 1, Qt.AlignmentFlag.AlignTop)
        self.grid.addWidget(widget, r, 2, Qt.AlignmentFlag.AlignTop)

    def _fill_findings(self) -> None:
        self.findings.clear()
        findings = self.proposal.reading.findings
        if not findings:
            self.findings.addItem(tr("Allt i filen har fått en plats och inget ser fel ut."))
        for f in sorted(findings, key=lambda f: {ERROR: 0, UNPLACED: 2}.get(f.severity, 1)):
            label, style = MARKS.get(f.severity, ("Kontrollera", WARNING_STYLE))
            entry = QListWidgetItem(f"{tr(label)}: {f.message}")
            entry.setData(Qt.ItemDataRole.UserRole, f.where)
            entry.setForeground({ERROR: Qt.GlobalColor.darkRed, UNPLACED: Qt.GlobalColor.darkGray}.get(
                f.severity, Qt.GlobalColor.darkYellow))
            entry.setToolTip(f.text)
            self.findings.addItem(entry)
        rows = max(1, min(6, len(findings)))
        self.findings.setFixedHeight(self.findings.sizeHintForRow(0) * rows + 2 * self.findings.frameWidth() + 4)

    def _go_to_finding(self, entry: QListWidgetItem) -> None:
        where = entry.data(Qt.ItemDataRole.UserRole) or ""
        key = {"phases": "period", "orgnr": "applicant_text"}.get(where, where)
        row = self.rows.get(key)
        if row is None:
            return
        widget = self.grid.itemAtPosition(row, 2).widget()
        self.scroll.ensureWidgetVisible(widget, 0, 80)
        widget.setFocus()

    def _template_chosen(self) -> None:
        template_id = self.template_box.currentData()
        if template_id == self.proposal.reading.template.id:
            return
        self.proposal = form_reader.reread(self.proposal, template_id)
        self._build()

    # ------------------------------------------------------------------ saving
    def corrected(self) -> tuple[Application, list[str]]:
        """The ansökan as the user left it, and what cannot be read (Swedish)."""
        app = copy.deepcopy(self.proposal.app)
        errors: list[str] = []
        app.name, app.applicant_text = self.name.text().strip(), self.applicant.text().strip()
        for section_id, box in self.texts.items():
            text = box.toPlainText().strip()
            if text:
                app.sections[section_id] = text
            else:
                app.sections.pop(section_id, None)
        app.contacts = [c for editor in self.contacts for c in editor.contacts()]
        if self.budget is not None:
            errors += self.budget.read_into(app)
        if self.phases is not None:
            errors += self.phases.read_into(app)
        app.place = self.place.text().strip()
        try:
            app.signed_on = parse_date(self.signed_on.text())
        except DateError as exc:
            errors.append(tr("Datum: {0}").format(exc))
        count = self.participants.text().strip()
        if count and not count.isdigit():
            errors.append(tr("Planerade deltagare ska vara ett heltal."))
        app.planned_participants = int(count) if count.isdigit() else None
        return app, errors

    def _save(self) -> None:
        app, errors = self.corrected()
        if not app.name:
            errors.insert(0, tr("Insatsens namn behövs."))
        if errors:
            self.message.show_error(tr("Inget sparades: ") + " ".join(errors))
            return
        try:
            self.saved = form_reader.save_proposal(self.db, self.proposal, app)
        except ServiceError as exc:
            self.message.show_error(str(exc))
            return
        self.accept()
