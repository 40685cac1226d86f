"""A fake France Travail on 127.0.0.1, and offers as its "API Offres d'emploi v2" writes them.

``FakeFranceTravail(offers)`` is a context manager: its token endpoint checks the client's
credentials, grant, scope and realm; its search filters by ``departement``, ``commune``,
``codeROME`` and creation dates, pages with ``range`` (``200``, ``206`` with ``Content-Range``,
``204``) and refuses a range beyond its cap with a ``400``, as France Travail does. ``fail_next``
queues failures (a ``429`` with ``Retry-After``, a ``500``, a ``401``, a body that is not JSON);
``requests`` logs every call. ``environ()`` gives the variables ``territoire import`` reads.

``make_offers(n, seed)`` makes a Hautes-Alpes of offers, deterministic, as varied and as hostile
as the real ones; ``second_snapshot`` the same territory a night later."""

from __future__ import annotations

import copy
import json
import random
import re
import string
import threading
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

CLIENT_ID = "PAR_territoire_0123456789abcdef"
CLIENT_SECRET = "s3cr3t-7f0c1d2e3b4a59687766554433221100"
TOKEN_PATH = "/connexion/oauth2/access_token"
API_PATH = "/partenaire/offresdemploi"
SEARCH_PATH = API_PATH + "/v2/offres/search"
SCOPES = {"api_offresdemploiv2", "o2dsoffre"}
TODAY = date(2026, 11, 30)  # the day the offers are made for: their creation dates end there

# Sector (NAF division) → (ROME code, title) pairs that go with it.
JOBS = {
    "86": [("J1506", "Infirmier / Infirmière"), ("J1501", "Aide-soignant / Aide-soignante"),
           ("J1102", "Médecin généraliste"), ("J1305", "Ambulancier / Ambulancière")],
    "87": [("J1501", "Aide-soignant / Aide-soignante en EHPAD"), ("K1207", "Intervenant / Intervenante d'action sociale"),
           ("J1506", "Infirmier coordinateur / Infirmière coordinatrice")],
    "56": [("G1602", "Cuisinier / Cuisinière"), ("G1603", "Commis de cuisine"),
           ("G1803", "Serveur / Serveuse en restauration"), ("G1605", "Plongeur / Plongeuse en restauration")],
    "55": [("G1703", "Réceptionniste en hôtellerie"), ("G1501", "Valet / Femme de chambre"),
           ("G1402", "Gouvernant / Gouvernante d'hôtel")],
    "43": [("F1603", "Plombier chauffagiste / Plombière chauffagiste"), ("F1602", "Électricien / Électricienne du bâtiment"),
           ("F1703", "Maçon / Maçonne"), ("F1610", "Couvreur / Couvreuse")],
    "47": [("D1106", "Vendeur / Vendeuse en alimentation"), ("D1507", "Employé / Employée de rayon"),
           ("D1505", "Hôte / Hôtesse de caisse"), ("D1211", "Vendeur / Vendeuse en articles de sport")],
    "88": [("K1304", "Aide à domicile"), ("K1303", "Assistant / Assistante de vie"),
           ("K1202", "Éducateur / Éducatrice de jeunes enfants")],
    "01": [("A1414", "Ouvrier / Ouvrière agricole"), ("A1405", "Arboriculteur / Arboricultrice"),
           ("A1407", "Éleveur / Éleveuse de bovins")],
    "10": [("H2102", "Conducteur / Conductrice de ligne de production alimentaire"), ("D1102", "Boulanger / Boulangère"),
           ("D1101", "Boucher / Bouchère")],
    "49": [("N4101", "Conducteur / Conductrice de poids lourd"), ("N4103", "Conducteur / Conductrice d'autocar"),
           ("N4105", "Chauffeur-livreur / Chauffeuse-livreuse")],
}
SECTOR_NAMES = {"86": "Activités pour la santé humaine", "87": "Hébergement médico-social et social",
                "56": "Restauration", "55": "Hébergement", "43": "Travaux de construction spécialisés",
                "47": "Commerce de détail", "88": "Action sociale sans hébergement", "01": "Culture et production animale",
                "10": "Industries alimentaires", "49": "Transports terrestres"}
