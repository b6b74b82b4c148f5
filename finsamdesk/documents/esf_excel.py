"""An own application's budget as Excel with live formulas: change a figure in Excel or LibreOffice and every
total, share and (ESF+) personal line follows, as the funder computes it.

ESF 2014–2020: sheet "Kostnader" (the tree: groups sum their lines, Intäkter subtract) and "Budgetöversikt"
(every row of the form's overview as a formula over "Kostnader"). ESF+: sheet "Budgetspecifikation" with the
call's hourly rates on top, each personal line = ROUND(rate × hours/12 × months × grade/100; 0).
Labels come from the template; user text is written as text (xlsx.save_workbook).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..domain.application import Application
from ..domain.esf_parts import COFINANCING, PERSONAL
from ..domain.forms import FormTemplate
from ..domain.money import ORE_PER_KR
from .excel_list import MONEY_FORMAT
from .xlsx import formula, save_workbook

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

    from ..domain.esf_parts import Call, SpecLine
    from ..domain.form_parts import SpecRow

PERCENT_2 = "0.00%"
PERCENT_0 = "0%"


def _kr(ore: int | None) -> float | int | None:
    if ore is None:
        return None
    return ore // ORE_PER_KR if ore % ORE_PER_KR == 0 else ore / ORE_PER_KR


def _style(cell: Any, *, bold: bool = False, number_format: str | None = None) -> None:
    from openpyxl.styles import Font

    if bold:
        cell.font = Font(bold=True)
    if number_format:
        cell.number_format = number_format


def _first_sheet(wb: Workbook, title: str) -> Worksheet:
    ws = wb.worksheets[0]
    ws.title = title
    return ws


def _head(ws: Worksheet, title: str, app: Application) -> int:
    """Title rows: the project, the funder's diarienummer; returns the next free row."""
    ws.cell(row=1, column=1, value=title)
    ws.cell(row=2, column=1, value=app.name)
    ws.cell(row=3, column=1, value=f"Diarienummer {app.funder_dnr}".strip())
    _style(ws["A1"], bold=True)
    return 5


def budget_xlsx(app: Application, template: FormTemplate) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    if template.budget_model == "esf-2014-2020" and template.cost_tree is not None:
        _tree_sheets(wb, app, template)
    else:
        _specification_sheet(wb, app, template)
    data = save_workbook(wb)
    assert data is not None  # no `out`: the bytes are returned
    return data


# ---------------------------------------------------------------- ESF 2014–2020

