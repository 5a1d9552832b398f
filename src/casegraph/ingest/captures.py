"""Files that keep a web site's content other than as its rendered pages, read as the page or
the records a reader of the site would see; :mod:`casegraph.ingest.sources` then reads them as
any page:

- a Sitecore item serialized to disk (``.item``: Team Development for Sitecore's or Sitecore's
  own serialization of a content page), whose fields are blocks of headers and content;
- an Umbraco content node saved by uSync (``.config``), whose properties hold HTML and, for a
  Block List, JSON whose ``contentData`` are the page's blocks;
- a Scrapy crawl log (``.log``: a research team's scraper), in which each item the spider
  scraped is printed as a Python dict after its "Scraped from" line;
- a calibre library's metadata record of a saved report (``.opf``), its Dublin Core title,
  description (HTML), date, publisher and subjects;
- an X (Twitter) account archive's ``tweets.js``, a script that assigns the account's tweets as
  JSON, in which a review told over a thread of replies is one account;
- an Internet Archive item's metadata (``..._metadata.json``, the ``/metadata/<item>`` API's
  response), whose item page shows the uploader's title, creator, date, description and
  subjects, not its files' checksums or servers, nor the users' comments below it.
- (session 75) a Google Alerts e-mail saved as text (an analyst's daily alert for "practice
  review"), whose items are each a news story: its headline, its paper, the snippet, then the
  alert's "[Flag as irrelevant]" link and the story's address;
- (session 75) a CKAN open-data portal's action API response (``package_search`` or
  ``package_show``: a board's reviews published as datasets), whose dataset pages show each
  dataset's title, publisher, description (Markdown), additional fields, tags and described
  resources, not its ids, its users or its resources' files.

Why a module of their own: each keeps the words a reader sees among bookkeeping that looks like
words (a field's GUID and length, a node's sort order, a crawler's settings and statistics, an
e-book manager's custom columns, a tweet's edit history and link indices), and each says which
part is content in its own way.  Read as text or plain XML, a Sitecore item's headers and a
crawler's settings became the page, and the reviews inside the Block List JSON or the printed
dicts were not found.
"""

from __future__ import annotations

import ast
import html
import json
import re
import xml.etree.ElementTree as ET

from casegraph.core.newlines import unify_line_ends
from casegraph.ingest.interchange import element_words, emoji_bullets, holds_html, local_name

# ---------------------------------------------------------------------------------- Sitecore

#: The lines that open a serialized Sitecore item's parts.
_SITECORE_PART = re.compile(r"^----(item|field|version)----$")
#: The fields a content page shows no reader: Sitecore's standard fields ("__Created",
#: "__Sortorder") and the page's metadata for search engines and navigation.
_SITECORE_HIDDEN = re.compile(r"^(?:__.*|meta\b.*|browser title|navigation\b.*|nav\b.*|"
                              r"(?:page\s+)?keywords|og\b.*|canonical.*)$", re.I)
#: The fields that hold a page's heading, first found first.
_SITECORE_TITLES = ("page title", "title", "heading", "headline")


def is_sitecore_item(raw: str) -> bool:
    """Whether a file is a serialized Sitecore item: its first line opens the item."""
    return raw.lstrip("\ufeff").split("\n", 1)[0].strip() == "----item----"


def sitecore_item_html(raw: str) -> str:
    """A serialized Sitecore item (``.item``, see :func:`is_sitecore_item`) as the HTML of the
    page it renders: the page's title field (else the item's name) as its heading, then
    each of its content fields in their order, HTML as it is and plain text as a paragraph.
    Of several versions, the latest English one is read (else the latest of the first language).

    A field's content is read up to the next part's line, not by its ``content-length``: a file
    whose line endings were changed (by git, by an editor) no longer matches its lengths."""
    lines = unify_line_ends(raw).split("\n")
    name, shared, versions = "", [], []  # versions: (language, number, fields)
    fields = shared
    for kind, headers, content in _sitecore_parts(lines):
        if kind == "item":
            name = name or headers.get("name", "")
        elif kind == "version":
            number = headers.get("version", "0")
            fields = []
            versions.append((headers.get("language", "").lower(), int(number) if number.isdigit() else 0,
                             fields))
        else:
            fields.append((headers.get("name", ""), content))
    if versions:
        first = versions[0][0]
        language = "en" if any(v[0] == "en" for v in versions) else first
        shared = shared + max((v for v in versions if v[0] == language), key=lambda v: v[1])[2]
    return _page_html(name, shared)