# (label as France Travail writes it, postal code, INSEE code)
PLACES = [
    ("05 - Gap", "05000", "05061"), ("05 - GAP", "05000", "05061"), ("05 - Briançon", "05100", "05023"),
    ("05 - BRIANCON", "05100", "05023"), ("05 - Embrun", "05200", "05046"), ("05 - Laragne-Montéglin", "05300", "05070"),
    ("05 - Veynes", "05400", "05179"), ("05 - Guillestre", "05600", "05065"), ("05 - Chorges", "05230", "05040"),
    ("05 - Tallard", "05130", "05170"), ("05 - Saint-Bonnet-en-Champsaur", "05500", "05132"),
    ("05 - L'Argentière-la-Bessée", "05120", "05006"), ("05 - Montgenèvre", "05100", "05085"),
    ("05 - Vars", "05560", "05177"), ("05 - Les Orres", "05200", "05098"),
]
CONTRACTS = [("CDI", "Contrat à durée indéterminée", 40), ("CDD", "Contrat à durée déterminée - 6 Mois", 25),
             ("MIS", "Mission intérimaire - 3 Mois", 15), ("SAI", "Contrat travail saisonnier - 4 Mois", 15),
             ("LIB", "Profession libérale", 3), ("FRA", "Franchise", 2)]
EMPLOYERS = {
    "86": ["Centre hospitalier intercommunal des Alpes du Sud", "Cabinet médical du Champsaur"],
    "87": ["EHPAD Les Edelweiss", "Résidence « Le Bois de l'Ours »"],
    "56": ["Restaurant L'Étape <Chez Marcel>", "Brasserie du Col & Cie"],
    "55": ["Hôtel du Col & Spa", "Village vacances Les *Mélèzes*"],
    "43": ["SARL Bâti-Alpes", "Durance Plomberie"],
    "47": ["Intermarché Gap", "Sport 2000 Vars"],
    "88": ["ADMR des Hautes-Alpes", "Crèche _Les P'tits Loups_"],
    "01": ["GAEC du Champsaur", "Coopérative fruitière _Les Vergers_"],
    "10": ["Boulangerie Au Pain d'*Antan*", "Fromagerie de l'Ubaye"],
    "49": ["Transports Alpes Durance", "Autocars Résalp"],
}
SALARIES = ["Mensuel de {a}.00 Euros à {b}.00 Euros sur 12 mois", "Mensuel de {a},00 Euros à {b},00 Euros",
            "Mensuel de {a}.00 Euros sur 12.0 mois", "Horaire de 11.88 Euros à 13.50 Euros",
            "Annuel de {y}000.0 Euros à {z}000.0 Euros sur 13.0 mois", "Horaire de 12.02 Euros sur 12 mois"]
COMMENTS = ["Selon expérience", "Selon convention collective", "À négocier & selon profil", "Selon grille FPH"]
HOSTILE = ["Horaires <en coupure> & week-ends.", "Tâches : *mise en place*, _plonge_, **service**.",
           "<script>alert('offre')</script> n'est pas du HTML : gardez-le tel quel.",
           "Rémunération > SMIC & primes ; logement possible (studio 20 m²).",
           "[Postulez ici](javascript:alert(1)) — ce lien n'en est pas un.", "Poste __init__ : 35 h/sem, 1er & 3e samedis."]
LETTERS = string.ascii_uppercase


def make_offers(n: int = 2400, seed: int = 5, today: date = TODAY) -> list[dict]:
    """``n`` open offers of the Hautes-Alpes as France Travail's search gives them, the same ones for
    the same seed. Among them, always: one whose place is only a label (no postal code, no commune),
    one whose salary is only a comment, one at département level ("05 - Hautes-Alpes")."""
    rng = random.Random(seed)
    ids: set[str] = set()
    offers = [_offer(rng, ids, today, days=60) for _ in range(n)]
    if n >= 3:
        offers[1]["lieuTravail"] = {"libelle": "05 - Embrun"}  # only a label
        offers[2]["salaire"] = {"commentaire": "Selon profil et expérience <à négocier>"}  # only a comment
        offers[0]["lieuTravail"] = {"libelle": "05 - Hautes-Alpes", "latitude": 44.66, "longitude": 6.33}
    return offers


def special_ids(offers: list[dict]) -> set[str]:
    """The offers ``make_offers`` made odd on purpose: ``second_snapshot`` leaves them as they are."""
    return {offer["id"] for offer in offers[:3]}