def _tree_sheets(wb: Workbook, app: Application, template: FormTemplate) -> None:
    tree = template.cost_tree
    assert tree is not None
    costs = _first_sheet(wb, "Kostnader")
    cells = app.esf.cost_cells if app.esf else {}
    row = _head(costs, "Kostnader", app)
    group_cell: dict[str, str] = {}
    for g in tree.groups:
        if g.heading:
            _style(costs.cell(row=row, column=1, value=g.heading), bold=True)
            row += 1
        group_row = row
        _style(costs.cell(row=row, column=1, value=g.label), bold=True)
        terms = []
        for line in g.lines:
            row += 1
            costs.cell(row=row, column=1, value=f"    {line.label}")
            _style(costs.cell(row=row, column=2, value=_kr(cells.get((g.key, line.label), 0))),
                   number_format=MONEY_FORMAT)
            terms.append(("-" if line.sign < 0 else "+") + f"B{row}")
        _style(formula(costs, group_row, 2, "=" + "".join(terms).lstrip("+")), bold=True, number_format=MONEY_FORMAT)
        group_cell[g.key] = f"Kostnader!B{group_row}"
        row += 1
    costs.column_dimensions["A"].width = 60
    costs.column_dimensions["B"].width = 18

    over = wb.create_sheet("Budgetöversikt", 0)
    row = _head(over, "Budgetöversikt", app)
    by_role = {role: [group_cell[g.key] for g in tree.groups if g.role == role]
               for role in {g.role for g in tree.groups}}
    refs: dict[str, str] = {}

    def plus(names: list[str]) -> str:
        return "+".join(names) or "0"

    socialfond, eruf = plus(by_role.get("socialfond", [])), plus(by_role.get("regionalfond", []))
    cash = plus(by_role.get("kontant_tillford", []) + by_role.get("kontant_agare", []))
    cofin = plus([c for role in ("annat_an_pengar", "deltagarersattning", "kontant_tillford", "kontant_agare")
                  for c in by_role.get(role, [])])
    required = app.esf.call.required_cofinancing_bp if app.esf else None
    formulas: dict[str, Any] = {
        "kostnader_socialfonden": f"={socialfond}", "kostnader_eruf": f"={eruf}",
        "summa_kostnader": "={kostnader_socialfonden}+{kostnader_eruf}", "avgar_kontant": f"={cash}",
        "esf_stod": "={summa_kostnader}-{avgar_kontant}", "summa_medfinansiering": f"={cofin}",
        "summa_total": "={esf_stod}+{summa_medfinansiering}",
        "esf_stod_pct": '=IF({summa_total}=0,"",ROUND({esf_stod}/{summa_total},4))',
        "medfinansiering_pct": '=IF({summa_total}=0,"",1-{esf_stod_pct})',
        "krav_pct": None if required is None else required / 10_000,
        **{f"group.{key}": f"={cell}" for key, cell in group_cell.items()},
    }
    for label, name in _overview_rows(template):
        over.cell(row=row, column=1, value=label)
        refs[name] = f"B{row}"
        value = formulas.get(name)
        percent = name.endswith("_pct")
        if isinstance(value, str):
            text = value
            for key, ref in refs.items():
                text = text.replace("{" + key + "}", ref)
            cell = formula(over, row, 2, text)
        else:
            cell = over.cell(row=row, column=2, value=value)
        _style(cell, number_format=PERCENT_2 if percent else MONEY_FORMAT)
        row += 1
    over.column_dimensions["A"].width = 58
    over.column_dimensions["B"].width = 18


def _overview_rows(template: FormTemplate) -> list[tuple[str, str]]:
    """(label, figure) of the form's Budgetöversikt: the grid part whose values are budget figures."""
    for s in template.sections:
        part = s.part
        if part is not None and part.type == "grid" and any("{budget." in c for r in part.rows for c in r):
            return [(r[0], r[1][len("{budget."):-1]) for r in part.rows if len(r) == 2 and r[1].startswith("{budget.")]
    return []


# ---------------------------------------------------------------- ESF+

