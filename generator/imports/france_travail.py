"""France Travail's "API Offres d'emploi v2": every open offer of the chosen départements or
communes, read as ``UpstreamOffer`` records and nothing more (the mapping is ``mapping.py``'s).

OAuth2 client credentials, from the environment only; one search per département and per group of
communes, paged with ``range`` (150 offers a call, ``206`` and ``Content-Range`` while there is
more); a search holding more than the API's cap is split by creation-date windows, halved until
each fits; calls spaced to stay under the API's rate, ``429`` and ``5xx`` retried after a wait."""

from __future__ import annotations

import json
import math
import re
import time
from datetime import date, datetime, timedelta, timezone
from typing import Any, Mapping
from urllib.parse import urlencode

from ..content.fields import EMAIL_RE
from ..content.imports import FRANCE_TRAVAIL_VARIABLES, ImportSource
from ..content.messages import Messages
from ..network import Answer, detail, safe_transport
from .fetch import fetch, insecure
from .records import SETUP, UNAVAILABLE, Skipped, Snapshot, SourceError, UpstreamOffer

API_URL = "https://api.francetravail.io/partenaire/offresdemploi"
TOKEN_URL = "https://entreprise.francetravail.fr/connexion/oauth2/access_token"
API_VARIABLE, TOKEN_VARIABLE = "FRANCE_TRAVAIL_API_URL", "FRANCE_TRAVAIL_TOKEN_URL"
SCOPE = "api_offresdemploiv2 o2dsoffre"
REALM = "/partenaire"

PAGE = 150  # offers a call, at most
CAP = 3150  # results one search can reach (range start ≤ 3000, end ≤ 3149): more → split by dates
COMMUNES_PER_SEARCH = 5  # the API takes at most five INSEE codes in ``commune``
SORT_BY_DATE = "1"  # creation date, newest first: paging stays put while offers come and go
OLDEST = datetime(2000, 1, 1, tzinfo=timezone.utc)  # the first window's start, when a search is split
MIN_INTERVAL = 0.1  # seconds between two calls: the API allows about 10 a second
ATTEMPTS = 5  # calls of one request, when the API answers 429 or 5xx
MAX_WAIT = 60  # seconds, the longest wait asked by Retry-After that is honoured
BACKOFF = 1.0  # seconds before the second attempt after a 5xx, doubled at each attempt
TOKEN_MARGIN = 60  # seconds before its expiry when a token is renewed

# The clock and the wait, replaced by the tests (which must not wait).
clock = time.monotonic
sleep = time.sleep

_HTTPS = re.compile(r"https://[^\s<>\"']+")
_FULLY_REMOTE = re.compile(
    r"(?<!pas de )(?<!pas en )(?<!sans )(?:t[ée]l[ée]travail\s+(?:complet|total|int[ée]gral|[àa]\s*100\s*%)"
    r"|100\s*%\s*(?:en\s+)?t[ée]l[ée]travail|full[\s-]remote)", re.IGNORECASE)
_CONTENT_RANGE = re.compile(r"(\d+)\s*-\s*(\d+)\s*/\s*(\d+)")


def read(settings: ImportSource, environ: Mapping[str, str], msg: Messages) -> Snapshot:
    """Every offer France Travail publishes now for ``settings``' départements and communes."""
    client = _Client(environ, msg)
    reader = _Reader(client, msg)
    rome = ",".join(settings.rome)
    searches = [{"departement": d} for d in settings.departements]
    searches += [{"commune": ",".join(settings.communes[i:i + COMMUNES_PER_SEARCH]), "distance": "0"}
                 for i in range(0, len(settings.communes), COMMUNES_PER_SEARCH)]
    for where in searches:
        reader.search({**where, **({"codeROME": rome} if rome else {})})
    return Snapshot(list(reader.offers.values()), reader.skipped, complete=reader.complete)


