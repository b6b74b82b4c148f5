"""An application on an ESF form, computed: the budget model's figures, the support sought, the
förbund's own co-financing, and the calendar years the money falls in.

    result = compute(app, template)     # figures by name, ESF+ line amounts, the 2014–2020 tree
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .application import Application
from .esf_budget import TreeBudget, compute_tree, own_cash
from .esf_parts import COFINANCING, EsfParts
from .esf_spec import compute_spec
from .figures import Figures
from .forms import FormTemplate

MODEL_2014 = "esf-2014-2020"
MODEL_PLUS = "esf-plus"


@dataclass
class EsfResult:
    model: str
    figures: Figures = field(default_factory=Figures)
    line_amounts: list[int | None] = field(default_factory=list)  # ESF+: per spec line
    tree: TreeBudget | None = None  # 2014–2020

    @property
    def support(self) -> int:
        """What the funder is asked for: ESF-stöd (2014–2020) or kostnader − medfinansiering (ESF+)."""
        return self.figures.value("esf_stod" if self.model == MODEL_2014 else "stod") or 0

    @property
    def costs(self) -> int:
        return self.figures.value("summa_kostnader" if self.model == MODEL_2014 else "kostnader") or 0

    @property
    def cofinancing(self) -> int:
        return self.figures.value("summa_medfinansiering" if self.model == MODEL_2014 else "medfinansiering") or 0


def parts_of(app: Application) -> EsfParts:
    if app.esf is None:
        app.esf = EsfParts()
    return app.esf


def compute(app: Application, template: FormTemplate) -> EsfResult:
    parts = parts_of(app)
    required = parts.call.required_cofinancing_bp
    if template.budget_model == MODEL_2014 and template.cost_tree is not None:
        tree = compute_tree(template.cost_tree, parts.cost_cells, required)
        return EsfResult(MODEL_2014, tree.figures, tree=tree)
    if template.budget_model == MODEL_PLUS:
        spec = compute_spec(parts, app.planned_participants, required)
        return EsfResult(MODEL_PLUS, spec.figures, spec.amounts)
    return EsfResult(template.budget_model)


def own_cofinancing(app: Application, template: FormTemplate, result: EsfResult) -> int:
    """The projektägare's (the förbund's) own share: its kontanta medel (2014–2020) or its share lines (ESF+)."""
    parts = parts_of(app)
    if result.model == MODEL_2014 and result.tree is not None and template.cost_tree is not None:
        return own_cash(template.cost_tree, result.tree)
    return sum(amount or 0 for line, amount in zip(parts.spec_lines, result.line_amounts, strict=True)
               if line.section == COFINANCING and line.cofin_role == "projektagare")


def month_index(d: date) -> int:
    return d.year * 12 + d.month - 1


def months_by_year(start: date, end: date) -> dict[int, int]:
    """Calendar months of the period per year (a month counts when any day of it is inside)."""
    out: dict[int, int] = {}
    for m in range(month_index(start), month_index(end) + 1):
        out[m // 12] = out.get(m // 12, 0) + 1
    return out


def spread_by_year(total: int, start: date | None, end: date | None) -> dict[int, int]:
    """`total` öre spread over the period's calendar years by months, in whole kronor, summing exactly.

    An ESF budget is not per calendar year; the förbund's budget is. Even months are the honest default
    (the amounts can be corrected on the insats afterwards).
    """
    from .budget import largest_remainder

    if start is None or end is None or end < start:
        return {}
    months = months_by_year(start, end)
    years = sorted(months)
    return dict(zip(years, largest_remainder(total, [months[y] for y in years]), strict=True))


ESF_SUPPORT = "ESF-stöd"  # the insats category and income source of a granted own ESF application
OWN_SHARE = "Egen medfinansiering"


def insats_money(own_total: int, support_sought: int, granted_by_year: dict[int, int]) -> dict[int, dict[str, int]]:
    """What a granted own application adds to the förbund's books per calendar year: its own co-financing
    (scaled like the support when the funder granted less) and the granted support, which passes through the
    förbund's books as income and cost alike, so that the year's result carries only the own share."""
    from .budget import largest_remainder

    granted_total = sum(granted_by_year.values())
    own = own_total if granted_total >= support_sought or not support_sought else \
        own_total * granted_total // support_sought
    years = sorted(granted_by_year)
    shares = largest_remainder(own, [granted_by_year[y] for y in years]) if years else []
    own_by_year = dict(zip(years, shares, strict=True))
    return {y: {k: v for k, v in ((OWN_SHARE, own_by_year.get(y, 0)), (ESF_SUPPORT, granted_by_year[y])) if v}
            for y in years}


def finances_insats(app: Application) -> bool:
    """Whether an insats made or extended from `app` is ESF-finansierad (Uppföljning Finsam): `app` is the
    förbund's own application (outgoing) on an ESF form — it has the ESF parts — and the funder granted it
    (beviljad or delvis beviljad). An application the förbund received never makes an insats ESF-financed,
    whatever its applicant wrote. The flag is only ever set from here, never cleared: the user can still change
    it on the insats (e.g. when the project was withdrawn later)."""
    from .statuses import GRANTED

    return app.outgoing and app.esf is not None and app.status in GRANTED
