"""What an ESF reviewer would question, next to the figure it concerns.

Each Problem's `where` names the place the editor shows it: `budget.<figure>`, `deltagare`, `tidplan`,
`actors:<role>`, `spec:<line index>`, `applicant.<field>`, `workplace.cfar`, `funding:<kind>`.
Most are warnings (the seeds have them and were submitted); an error blocks sending the application.
"""
from __future__ import annotations

from .application import Application
from .checks import Problem
from .dates import MONTHS
from .esf import MODEL_2014, MODEL_PLUS, EsfResult, month_index, parts_of
from .esf_parts import COFINANCING, PERSONAL, Actor
from .esf_spec import whole_percent
from .figures import round_half_up
from .forms import FormTemplate
from .identifiers import IdentifierError, check_cfar, check_email, check_phone, luhn_ok, normalize_orgnr
from .money import format_amount
from .text import fold

AUTHORITIES = ("arbetsförmedlingen", "försäkringskassan")


def _kr(ore: int) -> str:
    return format_amount(ore, "kr", sep="\u00a0")


def _month_name(index: int) -> str:
    return f"{MONTHS[index % 12]} {index // 12}"


def _month_ranges(indexes: list[int]) -> list[str]:
    """[2022·12+11, 2023·12+0, 2023·12+3] → ["december 2022 – januari 2023", "april 2023"]."""
    runs: list[list[int]] = []
    for m in sorted(indexes):
        if runs and m == runs[-1][-1] + 1:
            runs[-1].append(m)
        else:
            runs.append([m])
    return [_month_name(r[0]) if len(r) == 1 else f"{_month_name(r[0])} – {_month_name(r[-1])}" for r in runs]


def phase_coverage(app: Application) -> list[Problem]:
    """Months of the period that no phase covers, and months two phases both claim."""
    if not (app.period_start and app.period_end) or not app.phases:
        return []
    period = set(range(month_index(app.period_start), month_index(app.period_end) + 1))
    seen: dict[int, str] = {}
    doubled: set[int] = set()
    for p in app.phases:
        if p.start and p.end and p.start <= p.end:
            for m in range(month_index(p.start), month_index(p.end) + 1):
                if m in seen:
                    doubled.add(m)
                seen[m] = p.name
    out = []
    missing = [m for m in period if m not in seen]
    if missing and seen:
        out.append(Problem("tidplan", f"{', '.join(_month_ranges(missing)).capitalize()} ingår i ingen fas, men "
                                      "ligger inom projektperioden.", "warning"))
    if doubled:
        out.append(Problem("tidplan", f"{', '.join(_month_ranges(sorted(doubled))).capitalize()} ingår i två faser.",
                           "warning"))
    outside = [m for m in seen if m not in period]
    if outside:
        out.append(Problem("tidplan", f"{', '.join(_month_ranges(outside)).capitalize()} ligger utanför "
                                      "projektperioden.", "warning"))
    return out


def participant_sums(app: Application) -> list[Problem]:
    parts = parts_of(app)
    total = app.planned_participants
    out = []
    if total is not None and app.planned_women is not None and app.planned_men is not None \
            and app.planned_women + app.planned_men != total:
        out.append(Problem("deltagare", f"Kvinnor ({app.planned_women}) och män ({app.planned_men}) blir "
                                        f"{app.planned_women + app.planned_men}, inte {total} deltagare.", "warning"))
    counted = [s.participants for s in parts.subprojects if s.participants is not None]
    if total is not None and counted and sum(counted) != total:
        out.append(Problem("delprojekt", f"Delprojektens deltagare blir {sum(counted)}, men projektet har {total} "
                                         "deltagare.", "warning"))
    individuals = [a.individuals for a in parts.actors_in("kompetensutveckling") if a.individuals is not None]
    if total is not None and individuals and sum(individuals) != total:
        out.append(Problem("actors:kompetensutveckling",
                           f"De deltagande organisationernas individer blir {sum(individuals)}, men antal deltagare "
                           f"är {total}.", "warning"))
    return out


def _cofinancing_share(result: EsfResult) -> list[Problem]:
    f = result.figures
    required = f.value("krav_pct")
    if required is None:
        return [Problem("budget.krav_pct", "Utlysningens krav på medfinansiering är inte angivet.", "warning")]
    if result.model == MODEL_2014:
        budgeted, shown = f.value("medfinansiering_pct"), f.text("medfinansiering_pct")
        below = budgeted is not None and budgeted < required
    else:
        budgeted, shown = whole_percent(f.value("medfinansiering_pct")), f.text("medfinansiering_pct")
        below = budgeted is not None and budgeted < round_half_up(required, 100)
    if below:
        return [Problem("budget.medfinansiering_pct", f"Budgeterad medfinansiering {shown} är lägre än "
                                                      f"utlysningens krav {f.text('krav_pct')}.", "warning")]
    return []


