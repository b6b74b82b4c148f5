"""The schema, as forward-only migrations (sqlite-utils Migrations). Never edit a released one."""
from __future__ import annotations

from sqlite_utils import Migrations

from .version import SCHEMA_VERSION

__all__ = ["SCHEMA_VERSION", "migrations"]
migrations = Migrations("finsamdesk")


@migrations()
def m001_initial(db):
    db["forbund"].create({
        "id": int, "name": str, "orgnr": str, "address": str, "forbundschef": str,
        "default_template": str, "is_example": int,
    }, pk="id", strict=True, not_null={"name"}, defaults={"name": "", "orgnr": "", "address": "",
                                                          "forbundschef": "", "default_template": "neutral",
                                                          "is_example": 0})
    db["organisation"].create({
        "id": int, "name": str, "orgnr": str, "kind": str, "member": int, "cfar": str,
        "address": str, "phone": str, "email": str,
    }, pk="id", strict=True, not_null={"name", "kind", "member"},
        defaults={"orgnr": "", "kind": "annan", "member": 0, "cfar": "", "address": "", "phone": "", "email": ""})
    db["contact"].create({
        "id": int, "name": str, "organisation_id": int, "organisation_text": str, "title": str,
        "phone": str, "email": str,
    }, pk="id", strict=True, not_null={"name"}, foreign_keys=[("organisation_id", "organisation", "id")],
        defaults={"organisation_text": "", "title": "", "phone": "", "email": ""})
    db["application"].create({
        "id": int, "diarienummer": str, "template_id": str, "name": str, "applicant_text": str,
        "period_start": str, "period_end": str, "place": str, "signed_on": str,
        "planned_participants": int, "planned_women": int, "planned_men": int,
        "status": str, "budget_years": str, "created_at": str, "updated_at": str,
    }, pk="id", strict=True, not_null={"diarienummer", "template_id", "status"},
        defaults={"name": "", "applicant_text": "", "place": "", "status": "utkast", "budget_years": ""})
    db["application"].create_index(["diarienummer"], unique=True)
    db["application_applicant"].create({
        "id": int, "application_id": int, "position": int, "name": str, "role": str, "organisation_id": int,
    }, pk="id", strict=True, foreign_keys=[("application_id", "application", "id"),
                                          ("organisation_id", "organisation", "id")])
    db["application_section"].create({"application_id": int, "section_id": str, "text": str},
                                      pk=("application_id", "section_id"), strict=True,
                                      foreign_keys=[("application_id", "application", "id")])
    db["application_contact"].create({
        "id": int, "application_id": int, "position": int, "role": str, "name": str, "organisation": str,
        "phone": str, "email": str, "contact_id": int,
    }, pk="id", strict=True, foreign_keys=[("application_id", "application", "id"), ("contact_id", "contact", "id")])
    db["application_phase"].create({
        "id": int, "application_id": int, "position": int, "name": str, "start": str, "end": str,
    }, pk="id", strict=True, foreign_keys=[("application_id", "application", "id")])
    db["budget_cell"].create({
        "application_id": int, "category": str, "column_kind": str, "year": int, "amount_ore": int,
    }, pk=("application_id", "category", "column_kind", "year"), strict=True,
        foreign_keys=[("application_id", "application", "id")], not_null={"amount_ore"})
    db["status_event"].create({
        "id": int, "application_id": int, "status": str, "date": str, "note": str, "who": str, "recorded_at": str,
    }, pk="id", strict=True, foreign_keys=[("application_id", "application", "id")], not_null={"status", "date"})
    db["granted_amount"].create({"status_event_id": int, "year": int, "amount_ore": int},
                                pk=("status_event_id", "year"), strict=True,
                                foreign_keys=[("status_event_id", "status_event", "id")])
    for table, column in (("application_applicant", "application_id"), ("application_contact", "application_id"),
                          ("application_phase", "application_id"), ("status_event", "application_id"),
                          ("contact", "organisation_id")):
        db[table].create_index([column])