def _specification_sheet(wb: Workbook, app: Application, template: FormTemplate) -> None:
    ws = _first_sheet(wb, "Budgetspecifikation")
    parts = app.esf
    call = parts.call if parts else None
    row = _head(ws, "Bilaga: Budgetspecifikation", app)
    _style(ws.cell(row=row, column=1, value="Timmar per år"), bold=True)
    ws.cell(row=row, column=2, value=call.hours_per_year if call else 1720)
    hours = f"$B${row}"
    row += 1
    _style(ws.cell(row=row, column=1, value="Enhetskostnad (nivå)"), bold=True)
    _style(ws.cell(row=row, column=2, value="Timpris"), bold=True)
    first_rate = row + 1
    for level, rate in sorted((call.rates if call else {}).items()):
        row += 1
        ws.cell(row=row, column=1, value=level)
        _style(ws.cell(row=row, column=2, value=rate / ORE_PER_KR), number_format='#,##0.00\\ "kr"')
    rates = f"$A${first_rate}:$B${max(row, first_rate)}"
    row += 2
    lines = parts.spec_lines if parts else []
    totals: dict[str, str] = {}
    pending: list[tuple[int, str]] = []  # figure rows whose formula needs cells further down

    for spec in template.specification:
        if spec.kind == "figure":
            _style(ws.cell(row=row, column=1, value=spec.label), bold=spec.bold)
            pending.append((row, spec.value))
            totals.setdefault(spec.value, f"G{row}")
            row += 1
        elif spec.kind == "lines":
            row = _lines(ws, row, spec, [x for x in lines if x.section == spec.section], hours, rates, totals)
        elif spec.kind == "cofinancing":
            sector, kind, role = spec.cofin.split(".")
            mine = [x for x in lines if x.section == COFINANCING and (x.sector, x.cofin_kind, x.cofin_role) ==
                    (sector, kind, role)]
            if not mine and spec.omit_empty:
                continue
            ws.cell(row=row, column=1, value=f"  {spec.label}")
            label_row, row = row, row + 1
            start = row
            for line in mine:
                ws.cell(row=row, column=1, value=line.bearer)
                _style(ws.cell(row=row, column=7, value=_kr(line.amount)), number_format=MONEY_FORMAT)
                row += 1
            total = f"=SUM(G{start}:G{row - 1})" if mine else "=0"
            _style(formula(ws, label_row, 7, total), number_format=MONEY_FORMAT)
            totals[f"cofin.{spec.cofin}"] = f"G{label_row}"
        elif spec.kind == "flat_rates" and call is not None and call.flat_rates:
            row = _flat_rates(ws, row, call, totals)
    row = _key_figures(ws, row + 1, app, totals)
    for row_number, name in pending:
        _style(formula(ws, row_number, 7, _figure(name, totals)), bold=True, number_format=MONEY_FORMAT)
    for letter, width in zip("ABCDEFG", (42, 18, 46, 14, 18, 14, 16), strict=True):
        ws.column_dimensions[letter].width = width


def _lines(ws: Worksheet, row: int, spec: SpecRow, mine: list[SpecLine], hours: str, rates: str,
           totals: dict[str, str]) -> int:
    _style(ws.cell(row=row, column=1, value=spec.label), bold=spec.bold)
    label_row = row
    row += 1
    if mine:
        for column, text in enumerate(_columns(spec), start=1):
            _style(ws.cell(row=row, column=column, value=text), bold=True)
        row += 1
    start = row
    for line in mine:
        ws.cell(row=row, column=1, value=line.bearer)
        if line.section == PERSONAL:
            ws.cell(row=row, column=2, value=line.function)
            ws.cell(row=row, column=3, value=line.description)
            ws.cell(row=row, column=4, value=line.level)
            ws.cell(row=row, column=5, value=line.grade)
            ws.cell(row=row, column=6, value=line.months)
            text = f"=ROUND(VLOOKUP(D{row},{rates},2,FALSE)*{hours}/12*F{row}*E{row}/100,0)"
            _style(formula(ws, row, 7, text), number_format=MONEY_FORMAT)
        else:
            ws.cell(row=row, column=3, value=line.description)
            _style(ws.cell(row=row, column=7, value=_kr(line.amount)), number_format=MONEY_FORMAT)
        row += 1
    total = f"=SUM(G{start}:G{row - 1})" if mine else "=0"
    _style(formula(ws, label_row, 7, total), bold=spec.bold, number_format=MONEY_FORMAT)
    totals[f"section.{spec.section}"] = f"G{label_row}"
    return row


def _flat_rates(ws: Worksheet, row: int, call: Call, totals: dict[str, str]) -> int:
    """The call's flat rates (indirect costs): percent of the personal or the direct costs, whole kronor."""
    cells = []
    for rate in call.flat_rates:
        base = totals.get("section.personal", "0") if rate.base == "personal" else \
            "(" + "+".join(totals.get(f"section.{s}", "0") for s in ("personal", "externa", "utrustning")) + ")"
        ws.cell(row=row, column=1, value=rate.label)
        _style(ws.cell(row=row, column=5, value=rate.percent_bp / 10_000), number_format=PERCENT_2)
        _style(formula(ws, row, 7, f"=ROUND({base}*E{row},0)"), number_format=MONEY_FORMAT)
        cells.append(f"G{row}")
        row += 1
    totals["indirekta_kostnader"] = "(" + "+".join(cells) + ")"
    return row