def _same(a: str, b: str) -> bool:
    return " ".join(fold(a).split()) == " ".join(fold(b).split())


def _cofinanciers_plus(app: Application, result: EsfResult) -> list[Problem]:
    """ESF+: every medfinansiär has an amount in the specification; every amount has a medfinansiär."""
    parts = parts_of(app)
    out = []
    lines = [(line, amount) for line, amount in zip(parts.spec_lines, result.line_amounts, strict=True)
             if line.section == COFINANCING]
    listed = parts.actors_in("medfinansiar")
    for actor in listed:
        if not any(_same(line.bearer, actor.name) and amount for line, amount in lines):
            out.append(Problem("actors:medfinansiar", f"{actor.name} står som medfinansiär men har inget belopp i "
                                                      "budgetspecifikationen.", "warning"))
    for line, amount in lines:
        if amount and not any(_same(line.bearer, a.name) for a in listed):
            out.append(Problem("actors:medfinansiar", f"{line.bearer or 'En rad utan kostnadsbärare'} har "
                                                      f"{_kr(amount)} i medfinansiering men står inte bland "
                                                      "medfinansiärerna.", "warning"))
    costs_by_bearer: dict[str, int] = {}
    for line, amount in zip(parts.spec_lines, result.line_amounts, strict=True):
        if line.section != COFINANCING and amount:
            costs_by_bearer[fold(line.bearer).strip()] = costs_by_bearer.get(fold(line.bearer).strip(), 0) + amount
    in_kind: dict[str, tuple[str, int]] = {}
    for line, amount in lines:
        if line.cofin_kind == "annat_an_pengar" and amount:
            key = fold(line.bearer).strip()
            in_kind[key] = (line.bearer, in_kind.get(key, ("", 0))[1] + amount)
    for key, (bearer, amount) in in_kind.items():
        carried = costs_by_bearer.get(key, 0)
        if carried < amount:
            out.append(Problem("budget.offentlig_annat_an_pengar",
                               f"{bearer} bidrar med {_kr(amount)} i annat än pengar men bär bara {_kr(carried)} av "
                               "kostnaderna. Bidraget i annat än pengar ska motsvara kostnadsrader med "
                               f"{bearer} som kostnadsbärare; står samma personal som en annan organisations "
                               "kostnad räknas den två gånger.", "warning"))
    if not result.figures.value("ersattning_deltagare"):
        typed = [a.name for a in listed if "deltagarers" in fold(a.actor_type)]
        if typed:
            out.append(Problem("actors:medfinansiar", f"{', '.join(typed)} anges som ”Deltagarersättning” men "
                                                      "budgeten har ingen ersättning till deltagare.", "warning"))
    return out


def _cofinanciers_2014(app: Application, template: FormTemplate, result: EsfResult) -> list[Problem]:
    """2014–2020: the tree's co-financing against the listed medfinansiärer and their amounts."""
    parts = parts_of(app)
    out = []
    listed = parts.actors_in("medfinansiar")
    tree, groups = result.tree, template.cost_tree.groups if template.cost_tree else ()
    kinds = {"annat_an_pengar": ("annat_an_pengar",), "deltagarersattning": ("deltagarersattning",),
             "kontant": ("kontant_tillford", "kontant_agare")}
    with_amount = [a for a in listed if a.amount]
    without = [a.name for a in listed if not a.amount]
    if listed and without:
        out.append(Problem("actors:medfinansiar", f"{len(without)} av {len(listed)} medfinansiärer har inget belopp: "
                                                  f"{', '.join(without)}.", "warning"))
    for kind, roles in kinds.items():
        in_tree = sum(tree.total(g.key) for g in groups if g.role in roles) if tree else 0
        listed_sum = sum(a.amount or 0 for a in with_amount if a.contribution == kind)
        if in_tree and not listed:
            out.append(Problem("actors:medfinansiar", f"Budgeten har {_kr(in_tree)} i medfinansiering men ingen "
                                                      "medfinansiär är angiven.", "warning"))
            break
        if with_amount and listed_sum != in_tree:
            label = {"kontant": "kontanta medel", "annat_an_pengar": "bidrag i annat än pengar",
                     "deltagarersattning": "ersättning till deltagare"}[kind]
            out.append(Problem("actors:medfinansiar", f"Medfinansiärernas {label} blir {_kr(listed_sum)}, men "
                                                      f"budgeten har {_kr(in_tree)}.", "warning"))
    return out