def _sitecore_parts(lines: list[str]) -> list[tuple[str, dict[str, str], str]]:
    """An item's parts in order: (kind, its "key: value" headers, its content)."""
    parts: list[tuple[str, dict[str, str], str]] = []
    i = 0
    while i < len(lines):
        opening = _SITECORE_PART.match(lines[i].strip())
        i += 1
        if opening is None:
            continue
        headers: dict[str, str] = {}
        while i < len(lines) and lines[i].strip() and not _SITECORE_PART.match(lines[i].strip()):
            key, _, value = lines[i].partition(":")
            headers[key.strip().lower()] = value.strip()
            i += 1
        start = i + 1 if i < len(lines) and not lines[i].strip() else i
        i = start
        while i < len(lines) and not _SITECORE_PART.match(lines[i].strip()):
            i += 1
        content = "\n".join(lines[start:i]).strip() if "content-length" in headers else ""
        parts.append((opening[1], headers, content))
    return parts


def _page_html(name: str, fields: list[tuple[str, str]]) -> str:
    """A content page's fields as its HTML (see :func:`sitecore_item_html`)."""
    shown = [(n, c) for n, c in fields if c and not _SITECORE_HIDDEN.match(n.strip())]
    titles = {n.strip().lower(): c for n, c in shown}
    title_key = next((t for t in _SITECORE_TITLES if t in titles), None)
    out = [f"<h1>{html.escape(titles[title_key] if title_key else name)}</h1>"]
    for field, content in shown:
        if field.strip().lower() == title_key:
            continue
        out.append(content if re.search(r"<[a-z][a-z0-9]*[\s>/]", content, re.I)
                   else "".join(f"<p>{html.escape(p)}</p>" for p in content.split("\n\n")))
    return "\n".join(out)


# ------------------------------------------------------------------------------------ uSync

#: A uSync property that only drives the site (metadata for search engines, navigation flags,
#: Umbraco's own settings) and is no part of the page a reader sees.
_USYNC_HIDDEN = re.compile(r"^(?:meta.*|umbraco.*|seo.*|og.*|nav.*|hide.*|redirect.*|sitemap.*)$", re.I)
#: A block's setting of how it looks, not what it says ("style": ["Grey panel"]).
_BLOCK_LOOK = frozenset({"style", "theme", "colour", "color", "alignment", "width", "layout",
                         "background", "css class", "cssclass"})
#: A value that is an id of Umbraco's (a key, a UDI), not a word of the page.
_UMBRACO_ID = re.compile(r"^(?:umb://\S+|[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12})$",
                         re.I)


def usync_content(root: ET.Element) -> dict[str, object] | None:
    """An Umbraco content node saved by uSync (``.config``: ``<Content>`` with its ``<Info>``
    and ``<Properties>``) as records, or None for other XML: the page's name and its own text
    properties above the blocks of its Block List or Nested Content (each block a record: a review's
    title, type, date, summary, learning and recommendations), with values that are JSON
    (a picker's ``["Local child safeguarding practice review"]``) decoded and Umbraco's ids
    and a block's look left out."""
    if local_name(root.tag) != "content" or not any(local_name(e.tag) == "properties" for e in root):
        return None
    name = next((e.get("Default") for e in root.iter() if local_name(e.tag) == "nodename"), None)
    page: dict[str, object] = {"title": name or root.get("Alias") or ""}
    blocks: list[dict] = []
    for prop in next(e for e in root if local_name(e.tag) == "properties"):
        name = local_name(prop.tag)
        if _USYNC_HIDDEN.match(name):
            continue
        value = "".join(v.text or "" for v in prop if local_name(v.tag) == "value").strip()
        decoded = _decoded(value)
        if isinstance(decoded, dict) and isinstance(decoded.get("contentData"), list):
            blocks += [_block(b) for b in decoded["contentData"] if isinstance(b, dict)]
        elif isinstance(decoded, list) and all(isinstance(b, dict) for b in decoded) and decoded:
            blocks += [_block(b) for b in decoded]  # (Nested Content: a list of blocks)
        elif value:
            page[prop.tag] = decoded
    return {**page, "blocks": blocks} if blocks else page