@migrations()
def m002_insatser_and_budget(db):
    """Insatser with yearly granted money, invoices and reports; the förbund's budget of every year."""
    db["setting"].create({"key": str, "value": str}, pk="key", strict=True, not_null={"value"})
    db["insats"].create({
        "id": int, "name": str, "kind": str, "owner_id": int, "owner": str, "contact_id": int, "contact": str,
        "period_start": str, "period_end": str, "status": str, "target_group": str,
        "planned_women": int, "planned_men": int, "cadence": str, "note": str, "archived": int,
        "created_at": str, "updated_at": str,
    }, pk="id", strict=True, not_null={"name", "kind", "status", "archived"},
        foreign_keys=[("owner_id", "organisation", "id"), ("contact_id", "contact", "id")],
        defaults={"kind": "individ", "owner": "", "contact": "", "status": "planerad", "target_group": "",
                  "cadence": "manad", "note": "", "archived": 0})
    db["insats_application"].create({"application_id": int, "insats_id": int}, pk="application_id", strict=True,
                                    foreign_keys=[("application_id", "application", "id"),
                                                  ("insats_id", "insats", "id")])
    db["insats_granted"].create({"insats_id": int, "year": int, "category": str, "amount_ore": int},
                                pk=("insats_id", "year", "category"), strict=True, not_null={"amount_ore"},
                                foreign_keys=[("insats_id", "insats", "id")])
    db["insats_year"].create({"insats_id": int, "year": int, "prognos_ore": int, "note": str},
                             pk=("insats_id", "year"), strict=True, defaults={"note": ""},
                             foreign_keys=[("insats_id", "insats", "id")])
    db["invoice"].create({
        "id": int, "insats_id": int, "date": str, "period_start": str, "period_end": str, "category": str,
        "amount_ore": int, "reference": str, "note": str, "kind": str,
    }, pk="id", strict=True, not_null={"insats_id", "date", "amount_ore", "kind"},
        foreign_keys=[("insats_id", "insats", "id")],
        defaults={"category": "", "reference": "", "note": "", "kind": "faktura"})
    db["report"].create({
        "id": int, "insats_id": int, "kind": str, "title": str, "due": str, "period_start": str,
        "period_end": str, "received_on": str, "note": str, "by_rule": int,
    }, pk="id", strict=True, not_null={"insats_id", "kind", "title", "due", "by_rule"},
        foreign_keys=[("insats_id", "insats", "id")], defaults={"note": "", "by_rule": 1})
    db["budget_year"].create({
        "year": int, "insats_frame_ore": int, "opening_equity_ore": int, "equity_ceiling_ore": int,
        "state_name": str, "region_name": str, "note": str,
    }, pk="year", strict=True, defaults={"note": ""})
    db["budget_cell_forbund"].create({"year": int, "line": str, "column_kind": str, "amount_ore": int},
                                     pk=("year", "line", "column_kind"), strict=True, not_null={"amount_ore"},
                                     foreign_keys=[("year", "budget_year", "year")])
    db["budget_kommun"].create({"year": int, "position": int, "name": str, "weight": int, "organisation_id": int},
                               pk=("year", "position"), strict=True, not_null={"name", "weight"},
                               foreign_keys=[("year", "budget_year", "year"), ("organisation_id", "organisation", "id")])  # noqa: E501 (a migration on main is never edited)
    # An invoice counts in the year of the period it covers (December's invoice paid in January is last
    # year's utfall); without a period, in the year of its date.
    db.execute("ALTER TABLE invoice ADD COLUMN booked TEXT GENERATED ALWAYS AS (coalesce(period_start, date)) VIRTUAL")
    db["invoice"].create_index(["insats_id", "booked"])
    db["invoice"].create_index(["booked"])
    db["report"].create_index(["insats_id"])
    db["report"].create_index(["due"])
    db["insats_application"].create_index(["insats_id"])
    db["insats_granted"].create_index(["year"])