def _personal_lines(app: Application, result: EsfResult) -> list[Problem]:
    parts = parts_of(app)
    out = []
    months = None
    if app.period_start and app.period_end:
        months = month_index(app.period_end) - month_index(app.period_start) + 1
    for i, line in enumerate(parts.spec_lines):
        if line.section != PERSONAL:
            continue
        row = f"Personalrad {i + 1} ({line.function or 'utan titel'})"
        if line.level is not None and line.level not in parts.call.rates:
            out.append(Problem(f"spec:{i}", f"{row}: nivå {line.level} har inget timpris i utlysningens "
                                            "enhetskostnader.", "error"))
        if line.grade is not None and not 0 < line.grade <= 100:
            out.append(Problem(f"spec:{i}", f"{row}: tjänstgöringsgraden ska vara 1–100 %.", "error"))
        if months is not None and line.months is not None and line.months > months:
            out.append(Problem(f"spec:{i}", f"{row}: {line.months} månader, men projektperioden har {months}.",
                               "warning"))
        if None in (line.level, line.grade, line.months):
            out.append(Problem(f"spec:{i}", f"{row}: nivå, tjänstgöringsgrad och antal månader behövs för summan.",
                               "warning"))
    return out


def _identifiers(app: Application) -> list[Problem]:
    parts = parts_of(app)
    out = []

    def orgnr(value: str, where: str, who: str) -> None:
        if value.strip():
            try:
                normalize_orgnr(value)
            except IdentifierError as exc:
                out.append(Problem(where, f"{who}: {exc}", "warning"))

    def contact(phone: str, email: str, where: str, who: str) -> None:
        for check in (check_phone(phone), check_email(email)):
            if check.error or check.warning:
                out.append(Problem(where, f"{who}: {check.error or check.warning}", "warning"))

    orgnr(parts.applicant.orgnr, "applicant.orgnr", "Stödsökande")
    account = "".join(ch for ch in parts.applicant.account if ch.isdigit())
    if 7 <= len(account) <= 8 and not luhn_ok(account):  # a bankgiro number (a bank account is longer)
        out.append(Problem("applicant.account", "Bankgironumret har fel kontrollsiffra.", "warning"))
    contact(parts.applicant.phone, parts.applicant.email, "applicant.phone", "Stödsökande")
    cfar = check_cfar(parts.workplace.cfar)
    if cfar.error or cfar.warning:
        out.append(Problem("workplace.cfar", f"Arbetsställe: {cfar.error or cfar.warning}", "warning"))
    for actor in parts.actors:
        out.extend(_actor_identifiers(actor))
        orgnr(actor.orgnr, f"actors:{actor.role}", actor.name or "En organisation")
        contact(actor.phone, actor.email, f"actors:{actor.role}", actor.name or "En organisation")
    return out


def _actor_identifiers(actor: Actor) -> list[Problem]:
    where, who = f"actors:{actor.role}", actor.name or "En organisation"
    out = []
    if actor.cfar.strip():
        cfar = check_cfar(actor.cfar)
        if cfar.error or cfar.warning:
            out.append(Problem(where, f"{who}: {cfar.error or cfar.warning}", "warning"))
    elif actor.role == "medfinansiar" and any(a in fold(actor.name) for a in AUTHORITIES):
        out.append(Problem(where, f"{who}: vid medfinansiering från Arbetsförmedlingen och Försäkringskassan ska "
                                  "CFAR-nummer anges.", "warning"))
    return out


def _funding_answers(app: Application, template: FormTemplate) -> list[Problem]:
    """A Ja/Nej question with a Typ av stöd | Finansiär | Summa table: the answer and the rows agree."""
    out = []
    for s in template.sections:
        if s.answer != "choice" or s.part is None or s.part.source_kind != "funding":
            continue
        rows = parts_of(app).funding_of(s.part.source_key)
        answer = app.text(s.id).strip()
        if rows and answer.startswith("Nej"):
            out.append(Problem(f"funding:{s.part.source_key}", f"Svaret är ”{answer}” men tabellen har {len(rows)} "
                                                               "rader.", "warning"))
        if not rows and answer == "Ja":
            out.append(Problem(f"funding:{s.part.source_key}", "Svaret är ”Ja”: ange typ av stöd, finansiär och "
                                                               "summa i tabellen.", "warning"))
    return out


def problems(app: Application, template: FormTemplate, result: EsfResult) -> list[Problem]:
    """Every warning and error of the ESF parts, in the order a reviewer reads the application."""
    out = participant_sums(app) + phase_coverage(app)
    if result.model in (MODEL_2014, MODEL_PLUS):
        out += _cofinancing_share(result)
        if result.costs <= 0:
            out.append(Problem("budget", "Budgeten har inga kostnader.", "warning"))
    if result.model == MODEL_2014:
        out += _cofinanciers_2014(app, template, result)
    elif result.model == MODEL_PLUS:
        out += _cofinanciers_plus(app, result) + _personal_lines(app, result)
    out += _funding_answers(app, template) + _identifiers(app)
    return out