def second_snapshot(offers: list[dict], seed: int = 6, gone: int = 50, changed: int = 30, new: int = 20,
                    today: date = TODAY + timedelta(days=1)) -> tuple[list[dict], set[str], set[str], set[str]]:
    """The same search a night later: ``(offers, gone_ids, changed_ids, new_ids)``, with exactly
    ``gone`` offers withdrawn, ``changed`` changed (title, salary or description) and ``new`` new."""
    rng = random.Random(seed)
    ordinary = sorted(o["id"] for o in offers if o["id"] not in special_ids(offers))
    picked = rng.sample(ordinary, gone + changed)
    gone_ids, changed_ids = set(picked[:gone]), set(picked[gone:])
    result = []
    for offer in offers:
        if offer["id"] in gone_ids:
            continue
        offer = copy.deepcopy(offer)
        if offer["id"] in changed_ids:
            what = sorted(changed_ids).index(offer["id"]) % 3
            if what == 0:
                offer["intitule"] += " - poste à pourvoir rapidement"
            elif what == 1:
                offer["salaire"] = {"libelle": "Mensuel de 2450.00 Euros à 2800.00 Euros sur 13 mois"}
            else:
                offer["description"] += "\nNouveau : prime d'installation de 1 500 € & logement <fourni>."
            offer["dateActualisation"] = f"{today.isoformat()}T06:00:00.000Z"
        result.append(offer)
    ids = {o["id"] for o in offers}
    fresh = [_offer(rng, ids, today, days=2) for _ in range(new)]
    return result + fresh, gone_ids, changed_ids, {o["id"] for o in fresh}


