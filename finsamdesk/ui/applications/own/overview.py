"""The budget's key figures as the form prints them (Budgetöversikt / Ekonomi - Budget), recomputed on every
keystroke, each with what a reviewer would question written beside it."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QWidget

from ....domain.checks import Problem
from ....domain.esf import EsfResult
from ....domain.esf_report import overview_figures
from ....domain.forms import FormTemplate
from ...widgets import ERROR_STYLE, WARNING_STYLE


class OverviewPanel(QGroupBox):
    """`show(result, problems)` fills the figures; a problem whose `where` is `budget.<figure>` is shown on that
    figure's row; other budget problems under the figures."""

    def __init__(self, template: FormTemplate, parent: QWidget | None = None):
        super().__init__(self.tr("Budgeten som finansiären räknar den"), parent)
        self.rows = overview_figures(template)
        self.support_name = "esf_stod" if template.budget_model == "esf-2014-2020" else "stod"
        grid = QGridLayout(self)
        self.values: dict[str, QLabel] = {}
        self.notes: dict[str, QLabel] = {}
        shown = {name for _label, name in self.rows}
        extra = [] if self.support_name in shown else [(self.tr("Sökt stöd från finansiären"), self.support_name)]
        for r, (label, name) in enumerate(self.rows + extra):
            grid.addWidget(QLabel(label), r, 0)
            value = QLabel()
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value.setObjectName(f"figure_{name}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(value, r, 1)
            note = QLabel()
            note.setWordWrap(True)
            note.setObjectName(f"note_{name}")
            grid.addWidget(note, r, 2)
            self.values.setdefault(name, value)
            self.notes.setdefault(name, note)
        self.other = QLabel()
        self.other.setWordWrap(True)
        grid.addWidget(self.other, len(self.rows) + len(extra), 0, 1, 3)
        grid.setColumnStretch(2, 1)

    def show_budget(self, result: EsfResult, problems: list[Problem]) -> None:
        for name, label in self.values.items():
            label.setText(result.figures.text(name))
        by_figure: dict[str, list[Problem]] = {}
        elsewhere: list[Problem] = []
        for p in problems:
            name = p.where[len("budget."):] if p.where.startswith("budget.") else ""
            if name in self.notes:
                by_figure.setdefault(name, []).append(p)
            elif p.where.startswith("budget"):
                elsewhere.append(p)
        for name, note in self.notes.items():
            found = by_figure.get(name, [])
            note.setText("\n".join(f"⚠ {p.message}" for p in found))
            note.setStyleSheet(ERROR_STYLE if any(p.severity == "error" for p in found) else WARNING_STYLE)
        self.other.setText("\n".join(f"⚠ {p.message}" for p in elsewhere))
        self.other.setStyleSheet(WARNING_STYLE)
