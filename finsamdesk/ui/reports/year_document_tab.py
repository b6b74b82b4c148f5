"""Årsredovisning, delårsrapport or verksamhetsplan: the prose sections written here (saved per year in the file,
kept when the figures change), the few amounts a user enters (balance items; a delårsrapport's utfall so far and
its cut-off date), and the document as Word, PDF or Excel."""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.annual import SECTIONS
from ...domain.money import AmountError, format_amount, format_kr, parse_amount
from ...services import report_data, year_report
from ...services.errors import ServiceError, ValidationError
from ..widgets import MessageLabel, refill
from .exports import ExportButtons

if TYPE_CHECKING:
    from sqlite_utils import Database


class YearDocumentTab(QWidget):
    """Public: set_database(db), reload(), year (combo), texts (section → editor), amounts (key → line edit),
    cutoff (line edit, delårsrapport only), save(), save_button, exports, message, is_dirty(); signal changed."""

    changed = Signal()

    def __init__(self, kind: str, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.db: Database | None = None
        self.today = today or date.today()
        self.year = QComboBox()
        self.year.currentIndexChanged.connect(lambda _: self.reload())
        self.texts = {key: QPlainTextEdit() for key, _, _ in SECTIONS[kind]}
        self.amounts: dict[str, QLineEdit] = {}
        self.cutoff = QLineEdit() if kind == "delar" else None
        self.save_button = QPushButton(self.tr("Spara texter och belopp"))
        self.save_button.clicked.connect(self.save)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.message = MessageLabel()
        self.exports = ExportButtons(self, self.message, lambda: (self.kind, self.chosen_year))
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("År")))
        bar.addWidget(self.year)
        bar.addStretch(1)
        bar.addWidget(self.save_button)
        bar.addWidget(self.exports)
        body = QWidget()
        columns = QHBoxLayout(body)
        prose = QVBoxLayout()
        for key, heading, hint in SECTIONS[kind]:
            editor = self.texts[key]
            editor.setPlaceholderText(hint)
            editor.setMinimumHeight(90)
            prose.addWidget(QLabel(f"<b>{heading}</b>"))
            prose.addWidget(editor)
        columns.addLayout(prose, 3)
        if kind != "verksamhetsplan":
            columns.addWidget(self._amounts_box(), 2)
        else:
            columns.addWidget(self._samrad_box(), 3)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(QLabel(self.tr("Siffrorna räknas fram ur filen när dokumentet skrivs; texterna och beloppen "
                                        "här sparas för året och finns kvar när siffrorna ändras.")))
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)

    def _amounts_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Belopp att fylla i"))
        form = QFormLayout(box)
        if self.cutoff is not None:
            self.cutoff.setPlaceholderText("08-31")
            self.cutoff.setToolTip(self.tr("Delårsrapportens sista dag, MM-DD (t.ex. 04-30 eller 08-31)."))
            form.addRow(self.tr("Brytdag (MM-DD)"), self.cutoff)
        for key, label in year_report.entered_keys(self.kind).items():
            edit = QLineEdit()
            edit.setPlaceholderText(self.tr("belopp i kr"))
            self.amounts[key] = edit
            form.addRow(label, edit)
        return box

    def _samrad_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Underlag för medlemssamråd: medlemsbidrag tre år framåt"))
        layout = QVBoxLayout(box)
        self.samrad = QTableWidget(0, 4)
        self.samrad.verticalHeader().hide()
        self.samrad.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.samrad.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.samrad_note = QLabel()
        self.samrad_note.setWordWrap(True)
        layout.addWidget(self.samrad, 1)
        layout.addWidget(self.samrad_note)
        return box

    def _show_samrad(self) -> None:
        from ...services import plan

        if self.db is None:
            return
        p = plan.plan(self.db, self.chosen_year, self.today)
        years = [c.year for c in p.contributions]
        self.samrad.setColumnCount(1 + len(years))
        self.samrad.setHorizontalHeaderLabels([self.tr("Medlem"), *(f"{c.year}{' *' if c.assumed else ''}"
                                                                    for c in p.contributions)])
        rows = [(payer, [p.amount(payer, y) for y in years]) for payer in p.payers]
        rows.append((self.tr("Summa"), [c.total for c in p.contributions]))
        self.samrad.setRowCount(len(rows))
        for r, (payer, amounts) in enumerate(rows):
            self.samrad.setItem(r, 0, QTableWidgetItem(payer))
            for c, amount in enumerate(amounts, start=1):
                cell = QTableWidgetItem(format_kr(amount) if amount is not None else "–")
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.samrad.setItem(r, c, cell)
        assumed = any(c.assumed for c in p.contributions)
        self.samrad_note.setText(self.tr("* Budgeten för året har inget medlemsbidrag ännu: det senaste årets "
                                         "medlemsbidrag och nyckel antas.") if assumed else "")

    @property
    def chosen_year(self) -> int:
        return self.year.currentData() or self._default_year()

    def _default_year(self) -> int:
        return {"arsredovisning": self.today.year - 1, "delar": self.today.year}.get(self.kind, self.today.year + 1)

    def set_database(self, db: Database) -> None:
        self.db = db
        years = range(self.today.year - 5, self.today.year + 3)
        self.year.blockSignals(True)
        refill(self.year, ((str(y), y) for y in years), self._default_year())
        self.year.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        if self.db is None:
            return
        texts = year_report.texts(self.db, self.chosen_year, self.kind)
        for key, editor in self.texts.items():
            editor.setPlainText(texts.get(key, ""))
        if self.amounts:
            saved = year_report.amounts(self.db, self.chosen_year, self.kind)
            for key, edit in self.amounts.items():
                edit.setText(format_amount(saved[key], sep=" ") if key in saved else "")
        if self.cutoff is not None:
            self.cutoff.setText(report_data.cutoff_setting(self.db))
        if self.kind == "verksamhetsplan":
            self._show_samrad()
        self._saved = self._current()
        self.message.clear_message()

    def _current(self) -> tuple[tuple[str, ...], tuple[str, ...], str]:
        return (tuple(e.toPlainText() for e in self.texts.values()), tuple(e.text() for e in self.amounts.values()),
                self.cutoff.text() if self.cutoff is not None else "")

    def is_dirty(self) -> bool:
        return self.db is not None and self._current() != self._saved

    def save(self) -> bool:
        if self.db is None:
            return False
        try:
            amounts = {}
            for key, edit in self.amounts.items():
                try:
                    amounts[key] = parse_amount(edit.text())
                except AmountError as exc:
                    edit.setFocus()
                    label = year_report.entered_keys(self.kind)[key]
                    raise ValidationError(f"{label}: {exc}", {key: str(exc)}) from exc
            year_report.save_inputs(self.db, self.chosen_year, self.kind,
                                    {key: e.toPlainText() for key, e in self.texts.items()}, amounts,
                                    self.cutoff.text() if self.cutoff is not None else None)
        except ServiceError as exc:
            self.message.show_error(str(exc))
            return False
        self._saved = self._current()
        self.message.show_info(self.tr("Sparat för %d.") % self.chosen_year)
        self.changed.emit()
        return True
