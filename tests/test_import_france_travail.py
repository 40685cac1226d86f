"""France Travail's reader against a fake API on 127.0.0.1: no network, no waiting (the reader's
``sleep`` is replaced by a recorder)."""

from __future__ import annotations

import math
from datetime import date

import pytest

from fake_france_travail import CLIENT_SECRET, FakeFranceTravail, make_offers
from generator.content.imports import ImportSource
from generator.content.messages import Messages
from generator.imports import france_travail
from generator.imports.records import SourceError

FR = Messages("fr")


@pytest.fixture(scope="module")
def offers() -> list[dict]:
    return make_offers(2400, seed=5)


@pytest.fixture(autouse=True)
def sleeps(monkeypatch) -> list[float]:
    """Every wait the reader asks for, none of them waited."""
    asked: list[float] = []
    monkeypatch.setattr(france_travail, "sleep", asked.append)
    return asked


def settings(**values) -> ImportSource:
    return ImportSource.model_validate({"source": "france_travail", "departements": ["05"], **values})


def test_reads_every_offer_page_by_page(offers):
    with FakeFranceTravail(offers) as ft:
        snapshot = france_travail.read(settings(), ft.environ(), FR)
    assert sorted(o.id for o in snapshot.offers) == sorted(o["id"] for o in offers)
    assert snapshot.complete and snapshot.skipped == []
    assert len(ft.searches) == math.ceil(2400 / 150) and len(ft.token_calls) == 1
    assert [c.status for c in ft.searches] == [206] * 16
    assert [c.query["range"] for c in ft.searches[:2]] == ["0-149", "150-299"]
    first = ft.searches[0]
    assert first.query["departement"] == "05" and first.headers["Accept"] == "application/json"
    assert first.headers["Authorization"].startswith("Bearer ") and "minCreationDate" not in first.query
    token = ft.token_calls[0]
    assert token.query == {"realm": "/partenaire"} and "scope=api_offresdemploiv2+o2dsoffre" in token.body


def test_offers_as_france_travail_writes_them(offers):
    with FakeFranceTravail(offers) as ft:
        read = {o.id: o for o in france_travail.read(settings(), ft.environ(), FR).offers}
    for raw in offers:
        offer = read[raw["id"]]
        assert offer.title == raw["intitule"] and offer.description == raw["description"].strip()
        assert offer.contract == raw["typeContrat"] and offer.alternance is raw["alternance"]
        assert offer.posted == date.fromisoformat(raw["dateCreation"][:10])
        assert offer.place_label == raw["lieuTravail"]["libelle"]
        assert offer.postal_code == raw["lieuTravail"].get("codePostal") and offer.city is None
        assert offer.sector_codes == tuple(c for c in (raw.get("secteurActivite"), raw["romeCode"]) if c)
        assert offer.employer == raw["entreprise"].get("nom")
        assert offer.salary_text == raw["salaire"].get("libelle", raw["salaire"].get("commentaire"))
        assert offer.apply_url and offer.apply_url.startswith("https://")
    # The place given by its label only, the salary by its comment only: kept for the mapping.
    label_only = read[offers[1]["id"]]
    assert (label_only.place_label, label_only.postal_code) == ("05 - Embrun", None)
    assert read[offers[2]["id"]].salary_text == "Selon profil et expérience <à négocier>"
    # An address where one is expected; a link where France Travail writes a sentence.
    with_email = next(o for o in offers if "@" in o.get("contact", {}).get("courriel", ""))
    assert read[with_email["id"]].apply_email == with_email["contact"]["courriel"]
    with_link = next(o for o in offers if "lien suivant" in o.get("contact", {}).get("courriel", ""))
    assert read[with_link["id"]].apply_email is None
    assert read[with_link["id"]].apply_url == f"https://recrutement.example/postuler/{with_link['id']}"
    remote = [o for o in read.values() if o.remote]
    assert remote and all("télétravail complet" in o.description for o in remote)


def test_429_waits_as_told_and_500_is_tried_again(offers, sleeps):
    with FakeFranceTravail(offers[:400]) as ft:
        ft.fail_next(429, headers={"Retry-After": "7"})
        ft.fail_next(500, where="token")
        ft.fail_next(503, times=2)
        snapshot = france_travail.read(settings(), ft.environ(), FR)
    assert len(snapshot.offers) == 400
    assert 7 in sleeps and france_travail.BACKOFF in sleeps and 2 * france_travail.BACKOFF in sleeps
    assert max(sleeps) <= france_travail.MAX_WAIT
    assert [c.status for c in ft.token_calls] == [500, 200]


