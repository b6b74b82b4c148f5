"""The tabs of an own application's editor: the form, the project and applicant, the organisations, the lists,
the budget (with the figures and their warnings) and Granskning (everything a reviewer would question), then the
history. Every change is recomputed and checked at once (services.own_applications.budget_of, well under a
millisecond)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QScrollArea, QSplitter, QVBoxLayout, QWidget

from ....domain.checks import Problem
from ....services import own_applications
from ...widgets import MessageLabel
from .form_tab import build_form_tab
from .lists_tab import build_actors_tab, build_lists_tab
from .overview import OverviewPanel
from .project_tab import build_project_tab

if TYPE_CHECKING:
    from .host import OwnHost

FORM, PROJECT, ACTORS, LISTS, BUDGET, REVIEW = ("Formulär", "Projekt och sökande", "Aktörer",
                                                "Delprojekt och risker", "Budget", "Granskning")


def _scrolled(widget: QWidget) -> QScrollArea:
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(widget)
    return scroll


def tab_of(where: str) -> str:
    """The tab where a problem's field is edited."""
    head = where.split(".", 1)[0].split(":", 1)[0]
    if head in ("budget", "spec"):
        return BUDGET
    if head == "actors":
        return ACTORS
    if head in ("delprojekt", "risker", "funding"):
        return LISTS
    if head in ("tidplan", "period", "deltagare", "applicant", "workplace", "diarienummer"):
        return PROJECT
    return FORM


def build_own_tabs(editor: OwnHost) -> None:
    from ..editor_tabs import HistoryTable

    tr = editor.tr
    editor.tabs.addTab(_scrolled(build_form_tab(editor)), tr(FORM))
    editor.tabs.addTab(_scrolled(build_project_tab(editor)), tr(PROJECT))
    actors, show_actor_problems = build_actors_tab(editor)
    editor.tabs.addTab(_scrolled(actors), tr(ACTORS))
    lists, show_list_problems = build_lists_tab(editor)
    editor.tabs.addTab(_scrolled(lists), tr(LISTS))
    overview = OverviewPanel(editor.form_template)
    message = MessageLabel()
    if editor.form_template.cost_tree is not None:  # the tree to type in beside the overview it makes
        from .tree_budget import CostTreeTable

        tree = CostTreeTable(editor, message)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(message)
        left_layout.addWidget(tree, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(_scrolled(overview))
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        budget_page: QWidget = split
        editor.setters[("esf", "cost_cells")] = lambda _cells: tree.show_cells()
        editor.setters[("esf_cell",)] = lambda _value: tree.show_cells()  # one amount (typed, undone, redone)
        show_sums = tree.show_totals
    else:  # the specification's tables are wide: the few figures above them
        from .spec_budget import build_spec_editor

        spec, show_sums = build_spec_editor(editor)
        inner = QWidget()
        budget_layout = QVBoxLayout(inner)
        budget_layout.addWidget(overview)
        budget_layout.addWidget(message)
        budget_layout.addWidget(spec, 1)
        budget_page = _scrolled(inner)
    budget_page.setObjectName("budget_page")
    editor.tabs.addTab(budget_page, tr(BUDGET))
    review = QListWidget()
    review.setObjectName("review")
    review.setWordWrap(True)
    review_page = QWidget()
    review_layout = QVBoxLayout(review_page)
    review_layout.addWidget(QLabel(tr("Det en granskare hos finansiären skulle fråga om. Dubbelklicka för att gå "
                                      "dit det rättas.")))
    review_layout.addWidget(review)
    editor.tabs.addTab(review_page, tr(REVIEW))
    editor.history = HistoryTable()
    editor.tabs.addTab(editor.history, tr("Historik"))

    def go(entry: QListWidgetItem) -> None:
        wanted = entry.data(Qt.ItemDataRole.UserRole)
        for i in range(editor.tabs.count()):
            if editor.tabs.tabText(i) == tr(wanted):
                editor.tabs.setCurrentIndex(i)

    review.itemActivated.connect(go)

    def refresh(problems: list[Problem]) -> None:
        budget = own_applications.budget_of(editor.application, editor.form_template)
        overview.show_budget(budget.result, budget.problems)
        show_sums(budget.result)
        show_actor_problems(problems)
        show_list_problems(problems)
        review.clear()
        for p in sorted(problems, key=lambda p: p.severity != "error"):
            entry = QListWidgetItem(("✖ " if p.severity == "error" else "⚠ ") + p.message)
            entry.setData(Qt.ItemDataRole.UserRole, tab_of(p.where))
            entry.setToolTip(tr("Rättas under fliken %s") % tr(tab_of(p.where)))
            review.addItem(entry)
        if not problems:
            review.addItem(tr("✓ Inget att anmärka."))
        editor.tabs.setTabText(editor.tabs.indexOf(review_page), tr(REVIEW) + (f" ({len(problems)})" if problems
                                                                                else ""))

    editor.own_refresh = refresh
