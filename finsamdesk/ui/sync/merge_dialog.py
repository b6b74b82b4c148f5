"""Arkiv → Slå ihop en arbetskopia…: what would come in, and every conflict side by side — the main file, the copy
and the base (as both were before) — decided per row or per field. "Slå ihop" is enabled when all are decided;
nothing is written before that (services.working_copies.merge writes it all in one transaction)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain import sync as rules
from ...domain.sync import Conflict, MergePreview, TableCount
from ...services.working_copies import shown
from ..screen_fit import fit
from ..widgets import item

SIDES = {rules.MAIN: "Huvudfilens", rules.COPY: "Kopians"}


def counts_table(counts: list[TableCount], parent: QWidget | None = None) -> QTableWidget:
    table = QTableWidget(len(counts), 4, parent)
    table.setHorizontalHeaderLabels(["Vad", "Nya", "Ändrade", "Borttagna"])
    for r, c in enumerate(counts):
        table.setItem(r, 0, item(rules.table_word(c.table), editable=False))
        for col, n in enumerate((c.added, c.changed, c.deleted), start=1):
            table.setItem(r, col, item(str(n), align_right=True, editable=False))
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for col in (1, 2, 3):
        header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
    return table


class MergeDialog(QDialog):
    """Public: preview, choices (conflict id → side or {column: side}), conflict_list, fields, merge_button;
    choose_row(side), choose_field(row, side), accept_suggestions()."""

    def __init__(self, parent: QWidget | None, preview: MergePreview):
        super().__init__(parent)
        self.preview = preview
        self.choices: dict[int, rules.Choice] = {}
        self.setWindowTitle(self.tr("Slå ihop arbetskopian ”%s”") % preview.copy.label)
        layout = QVBoxLayout(self)
        heading = QLabel(f"<b>{preview.copy.label}</b> — {preview.copy.scope_text}, tagen "
                         f"{preview.copy.made_at.replace('T', ' ')}")
        layout.addWidget(heading)
        summary = QLabel(self._summary() + "".join(f"<br>{note}" for note in preview.notes))
        summary.setWordWrap(True)
        layout.addWidget(summary)
        top = QHBoxLayout()
        self.counts = counts_table(preview.counts)
        self.counts.setMaximumHeight(150)
        top.addWidget(self.counts, 2)
        if preview.renumbered:
            numbers = QListWidget()
            numbers.addItems([f"{r.what} {r.old} → {r.new}" for r in preview.renumbered])
            numbers.setMaximumHeight(150)
            box = QVBoxLayout()
            box.addWidget(QLabel(self.tr("Får riktiga nummer:")))
            box.addWidget(numbers)
            top.addLayout(box, 1)
        layout.addLayout(top)
        self.conflict_list = QListWidget()
        self.fields = QTableWidget(0, 5)
        self.fields.setHorizontalHeaderLabels([self.tr("Fält"), self.tr("Huvudfilen"), self.tr("Arbetskopian"),
                                               self.tr("Före (bas)"), self.tr("Behåll")])
        self.fields.verticalHeader().setVisible(False)
        self.fields.setWordWrap(True)
        header = self.fields.horizontalHeader()
        for col, mode in enumerate((QHeaderView.ResizeMode.ResizeToContents, *[QHeaderView.ResizeMode.Stretch] * 3,
                                    QHeaderView.ResizeMode.ResizeToContents)):
            header.setSectionResizeMode(col, mode)
        self.conflict_title = QLabel()
        self.conflict_title.setWordWrap(True)
        if preview.conflicts:
            layout.addWidget(QLabel(self.tr("<b>Konflikter</b> — samma rad ändrad på båda håll. Välj vad som "
                                            "ska gälla, per rad eller per fält:")))
            layout.addWidget(self._conflict_area(), 1)
        else:
            layout.addStretch(1)
        self.status = QLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.suggestions = buttons.addButton(self.tr("Godta förslagen"), QDialogButtonBox.ButtonRole.ActionRole)
        self.suggestions.clicked.connect(self.accept_suggestions)
        self.suggestions.setVisible(bool(preview.conflicts))
        self.merge_button = buttons.addButton(self.tr("Slå ihop"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.merge_button.clicked.connect(self.accept)
        buttons.rejected.connect(self.reject)
        if preview.nothing_to_do:
            self.counts.hide()
            self.merge_button.hide()
            buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Stäng"))
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)
        if preview.conflicts:
            self.conflict_list.setCurrentRow(0)
        self._update()
        fit(self, 1000, 660 if preview.conflicts else 180 if preview.nothing_to_do else 420)

    def _summary(self) -> str:
        added = sum(c.added for c in self.preview.counts)
        changed = sum(c.changed for c in self.preview.counts)
        deleted = sum(c.deleted for c in self.preview.counts)
        text = self.tr("Från arbetskopian kommer %1 nya, %2 ändrade och %3 borttagna rader.").replace(
            "%1", str(added)).replace("%2", str(changed)).replace("%3", str(deleted))
        if self.preview.already_there:
            text += self.tr(" %s ändringar finns redan i huvudfilen.") % self.preview.already_there
        if self.preview.nothing_to_do:
            text = self.tr("Arbetskopian har inget nytt: allt i den finns redan i huvudfilen.")
        return text

    def _conflict_area(self) -> QWidget:
        self.conflict_list.setWordWrap(True)
        self.conflict_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for c in self.preview.conflicts:
            self.conflict_list.addItem(QListWidgetItem(self._entry_text(c)))
        self.conflict_list.currentRowChanged.connect(self._show_conflict)
        right = QWidget()
        box = QVBoxLayout(right)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.conflict_title)
        box.addWidget(self.fields, 1)
        row_buttons = QHBoxLayout()
        for side, text in ((rules.MAIN, self.tr("Hela raden från huvudfilen")),
                           (rules.COPY, self.tr("Hela raden från arbetskopian"))):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, s=side: self.choose_row(s))
            row_buttons.addWidget(button)
        row_buttons.addStretch(1)
        box.addLayout(row_buttons)
        splitter = QSplitter()
        splitter.addWidget(self.conflict_list)
        splitter.addWidget(right)
        splitter.setSizes([340, 660])
        return splitter

    def _entry_text(self, c: Conflict) -> str:
        mark = "✓ " if rules.decided(c, self.choices.get(c.id)) else "• "
        return f"{mark}{c.label}\n    {rules.KIND_WORDS[c.kind]}"

    def current(self) -> Conflict | None:
        row = self.conflict_list.currentRow()
        return self.preview.conflicts[row] if 0 <= row < len(self.preview.conflicts) else None

    def _show_conflict(self, _row: int = 0) -> None:
        c = self.current()
        if c is None:
            return
        self.conflict_title.setText(f"<b>{c.label}</b> — {rules.KIND_WORDS[c.kind]}")
        choice = self.choices.get(c.id)
        self.fields.clearContents()  # the previous conflict's choosers go with their rows
        self.fields.setRowCount(0)
        self.fields.setRowCount(len(c.differing))
        for r, column in enumerate(c.differing):
            self.fields.setItem(r, 0, item(rules.column_word(column), editable=False))
            for col, side in enumerate(("main", "copy", "base"), start=1):
                self.fields.setItem(r, col, item(shown(c, side, column), editable=False))
            box = QComboBox()
            box.addItem(self.tr("Välj…"), None)
            for side, text in SIDES.items():
                box.addItem(text, side)
            picked = choice if isinstance(choice, str) else (choice or {}).get(column)
            box.setCurrentIndex(max(0, box.findData(picked)))
            box.setEnabled(c.by_field)
            box.currentIndexChanged.connect(lambda _i, row=r, b=box: self.choose_field(row, b.currentData()))
            self.fields.setCellWidget(r, 4, box)
        self.fields.resizeRowsToContents()

    def choose_row(self, side: str) -> None:
        c = self.current()
        if c is not None:
            self.choices[c.id] = side  # type: ignore[assignment]
            self._show_conflict()
            self._update()

    def choose_field(self, row: int, side: str | None) -> None:
        c = self.current()
        if c is None or side is None:
            return
        before = self.choices.get(c.id)
        fields = dict.fromkeys(c.differing, before) if isinstance(before, str) else dict(before or {})
        fields[c.differing[row]] = side
        self.choices[c.id] = {k: v for k, v in fields.items() if v}  # type: ignore[misc]
        self._update()

    def accept_suggestions(self) -> None:
        """Where only one side changed a field, that side's value; fields both changed stay to decide."""
        for c in self.preview.conflicts:
            if c.id not in self.choices and c.by_field and c.suggested:
                self.choices[c.id] = dict(c.suggested)
        self._show_conflict()
        self._update()

    def _update(self) -> None:
        for row, c in enumerate(self.preview.conflicts):
            self.conflict_list.item(row).setText(self._entry_text(c))
        done = sum(1 for c in self.preview.conflicts if rules.decided(c, self.choices.get(c.id)))
        total = len(self.preview.conflicts)
        self.merge_button.setEnabled(done == total and not self.preview.nothing_to_do)
        if total:
            self.status.setText(self.tr("%1 av %2 konflikter avgjorda.").replace("%1", str(done)).replace(
                "%2", str(total)))
        else:
            self.status.setText(self.tr("Inga konflikter.") if not self.preview.nothing_to_do else "")
