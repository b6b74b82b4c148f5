import pytest

from finsamdesk.domain.application import ContactRow
from finsamdesk.domain.registers import Contact, Forbund, Organisation
from finsamdesk.services import applications, registers
from finsamdesk.services.errors import ServiceError, ValidationError


def test_forbund_settings_round_trip(db):
    registers.save_forbund(db, Forbund("Samordningsförbundet Test", "2220002766", "Box 1", "Eva Chef",
                                       "nnv-skane-2020"))
    f = registers.forbund(db)
    assert (f.name, f.orgnr, f.default_template) == ("Samordningsförbundet Test", "222000-2766", "nnv-skane-2020")
    with pytest.raises(ServiceError, match="formulärmall"):
        registers.save_forbund(db, Forbund("X", default_template="finns-inte"))
    with pytest.raises(ValidationError) as err:
        registers.save_forbund(db, Forbund("X", orgnr="222000-2767"))
    assert "kontrollsiffra" in err.value.fields["orgnr"]
    assert registers.forbund(db).name == "Samordningsförbundet Test"


def test_organisation_errors_per_field_and_nothing_saved(db):
    with pytest.raises(ValidationError) as err:
        registers.save_organisation(db, Organisation("Klippans kommun", orgnr="212000-1131", cfar="123"))
    assert set(err.value.fields) == {"orgnr", "cfar"}
    assert registers.organisations(db) == []


def test_cfar_check_digit_is_only_a_warning(db):
    warnings = registers.save_organisation(db, Organisation("Samordningsförbundet Höganäs", "222000-2741",
                                                            "samordningsforbund", True, cfar="00000001"))
    assert "kontrollsiffran" in warnings["cfar"]
    [org] = registers.organisations(db)
    assert org.orgnr == "222000-2741" and org.cfar == "00000001" and org.member


def test_contacts_reused_and_register_delete_keeps_printed_snapshot(db):
    registers.save_organisation(db, org := Organisation("Örkelljunga kommun", kind="kommun", member=True))
    c = Contact("Anna Exempel", org.id, title="Processledare", phone="0435-12345", email="Anna.Exempel@Example.se")
    registers.save_contact(db, c)
    assert registers.contacts(db)[0].email == "anna.exempel@example.se"
    app = applications.create(db, "nnv-skane-2020", "Test")
    app.contacts.append(ContactRow("insatsagare", c.name, "Örkelljunga kommun", c.phone, c.email, c.id))
    applications.save(db, app)
    with pytest.raises(ServiceError, match="används"):
        registers.delete_organisation(db, org.id)
    registers.delete_contact(db, c.id)
    kept = applications.load(db, app.id).contacts[0]
    assert (kept.name, kept.contact_id) == ("Anna Exempel", None)


def test_status_only_changes_through_the_workflow(db):
    from datetime import date
    app = applications.create(db, "neutral", "Genväg")
    app.status = "beviljad"
    with pytest.raises(ServiceError, match="arbetsflödet"):
        applications.save(db, app)
    assert applications.load(db, app.id).status == "utkast"
    applications.change_status(db, app.id, "atertagen", date(2026, 1, 1))
    fresh = applications.load(db, app.id)
    fresh.name = "Genväg (återtagen)"
    applications.save(db, fresh)