def _block(block: dict) -> dict[str, object]:
    """A block's fields as a record: JSON inside a value decoded, ids and looks left out."""
    out: dict[str, object] = {}
    for key, value in block.items():
        if key.lower() in _BLOCK_LOOK or key in ("contentTypeKey", "udi", "key"):
            continue
        value = _without_ids(_decoded(value) if isinstance(value, str) else value)
        if value not in (None, "", [], {}):
            out[key] = value
    return out


def _decoded(value: str) -> object:
    """A value that is JSON (an array or an object) as its data; any other value as it is."""
    if value[:1] in "[{":
        try:
            return json.loads(value)
        except ValueError:
            pass
    return value


def _without_ids(value: object) -> object:
    """A value with Umbraco's ids taken out (a media picker's keys leave nothing)."""
    if isinstance(value, dict):
        kept = {k: w for k, v in value.items() if (w := _without_ids(v)) not in (None, "", [], {})}
        return kept
    if isinstance(value, list):
        return [w for v in value if (w := _without_ids(v)) not in (None, "", [], {})]
    if isinstance(value, str) and _UMBRACO_ID.match(value.strip()):
        return None
    return value


# ----------------------------------------------------------------------------------- Scrapy

#: A Scrapy log line ("2024-05-14 10:02:19 [scrapy.core.scraper] DEBUG: ...").
_LOG_LINE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:[.,]\d+)? \[[^\]]+\] [A-Z]+: ", re.M)
#: The line after which Scrapy prints an item its spider scraped (a dropped item is printed after
#: "Dropped: ..." and is not in the crawl's output, so it is no record).
_SCRAPED = re.compile(r"\] DEBUG: Scraped from <[^>]*>\s*$")


def is_scrapy_log(raw: str) -> bool:
    """Whether a log is a Scrapy crawl's with an item it scraped."""
    return re.search(r"^\S+ \S+ \[[^\]]+\] DEBUG: Scraped from <", raw, re.M) is not None


def scrapy_items(raw: str) -> list[dict]:
    """The items a Scrapy crawl log (``.log``) printed as scraped, in order and each once (a
    page reached twice is printed twice).  An item is the Python
    dict printed on the lines after its "Scraped from" line, up to the next log line; it is read
    by ``ast.literal_eval``, which evaluates literals only and runs no code.  An item that holds
    something else (a ``datetime(...)`` call) is read without that value."""
    text = raw.replace("\r\n", "\n")
    starts = [m.start() for m in _LOG_LINE.finditer(text)]
    items: list[dict] = []
    for start, end in zip(starts, [*starts[1:], len(text)], strict=True):
        line, _, printed = text[start:end].partition("\n")
        if _SCRAPED.search(line) and printed.strip().startswith("{"):
            item = _literal_dict(printed.strip())
            if item and item not in items:
                items.append(item)
    if not items:
        raise ValueError('no item a spider scraped (a dict after a "Scraped from <...>" line)')
    return items


def _literal_dict(printed: str) -> dict | None:
    """A printed dict as data; a value that is no literal (a call) is left out."""
    try:
        value = ast.literal_eval(printed)
        return value if isinstance(value, dict) else None
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        pass
    try:
        tree = ast.parse(printed, mode="eval").body
    except SyntaxError:
        return None
    if not isinstance(tree, ast.Dict):
        return None
    out = {}
    for key, value in zip(tree.keys, tree.values, strict=True):
        try:
            out[ast.literal_eval(key)] = ast.literal_eval(value)  # type: ignore[arg-type]
        except (ValueError, SyntaxError, TypeError):
            continue  # (a datetime(...) or a name: no literal, no word of the item)
    return out or None


# ----------------------------------------------------------------------------------- calibre

OPF = "http://www.idpf.org/2007/opf"
_DC = "http://purl.org/dc/elements/1.1/"