class _Client:
    """The token, the rate and the retries: one call to the API at a time."""

    def __init__(self, environ: Mapping[str, str], msg: Messages):
        self.msg = msg
        self.client_id, self.client_secret = (environ.get(name, "").strip() for name in FRANCE_TRAVAIL_VARIABLES)
        if not (self.client_id and self.client_secret):
            missing = [name for name in FRANCE_TRAVAIL_VARIABLES if not environ.get(name, "").strip()]
            raise SourceError(msg("import_ft_credentials_missing", client_id=FRANCE_TRAVAIL_VARIABLES[0],
                                  client_secret=FRANCE_TRAVAIL_VARIABLES[1], missing=", ".join(missing)), SETUP)
        self.api = (environ.get(API_VARIABLE, "").strip() or API_URL).rstrip("/")
        self.token_url = environ.get(TOKEN_VARIABLE, "").strip() or TOKEN_URL
        for url in (self.token_url, self.api):  # refused before a credential is sent anywhere
            if not safe_transport(url):
                raise insecure(url, msg)
        self.secrets: tuple[str, ...] = (self.client_secret,)
        self.token: str | None = None
        self.expires = 0.0
        self.last_call: float | None = None

    def _send(self, url: str, *, data: bytes | None = None, headers: dict) -> Answer:
        """One request, retried while the API says "too many" (429) or fails (5xx)."""
        for attempt in range(1, ATTEMPTS + 1):
            if self.last_call is not None:
                wait = self.last_call + MIN_INTERVAL - clock()
                if wait > 0:
                    sleep(wait)
            self.last_call = clock()
            answer = fetch(url, self.msg, data=data, headers=headers, secrets=self.secrets)
            if answer.status == 429:
                wait = _retry_after(answer.headers.get("retry-after"))
            elif answer.status >= 500:
                wait = BACKOFF * 2 ** (attempt - 1)
            else:
                return answer
            if attempt < ATTEMPTS:
                sleep(wait)
        raise SourceError(self.msg("import_ft_unavailable", status=answer.status, attempts=ATTEMPTS,
                                   detail=self.detail(answer)), UNAVAILABLE)

    def _renew(self) -> None:
        form = urlencode({"grant_type": "client_credentials", "client_id": self.client_id,
                          "client_secret": self.client_secret, "scope": SCOPE}).encode()
        separator = "&" if "?" in self.token_url else "?"
        answer = self._send(f"{self.token_url}{separator}{urlencode({'realm': REALM})}", data=form, headers={
            "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"})
        if answer.status in (400, 401, 403):
            raise SourceError(self.msg("import_ft_credentials_refused", status=answer.status, detail=self.detail(answer),
                                       client_id=FRANCE_TRAVAIL_VARIABLES[0], client_secret=FRANCE_TRAVAIL_VARIABLES[1]),
                              SETUP)
        body = _json(answer.body) if answer.status == 200 else None
        token = body.get("access_token") if isinstance(body, dict) else None
        if not isinstance(token, str) or not token.strip():
            raise SourceError(self.msg("import_ft_token_unreadable", status=answer.status, detail=self.detail(answer)),
                              UNAVAILABLE)
        lifetime = body.get("expires_in")
        if not isinstance(lifetime, (int, float)) or isinstance(lifetime, bool) or not lifetime > 0:
            lifetime = math.inf  # no lifetime said: kept until the API refuses it (401)
        self.token = token.strip()
        self.secrets = (self.client_secret, self.token)
        self.expires = clock() + max(lifetime - TOKEN_MARGIN, lifetime / 2)

    def get(self, path: str, query: dict[str, str]) -> Answer:
        """An answer of the API other than 401: the token is renewed once when refused."""
        url = f"{self.api}{path}?{urlencode(query)}"
        for renewed in (False, True):
            if self.token is None or clock() >= self.expires or renewed:
                self._renew()
            answer = self._send(url, headers={"Authorization": f"Bearer {self.token}", "Accept": "application/json"})
            if answer.status != 401:
                return answer
        raise SourceError(self.msg("import_ft_access_refused", status=answer.status, detail=self.detail(answer)),
                          SETUP)

    def detail(self, answer: Answer) -> str:
        """The server's own words on a failure: its JSON message, else the start of its text."""
        text = answer.body.decode("utf-8", "replace")
        body = _json(answer.body)
        if isinstance(body, dict):
            words = [body.get(key) for key in ("message", "error_description", "error")]
            text = next((w for w in words if isinstance(w, str) and w.strip()), text)
        return detail(text, self.secrets) or "-"


