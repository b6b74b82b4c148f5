"""The computed budget of an own application as lines of text: what `applications budget` prints and the editor's
overview shows. Labels are the form's own (its budget grids, cost tree and specification rows)."""
from __future__ import annotations

from dataclasses import dataclass

from .application import Application
from .esf import EsfResult
from .esf_parts import COFINANCING, PERSONAL, SpecLine
from .forms import FormTemplate
from .money import format_amount


@dataclass(frozen=True)
class BudgetLine:
    level: int  # 0 a heading or a total, 1 a group, 2 a line under it
    label: str
    amount: str  # as printed: `25 069 099 kr`, `47,00 %`
    detail: str = ""  # a personal line's level, grade and months


def _kr(ore: int | None) -> str:
    return format_amount(ore or 0, "kr", sep=" ")


def overview_figures(template: FormTemplate) -> list[tuple[str, str]]:
    """(label, figure name) of every grid row or line whose value is one budget figure, in the form's order
    (Budgetöversikt; Ekonomi - Budget; Kostnad per deltagare)."""
    out: list[tuple[str, str]] = []
    for s in template.sections:
        part = s.part
        if part is None or part.type not in ("grid", "lines"):
            continue
        for row in part.rows:
            if len(row) == 2 and row[1].startswith("{budget.") and row[1].endswith("}"):
                out.append((row[0], row[1][len("{budget."):-1]))
        for line in part.lines:
            label, _, rest = line.partition("{budget.")
            if rest.endswith("}") and "{" not in rest:
                out.append((label.strip().rstrip(":"), rest[:-1]))
    return out


def overview_lines(app: Application, template: FormTemplate, result: EsfResult) -> list[BudgetLine]:
    """The form's own overview with its computed figures."""
    return [BudgetLine(0, label, result.figures.text(name)) for label, name in overview_figures(template)]


def detail_lines(app: Application, template: FormTemplate, result: EsfResult) -> list[BudgetLine]:
    """2014–2020: the cost tree (groups and their lines that carry an amount). ESF+: the specification's
    groups and lines, with each personal line's level, grade and months."""
    out: list[BudgetLine] = []
    parts = app.esf
    if result.tree is not None and template.cost_tree is not None:
        cells = parts.cost_cells if parts else {}
        for g in template.cost_tree.groups:
            if g.heading:
                out.append(BudgetLine(0, g.heading, ""))
            out.append(BudgetLine(1, g.label, _kr(result.tree.total(g.key))))
            out += [BudgetLine(2, line.label, _kr(cells[(g.key, line.label)])) for line in g.lines
                    if cells.get((g.key, line.label))]
        return out
    lines = list(zip(parts.spec_lines, result.line_amounts, strict=True)) if parts else []
    for row in template.specification:
        if row.kind == "figure":
            out.append(BudgetLine(0 if row.bold else 1, row.label, result.figures.text(row.value)))
        elif row.kind == "lines":
            mine = [(x, a) for x, a in lines if x.section == row.section]
            out.append(BudgetLine(1, row.label, result.figures.text(f"section.{row.section}")))
            out += [_spec_line(x, a) for x, a in mine]
        elif row.kind == "cofinancing":
            sector, kind, role = row.cofin.split(".")
            mine = [(x, a) for x, a in lines if x.section == COFINANCING and
                    (x.sector, x.cofin_kind, x.cofin_role) == (sector, kind, role)]
            if mine or not row.omit_empty:
                out.append(BudgetLine(1, row.label, result.figures.text(f"cofin.{row.cofin}")))
                out += [BudgetLine(2, x.bearer, _kr(a)) for x, a in mine]
    return out


def _spec_line(line: SpecLine, amount: int | None) -> BudgetLine:
    label = " – ".join(p for p in (line.bearer, line.function or line.description) if p)
    detail = ""
    if line.section == PERSONAL:
        level, grade, months = (str(v) if v is not None else "?" for v in (line.level, line.grade, line.months))
        detail = f"nivå {level}, {grade} %, {months} mån"
    return BudgetLine(2, label, _kr(amount) if amount is not None else "saknar timpris", detail)
