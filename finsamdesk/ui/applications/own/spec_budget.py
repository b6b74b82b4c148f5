"""ESF+: the Budgetspecifikation to type in — the call's hourly rate per level (reference data, editable), its flat
rates, the cost lines (a personal line's Summa computed from level, grade and months) and the co-financing lines."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ....domain.esf import EsfResult
from ....domain.esf_parts import (
    COFIN_KINDS,
    COFIN_ROLES,
    COFINANCING,
    COST_SECTIONS,
    FLAT_RATE_BASES,
    PERSONAL,
    SECTORS,
    FlatRate,
    SpecLine,
)
from ....domain.money import AmountError, format_amount, parse_amount
from ...refused_cells import RefusedCells
from ...widgets import MessageLabel, item
from ..undo import ShownCommand
from .rows import Field, PartTable, cell_text

if TYPE_CHECKING:
    from .host import OwnHost

COST_FIELDS = (
    Field("section", "Kostnadsgrupp", "choice", tuple(COST_SECTIONS.items()), width=150),
    Field("bearer", "Kostnadsbärare", width=180), Field("function", "Funktion/Titel", width=120),
    Field("description", "Beskrivning"), Field("level", "Nivå", "count", width=50),
    Field("grade", "Grad %", "count", width=60), Field("months", "Mån", "count", width=50),
    Field("amount", "Belopp (kr)", "money", width=110), Field("sum", "Summa", width=110),
)
COFIN_FIELDS = (
    Field("bearer", "Kostnadsbärare", width=220), Field("amount", "Belopp (kr)", "money", width=110),
    Field("cofin_role", "Andel av", "choice", tuple(COFIN_ROLES.items()), width=220),
    Field("cofin_kind", "Slag", "choice", tuple(COFIN_KINDS.items()), width=180),
    Field("sector", "Sektor", "choice", tuple(SECTORS.items()), width=90),
)
FLAT_FIELDS = (Field("label", "Schablon"), Field("percent_bp", "Procent", "percent", width=80),
               Field("base", "Av", "choice", tuple(FLAT_RATE_BASES.items()), width=180))


class CostLines(PartTable):
    """Cost lines; the Summa column shows what the line comes to (the rate rule for personal lines)."""

    def __init__(self, make_row: Any):
        super().__init__(COST_FIELDS, make_row,
                         readonly=lambda row, f: f.name == "sum" or (f.name == "amount" and row.section == PERSONAL)
                         or (f.name in ("level", "grade", "months", "function") and row.section != PERSONAL))
        self.sums: list[int | None] = []

    def cells(self, row: SpecLine) -> list[str]:
        return ["" if f.name == "sum" else cell_text(f, getattr(row, f.name)) for f in self.fields]

    def set_sums(self, sums: list[int | None]) -> None:
        self._filling = True
        column = len(self.fields) - 1
        for r, value in enumerate(sums[:self.table.rowCount()]):
            text = format_amount(value, "kr", sep=" ") if value is not None else self.tr("saknar timpris")
            shown = self.table.item(r, column)
            if shown is None or shown.text() != text:
                self.table.setItem(r, column, item(text, align_right=True, editable=False))
        self._filling = False


def build_spec_editor(editor: OwnHost) -> tuple[QWidget, Any]:
    """The widgets, and a function (result) → None that shows the computed sums."""
    page = QWidget()
    layout = QVBoxLayout(page)
    message = MessageLabel()
    top = QHBoxLayout()
    rates_box = QGroupBox(editor.tr("Enhetskostnader i utlysningen (timpris per nivå)"))
    rates_layout = QVBoxLayout(rates_box)
    rates = RatesTable(editor, message)
    rates_layout.addWidget(rates)
    top.addWidget(rates_box, 1)
    flat_box = QGroupBox(editor.tr("Schabloner (om utlysningen har dem)"))
    flat = PartTable(FLAT_FIELDS, lambda: FlatRate(editor.tr("Indirekta kostnader"), 1500))
    flat.changed.connect(lambda rows: editor.edit(("esf", "call", "flat_rates"), rows,
                                                  text=editor.tr("Ändra schabloner")))
    editor.setters[("esf", "call", "flat_rates")] = flat.set_rows
    QVBoxLayout(flat_box).addWidget(flat)
    top.addWidget(flat_box, 1)
    layout.addLayout(top)
    layout.addWidget(message)
    costs_box = QGroupBox(editor.tr("Kostnader"))
    costs = CostLines(lambda: SpecLine(PERSONAL, _bearer(editor), level=None, grade=100, months=None))
    costs.changed.connect(lambda rows: _set_lines(editor, rows, cofinancing=False))
    QVBoxLayout(costs_box).addWidget(costs)
    layout.addWidget(costs_box)
    cofin_box = QGroupBox(editor.tr("Medfinansiering per kostnadsbärare"))
    cofin = PartTable(COFIN_FIELDS, lambda: SpecLine(COFINANCING, _bearer(editor)))
    cofin.changed.connect(lambda rows: _set_lines(editor, rows, cofinancing=True))
    QVBoxLayout(cofin_box).addWidget(cofin)
    layout.addWidget(cofin_box)

    def show_lines(lines: list[SpecLine]) -> None:
        costs.set_rows([x for x in lines if x.section != COFINANCING])
        cofin.set_rows([x for x in lines if x.section == COFINANCING])

    editor.setters[("esf", "spec_lines")] = show_lines
    editor.setters[("esf", "call", "rates")] = rates.show_rates

    def show_result(result: EsfResult) -> None:
        app = editor.app
        lines = app.esf.spec_lines if app and app.esf else []
        costs.set_sums([a for x, a in zip(lines, result.line_amounts, strict=True) if x.section != COFINANCING])

    return page, show_result


def _bearer(editor: OwnHost) -> str:
    app = editor.app
    return app.esf.applicant.name if app and app.esf else ""


def _set_lines(editor: OwnHost, rows: list[SpecLine], cofinancing: bool) -> None:
    """Costs first, co-financing after them (the form prints each group apart, so their order between is free)."""
    lines = editor.value(("esf", "spec_lines"))
    costs = [x for x in lines if x.section != COFINANCING]
    cofin = [x for x in lines if x.section == COFINANCING]
    if cofinancing:
        cofin = rows
    else:
        costs = rows
    editor.edit(("esf", "spec_lines"), costs + cofin, text=editor.tr("Ändra budgetspecifikationen"))


class RatesTable(QWidget):
    """Level | kr per hour; the rates are the call's reference data (derived rates are offered for a new one).
    A level or rate that cannot be read stays in its cell, red, until corrected or undone (Ctrl+Z)."""

    def __init__(self, editor: OwnHost, message: MessageLabel):
        super().__init__()
        self.editor, self.message = editor, message
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("rates")
        self.table.setHorizontalHeaderLabels([editor.tr("Nivå"), editor.tr("Timpris (kr)")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setFixedHeight(150)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self._filling = False
        self.table.cellChanged.connect(self._changed)
        self.refused: RefusedCells[tuple[int, int]] = RefusedCells(self.table, self._cell)  # (stored level, column)
        editor.field_messages["esf_rates"] = message
        editor.pending_input["esf_rates"] = self.refused.message
        add, remove = QPushButton(editor.tr("Lägg till nivå")), QPushButton(editor.tr("Ta bort nivå"))
        add.clicked.connect(self._add)
        remove.clicked.connect(self._remove)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def show_rates(self, rates: dict[int, int]) -> None:
        self._filling = True
        self.table.setRowCount(len(rates))
        for r, (level, rate) in enumerate(sorted(rates.items())):
            self.table.setItem(r, 0, item(str(level)))
            kronor, ore = divmod(rate, 100)
            self.table.setItem(r, 1, item(f"{format_amount(kronor * 100, 'kr', with_unit=False, sep=' ')},{ore:02d}",
                                          align_right=True))
        self.refused.repaint()
        self._filling = False

    def _rates(self) -> dict[int, int]:
        return dict(self.editor.value(("esf", "call", "rates")))

    def _text(self, row: int, column: int) -> str:
        cell = self.table.item(row, column)
        return cell.text() if cell is not None else ""

    def _changed(self, row: int, column: int) -> None:
        if self._filling:
            return
        rates = self._rates()
        old_level = sorted(rates)[row] if row < len(rates) else None
        bad = 0  # the cell that cannot be read
        try:
            level_text = self._text(row, 0).strip()
            if not level_text.isdigit() or not 0 < int(level_text) < 100:
                raise ValueError(self.editor.tr("nivån ska vara ett heltal 1–99."))
            bad = 1
            rate = parse_amount(self._text(row, 1), "kr")
            if rate is None or rate <= 0:
                raise ValueError(self.editor.tr("timpriset behövs."))
        except (ValueError, AmountError) as exc:
            if old_level is not None:
                why = self.editor.tr("Enhetskostnad, rad %d: %s") % (row + 1, exc)
                self._refuse((old_level, bad), self._text(row, bad), why)
            return
        if old_level is not None and any([self.refused.clear((old_level, c)) for c in (0, 1)]):
            self.editor.show_pending()
        if old_level is not None:
            rates.pop(old_level, None)
        rates[int(level_text)] = rate
        self.editor.edit(("esf", "call", "rates"), rates, text=self.editor.tr("Ändra timpris"))

    def _refuse(self, key: tuple[int, int], typed: str, why: str) -> None:
        """The text stays in its cell, marked, until corrected or undone (Ctrl+Z), as in the cost tree."""
        before = self.refused.get(key)

        def show(kept: tuple[str, str] | None) -> None:
            if kept is None:
                self.refused.clear(key)
                self.show_rates(self._rates())
            else:
                self.refused.mark(key, *kept)
            self.editor.show_pending()

        self.editor.undo_stack.push(ShownCommand(self.editor.tr("Ändra timpris"), lambda: show((typed, why)),
                                                 lambda: show(before)))

    def _cell(self, key: tuple[int, int]) -> QTableWidgetItem | None:
        levels = sorted(self._rates()) if self.editor.app is not None and self.editor.app.esf else []
        level, column = key
        return self.table.item(levels.index(level), column) if level in levels else None

    def _add(self) -> None:
        rates = self._rates()
        level = max(rates, default=0) + 1
        rates[level] = rates.get(level - 1, 50_000)
        self.editor.edit(("esf", "call", "rates"), rates, text=self.editor.tr("Lägg till nivå"))

    def _remove(self) -> None:
        row = self.table.currentRow()
        rates = self._rates()
        if 0 <= row < len(rates):
            rates.pop(sorted(rates)[row])
            self.editor.edit(("esf", "call", "rates"), rates, text=self.editor.tr("Ta bort nivå"))