def opf_records(root: ET.Element) -> list[dict[str, object]] | None:
    """A calibre (or EPUB) package's metadata (``.opf``) as one record, or None for other XML:
    its title, creators, publisher, date, description (HTML, read as a page) and subjects.
    The book's identifiers, language and the tool that made the file (calibre, a "bkp"
    contributor) are bookkeeping, and so are calibre's own ``meta`` fields (its custom
    columns, a reader's notes); calibre's date for "unknown" (year 101) is no date."""
    if root.tag != f"{{{OPF}}}package":
        return None
    metadata = next((e for e in root if local_name(e.tag) == "metadata"), None)
    if metadata is None:
        return None
    record: dict[str, object] = {}
    for element in metadata:
        if not element.tag.startswith(f"{{{_DC}}}"):
            continue
        name, words = local_name(element.tag), element_words(element)
        role = element.get(f"{{{OPF}}}role") or element.get("role") or ""
        if not words or name in ("identifier", "language") or role == "bkp" or (
                name == "date" and not re.match(r"[12]\d{3}", words)):
            continue
        if name == "description":
            words = "".join(element.itertext()).strip()  # (HTML as calibre keeps it)
        if name == "subject":  # (a list: the keywords)
            record.setdefault("subjects", []).append(words)  # type: ignore[union-attr]
        elif name in record and name in ("creator", "contributor"):  # (several: one line)
            record[name] = f"{record[name]}; {words}"
        else:
            record.setdefault(name, words)
    return [record] if record else None


# ----------------------------------------------------------------------------- X archive

#: The assignment that opens each data file of an X (Twitter) account archive:
#: "window.YTD.tweets.part0 = [".
_X_ARCHIVE = re.compile(r"\A\ufeff?\s*window\.YTD\.\w+\.part\d+\s*=\s*")
#: A thread's counter ("1/3", "🧵2/4") and a shortened link (its card is the review's page,
#: named elsewhere in the thread): the tweet's furniture, not its words.
_X_FURNITURE = re.compile(r"(?:🧵\s*)?\b\d{1,2}/\d{1,2}\s*$|https://t\.co/\w+|\s*👇\ufe0f?")


def is_x_archive(raw: str) -> bool:
    """Whether a ``.js`` file is an X archive's data file (see :data:`_X_ARCHIVE`), not a site's
    script."""
    return bool(_X_ARCHIVE.match(raw[:200]))


def x_archive_threads(raw: str) -> list[dict[str, object]]:
    """An X archive's ``tweets.js`` as records, one per thread, oldest first: its tweets in the
    order they were posted (a reply chained to the first by ``in_reply_to_status_id``), their
    counters and t.co links dropped and HTML's "&amp;" undone, and the day it was posted.  A
    review told over three tweets is one account, as it reads on the site; a retweet is the
    other account's words and is its own record."""
    m = _X_ARCHIVE.match(raw)
    if not m:
        raise ValueError("no 'window.YTD.tweets.part0 = [' line (is this an X archive's tweets.js?)")
    try:
        items = json.loads(raw[m.end():].rstrip().rstrip(";"))
    except ValueError as exc:
        raise ValueError(f"the archive's JSON: {exc}") from None
    tweets = {str(t.get("id_str")): t for item in items if isinstance(item, dict)
              and isinstance(t := item.get("tweet", item), dict) and t.get("full_text")}
    threads: dict[str, list[dict]] = {}
    for key, tweet in tweets.items():
        threads.setdefault(_thread_root(tweets, key), []).append(tweet)
    ordered = sorted((sorted(ts, key=_tweet_order) for ts in threads.values()),
                     key=lambda ts: _tweet_order(ts[0]))
    return [{"posted": _x_day(thread[0]), "text": "\n\n".join(_tweet_words(t) for t in thread)}
            for thread in ordered]


def _thread_root(tweets: dict[str, dict], key: str) -> str:
    """The first tweet of the thread ``key`` replies within, by its reply chain; of a chain that
    turns back on itself (an edited export), its earliest tweet, whichever one it is read from."""
    seen = [key]
    while (parent := str(tweets[key].get("in_reply_to_status_id_str") or "")) in tweets:
        if parent in seen:
            return min(seen[seen.index(parent):], key=lambda k: _tweet_order(tweets[k]))
        seen.append(parent)
        key = parent
    return key


def _tweet_order(tweet: dict) -> int:
    """When a tweet was posted, as its id tells (ids grow with time)."""
    return int(tweet.get("id_str") or 0)