@migrations()
def m003_participants(db):
    """Deltagare per insats (counts per period, or an individual register with encrypted identifiers)."""
    defaults = {  # the default categories, as released (the förbund edits them afterwards)
        "forsorjning": ("Sjukpenning", "Aktivitetsersättning", "Sjukersättning", "Försörjningsstöd",
                        "Arbetslöshetsersättning", "Etableringsersättning", "Lön", "Studiemedel", "Ingen ersättning"),
        "utfall": ("Arbete", "Studier", "Arbetssökande", "Annan insats", "Fortsatt rehabilitering", "Avbrott"),
    }
    db["insats"].add_column("participant_mode", str, not_null_default="antal")
    db["participant_category"].create({"id": int, "kind": str, "label": str, "position": int, "active": int},
                                      pk="id", strict=True, not_null={"kind", "label", "position", "active"},
                                      defaults={"position": 0, "active": 1})
    db["participant_category"].create_index(["kind", "label"], unique=True)
    db["participant_category"].insert_all(
        [{"kind": kind, "label": label, "position": i} for kind, labels in defaults.items()
         for i, label in enumerate(labels)])
    # pnr_hash: HMAC of the personnummer (search, duplicates); *_enc: AES-GCM (store/crypto.py). No identifier
    # is ever stored in clear.
    db["participant"].create({
        "id": int, "insats_id": int, "code": str, "gender": str, "birth_year": int, "start": str, "end": str,
        "support_id": int, "outcome_id": int, "consent_date": str, "consent_how": str,
        "pnr_hash": bytes, "pnr_enc": bytes, "name_enc": bytes, "note_enc": bytes,
        "gallrad_on": str, "gallrat": str, "created_at": str, "updated_at": str,
    }, pk="id", strict=True, not_null={"insats_id", "code", "gender", "start"},
        foreign_keys=[("insats_id", "insats", "id"), ("support_id", "participant_category", "id"),
                      ("outcome_id", "participant_category", "id")],
        defaults={"consent_how": "", "gallrat": ""})
    db["participant"].create_index(["insats_id", "code"], unique=True)
    db["participant"].create_index(["pnr_hash"])
    db["participant"].create_index(["end"])
    db["participant_count"].create({
        "id": int, "insats_id": int, "start": str, "end": str, "new_women": int, "new_men": int,
        "ongoing_women": int, "ongoing_men": int, "ended_women": int, "ended_men": int, "note": str,
    }, pk="id", strict=True, not_null={"insats_id", "start", "end"}, foreign_keys=[("insats_id", "insats", "id")],
        defaults={"new_women": 0, "new_men": 0, "ongoing_women": 0, "ongoing_men": 0, "ended_women": 0,
                  "ended_men": 0, "note": ""})
    db["participant_count"].create_index(["insats_id", "start"], unique=True)
    db["protection"].create({"id": int, "kdf": str, "salt": bytes, "n": int, "r": int, "p": int, "wrapped": bytes,
                             "created_at": str}, pk="id", strict=True,
                            not_null={"kdf", "salt", "n", "r", "p", "wrapped"})
    db["gallring_log"].create({"id": int, "done_on": str, "years": int, "records": int, "fields": str},
                              pk="id", strict=True, not_null={"done_on", "years", "records", "fields"})


@migrations()
def m004_meetings(db):
    """Möten of the beredningsgrupp and the styrelse: attendees, the agenda, recommendations, decisions, jäv.
    An agenda item keeps its title when the ansökan, report or insats it was about is deleted (SET NULL)."""
    db["meeting"].create({
        "id": int, "kind": str, "date": str, "time": str, "place": str, "chair": str, "secretary": str,
        "adjusters": str, "first_paragraph": int, "note": str, "created_at": str, "updated_at": str,
    }, pk="id", strict=True, not_null={"kind", "date", "first_paragraph"},
        defaults={"time": "", "place": "", "chair": "", "secretary": "", "adjusters": "", "first_paragraph": 1,
                  "note": ""})
    db["meeting"].create_index(["date"])
    db["meeting_attendee"].create({
        "meeting_id": int, "position": int, "name": str, "organisation": str, "role": str, "present": int,
        "contact_id": int,
    }, pk=("meeting_id", "position"), strict=True, not_null={"name", "role", "present"},
        foreign_keys=[("meeting_id", "meeting", "id")], defaults={"organisation": "", "role": "ledamot", "present": 1})
    db.execute("""CREATE TABLE agenda_item (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meeting(id),
        position INTEGER NOT NULL,
        kind TEXT NOT NULL,
        title TEXT NOT NULL,
        text TEXT NOT NULL DEFAULT '',
        application_id INTEGER REFERENCES application(id) ON DELETE SET NULL,
        report_id INTEGER REFERENCES report(id) ON DELETE SET NULL,
        insats_id INTEGER REFERENCES insats(id) ON DELETE SET NULL,
        outcome TEXT NOT NULL DEFAULT '',
        outcome_text TEXT NOT NULL DEFAULT '',
        recorded_on TEXT
    ) STRICT""")
    db["agenda_item"].create_index(["meeting_id", "position"])
    db["agenda_item"].create_index(["application_id"])
    db["agenda_granted"].create({"item_id": int, "year": int, "amount_ore": int}, pk=("item_id", "year"),
                                strict=True, not_null={"amount_ore"}, foreign_keys=[("item_id", "agenda_item", "id")])
    db["agenda_jav"].create({"item_id": int, "position": int, "name": str}, pk=("item_id", "position"), strict=True,
                            not_null={"name"}, foreign_keys=[("item_id", "agenda_item", "id")])