class _Reader:
    """The offers of every search, each once (a search split by dates may see one twice)."""

    def __init__(self, client: _Client, msg: Messages):
        self.client, self.msg = client, msg
        self.offers: dict[str, UpstreamOffer] = {}
        self.skipped: list[Skipped] = []
        self.skipped_ids: set[str] = set()
        self.complete = True
        self.cap = CAP

    def search(self, query: dict[str, str]) -> None:
        windows: list[tuple[datetime, datetime] | None] = [None]
        while windows:
            window = windows.pop()
            if not self._window(query, window):
                start, end = window or (OLDEST, _now() + timedelta(days=1))
                middle = (start + (end - start) / 2).replace(microsecond=0)
                # The halves overlap by a second: whichever bound the API takes as inclusive, no
                # offer falls between them (one seen twice is kept once).
                windows += [(middle, end), (start, middle + timedelta(seconds=1))]

    def _window(self, query: dict[str, str], window: tuple[datetime, datetime] | None) -> bool:
        """Reads every page of one search; False when it holds more than the cap: to be split."""
        # A window of two seconds is not split (its halves, overlapping by a second, would be as
        # wide): more offers created within it than a search gives would be an API gone wrong.
        # What it gives is kept, and the snapshot is not complete (nothing is withdrawn on its word).
        splittable = window is None or window[1] - window[0] > timedelta(seconds=2)
        if window:
            query = {**query, "minCreationDate": _stamp(window[0]), "maxCreationDate": _stamp(window[1])}
        first, pages = 0, []
        while True:
            last = min(first + PAGE, self.cap) - 1
            answer = self.client.get("/v2/offres/search", {**query, "sort": SORT_BY_DATE, "range": f"{first}-{last}"})
            if answer.status == 204:
                break
            if answer.status == 400 and first > 0:
                self.cap = first  # a range the API refuses: its cap is lower than ours
                if splittable:
                    return False
                self.complete = False
                break
            if answer.status == 403:  # the application is not subscribed to this API
                raise SourceError(self.msg("import_ft_access_refused", status=403, detail=self.client.detail(answer)),
                                  SETUP)
            if answer.status not in (200, 206):  # a 4xx: the address or the settings; else the API's own trouble
                raise SourceError(self.msg("import_ft_status", status=answer.status, detail=self.client.detail(answer)),
                                  SETUP if 400 <= answer.status < 500 else UNAVAILABLE)
            results = self._results(answer)
            pages.append(results)
            if answer.status == 200 or len(results) < last - first + 1:
                break
            found = _CONTENT_RANGE.search(answer.headers.get("content-range", ""))
            total = int(found.group(3)) if found else None  # no total: page on until a page is short
            if total is not None and total <= last + 1:
                break
            if (total is not None and total > self.cap) or last + 1 >= self.cap:
                if splittable:
                    return False
                self.complete = False
                if last + 1 >= self.cap:
                    break
            first = last + 1
        for results in pages:
            for raw in results:
                self._offer(raw)
        return True

    def _results(self, answer: Answer) -> list:
        body = _json(answer.body)
        results = body.get("resultats") if isinstance(body, dict) else None
        if not isinstance(results, list):
            what = "JSON" if body is None else "resultats"
            raise SourceError(self.msg("import_ft_answer_unreadable", what=what), UNAVAILABLE)
        return results

    def _offer(self, raw: Any) -> None:
        try:
            offer = _upstream(raw)
        except _Unreadable as err:
            if err.id is not None and (err.id in self.offers or err.id in self.skipped_ids):
                return
            message = (self.msg("import_ft_offer_no_id") if err.id is None
                       else self.msg("import_ft_offer_field", id=err.id, field=err.field))
            if err.id is not None:
                self.skipped_ids.add(err.id)
            self.skipped.append(Skipped(err.id, err.field, message))
            return
        self.offers.setdefault(offer.id, offer)