def test_a_source_that_keeps_failing_is_said_so(offers):
    with FakeFranceTravail(offers[:10]) as ft:
        ft.fail_next(503, times=france_travail.ATTEMPTS, body={"message": "Service indisponible"})
        with pytest.raises(SourceError) as err:
            france_travail.read(settings(), ft.environ(), FR)
    assert err.value.exit_code == 4 and "503" in err.value.message and "réessayez" in err.value.message


def test_retry_after_is_bounded(offers, sleeps):
    with FakeFranceTravail(offers[:10]) as ft:
        ft.fail_next(429, headers={"Retry-After": "86400"})
        assert len(france_travail.read(settings(), ft.environ(), FR).offers) == 10
    assert max(sleeps) == france_travail.MAX_WAIT


def test_calls_are_spaced(offers, sleeps, monkeypatch):
    monkeypatch.setattr(france_travail, "clock", lambda: 1000.0)  # every call at once: each one waits
    with FakeFranceTravail(offers[:600]) as ft:
        france_travail.read(settings(), ft.environ(), FR)
    assert sleeps == pytest.approx([france_travail.MIN_INTERVAL] * (len(ft.requests) - 1))


def test_a_refused_token_is_renewed(offers):
    with FakeFranceTravail(offers[:400]) as ft:
        ft.fail_next(401)
        snapshot = france_travail.read(settings(), ft.environ(), FR)
    assert len(snapshot.offers) == 400 and len(ft.token_calls) == 2


def test_an_expired_token_is_renewed(offers, monkeypatch):
    now = [0.0]
    monkeypatch.setattr(france_travail, "clock", lambda: now[0])
    original = france_travail._Client.get

    def later(self, *args, **kwargs):
        now[0] += 400  # each search ends 400 s after the one before
        return original(self, *args, **kwargs)

    monkeypatch.setattr(france_travail._Client, "get", later)
    with FakeFranceTravail(offers[:600], token_lifetime=1000) as ft:
        assert len(france_travail.read(settings(), ft.environ(), FR).offers) == 600
    assert len(ft.token_calls) == 2 and all(c.status in (200, 206) for c in ft.searches)


def test_over_the_cap_the_search_is_split_by_dates(offers, monkeypatch):
    monkeypatch.setattr(france_travail, "CAP", 300)
    with FakeFranceTravail(offers, cap=300) as ft:
        snapshot = france_travail.read(settings(), ft.environ(), FR)
    ids = [o.id for o in snapshot.offers]
    assert len(ids) == len(set(ids)) == 2400 and snapshot.complete
    dated = [c for c in ft.searches if "minCreationDate" in c.query]
    assert dated and all(c.status in (200, 204, 206) for c in ft.searches)
    assert all(int(c.query["range"].split("-")[1]) < 300 for c in ft.searches)


def test_a_lower_cap_than_ours_is_learnt(offers):
    with FakeFranceTravail(offers[:1000], cap=450) as ft:  # the API's cap, unknown to the reader
        snapshot = france_travail.read(settings(), ft.environ(), FR)
    assert sorted(o.id for o in snapshot.offers) == sorted(o["id"] for o in offers[:1000])
    assert [c.status for c in ft.searches].count(400) == 1


def test_each_departement_and_group_of_communes_is_searched(offers):
    elsewhere = [{**o, "id": f"X{o['id']}", "lieuTravail": {"libelle": "04 - Digne-les-Bains", "codePostal": "04000",
                                                             "commune": "04070"}} for o in offers[:30]]
    with FakeFranceTravail(offers[:200] + elsewhere) as ft:
        snapshot = france_travail.read(settings(departements=["05", "04"], communes=["05061", "05023"], rome=["J1506"]),
                                       ft.environ(), FR)
    ids = [o.id for o in snapshot.offers]
    assert len(ids) == len(set(ids)) and set(ids) == {o["id"] for o in offers[:200] + elsewhere if o["romeCode"] == "J1506"}
    assert {(c.query.get("departement"), c.query.get("commune")) for c in ft.searches} == {
        ("05", None), ("04", None), (None, "05061,05023")}
    assert all(c.query["codeROME"] == "J1506" for c in ft.searches)


def test_no_offer_at_all(offers):
    with FakeFranceTravail([]) as ft:
        snapshot = france_travail.read(settings(), ft.environ(), FR)
    assert snapshot.offers == [] and snapshot.complete and [c.status for c in ft.searches] == [204]


def test_missing_credentials_name_both_variables():
    with pytest.raises(SourceError) as err:
        france_travail.read(settings(), {"FRANCE_TRAVAIL_CLIENT_ID": "PAR_x"}, FR)
    message = err.value.message
    assert err.value.exit_code == 2
    assert "FRANCE_TRAVAIL_CLIENT_ID" in message and "FRANCE_TRAVAIL_CLIENT_SECRET" in message
    assert "secrets de la CI" in message and "Settings › Secrets and variables › Actions" in message
    assert "Settings › CI/CD › Variables" in message