@migrations()
def m005_own_applications(db):
    """Own applications to an outside funder (ESF 2014–2020, ESF+): direction, funder and the form's structured
    parts as rows; phases to the month; an insats's income from outside (the ESF support) per year."""
    db["application"].add_column("direction", str, not_null_default="received")
    db["application"].add_column("funder", str, not_null_default="")
    db["application"].add_column("funder_dnr", str, not_null_default="")
    db["application"].create_index(["direction"])
    db["application_phase"].add_column("precision", str, not_null_default="day")
    text = str
    project = {"application_id": int}
    for name in ("applicant_name", "applicant_orgnr", "org_form", "employees", "phone", "email", "website",
                 "postal_address", "visiting_address", "account", "signatory", "payment_signatory", "payment_email",
                 "payment_phone", "workplace_cfar", "workplace_name", "workplace_postal_address",
                 "workplace_visiting_address", "project_postal_address", "project_visiting_address", "call_name",
                 "call_dnr", "programme_area", "specific_objective", "region"):
        project[name] = text
    project.update({"required_cofinancing_bp": int, "hours_per_year": int})
    db["esf_project"].create(project, pk="application_id", strict=True,
                             foreign_keys=[("application_id", "application", "id")],
                             defaults={k: "" for k, v in project.items() if v is str})
    db["esf_rate"].create({"application_id": int, "level": int, "rate_ore": int}, pk=("application_id", "level"),
                          strict=True, not_null={"rate_ore"}, foreign_keys=[("application_id", "application", "id")])
    db["esf_flat_rate"].create({"application_id": int, "position": int, "label": str, "percent_bp": int, "base": str},
                               pk=("application_id", "position"), strict=True,
                               not_null={"label", "percent_bp", "base"},
                               foreign_keys=[("application_id", "application", "id")])
    actor_text = ("role", "name", "orgnr", "postal_address", "contact", "cfar", "phone", "email", "signatory",
                  "actor_type", "contribution")
    db["esf_actor"].create({"application_id": int, "position": int, **dict.fromkeys(actor_text, str),
                            "individuals": int, "amount_ore": int},
                           pk=("application_id", "position"), strict=True, not_null=set(actor_text),
                           defaults={k: "" for k in actor_text if k != "role"},
                           foreign_keys=[("application_id", "application", "id")])
    sub_text = ("name", "forbund", "kommuner", "ages", "target_group", "methods", "staffing")
    db["esf_subproject"].create({"application_id": int, "position": int, **dict.fromkeys(sub_text, str),
                                 "participants": int}, pk=("application_id", "position"), strict=True,
                                not_null=set(sub_text), defaults=dict.fromkeys(sub_text, ""),
                                foreign_keys=[("application_id", "application", "id")])
    db["esf_risk"].create({"application_id": int, "position": int, "risk": str, "action": str},
                          pk=("application_id", "position"), strict=True, not_null={"risk", "action"},
                          defaults={"risk": "", "action": ""}, foreign_keys=[("application_id", "application", "id")])
    db["esf_funding"].create({"application_id": int, "position": int, "kind": str, "support_type": str, "funder": str,
                              "amount_ore": int}, pk=("application_id", "position"), strict=True,
                             not_null={"kind", "support_type", "funder"}, defaults={"support_type": "", "funder": ""},
                             foreign_keys=[("application_id", "application", "id")])
    db["esf_cost"].create({"application_id": int, "group_key": str, "line": str, "amount_ore": int},
                          pk=("application_id", "group_key", "line"), strict=True, not_null={"amount_ore"},
                          foreign_keys=[("application_id", "application", "id")])
    spec_text = ("section", "bearer", "function", "description", "sector", "cofin_kind", "cofin_role")
    db["esf_spec_line"].create({"application_id": int, "position": int, **dict.fromkeys(spec_text, str), "level": int,
                                "grade": int, "months": int, "amount_ore": int},
                               pk=("application_id", "position"), strict=True, not_null=set(spec_text),
                               defaults={"bearer": "", "function": "", "description": "", "sector": "offentlig",
                                         "cofin_kind": "ovrig", "cofin_role": "projektagare"},
                               foreign_keys=[("application_id", "application", "id")])
    db["insats_income"].create({"insats_id": int, "year": int, "source": str, "amount_ore": int},
                               pk=("insats_id", "year", "source"), strict=True, not_null={"amount_ore"},
                               foreign_keys=[("insats_id", "insats", "id")])
    db["insats_income"].create_index(["year"])