def _x_day(tweet: dict) -> str:
    """The day a tweet was posted ("Wed Mar 13 10:02:11 +0000 2024" is "2024-03-13")."""
    from datetime import datetime

    try:
        return datetime.strptime(str(tweet.get("created_at")), "%a %b %d %H:%M:%S %z %Y").date().isoformat()
    except ValueError:
        return ""


def _tweet_words(tweet: dict) -> str:
    """A tweet's words (see :func:`x_archive_threads`)."""
    words = _X_FURNITURE.sub("", html.unescape(str(tweet["full_text"])))
    return emoji_bullets(words).strip()


# ----------------------------------------------------------------- Internet Archive metadata

#: The fields an Internet Archive item's page shows of its metadata, in its order; the rest
#: (identifiers, scanner, OCR settings, curation, upload dates) is the archive's bookkeeping.
_ARCHIVE_ITEM_SHOWN = ("title", "creator", "date", "description", "subject", "coverage", "notes")


def archive_item(data: object) -> list[dict[str, object]] | None:
    """An Internet Archive metadata API response as the one record its item page shows (see
    :data:`_ARCHIVE_ITEM_SHOWN`), or None for other JSON.  Its ``files`` (an uploaded PDF and the
    archive's derivatives, each with checksums) were the records the largest list of objects
    gave, and its users' ``reviews`` are readers' comments, not case reviews."""
    if not (isinstance(data, dict) and isinstance(meta := data.get("metadata"), dict)
            and "identifier" in meta and isinstance(data.get("files"), list)
            and ({"d1", "server", "dir"} & data.keys())):
        return None
    return [{key: meta[key] for key in _ARCHIVE_ITEM_SHOWN if meta.get(key)}]


# ------------------------------------------------------------------------------------- CKAN
#: The tail of a CKAN action API's ``help`` address: the actions whose result is datasets.
_CKAN_HELP = re.compile(r"/api/3/action/help_show\?name=(?:package_search|package_show|"
                        r"current_package_list_with_resources)$")


def ckan_datasets(data: object) -> list[dict[str, object]] | None:
    """A CKAN action API response as the dataset pages its portal shows, one record each: the
    title, the publisher (the organisation), the description (``notes``, Markdown, read by
    the caller), the additional fields (``extras``), the tags and the resources a description
    tells of (their names and descriptions).  None for other JSON.  Read as any JSON, the
    organisation's title headed each record and the datasets' titles were lost among their ids,
    users and resources (session 75)."""
    if not (isinstance(data, dict) and isinstance(data.get("help"), str)
            and _CKAN_HELP.search(data["help"]) and "result" in data):
        return None
    result = data["result"]
    if isinstance(result, dict):
        result = result["results"] if isinstance(result.get("results"), list) else [result]
    if not isinstance(result, list):
        return None
    return [_ckan_dataset(d) for d in result if isinstance(d, dict)]


def _ckan_dataset(dataset: dict) -> dict[str, object]:
    """One dataset as its portal page shows it (see :func:`ckan_datasets`)."""
    organization = dataset.get("organization") if isinstance(dataset.get("organization"), dict) else {}
    extras = [e for e in dataset.get("extras") or [] if isinstance(e, dict) and e.get("key")]
    tags = [str(t.get("display_name") or t.get("name")) for t in dataset.get("tags") or []
            if isinstance(t, dict) and (t.get("display_name") or t.get("name"))]
    record: dict[str, object] = {"title": str(dataset.get("title") or dataset.get("name") or "")}
    if publisher := organization.get("title"):  # type: ignore[union-attr]
        record["publisher"] = str(publisher)
    record.update({str(e["key"]): str(e.get("value") or "") for e in extras if e.get("value")})
    record["notes"] = str(dataset.get("notes") or "")
    if tags:
        record["keywords"] = tags
    # a resource the publisher described (one review's report and its summary, devlocal37) is
    # a part of the page; one with only a name and a file ("Executive summary (PDF)") is a link
    if parts := [{"name": str(r.get("name") or ""), "description": str(r["description"])}
                 for r in dataset.get("resources") or [] if isinstance(r, dict) and r.get("description")]:
        record["resources"] = parts
    return record