def test_wrong_credentials_are_said_refused_without_the_secret(offers):
    with FakeFranceTravail(offers[:10], leaky_errors=True) as ft:
        wrong = "tout-faux-" + CLIENT_SECRET[::-1]
        with pytest.raises(SourceError) as err:
            france_travail.read(settings(), ft.environ(FRANCE_TRAVAIL_CLIENT_SECRET=wrong), FR)
    assert err.value.exit_code == 2 and "refuse" in err.value.message and "401" in err.value.message
    assert wrong not in err.value.message and wrong not in str(err.value)
    assert ft.searches == []


def test_the_secret_and_token_never_appear_in_a_message(offers):
    with FakeFranceTravail(offers[:10]) as ft:
        ft.fail_next(500, times=france_travail.ATTEMPTS, body={"message": f"failure for {CLIENT_SECRET}"})
        with pytest.raises(SourceError) as err:
            france_travail.read(settings(), ft.environ(), FR)
    assert CLIENT_SECRET not in err.value.message


def test_unsafe_addresses_are_refused_before_anything_is_sent(offers):
    with FakeFranceTravail(offers[:10]) as ft:
        for variable in ("FRANCE_TRAVAIL_API_URL", "FRANCE_TRAVAIL_TOKEN_URL"):
            with pytest.raises(SourceError) as err:
                france_travail.read(settings(), ft.environ(**{variable: "http://api.example.org/offres"}), FR)
            assert err.value.exit_code == 2 and "https://" in err.value.message
        assert ft.requests == []


@pytest.mark.parametrize("status, exit_code", [(403, 2), (404, 2), (418, 2), (302, 4)])
def test_an_unexpected_status_is_named(offers, status, exit_code):
    with FakeFranceTravail(offers[:10]) as ft:
        ft.fail_next(status, body={"message": "Accès interdit à cette ressource"}, headers={"Location": "https://ailleurs.example/"})
        with pytest.raises(SourceError) as err:
            france_travail.read(settings(), ft.environ(), FR)
    assert err.value.exit_code == exit_code
    assert str(status) in err.value.message and "Accès interdit" in err.value.message


def test_more_offers_in_one_second_than_a_search_gives(offers, monkeypatch):
    monkeypatch.setattr(france_travail, "CAP", 300)
    same_second = [{**o, "dateCreation": "2026-11-20T10:00:00.000Z"} for o in offers[:400]]
    with FakeFranceTravail(same_second, cap=300) as ft:
        snapshot = france_travail.read(settings(), ft.environ(), FR)
    assert len(snapshot.offers) == 300 and not snapshot.complete  # nothing is withdrawn on its word


@pytest.mark.parametrize("body", [b"<html>Maintenance</html>", b'{"resultat": []}', b'{"resultats": {"id": "1"}}'])
def test_an_answer_not_in_shape_imports_nothing(offers, body):
    with FakeFranceTravail(offers[:10]) as ft:
        ft.fail_next(206, body=body, headers={"Content-Range": "offres 0-149/10"})
        with pytest.raises(SourceError) as err:
            france_travail.read(settings(), ft.environ(), FR)
    assert err.value.exit_code == 4 and "rien n'a été importé" in err.value.message


def test_an_unreadable_offer_is_skipped_and_the_others_read(offers):
    broken = [dict(offers[0]), {k: v for k, v in offers[1].items() if k != "id"}, "not an offer",
              {**offers[2], "intitule": None}, {**offers[3], "lieuTravail": "05 - Gap"},
              {**offers[4], "alternance": "oui"}, {**offers[5], "dateCreation": "hier"}]
    del broken[0]["id"]
    with FakeFranceTravail(broken + offers[6:50]) as ft:
        snapshot = france_travail.read(settings(), ft.environ(), FR)
    assert sorted(o.id for o in snapshot.offers) == sorted(o["id"] for o in offers[6:50])
    assert sorted((s.id, s.field) for s in snapshot.skipped if s.id) == sorted([
        (offers[2]["id"], "intitule"), (offers[3]["id"], "lieuTravail"), (offers[4]["id"], "alternance"),
        (offers[5]["id"], "dateCreation")])
    assert len([s for s in snapshot.skipped if s.id is None]) == 3
    assert all(s.message for s in snapshot.skipped)
    assert f"offre France Travail {offers[3]['id']}" in next(s.message for s in snapshot.skipped if s.field == "lieuTravail")
