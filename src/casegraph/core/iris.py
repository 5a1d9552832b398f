"""The one place that mints instance IRIs (DESIGN §2).

Slugs are built only from what the published heading says (publication year, area, name), so
the same review gets the same IRI from any page and on every run.  Nothing else goes into an IRI.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from casegraph.core.namespaces import ID, STATISTICAL_GEOGRAPHY

MAX_SLUG = 60
_UNNAMED_AREAS = re.compile(
    r"^(anonymous|anonymised|unnamed|unknown|not named|nspcc on behalf of .*|n/?a"
    # a word of a body's or a review's name left where the place should be ("Local Safeguarding
    # Children Board", "Children's Safeguarding Partnership", "Practice Review"): no place
    r"|local|children|children's|practice|learning|review|partnership|safeguarding)$", re.I)


@lru_cache(maxsize=8192)  # (a build slugs each source's name once per evidence: 100,000 times)
def slugify(text: str, limit: int = MAX_SLUG) -> str:
    """Lowercase ``[a-z0-9-]``; accents folded; cut at a word boundary, hash-suffixed if cut."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    if len(slug) > limit:
        digest = hashlib.sha256(slug.encode()).hexdigest()[:6]
        slug = slug[: limit - 7].rstrip("-") + "-" + digest
    return slug or "unnamed"


def named_area(area: str | None) -> str | None:
    """The area as published, or None when the heading withholds it ("Anonymous"); markup
    around it ("[[Glasgow]]", "**Fife**") is not its name (two names of one IRI would be two
    names of one organisation, which the shapes refuse); nor is the word "area" after a body's
    name ("Belfast Trust area" is the Belfast Trust's, one area with "Belfast Trust"), a body's
    own word after the place ("Bury Integrated", "Rochdale Borough"), "&" for "and", or (session
    79) a note in brackets after it ("Swansea (West Glamorgan region)")."""
    area = (area or "").strip().strip("[]*_#\"'‘’“”").strip()
    area = area.split(" | ")[0]  # ("Southern Trust | Published: 2022": a row's next field)
    area = re.sub(r"\s+(?:Integrated|Borough|Safeguarding)$", "", area)  # "Bury Integrated ..."
    area = re.sub(r"\s+&\s+", " and ", area)  # "Telford & Wrekin" is Telford and Wrekin
    area = re.sub(r"\b(Trust|Board|Council)\s+area$", r"\1", area)
    # (session 79) a note in brackets after the name: "Swansea (West Glamorgan region)", the
    # region's board's; "Gwent (Newport)", the board's area and its council's
    # ((session 79) but a nation's note names the area: "Northern Ireland (Western HSC Trust)")
    area = re.sub(r"^(?:Northern\s+Ireland|Wales|Scotland|England)\s+\(([^()]{2,40})\)$", r"\1", area)
    area = re.sub(r"(?<=\w)\s+\([^()]{2,40}\)$", "", area)
    if area.isupper() and len(area) > 4:
        # (session 48) a headline's "FERMANAGH AND OMAGH:" is Fermanagh and Omagh ("NHS", "LSCB":
        # letters, kept)
        area = re.sub(r"\b(And|Of|The|Upon|On|With)\b", lambda m: m.group().lower(), area.title())
    if not area or _UNNAMED_AREAS.match(area):
        return None
    return area


def review_slug(year: int | None, area: str | None, name: str) -> str:
    parts = [str(year) if year else "undated"]
    if named_area(area):
        parts.append(slugify(area or "", 25))
    parts.append(slugify(name, 40))
    return slugify("-".join(parts))


def review_iri(slug: str) -> str:
    return f"{ID}review/{slug}"


def child_iri(review: str, n: int) -> str:
    return f"{ID}child/{review}-c{n}"


def harm_iri(review: str) -> str:
    return f"{ID}harm/{review}-h1"


def learning_iri(review: str, n: int) -> str:
    return f"{ID}learning/{review}-l{n}"


def recommendation_iri(review: str, n: int) -> str:
    return f"{ID}recommendation/{review}-r{n}"


def annotation_iri(review: str, scheme: str, notation: str, n: int) -> str:
    return f"{ID}evidence/{review}-{notation.lower()}-{n}"


def mention_iri(review: str, n: int) -> str:
    return f"{ID}mention/{review}-m{n}"


def cluster_iri(kind: str, member_iris: list[str]) -> str:
    """A cluster of recurring items, named by its members: the same items give the same IRI on
    every run, and any change of membership gives a new one (a different cluster)."""
    digest = hashlib.sha256("\n".join(sorted(member_iris)).encode()).hexdigest()[:16]
    return f"{ID}cluster/{kind}-{digest}"


def area_iri(area: str) -> str:
    return f"{ID}area/{slugify(area)}"


#: Words a place's name keeps in lower case after its first word ("Vale of Glamorgan").
_SMALL_WORDS = frozenset({"and", "of", "the", "upon", "on", "in", "for", "with", "by", "at"})


def area_label(area: str) -> str:
    """The one name an area's IRI carries, whatever case a page wrote it in: "Mid And West
    Wales" (a heading in capitals, title-cased) and "Mid and West Wales" share the IRI
    (:func:`area_iri`), and an organisation has exactly one name in the shapes, so both are
    "Mid and West Wales" (before: two names, and a build that stopped).  A function of the name
    alone, so that a review's cached triples agree with a new review's.  A markup escape or a
    stray mark at either end ("Fermanagh and Omagh\\", a Markdown "\\(" left in a note, session
    51) is no part of the name: it too made a second name for the same IRI, and stopped a build."""
    area = re.sub(r"^[^\w(]+|[^\w)]+$", "", area.replace("\\", "")) or area
    words = " ".join(area.split()).split(" ")
    if area.isupper():
        words = [w.capitalize() for w in words]
    return " ".join([words[0]] + [w.lower() if w.lower() in _SMALL_WORDS else w[:1].upper() + w[1:]
                                  for w in words[1:]])


def source_iri(name: str, sha256: str) -> str:
    return f"{ID}source/{slugify(name, 40)}-{sha256[:10]}"


def dataset_iri() -> str:
    return f"{ID}dataset/casegraph"


def build_activity_iri(digest: str) -> str:
    return f"{ID}build/{digest[:12]}"


def distribution_iri(fmt: str) -> str:
    """One download form of the dataset (``turtle``, ``nt``, ...): a ``dcat:Distribution``."""
    return f"{ID}dataset/casegraph-{fmt}"


#: The organisations casegraph names as publishers: the NSPCC (of its summary pages) and the
#: casegraph project (of the dataset).  Local partnerships are ``area_iri`` nodes.
NSPCC = "nspcc"
CASEGRAPH = "casegraph"


def organisation_iri(slug: str) -> str:
    return f"{ID}organisation/{slug}"


def statistical_geography_iri(gss_code: str) -> str:
    """The ONS linked-data IRI of a statistical geography (a local authority) by its GSS code."""
    if not re.fullmatch(r"[EWSNK]\d{8}", gss_code):
        raise ValueError(f"not a GSS code: {gss_code!r}")
    return f"{STATISTICAL_GEOGRAPHY}{gss_code}"