class _Unreadable(Exception):
    def __init__(self, id: str | None, field: str | None):
        super().__init__(field)
        self.id, self.field = id, field


def _upstream(raw: Any) -> UpstreamOffer:
    """One offer of ``resultats`` as France Travail writes it; _Unreadable names what is wrong."""
    if not isinstance(raw, dict):
        raise _Unreadable(None, None)
    offer_id = raw.get("id")
    if not isinstance(offer_id, str) or not offer_id.strip():
        raise _Unreadable(None, "id")
    offer_id = offer_id.strip()

    def text(obj: dict, key: str, name: str) -> str | None:
        value = obj.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            raise _Unreadable(offer_id, name)
        return value.strip() or None

    def part(key: str) -> dict:
        value = raw.get(key)
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise _Unreadable(offer_id, key)
        return value

    title = text(raw, "intitule", "intitule")
    if title is None:
        raise _Unreadable(offer_id, "intitule")
    employer, place, salary = part("entreprise"), part("lieuTravail"), part("salaire")
    origin, contact = part("origineOffre"), part("contact")
    naf = text(raw, "secteurActivite", "secteurActivite")
    naf = naf[:2] if naf and re.match(r"^\d{2}", naf) else naf
    rome = text(raw, "romeCode", "romeCode")
    alternance = raw.get("alternance", False)
    if alternance is None:
        alternance = False
    if not isinstance(alternance, bool):
        raise _Unreadable(offer_id, "alternance")
    created = text(raw, "dateCreation", "dateCreation")
    try:
        posted = date.fromisoformat(created[:10]) if created else None
    except ValueError:
        raise _Unreadable(offer_id, "dateCreation") from None
    description = text(raw, "description", "description")
    apply_url = (text(origin, "urlOrigine", "origineOffre.urlOrigine")
                 or text(contact, "urlPostulation", "contact.urlPostulation"))
    email = text(contact, "courriel", "contact.courriel")
    apply_email = None
    if email and EMAIL_RE.match(email):
        apply_email = email
    elif email and apply_url is None:  # "Pour postuler, utiliser le lien suivant : https://…"
        found = _HTTPS.search(email)
        apply_url = found.group().rstrip(".,;:!?)]") if found else None
    commune = text(place, "commune", "lieuTravail.commune")
    return UpstreamOffer(
        id=offer_id,
        title=title,
        employer=text(employer, "nom", "entreprise.nom"),
        employer_url=text(employer, "url", "entreprise.url"),
        sector_codes=tuple(code for code in (naf, rome) if code),
        contract=text(raw, "typeContrat", "typeContrat"),
        alternance=alternance,
        postal_code=text(place, "codePostal", "lieuTravail.codePostal"),
        place_label=text(place, "libelle", "lieuTravail.libelle"),
        remote=bool(_FULLY_REMOTE.search(title) or (description and _FULLY_REMOTE.search(description))),
        salary_text=text(salary, "libelle", "salaire.libelle") or text(salary, "commentaire", "salaire.commentaire"),
        posted=posted,
        description=description,
        apply_url=apply_url,
        apply_email=apply_email,
        commune=commune,
    )


def _json(body: bytes) -> Any:
    try:
        return json.loads(body)
    except (ValueError, UnicodeDecodeError, RecursionError):  # nested too deep: no answer either
        return None


def _retry_after(value: str | None) -> float:
    """Seconds to wait as Retry-After says (a number; a date is taken as one second), bounded."""
    try:
        seconds = float(value) if value else 1.0
    except ValueError:
        seconds = 1.0
    return min(max(seconds, 0.0), MAX_WAIT) if math.isfinite(seconds) else 1.0


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


def _stamp(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


__all__ = ["API_URL", "CAP", "PAGE", "TOKEN_URL", "read"]