def _columns(spec: SpecRow) -> list[str]:
    if len(spec.columns) == 7:
        return list(spec.columns)
    return [spec.columns[0], "", spec.columns[1] if len(spec.columns) > 2 else "", "", "", "", spec.columns[-1]]


def _figure(name: str, t: dict[str, str]) -> str:
    """The formula of a figure row of the specification, over the section and co-financing cells."""

    def ref(key: str) -> str:
        return t.get(key, "0")

    direct = f"{ref('section.personal')}+{ref('section.externa')}+{ref('section.utrustning')}"
    public_in_kind = f"{ref('cofin.offentlig.annat_an_pengar.projektagare')}+" \
                     f"{ref('cofin.offentlig.annat_an_pengar.samverkanspart')}"
    public_other = f"{ref('cofin.offentlig.ovrig.projektagare')}+{ref('cofin.offentlig.ovrig.samverkanspart')}"
    private_in_kind = f"{ref('cofin.privat.annat_an_pengar.projektagare')}+" \
                      f"{ref('cofin.privat.annat_an_pengar.samverkanspart')}"
    private_other = f"{ref('cofin.privat.ovrig.projektagare')}+{ref('cofin.privat.ovrig.samverkanspart')}"
    by_name = {
        "direkta_kostnader": direct,
        "kostnader_socialfond": f"{direct}+{ref('indirekta_kostnader')}",
        "kostnader_regionalfond": ref("section.regionalfond"), "regionalfond_direkta": ref("section.regionalfond"),
        "ersattning_deltagare": f"{ref('section.deltagare_arbetslosa')}+{ref('section.deltagare_anstallda')}",
        "offentlig_annat_an_pengar": public_in_kind, "offentlig_ovrig": public_other,
        "offentlig_medfinansiering": f"{public_in_kind}+{public_other}",
        "privat_annat_an_pengar": private_in_kind, "privat_ovrig": private_other,
        "privat_medfinansiering": f"{private_in_kind}+{private_other}",
    }
    return "=" + by_name.get(name, ref(name))


def _key_figures(ws: Worksheet, row: int, app: Application, t: dict[str, str]) -> int:
    """Kostnader, medfinansiering, their share, the support and Kostnad per deltagare, as formulas."""
    social = t.get("kostnader_socialfond", "0")
    regional = t.get("kostnader_regionalfond", "0")
    allowances = t.get("ersattning_deltagare", "0")
    public, private = t.get("offentlig_medfinansiering", "0"), t.get("privat_medfinansiering", "0")
    required = app.esf.call.required_cofinancing_bp if app.esf else None
    rows = [
        ("Kostnader", f"={social}+{regional}+{allowances}", MONEY_FORMAT),
        ("Medfinansiering", f"={public}+{private}", MONEY_FORMAT),
        ("Budgeterad medfinansiering från projektet", '=IF(G{k}=0,"",ROUND(G{m}/G{k},2))', PERCENT_0),
        ("Krav på medfinansiering från projekt", None if required is None else required / 10_000, PERCENT_0),
        ("Sökt stöd (kostnader − medfinansiering)", "=G{k}-G{m}", MONEY_FORMAT),
        ("Antal deltagare", app.planned_participants, "0"),
        ("Kostnad per deltagare", '=IF(G{d}=0,"",ROUND(G{k}/G{d},0))', MONEY_FORMAT),
    ]
    k, m, d = row, row + 1, row + 5
    for label, value, number_format in rows:
        _style(ws.cell(row=row, column=1, value=label), bold=True)
        if isinstance(value, str):
            cell = formula(ws, row, 7, value.format(k=k, m=m, d=d))
        else:
            cell = ws.cell(row=row, column=7, value=value)
        _style(cell, number_format=number_format)
        row += 1
    return row