def _offer(rng: random.Random, ids: set[str], today: date, days: int) -> dict:
    while True:
        offer_id = f"{rng.randint(100, 199)}{''.join(rng.choice(LETTERS) for _ in range(4))}"
        if offer_id not in ids:
            ids.add(offer_id)
            break
    naf = rng.choice(list(JOBS))
    rome, title = rng.choice(JOBS[naf])
    contract, contract_label, _ = rng.choices(CONTRACTS, weights=[c[2] for c in CONTRACTS])[0]
    alternance = contract in ("CDD", "CDI") and rng.random() < 0.08
    if alternance:
        title = f"{title} en alternance"
    label, postal, insee = rng.choice(PLACES)
    created = datetime.combine(today, datetime.min.time()) - timedelta(seconds=rng.randrange(days * 86400))
    a = rng.choice([1800, 1900, 2000, 2100, 2300])
    employer = rng.choice(EMPLOYERS[naf]) if rng.random() < 0.9 else None  # some employers stay anonymous
    paragraphs = [f"{title} au sein de notre équipe ({label[5:]}).", rng.choice(HOSTILE), rng.choice(HOSTILE),
                  "Profil : débutant accepté,\nformation assurée."]
    offer = {
        "id": offer_id,
        "intitule": title,
        "description": "\n".join(paragraphs),
        "dateCreation": created.strftime("%Y-%m-%dT%H:%M:%S") + rng.choice([".000Z", "Z"]),
        "dateActualisation": created.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
        "lieuTravail": {"libelle": label, "latitude": 44.5 + rng.random() / 2, "longitude": 6.0 + rng.random() / 2,
                        "codePostal": postal, "commune": insee},
        "romeCode": rome,
        "romeLibelle": title.split(" / ")[0],
        "appellationlibelle": title,
        "entreprise": {"entrepriseAdaptee": False},
        "typeContrat": contract,
        "typeContratLibelle": contract_label,
        "natureContrat": "Contrat apprentissage" if alternance else "Contrat travail",
        "experienceExige": rng.choice(["D", "E", "S"]),
        "experienceLibelle": "Débutant accepté",
        "salaire": {},
        "dureeTravailLibelle": "35H Travail en journée",
        "dureeTravailLibelleConverti": rng.choice(["Temps plein", "Temps partiel"]),
        "alternance": alternance,
        "nombrePostes": rng.randint(1, 3),
        "accessibleTH": rng.random() < 0.3,
        "qualificationCode": str(rng.randint(1, 9)),
        "origineOffre": {"origine": "1", "urlOrigine": f"https://candidat.francetravail.fr/offres/recherche/detail/{offer_id}"},
    }
    if rng.random() < 0.85:
        offer["secteurActivite"] = naf
        offer["secteurActiviteLibelle"] = SECTOR_NAMES[naf]
    if employer:
        offer["entreprise"]["nom"] = employer
        if rng.random() < 0.4:
            offer["entreprise"]["url"] = f"https://www.{employer.split()[0].lower().strip('<>*_')}-alpes.fr"
    if rng.random() < 0.8:
        offer["salaire"]["libelle"] = rng.choice(SALARIES).format(a=a, b=a + 300, y=a // 100 + 5, z=a // 100 + 9)
    if rng.random() < 0.3:
        offer["salaire"]["commentaire"] = rng.choice(COMMENTS)
    if rng.random() < 0.2:
        offer["salaire"]["complement1"] = "Mutuelle"
    roll = rng.random()
    if roll < 0.15:  # a partner's offer: its own site
        offer["origineOffre"] = {"origine": "2", "urlOrigine": f"https://emplois.partenaire.example/offre/{offer_id.lower()}",
                                 "partenaires": [{"nom": "PARTENAIRE", "url": "https://emplois.partenaire.example"}]}
    elif roll < 0.25:  # France Travail's way of giving a link where an address is expected
        offer["contact"] = {"nom": "Service recrutement",
                            "courriel": f"Pour postuler, utiliser le lien suivant : https://recrutement.example/postuler/{offer_id}"}
        del offer["origineOffre"]["urlOrigine"]
    elif roll < 0.45:
        offer["contact"] = {"nom": "Mme Durand", "courriel": f"recrutement.{offer_id.lower()}@employeur.example",
                            "coordonnees1": "1 rue Carnot", "coordonnees3": "05000 GAP"}
    if rng.random() < 0.004:
        offer["description"] += "\nPoste en télétravail complet, réunions mensuelles à Gap."
    return offer


# ---------------------------------------------------------------------------------------------
# The server


@dataclass
class Call:
    method: str
    path: str
    query: dict[str, str]
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: str = ""  # the form sent to the token endpoint


class FakeFranceTravail:
    """``with FakeFranceTravail(offers) as ft:`` then ``read(settings, ft.environ(), msg)``."""

    def __init__(self, offers: list[dict], *, cap: int = 3150, page: int = 150, token_lifetime: int = 1499,
                 client_id: str = CLIENT_ID, client_secret: str = CLIENT_SECRET, leaky_errors: bool = False):
        self.offers, self.cap, self.page, self.token_lifetime = offers, cap, page, token_lifetime
        self.client_id, self.client_secret = client_id, client_secret
        self.leaky_errors = leaky_errors  # errors that repeat what the client sent, secret and all
        self.requests: list[Call] = []
        self.tokens: set[str] = set()
        self._failures: list[tuple[str, int, dict[str, str], bytes]] = []
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None

    # -- what a test sets or reads

    def fail_next(self, status: int, *, where: str = "search", times: int = 1, headers: dict | None = None,
                  body: bytes | str | dict = b"") -> None:
        """The next ``times`` calls to ``where`` ("search" or "token") answer this instead."""
        if isinstance(body, dict):
            body = json.dumps(body)
        if isinstance(body, str):
            body = body.encode()
        self._failures += [(where, status, dict(headers or {}), body)] * times

    def revoke_tokens(self) -> None:
        self.tokens.clear()

    @property
    def searches(self) -> list[Call]:
        return [c for c in self.requests if c.path == SEARCH_PATH]

    @property
    def token_calls(self) -> list[Call]:
        return [c for c in self.requests if c.path == TOKEN_PATH]

    @property
    def url(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def environ(self, **changes: str) -> dict[str, str]:
        values = {"FRANCE_TRAVAIL_CLIENT_ID": self.client_id, "FRANCE_TRAVAIL_CLIENT_SECRET": self.client_secret,
                  "FRANCE_TRAVAIL_API_URL": self.url + API_PATH, "FRANCE_TRAVAIL_TOKEN_URL": self.url + TOKEN_PATH}
        return {**values, **changes}

    def __enter__(self) -> FakeFranceTravail:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                fake._handle(self, "GET")

            def do_POST(self):
                fake._handle(self, "POST")

            def log_message(self, *args):
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, args=(0.02,), daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        assert self._server is not None
        self._server.shutdown()
        self._server.server_close()

    # -- the two endpoints

    def _handle(self, handler: BaseHTTPRequestHandler, method: str) -> None:
        parts = urlsplit(handler.path)
        query = {k: v[-1] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
        length = int(handler.headers.get("Content-Length") or 0)
        form = handler.rfile.read(length).decode("utf-8", "replace") if length else ""
        where = {TOKEN_PATH: "token", SEARCH_PATH: "search"}.get(parts.path)
        with self._lock:
            failure = next((f for f in self._failures if f[0] == where), None)
            if failure:
                self._failures.remove(failure)
        if failure:
            status, headers, body = failure[1:]
        elif where == "token" and method == "POST":
            status, headers, body = self._token(query, form)
        elif where == "search" and method == "GET":
            status, headers, body = self._search(query, handler.headers.get("Authorization", ""),
                                                 handler.headers.get("Accept", ""))
        else:
            status, headers, body = 404, {}, b'{"message": "Not Found"}'
        with self._lock:
            self.requests.append(Call(method, parts.path, query, status, dict(handler.headers.items()), form))
        handler.send_response(status)
        for name, value in {"Content-Type": "application/json;charset=UTF-8", **headers}.items():
            handler.send_header(name, value)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    def _token(self, query: dict[str, str], form: str) -> tuple[int, dict, bytes]:
        sent = {k: v[-1] for k, v in parse_qs(form, keep_blank_values=True).items()}
        if query.get("realm") != "/partenaire":
            return 400, {}, _json({"error": "invalid_request", "error_description": "Invalid realm"})
        if sent.get("grant_type") != "client_credentials":
            return 400, {}, _json({"error": "unsupported_grant_type", "error_description": "Invalid grant type"})
        if sent.get("client_id") != self.client_id or sent.get("client_secret") != self.client_secret:
            said = f"Client authentication failed for {sent.get('client_id')}:{sent.get('client_secret')}" \
                if self.leaky_errors else "Client authentication failed"
            return 401, {}, _json({"error": "invalid_client", "error_description": said})
        if set(sent.get("scope", "").split()) != SCOPES:
            return 400, {}, _json({"error": "invalid_scope", "error_description": "Invalid scope"})
        token = "".join(random.choice(string.ascii_letters) for _ in range(28))
        self.tokens.add(token)
        return 200, {}, _json({"access_token": token, "expires_in": self.token_lifetime, "token_type": "Bearer",
                               "scope": " ".join(sorted(SCOPES))})

    def _search(self, query: dict[str, str], authorization: str, accept: str) -> tuple[int, dict, bytes]:
        scheme, _, token = authorization.partition(" ")
        if scheme != "Bearer" or token not in self.tokens:
            return 401, {}, b""
        if "application/json" not in accept:
            return 406, {}, _json({"message": "Accept: application/json attendu"})
        if ("minCreationDate" in query) != ("maxCreationDate" in query):
            return 400, {}, _json({"codeHttp": 400, "message": "Les paramètres minCreationDate et maxCreationDate "
                                                              "doivent être renseignés ensemble."})
        stamps = [query[k] for k in ("minCreationDate", "maxCreationDate") if k in query]
        if any(not re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", stamp) for stamp in stamps):
            return 400, {}, _json({"codeHttp": 400, "message": "Format de date attendu : yyyy-MM-ddTHH:mm:ssZ."})
        try:
            first, last = (int(x) for x in query.get("range", "0-149").split("-"))
            since = _date(query["minCreationDate"]) if "minCreationDate" in query else None
            until = _date(query["maxCreationDate"]) if "maxCreationDate" in query else None
        except ValueError:
            return 400, {}, _json({"codeHttp": 400, "message": "Paramètre invalide."})
        if last < first or last - first + 1 > self.page:
            return 400, {}, _json({"codeHttp": 400, "message": f"La plage de résultats demandée est limitée à {self.page}."})
        if first > self.cap - self.page or last > self.cap - 1:
            return 400, {}, _json({"codeHttp": 400, "message": f"La position de début de la plage de résultats demandée "
                                                              f"doit être inférieure ou égale à {self.cap - self.page}."})
        found = [o for o in self.offers if _matches(o, query, since, until)]
        found.sort(key=lambda o: (str(o.get("dateCreation", "")), str(o.get("id", ""))) if isinstance(o, dict) else ("", ""),
                   reverse=True)
        if not found or first >= len(found):
            return 204, {}, b""
        chosen = found[first:last + 1]
        headers = {"Content-Range": f"offres {first}-{first + len(chosen) - 1}/{len(found)}",
                   "Accept-Range": f"offres {self.page}"}
        status = 200 if first == 0 and len(chosen) == len(found) else 206
        return status, headers, _json({"resultats": chosen, "filtresPossibles": []})


def _matches(offer: dict, query: dict[str, str], since: datetime | None, until: datetime | None) -> bool:
    if not isinstance(offer, dict) or not isinstance(offer.get("lieuTravail", {}), dict):
        return True  # a hostile test's record: given whatever the search
    place = offer.get("lieuTravail", {})
    commune = place.get("commune") or ""
    departement = commune[:2] if commune else str(place.get("libelle", ""))[:2]
    if "departement" in query and departement not in query["departement"].split(","):
        return False
    if "commune" in query and commune not in query["commune"].split(","):
        return False
    if "codeROME" in query and offer.get("romeCode") not in query["codeROME"].split(","):
        return False
    if since is not None and until is not None:
        try:
            created = _date(str(offer.get("dateCreation")))
        except ValueError:
            return False
        return since <= created <= until
    return True


def _date(text: str) -> datetime:
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _json(value) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode("utf-8")