@migrations()
def m006_applicant_organisation(db):
    """An applicant's organisation as written in an imported ansökan (name, organisationsnummer), kept when it is
    not in the register: the JSON format is lossless (docs/ansokan-json.md)."""
    db.execute("ALTER TABLE application_applicant ADD COLUMN organisation_name TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE application_applicant ADD COLUMN orgnr TEXT NOT NULL DEFAULT ''")


@migrations()
def m007_year_reports(db):
    """What Uppföljning Finsam and the förbund's year documents need: the insats's inriktning (individinriktad,
    strukturövergripande or both), ESF flag, budgeted participants of the structural part and its share of the
    money; the structural participants counted per year; prose written per year and document; amounts a user
    enters for a report (balance items, a delårsrapport's utfall); the förbund's logo."""
    db["insats"].add_column("inriktning", str, not_null_default="")
    db["insats"].add_column("esf", int, not_null_default=0)
    db["insats"].add_column("planned_structural", int)
    db["insats"].add_column("structural_share", int)
    db.execute("UPDATE insats SET inriktning = CASE kind WHEN 'individ' THEN 'individ' ELSE 'struktur' END")
    db.execute("UPDATE insats SET planned_structural = coalesce(planned_women, 0) + coalesce(planned_men, 0) "
               "WHERE kind <> 'individ' AND (planned_women IS NOT NULL OR planned_men IS NOT NULL)")
    db["insats_year"].add_column("structural_participants", int)
    db["report_text"].create({"year": int, "document": str, "section": str, "text": str, "updated_at": str},
                             pk=("year", "document", "section"), strict=True, not_null={"text"},
                             defaults={"text": ""})
    db["report_amount"].create({"year": int, "document": str, "key": str, "amount_ore": int},
                               pk=("year", "document", "key"), strict=True, not_null={"amount_ore"})
    db["forbund"].add_column("logo", bytes)


@migrations()
def m008_working_copies(db):
    """Working copies (issue 17). `sync_identity` says what this file is: its own random id, and for a working copy
    which file it was taken from, when, and what it holds. `sync_copy` is the main file's list of copies out, each
    with its base (the copy's content as it was made or last merged, an SQLite image) that the next merge diffs
    against. Ids of new rows are random from this version on (store/ids.py); old rows keep theirs."""
    import uuid

    db.execute("""CREATE TABLE sync_identity (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        file_id TEXT NOT NULL,
        role TEXT NOT NULL DEFAULT 'main',
        origin_file_id TEXT NOT NULL DEFAULT '',
        copy_id TEXT NOT NULL DEFAULT '',
        label TEXT NOT NULL DEFAULT '',
        made_at TEXT NOT NULL DEFAULT '',
        scope TEXT NOT NULL DEFAULT '',
        with_register INTEGER NOT NULL DEFAULT 1
    ) STRICT""")
    db.execute("INSERT INTO sync_identity (id, file_id) VALUES (1, ?)", [uuid.uuid4().hex])
    db.execute("""CREATE TABLE sync_copy (
        copy_id TEXT PRIMARY KEY,
        label TEXT NOT NULL DEFAULT '',
        made_at TEXT NOT NULL,
        scope TEXT NOT NULL DEFAULT '',
        with_register INTEGER NOT NULL DEFAULT 1,
        base BLOB NOT NULL,
        merged_at TEXT,
        merges INTEGER NOT NULL DEFAULT 0
    ) STRICT""")