# ------------------------------------------------------------------------------------ MkDocs
def mkdocs_search_html(data: object) -> str | None:
    """(session 76) An MkDocs site's search index (``search/search_index.json``: the one file a
    partnership's practice-learning site ships with every page's words) as the site's pages, in
    its order: each section (an entry whose ``location`` has an anchor, "page/#learning") its
    title as a heading, then its text.  A page's own entry repeats all its sections' text and
    is read only for a page with none.  The first section of a page is its top heading; the
    index keeps no deeper levels.  None for other JSON."""
    if not (isinstance(data, dict) and isinstance(data.get("config"), dict)
            and {"separator", "lang"} & data["config"].keys() and isinstance(data.get("docs"), list)):
        return None
    docs = [d for d in data["docs"] if isinstance(d, dict) and isinstance(d.get("location"), str)]
    pages: dict[str, list[dict]] = {}
    for doc in docs:
        pages.setdefault(doc["location"].split("#")[0], []).append(doc)
    out = []
    for entries in pages.values():
        sections = [d for d in entries if "#" in d["location"]] or entries[:1]
        for n, doc in enumerate(sections):
            level = 1 if n == 0 else 2
            text = str(doc.get("text") or "")
            # (MkDocs Material keeps each section's HTML, MkDocs' own theme strips it)
            body = text if holds_html(text) else f"<p>{html.escape(text)}</p>"
            out.append(f"<h{level}>{html.escape(str(doc.get('title') or ''))}</h{level}>\n{body}")
    return "<html><body>\n" + "\n".join(out) + "\n</body></html>"


# ----------------------------------------------------------------------------- Google Alerts
#: The line that ends each item of a Google Alerts e-mail's text part.
_ALERT_FLAG = re.compile(r"^\s*\[Flag as irrelevant\]\s*$", re.M)
#: The digest's own date line ("Daily update · 2 April 2025", "As-it-happens update · ...").
_ALERT_DATE = re.compile(r"^\s*(?:Daily|Weekly|As-it-happens)\s+update\s*[·•|-]\s*(?P<date>.+?)\s*$",
                         re.M | re.I)
#: An item's address line ("<https://www.google.com/url?...>") and the digest's rules and parts.
_ALERT_LINK = re.compile(r"^\s*<?https?://\S+>?\s*$")
_ALERT_FURNITURE = re.compile(r"^\s*(?:[=\-_]{5,}|NEWS|WEB|BLOGS|VIDEOS|No new results\.?)\s*$")


def is_alert_digest(text: str) -> bool:
    """Whether a text file is a Google Alerts e-mail: the service named near its top and an
    item's "[Flag as irrelevant]" line."""
    return "Google Alert" in text[:3000] and bool(_ALERT_FLAG.search(text))


def alert_items(text: str) -> list[dict[str, object]]:
    """(session 75) A Google Alerts e-mail's items as records, one news story each: the
    headline (its title), the paper, the digest's date and the snippet.  Read as plain text,
    the stories ran together and only the one that named its child was found (validation11:
    1 of 3).  The alert's flag link and the tracked address are the service's, not the story's."""
    text = unify_line_ends(text)
    dated = _ALERT_DATE.search(text)
    items = _ALERT_FLAG.split(text)[:-1]  # (after the last flag: the digest's footer)
    out: list[dict[str, object]] = []
    for n, item in enumerate(items):
        lines = [ln.strip() for ln in item.split("\n")]
        if n == 0:  # (the first item follows the digest's header and its section's name)
            lines = lines[_last_furniture(lines) + 1:]
        lines = [ln for ln in lines if ln and not _ALERT_LINK.match(ln) and not _ALERT_FURNITURE.match(ln)]
        if len(lines) < 2:
            continue
        record: dict[str, object] = {"title": lines[0], "source": lines[1]}
        if dated:
            record["date"] = dated["date"]
        record["snippet"] = " ".join(lines[2:])
        out.append(record)
    return out


def _last_furniture(lines: list[str]) -> int:
    """The index of the digest header's last line: its last rule or section name ("NEWS" over
    its rule), or its date line when it has no rules (an alert copied from its HTML part)."""
    marks = [k for k, ln in enumerate(lines) if _ALERT_FURNITURE.match(ln) or _ALERT_DATE.match(ln)]
    return marks[-1] if marks else -1

