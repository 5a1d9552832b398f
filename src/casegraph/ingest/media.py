"""The words of a recording, read as the captions file and the title card a viewer sees;
:mod:`casegraph.ingest.sources` then reads them as it reads a ``.srt`` file's captions:

- a Matroska (``.mkv``) or WebM video's title, tags and subtitle track;
- SAMI captions (``.smi``: the captions Windows Media and many webinar tools export), whose cues
  are ``<SYNC>`` elements of loosely closed HTML;
- an audio file's tags (``.mp3``, ``.m4a``, ``.ogg``, ``.flac``, ``.wma``: a partnership's podcast
  episode, a recorded learning session), whose title, description, transcript and chapter names
  are all the words it has.
- (session 75) a WAV file's RIFF tags (``.wav``: a podcast's Broadcast WAV master, kept by a
  learning team): its LIST-INFO chunk (title, series, maker, date, comment) and its Broadcast
  Wave ``bext`` chunk (description, originator, date), which mutagen does not read; (session
  77) an AVI video's, the same RIFF tags (``.avi``: a training team's recorded briefing);
- (session 77) a Core Audio Format file's ``info`` chunk (``.caf``: a podcast master from a Mac),
  read from the file because ffprobe cuts each value at 1,023 bytes;
- (session 80) a RealMedia file's content description header (``.ra``, ``.rm``: a board's
  archived webcast), its title, author, copyright and comment; an Ogg Theora film's comments
  (``.ogv``) and an AAC stream's ID3 tag (``.aac``) are read as the audio files' tags are.

A partnership's seven-minute briefing is often a recorded talk over still slides, published as
a video whose subtitles carry the whole briefing: the review's name, the account, the learning
and the recommendations exist nowhere else in the file.  Why a reader of our own: a Matroska
file is EBML (a tree of elements, each an ID, a size and a payload), and the few elements that
hold words (the segment's title, its tags, the subtitle track's blocks) are found by walking
it; the libraries on PyPI either wrap a command-line tool (mkvextract, ffprobe: a Debian package
on every user's machine) or read the metadata without the subtitle blocks.  The picture and
sound tracks are never decoded.
"""

from __future__ import annotations

import bisect
import html
import io
import re
import struct
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from casegraph.core.newlines import unify_line_ends
from casegraph.ingest.binaries import damaged, inflated, utf8_else
from casegraph.ingest.isobmff import asset_tags, is_mp4, text_tracks

#: A Matroska or WebM file's first bytes: an EBML header element.
MATROSKA_MAGIC = b"\x1a\x45\xdf\xa3"
MATROSKA_SUFFIXES = {".mkv", ".webm", ".mka", ".mks"}

# The element IDs read (Matroska's specification, RFC 9559), their marker bits kept.
_SEGMENT, _INFO, _TITLE, _TIMESTAMP_SCALE = 0x18538067, 0x1549A966, 0x7BA9, 0x2AD7B1
_TRACKS, _TRACK_ENTRY, _TRACK_NUMBER, _TRACK_TYPE = 0x1654AE6B, 0xAE, 0xD7, 0x83
_CODEC_ID, _LANGUAGE, _LANGUAGE_IETF, _FLAG_DEFAULT = 0x86, 0x22B59C, 0x22B59D, 0x88
_ENCODINGS, _ENCODING, _COMPRESSION, _COMP_ALGO, _COMP_SETTINGS = 0x6D80, 0x6240, 0x5034, 0x4254, 0x4255
_CLUSTER, _CLUSTER_TIMESTAMP, _SIMPLE_BLOCK, _BLOCK_GROUP, _BLOCK = 0x1F43B675, 0xE7, 0xA3, 0xA0, 0xA1
_BLOCK_DURATION = 0x9B
_TAGS, _TAG, _SIMPLE_TAG, _TAG_NAME, _TAG_STRING = 0x1254C367, 0x7373, 0x67C8, 0x45A3, 0x4487
#: The elements whose children are read (the rest are skipped by their size).
_MASTERS = {_SEGMENT, _INFO, _TRACKS, _TRACK_ENTRY, _ENCODINGS, _ENCODING, _COMPRESSION, _CLUSTER,
            _BLOCK_GROUP, _TAGS, _TAG, _SIMPLE_TAG}
#: A subtitle track (TrackType 17) and the text codecs read: SubRip's text, SubStation's event
#: line (its text after the eighth comma), WebVTT's cue text (Matroska's ``S_TEXT/WEBVTT``, and
#: WebM's ``D_WEBVTT/...`` whose blocks hold only the cue's text, its settings kept apart).
_SUBTITLE_TRACK = 17
_TEXT_CODECS = ("S_TEXT/UTF8", "S_TEXT/ASCII", "S_TEXT/ASS", "S_TEXT/SSA", "S_TEXT/WEBVTT",
                "D_WEBVTT/SUBTITLES", "D_WEBVTT/CAPTIONS")
#: The tags a viewer's player shows beside the title (who made it, what it is).
_SHOWN_TAGS = ("ARTIST", "COMMENT", "DESCRIPTION", "SYNOPSIS", "DATE_RELEASED", "PUBLISHER")
#: The most a subtitle track's words may unpack to: far more than any talk's captions.
_TEXT_MAX = 16 * 2**20


@dataclass
class _Track:
    """A subtitle track: its codec, its language and how its blocks are compressed."""

    number: int = 0
    kind: int = 0
    codec: str = ""
    language: str = "eng"
    default: bool = True
    algorithm: int | None = None
    stripped: bytes = b""
    cues: list[tuple[int, int, str]] = field(default_factory=list)  # (start ms, end ms, words)


def is_matroska(data: bytes) -> bool:
    """Whether a file's bytes are a Matroska or WebM file, whatever its name."""
    return data.startswith(MATROSKA_MAGIC)


def matroska_text(data: bytes) -> str:
    """A Matroska video as what its viewer reads: its title, the tags a player shows beside it
    (the maker, a comment), then its subtitles as a SubRip captions file (one track: English if
    there is one, else the default, else the first), each cue at its start and end.  A video
    with no subtitles is refused: its words are spoken, and casegraph reads no speech."""
    if not is_matroska(data):
        raise ValueError("not a Matroska file (no EBML header)")
    try:
        title, tags, tracks = _read(data)
    except (IndexError, zlib.error, RecursionError) as exc:
        # (an element running past the file's end, a compressed block that is no zlib stream,
        # clusters nested without end)
        raise damaged("Matroska file", exc) from None
    track = _chosen(tracks)
    if track is None:
        raise ValueError("a video with no text subtitles (its words are only spoken)")
    head = [title] if title else []
    head += [value for name, value in tags if name in _SHOWN_TAGS and value != title]
    return "\n".join(head) + "\n\n" + _subrip(sorted(track.cues))


def _read(data: bytes) -> tuple[str, list[tuple[str, str]], dict[int, _Track]]:
    """The segment's title, its tags (name, value) and its subtitle tracks with their cues."""
    title, tags, tracks, scale = "", [], {}, 1_000_000
    segments = [(start, end) for ident, start, end in _elements(data, 0, len(data)) if ident == _SEGMENT]
    if not segments:
        raise IndexError("no segment after the EBML header (the file is cut short?)")
    for start, end in segments:
        for child, a, b in _elements(data, start, end):
            if child == _INFO:
                for item, c, d in _elements(data, a, b):
                    title = _words(data[c:d]) if item == _TITLE else title
                    scale = _uint(data[c:d]) if item == _TIMESTAMP_SCALE else scale
            elif child == _TRACKS:
                tracks = {t.number: t for t in _tracks(data, a, b) if t.kind == _SUBTITLE_TRACK}
            elif child == _CLUSTER:
                _cluster(data, a, b, tracks, scale)
            elif child == _TAGS:
                tags += _tags(data, a, b)
    return title, tags, tracks


def _elements(data: bytes, start: int, end: int) -> Iterator[tuple[int, int, int]]:
    """The elements between ``start`` and ``end``, as (ID, payload start, payload end); an
    element of unknown size (a live recording's segment or cluster) runs to ``end``."""
    at = start
    while at < end:
        ident, length = _vint(data, at, keep_marker=True)
        size, size_length = _vint(data, at + length)
        payload = at + length + size_length
        stop = end if size is None else min(payload + size, end)
        yield ident, payload, stop
        at = stop


def _vint(data: bytes, at: int, keep_marker: bool = False) -> tuple[int | None, int]:
    """An EBML variable-length integer at ``at`` as (value, its length in bytes): as many
    leading zero bits in its first byte as bytes follow it.  A size of all ones is unknown
    (None); an ID keeps its marker bit, as the specification writes IDs."""
    first = data[at]
    length = 9 - first.bit_length() if first else 9
    if length > 8:
        raise IndexError("an EBML number longer than 8 bytes")
    value = first if keep_marker else first & (0xFF >> length)
    for byte in data[at + 1:at + length]:
        value = (value << 8) | byte
    if len(data) < at + length:
        raise IndexError("an EBML number past the file's end")
    unknown = not keep_marker and value == (1 << (7 * length)) - 1
    return (None if unknown else value), length


def _uint(raw: bytes) -> int:
    """An unsigned integer element's value (big-endian, any width)."""
    return int.from_bytes(raw, "big")


def _words(raw: bytes) -> str:
    """A string element's value: UTF-8, trailing NULs (padding) dropped."""
    return raw.rstrip(b"\0").decode("utf-8", errors="replace").strip()


def _tracks(data: bytes, start: int, end: int) -> Iterator[_Track]:
    """The tracks of a Tracks element, each with what is read of it."""
    for ident, a, b in _elements(data, start, end):
        if ident != _TRACK_ENTRY:
            continue
        track = _Track()
        for item, c, d in _elements(data, a, b):
            raw = data[c:d]
            if item == _TRACK_NUMBER:
                track.number = _uint(raw)
            elif item == _TRACK_TYPE:
                track.kind = _uint(raw)
            elif item == _CODEC_ID:
                track.codec = _words(raw)
            elif item in (_LANGUAGE, _LANGUAGE_IETF):
                track.language = _words(raw).lower()
            elif item == _FLAG_DEFAULT:
                track.default = bool(_uint(raw))
            elif item == _ENCODINGS:
                _compression(data, c, d, track)
        yield track


def _compression(data: bytes, start: int, end: int, track: _Track) -> None:
    """How a track's blocks are compressed (ContentEncodings: zlib, or header stripping)."""
    for ident, a, b in _elements(data, start, end):
        if ident in (_ENCODING, _COMPRESSION):
            track.algorithm = 0 if ident == _COMPRESSION and track.algorithm is None else track.algorithm
            _compression(data, a, b, track)
        elif ident == _COMP_ALGO:
            track.algorithm = _uint(data[a:b])
        elif ident == _COMP_SETTINGS:
            track.stripped = data[a:b]


def _cluster(data: bytes, start: int, end: int, tracks: dict[int, _Track], scale: int) -> None:
    """The subtitle cues of one cluster into their tracks; a cluster of unknown size that runs
    into the next is read on into it."""
    base = 0
    for ident, a, b in _elements(data, start, end):
        if ident == _CLUSTER_TIMESTAMP:
            base = _uint(data[a:b])
        elif ident == _CLUSTER:
            _cluster(data, a, b, tracks, scale)
        elif ident == _SIMPLE_BLOCK:
            _cue(data[a:b], None, base, tracks, scale)
        elif ident == _BLOCK_GROUP:
            block, duration = b"", None
            for item, c, d in _elements(data, a, b):
                block = data[c:d] if item == _BLOCK else block
                duration = _uint(data[c:d]) if item == _BLOCK_DURATION else duration
            _cue(block, duration, base, tracks, scale)


def _cue(block: bytes, duration: int | None, base: int, tracks: dict[int, _Track], scale: int) -> None:
    """One block's words as a cue of its track, if the track is a subtitle track: the block
    is its track's number, a signed 16-bit time from the cluster's, a flags byte, the data
    (subtitles are never laced: a laced block is passed over)."""
    if len(block) < 4:
        return
    number, length = _vint(block, 0)
    track = tracks.get(number or 0)
    flags = block[length + 2] if len(block) > length + 2 else 0
    if track is None or track.codec not in _TEXT_CODECS or flags & 0x06:
        return
    offset = int.from_bytes(block[length:length + 2], "big", signed=True)
    words = _unpacked(block[length + 3:], track)
    if track.codec in ("S_TEXT/ASS", "S_TEXT/SSA"):
        words = words.split(",", 8)[-1].replace("\\N", "\n").replace("\\n", "\n")
    start = (base + offset) * scale // 1_000_000
    end = start + (duration or 0) * scale // 1_000_000
    if words.strip():
        track.cues.append((start, end, words.strip()))


def _unpacked(raw: bytes, track: _Track) -> str:
    """A block's data as its words, unpacked as its track says (zlib, bounded, or the bytes
    stripped from every block's head put back)."""
    if track.algorithm == 0:
        raw = inflated(raw, _TEXT_MAX, f"a subtitle block unpacks to more than {_TEXT_MAX // 2**20} MB")
    elif track.algorithm == 3:
        raw = track.stripped + raw
    return raw.decode("utf-8", errors="replace")


def _tags(data: bytes, start: int, end: int) -> list[tuple[str, str]]:
    """The (name, value) of every simple tag of a Tags element (the file's, its tracks')."""
    out = []
    for ident, a, b in _elements(data, start, end):
        if ident == _TAG:
            out += _tags(data, a, b)
        elif ident == _SIMPLE_TAG:
            items = {item: _words(data[c:d]) for item, c, d in _elements(data, a, b)}
            if items.get(_TAG_NAME) and items.get(_TAG_STRING):
                out.append((items[_TAG_NAME].upper(), items[_TAG_STRING]))
    return out


def _chosen(tracks: dict[int, _Track]) -> _Track | None:
    """The subtitle track read: the first English one with cues, else the default, else the
    first with cues."""
    spoken = [t for t in tracks.values() if t.cues]
    return next((t for t in spoken if t.language in ("eng", "en") or t.language.startswith("en-")),
                next((t for t in spoken if t.default), spoken[0] if spoken else None))


def _subrip(cues: list[tuple[int, int, str]]) -> str:
    """Cues as a SubRip file: each numbered, at its start and end."""
    return "\n\n".join(f"{n}\n{_clock(start)} --> {_clock(end)}\n{words}"
                        for n, (start, end, words) in enumerate(cues, start=1)) + "\n"


def _clock(ms: int) -> str:
    """A time in milliseconds as SubRip writes it: "00:01:09,500"."""
    return f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d},{ms % 1000:03d}"


# ----------------------------------------------------------------------- FFmpeg metadata
#: (session 83) A podcast's or film's tags as ffmpeg writes them out (``ffmpeg -i episode.mp3
#: -f ffmetadata episode.ffmeta``: a producer's show notes and chapters kept beside the master).
#: The format is ffmpeg's own text: a ";FFMETADATA1" line, then "key=value" lines (a backslash
#: escapes "=", ";", "#", a backslash or a line end), then "[CHAPTER]" and "[STREAM]" sections.
FFMETADATA_SUFFIXES = {".ffmeta", ".ffmetadata"}
FFMETADATA_MEDIA = "text/x-ffmetadata"
_FFMETA_HEADER = ";FFMETADATA"
#: The tags that name and place an episode, and those that hold prose (its notes).
_FFMETA_HEAD = (("title",), ("artist", "album_artist", "author", "composer"), ("album", "show"),
                ("date", "year"))
_FFMETA_PROSE = ("description", "synopsis", "comment", "summary", "lyrics")


def ffmetadata_text(text: str) -> str:
    """(session 83) An FFmpeg metadata file as a podcast's page shows the episode (:func:`flv_text`):
    its title, maker, show and date, its description and comment as paragraphs, then its chapters
    ("02:10 Ava (Fife)").  A file whose tags hold no prose is refused (its words are only spoken)."""
    sections = _ffmetadata_sections(text)
    chapters = [_ffmetadata_chapter(tags, number) for kind, number, tags in sections if kind == "chapter"]
    return _tagged_page(sections[0][2], _FFMETA_HEAD, _FFMETA_PROSE,
                        "an FFmpeg metadata file whose tags hold no description or comment",
                        _chapter_lines([cue for cue in chapters if cue[2]]))


def ffmetadata_described(handle: BinaryIO) -> bool:
    """Whether a folder's FFmpeg metadata file carries words (a description or comment): an
    episode's notes are a page, a file of technical tags is not."""
    return _holds_any(_ffmetadata_tags, handle, _FFMETA_PROSE)


def _ffmetadata_tags(handle: BinaryIO) -> dict[str, str]:
    """The global tags of an FFmpeg metadata file (its first :data:`_TEXT_MAX` bytes)."""
    return _ffmetadata_sections(utf8_else(handle.read(_TEXT_MAX), "cp1252"))[0][2]


def _ffmetadata_sections(text: str) -> list[tuple[str, int, dict[str, str]]]:
    """The file's sections in order (the global one first, named ""), each with the line it
    opens on and its tags by key (lower case, the first of each kept); a text without the
    ";FFMETADATA1" first line is none."""
    text = unify_line_ends(text).lstrip("\ufeff")
    if not text.startswith(_FFMETA_HEADER):
        raise ValueError("not an FFmpeg metadata file (no ';FFMETADATA1' first line)")
    sections: list[tuple[str, int, dict[str, str]]] = [("", 1, {})]
    for number, line, equals in _ffmetadata_lines(text):
        if equals is not None:
            sections[-1][2].setdefault(line[:equals].strip().lower(), line[equals + 1:].strip())
        elif line.startswith("[") and line.rstrip().endswith("]"):
            sections.append((line.strip()[1:-1].strip().lower(), number, {}))
        elif line.strip() and not line.startswith((";", "#")):
            raise ValueError(f"damaged FFmpeg metadata (line {number}: neither a key=value tag, "
                             "a [section] nor a comment)")
    return sections


def _ffmetadata_lines(text: str) -> Iterator[tuple[int, str, int | None]]:
    """The file's logical lines with the number each starts on and the place of its first
    unescaped "=" (None when it has none, or the line is a comment or a section's name); a
    backslash keeps the character after it, a line end too."""
    line: list[str] = []
    equals: int | None = None
    number = start = 1
    escaped = False
    for char in text:
        if char == "\n":
            number += 1
        if escaped:
            line.append(char)
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "\n":
            yield start, "".join(line), equals
            line, equals, start = [], None, number
        else:
            if char == "=" and equals is None and line[:1] not in (["#"], [";"], ["["]):
                equals = len(line)
            line.append(char)
    if line:
        yield start, "".join(line), equals


def _ffmetadata_chapter(tags: dict[str, str], number: int) -> tuple[int, int, str]:
    """A chapter's start in milliseconds (its START in units of its TIMEBASE, "1/1000" unless
    said) and its title."""
    try:
        num, _, den = tags.get("timebase", "1/1000").partition("/")
        start_ms = int(tags.get("start", "0")) * int(num) * 1000 // int(den)
    except (ValueError, ZeroDivisionError):
        raise ValueError(f"damaged FFmpeg metadata (line {number}: a chapter whose START or "
                         "TIMEBASE is not a number)") from None
    return start_ms, start_ms, tags.get("title", "")


# ------------------------------------------------------------------------- LRC transcripts
#: (session 78) A timed transcript or lyrics file (``.lrc``: a podcast's transcript as ffmpeg's
#: LRC muxer writes it, a karaoke player's lyrics): ID tags ("[ti:...]") then one timed line each.
LRC_SUFFIXES = {".lrc"}
#: An LRC line's time stamps ("[01:24.50]", "[1:02:03.5]", "[00:12]"), several on a repeated line.
_LRC_TIME = re.compile(r"\[(?:(\d+):)?(\d{1,3}):(\d{2})(?:[.:](\d{1,3}))?\]")
#: An LRC ID tag ("[ti:Two learning reviews]") and the ones a listener is shown, in the order a
#: player shows them: title, artist, album, the transcript's author.  "re" and "ve" name the
#: program that wrote the file, "by" the file's maker, "length" and "offset" are numbers.
_LRC_TAG = re.compile(r"^\[(?P<tag>[A-Za-z#]+):(?P<value>.*)\]\s*$")
_LRC_SHOWN = ("ti", "ar", "al", "au")
#: The time stamps a timed line opens with, one or several together.
_LRC_STAMPS = re.compile(f"(?:{_LRC_TIME.pattern})+")
#: A word's own time in an "enhanced" LRC line ("<00:12.20>word").
_LRC_WORD_TIME = re.compile(r"<\d+:\d{2}(?:[.:]\d{1,3})?>")


def lrc_captions(text: str) -> str:
    """(session 78) An LRC transcript as a SubRip captions file: its title, artist, album and
    author tags on lines of their own over the cues, each timed line a cue shown until the next
    (a line stamped with several times is a cue at each), in time order.  Read as text, every
    line began with its time stamp, so a review's heading ("[00:17.50]Learning Review - Child L")
    was no heading and each sentence was cut at every caption."""
    tags: dict[str, str] = {}
    timed: list[tuple[int, str]] = []
    for line in unify_line_ends(text).lstrip("\ufeff").split("\n"):
        if lead := _LRC_STAMPS.match(line):
            words = " ".join(_LRC_WORD_TIME.sub("", line[lead.end():]).split())
            timed += [(_lrc_ms(stamp), words) for stamp in _LRC_TIME.finditer(lead.group())]
        elif m := _LRC_TAG.match(line.strip()):
            tags.setdefault(m["tag"].lower(), " ".join(m["value"].split()))
    if not timed:
        raise ValueError("an LRC file with no timed line ([mm:ss.xx]words)")
    timed.sort(key=lambda cue: cue[0])
    cues = [(start, nxt[0] if nxt else start + _LAST_CUE_MS, words)
            for (start, words), nxt in zip(timed, [*timed[1:], None], strict=True) if words]
    head = "\n".join(tags[tag] for tag in _LRC_SHOWN if tags.get(tag))
    return (head + "\n\n" if head else "") + _subrip(cues)


def _lrc_ms(stamp: re.Match[str]) -> int:
    """An LRC time stamp in milliseconds ("[01:24.50]" is 84,500; hundredths as LRC writes them)."""
    hours, minutes, seconds, fraction = stamp.groups()
    ms = int((fraction or "0").ljust(3, "0")[:3])
    return ((int(hours or 0) * 60 + int(minutes)) * 60 + int(seconds)) * 1000 + ms


# ------------------------------------------------------------------------ Praat TextGrids
#: (session 81) A recording's transcript as Praat keeps it (``.TextGrid``: a training team's
#: briefing aligned to its sound for a transcript or a study): tiers of intervals, each with its
#: start, end and words, and tiers of points (a speaker, an event) at a time each.
TEXTGRID_SUFFIXES = {".textgrid"}
#: A Praat text file's tokens in either of its text layouts (the long one labels each value,
#: "xmin = 0", "intervals [3]:"; the short one is the values alone): a string ("" is a quote in
#: it), an index in brackets and a label word (both passed over), a flag, a number, a comment.
_PRAAT_TOKEN = re.compile(r'"(?P<string>(?:[^"]|"")*)"|\[\d*\]|<(?P<flag>exists|absent)>'
                          r"|(?P<number>[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)|![^\n]*|[A-Za-z_][\w?]*")
_PRAAT_INTERVALS, _PRAAT_POINTS = "IntervalTier", "TextTier"


def textgrid_captions(text: str) -> str:
    """(session 81) A Praat TextGrid as a SubRip captions file of its sentences: the interval
    tier with the most words an interval (a transcript's utterances, not a forced aligner's
    words or phones), each interval with words a cue; a TextGrid of point tiers only, its
    marks.  Read as text, every sentence sat in a ``text = "..."`` line among numbers and
    labels, and no heading stood as a line of its own."""
    stripped = text.lstrip("\ufeff")
    if stripped.startswith("ooBinaryFile"):
        raise ValueError("a binary Praat TextGrid (casegraph reads the text layouts Praat saves with "
                         "'Save as text file' and 'Save as short text file')")
    values = [m["string"].replace('""', '"') if m["string"] is not None else m["flag"] or
              (float(m["number"]) if m["number"] is not None else None)
              for m in _PRAAT_TOKEN.finditer(stripped)]
    values = [v for v in values if v is not None]
    if values[:2] != ["ooTextFile", "TextGrid"]:
        raise ValueError('not a Praat TextGrid (no File type = "ooTextFile", Object class = "TextGrid")')
    tiers = _textgrid_tiers(values[2:])
    intervals = [cues for kind, cues in tiers if kind == _PRAAT_INTERVALS and cues]
    chosen = max(intervals, key=lambda cues: sum(len(w) for _, _, w in cues) / len(cues)) if intervals else \
        sorted(cue for kind, cues in tiers if kind == _PRAAT_POINTS for cue in cues)
    if not chosen:
        raise ValueError("a TextGrid whose tiers hold no words")
    return _subrip(chosen)


def _textgrid_tiers(values: list[object]) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """A TextGrid's tiers after its header, each as its class and its cues (start ms, end ms,
    words) with words: the grid's times and "<exists>", the tier count, then each tier's
    class, name, times and item count, and its items (start, end, words; or time, mark)."""
    try:
        at = 3 if values[2] == "exists" else len(values)
        count = int(values[at]) if at < len(values) else 0  # type: ignore[call-overload]
        at += 1
        tiers = []
        for _ in range(count):
            kind, items = values[at], int(values[at + 4])  # type: ignore[call-overload]
            at += 5
            width = 3 if kind == _PRAAT_INTERVALS else 2
            cues = []
            for k in range(at, at + width * items, width):
                start, end, words = values[k], values[k + width - 2], values[k + width - 1]
                if isinstance(words, str) and words.strip():
                    cues.append((int(float(start) * 1000), int(float(end) * 1000) + (0 if width == 3 else 1),
                                 " ".join(words.split())))  # type: ignore[arg-type]
            at += width * items
            tiers.append((str(kind), cues))
    except (IndexError, TypeError, ValueError) as exc:
        raise ValueError(f"damaged Praat TextGrid (its tiers end early or hold a value of the wrong kind: "
                         f"{type(exc).__name__})") from None
    return tiers


# ------------------------------------------------------------------------ MicroDVD captions
#: (session 79) A film's subtitles in MicroDVD (``.sub``: a learning event's recording captioned
#: by Subtitle Edit or pysubs2): one cue a line, "{start}{end}words", at frame numbers.  Other
#: files called ``.sub`` (SubViewer's, a DVD's binary VobSub) are no MicroDVD, and are read as
#: they were before.
MICRODVD_SUFFIXES = {".sub"}
#: A MicroDVD cue: its first and last frame (the last may be left empty), then its words.
_MICRODVD_CUE = re.compile(r"^\{(\d+)\}\{(\d*)\}(.*)$")
#: A cue's style codes ("{y:i}", "{C:$0000FF}", "{P:1}"): how it looks, not what it says.
_MICRODVD_STYLE = re.compile(r"\{[A-Za-z]:[^}]*\}")
#: The frame rate a file's first cue may give ("{1}{1}23.976"); else PAL's, which most use.
_MICRODVD_RATE = re.compile(r"^\d{1,3}(?:\.\d+)?$")
_MICRODVD_DEFAULT_FPS = 25.0


def is_microdvd(text: str) -> bool:
    """Whether a file's first line that holds anything is a MicroDVD cue."""
    first = next((line for line in text.lstrip("\ufeff").split("\n") if line.strip()), "")
    return bool(_MICRODVD_CUE.match(first.strip()))


def microdvd_captions(text: str) -> str:
    """(session 79) MicroDVD subtitles as a SubRip captions file: each cue at its frames' times,
    its lines ("|") one caption's lines, its style codes and a line's italic mark ("/") dropped.
    Read as plain text, every caption began with its frame numbers, so a review's title card
    ("{568}{692}Significant Case Review: Baby K") was no heading and each sentence was cut."""
    lines = [line.strip() for line in unify_line_ends(text).lstrip("\ufeff").split("\n") if line.strip()]
    cues: list[tuple[int, int, str]] = []
    fps = _MICRODVD_DEFAULT_FPS
    for n, line in enumerate(lines, start=1):
        if not (m := _MICRODVD_CUE.match(line)):
            raise ValueError(f"line {n} is not a MicroDVD cue ({{start}}{{end}}words): {line[:60]!r}")
        words = [part.strip().removeprefix("/").strip() for part in _MICRODVD_STYLE.sub("", m[3]).split("|")]
        said = "\n".join(part for part in words if part)
        if not cues and m[1] in ("0", "1") and m[2] == m[1] and _MICRODVD_RATE.match(said) \
                and float(said) > 0:
            fps = float(said)  # (a first cue at frame 0 or 1 holding a number is the frame rate)
            continue
        start = int(m[1])
        end = int(m[2]) if m[2] else start + int(fps * _LAST_CUE_MS / 1000)
        if said:
            cues.append((round(start * 1000 / fps), round(max(end, start) * 1000 / fps), said))
    if not cues:
        raise ValueError("a MicroDVD file with no caption")
    return _subrip(sorted(cues, key=lambda cue: cue[0]))


# ------------------------------------------------------------------------ SAMI captions
SAMI_SUFFIXES = {".smi", ".sami"}
#: A SYNC element's opening tag and its start time (milliseconds); SAMI writers rarely close it.
_SYNC = re.compile(r"<sync\b[^>]*?\bstart\s*=\s*[\"']?(\d+)[^>]*>", re.I)
#: A caption paragraph's opening tag and its class (the language it is in).
_SAMI_P = re.compile(r"<p\b([^>]*)>", re.I)
_SAMI_CLASS = re.compile(r"\bclass\s*=\s*[\"']?([\w.-]+)", re.I)
#: A style sheet's class and the language it declares (".ENUSCC { Name: English; lang: en-US; }").
_SAMI_LANG = re.compile(r"\.([\w-]+)\s*\{[^}]*?\blang\s*:\s*([\w-]+)", re.I)
#: How long the last cue is shown, having no next SYNC to end it.
_LAST_CUE_MS = 3000


def sami_captions(text: str) -> str:
    """(session 65) SAMI captions as a SubRip captions file: the page title over the cues, each
    cue a SYNC's caption in one language (English if a class declares it, else the first class
    used), shown until the next SYNC.  A SYNC whose caption is blank (``&nbsp;``) clears the
    screen: it ends a cue and is none.  Read as HTML, the style sheet's classes were words and
    every cue ran into the next with no time between them."""
    syncs = list(_SYNC.finditer(text))
    if not syncs:
        raise ValueError("SAMI captions with no <SYNC Start=...> cue")
    language = _sami_language(text)
    spans = [(int(m.group(1)), text[m.end():nxt.start() if nxt else len(text)])
             for m, nxt in zip(syncs, [*syncs[1:], None], strict=True)]
    cues = []
    for n, (start, body) in enumerate(spans):
        words = _sami_caption(body, language)
        if words:
            cues.append((start, spans[n + 1][0] if n + 1 < len(spans) else start + _LAST_CUE_MS, words))
    title = re.search(r"<title[^>]*>(.*?)</title>", text[:syncs[0].start()], re.I | re.S)
    head = " ".join(html.unescape(title.group(1)).split()) if title else ""
    return (head + "\n\n" if head else "") + _subrip(cues)


def _sami_language(text: str) -> str | None:
    """The class of the English captions (or of the first language used), None when the file
    declares no class for its paragraphs."""
    declared = {name.lower(): lang.lower() for name, lang in _SAMI_LANG.findall(text)}
    used = [m.group(1).lower() for p in _SAMI_P.finditer(text) if (m := _SAMI_CLASS.search(p.group(1)))]
    english = [c for c in dict.fromkeys(used) if declared.get(c, c).startswith("en")]
    return english[0] if english else used[0] if used else None


def _sami_caption(body: str, language: str | None) -> str:
    """The words of one SYNC in the chosen language: its paragraphs of that class (all of them
    when none has a class), line breaks as spaces, tags dropped, entities decoded."""
    parts = _SAMI_P.split(body)  # text before the first <p>, then (attributes, text) pairs
    chosen = [words for attrs, words in zip(parts[1::2], parts[2::2], strict=True)
              if language is None or (m := _SAMI_CLASS.search(attrs)) is None
              or m.group(1).lower() == language] if len(parts) > 1 else [parts[0]]
    words = re.sub(r"<[^>]+>", " ", " ".join(chosen))
    return " ".join(html.unescape(words).replace("\xa0", " ").split())


# ------------------------------------------------------------------------ Scenarist captions
SCC_SUFFIXES = {".scc"}
#: A Scenarist file's first line, then its lines: a SMPTE time code ("00:01:02:15", drop-frame
#: ";15") and the CEA-608 byte pairs sent at that time, as four hex digits each.
_SCC_HEADER = "Scenarist_SCC V1.0"
_SCC_LINE = re.compile(r"(\d{1,2}):(\d{2}):(\d{2})[:;.,](\d{2})\s+((?:[0-9A-Fa-f]{4}\s*)+)")
#: CEA-608's own characters where ASCII has others (its basic set), its special characters
#: (sent as 0x11 then 0x30-0x3F; 0x39 a transparent space) and its two extended sets (0x12 or
#: 0x13 then 0x20-0x3F; each replaces the basic character sent before it as a fallback).
_SCC_BASIC = {0x2A: "á", 0x5C: "é", 0x5E: "í", 0x5F: "ó", 0x60: "ú", 0x7B: "ç", 0x7C: "÷",
              0x7D: "Ñ", 0x7E: "ñ", 0x7F: "█"}
_SCC_SPECIAL = "®°½¿™¢£♪à èâêîôû"
_SCC_EXTENDED = {0x12: "ÁÉÓÚÜü‘¡*'—©℠•“”ÀÂÇÈÊËëÎÏïÔÙùÛ«»",
                 0x13: "ÃãÍÌìÒòÕõ{}\\^_|~ÄäÖöß¥¤│ÅåØø┌┐└┘"}


def scc_captions(text: str) -> str:
    """(session 67) Scenarist captions (``.scc``: the closed captions broadcast and video tools
    export) as a SubRip captions file of caption channel 1: each caption a cue from the time it
    is shown (pop-on: its "end of caption"; roll-up: each carriage return; paint-on: each
    erase) to the next.  The bytes are CEA-608's: seven bits and a parity bit, control codes
    sent twice (the repeat ignored), a row change (a preamble address code) a new line."""
    lines = text.lstrip("\ufeff").splitlines()
    if not lines or lines[0].strip() != _SCC_HEADER:
        raise ValueError(f"not Scenarist captions (no {_SCC_HEADER!r} first line)")
    decoder = _Caption608()
    for n, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        m = _SCC_LINE.fullmatch(line.strip())
        if m is None:
            raise ValueError(f"line {n}: not a time code and caption bytes (\"00:00:01:15\\t9420 ...\")")
        hours, minutes, seconds, frames = (int(g) for g in m.group(1, 2, 3, 4))
        decoder.at = ((hours * 60 + minutes) * 60 + seconds) * 1000 + frames * 1000 // 30
        for word in m.group(5).split():
            decoder.pair(int(word[:2], 16) & 0x7F, int(word[2:], 16) & 0x7F)
    decoder.flush()
    return _subrip([(c.start, c.end if c.end is not None else c.start + _LAST_CUE_MS, c.words)
                    for c in decoder.cues])


@dataclass
class _Shown:
    """A caption on screen: from ``start`` (ms) to ``end`` (None while it is still shown)."""

    start: int
    end: int | None
    words: str


@dataclass
class _Caption608:
    """The state of a CEA-608 caption decoder on channel 1: the caption being written (its
    rows), the mode, and the captions shown so far."""

    at: int = 0
    mode: str = "pop"
    rows: list[str] = field(default_factory=lambda: [""])
    cues: list[_Shown] = field(default_factory=list)
    listening: bool = True  # (False while another channel, or text mode, is sent)
    last: tuple[int, int] | None = None

    def pair(self, first: int, second: int) -> None:
        """One byte pair: two characters, or a control code (first byte 0x10-0x1F)."""
        if first < 0x10:  # (0x00 padding, or a byte with no meaning in captions)
            self.last = None
            return
        if first >= 0x20:
            self.last = None
            if self.listening:
                self.rows[-1] += "".join(_SCC_BASIC.get(b, chr(b)) for b in (first, second) if b >= 0x20)
            return
        if (first, second) == self.last:  # (the repeat of a control code sent twice)
            self.last = None
            return
        self.last = (first, second)
        if first >= 0x18:  # (channel 2's codes: its characters are not ours until channel 1 speaks)
            self.listening = False
            return
        self._control(first, second)

    def _control(self, first: int, second: int) -> None:
        """A channel 1 control code: a special or extended character, a mid-row style or tab
        (a space), a preamble (a new row), or a command of the caption's life."""
        if first == 0x14 and 0x20 <= second <= 0x2F:
            self._command(second)
        elif not self.listening:
            return
        elif first == 0x11 and 0x30 <= second <= 0x3F:
            self.rows[-1] += _SCC_SPECIAL[second - 0x30]
        elif first in _SCC_EXTENDED and 0x20 <= second <= 0x3F:
            self.rows[-1] = self.rows[-1][:-1] + _SCC_EXTENDED[first][second - 0x20]
        elif (first == 0x11 and 0x20 <= second <= 0x2F) or (first == 0x17 and 0x21 <= second <= 0x23):
            self.rows[-1] += " " if self.rows[-1] and not self.rows[-1].endswith(" ") else ""
        elif second >= 0x40 and self.rows[-1].strip():
            self.rows.append("")

    def _command(self, code: int) -> None:
        """A miscellaneous control command: the mode chosen (0x20 pop-on, 0x25-0x27 roll-up,
        0x29 paint-on; 0x2A and 0x2B text mode, not captions), backspace, carriage return,
        the displayed memory erased (0x2C), the unseen one erased (0x2E), end of caption (0x2F)."""
        modes = {0x20: "pop", 0x25: "roll", 0x26: "roll", 0x27: "roll", 0x29: "paint"}
        self.listening = code not in (0x2A, 0x2B)
        if code == 0x2C:  # (the caption on screen is gone: its cue ends)
            self._end()
        if code in modes:
            self.mode = modes[code]
        elif code == 0x21:
            self.rows[-1] = self.rows[-1][:-1]
        elif code == 0x2F or (code == 0x2D and self.mode == "roll") or (code == 0x2C and self.mode != "pop"):
            self.flush()  # (end of caption; roll-up's carriage return; paint-on's words erased)
        elif code == 0x2E and self.mode == "pop":
            self.rows = [""]

    def flush(self) -> None:
        """The caption written so far, shown now: a cue of its rows, one line each, ending the
        cue shown before it."""
        words = "\n".join(" ".join(row.split()) for row in self.rows if row.strip())
        if words:
            self._end()
            self.cues.append(_Shown(self.at, None, words))
        self.rows = [""]

    def _end(self) -> None:
        """The cue on screen ends now, if one is."""
        if self.cues and self.cues[-1].end is None:
            self.cues[-1].end = self.at


# ------------------------------------------------------------------------ audio tags
#: The audio files read, with the media type each is published under.
#: (session 76) A Speex podcast in Ogg (``.spx``), and a Windows Media video (``.wmv``, ``.asf``):
#: the same ASF container as a ``.wma``, its tags read the same way, its pictures never.
AUDIO_MEDIA = {".mp3": "audio/mpeg", ".m4a": "audio/mp4", ".m4b": "audio/mp4", ".ogg": "audio/ogg",
               ".oga": "audio/ogg", ".opus": "audio/ogg", ".spx": "audio/ogg", ".flac": "audio/flac",
               ".wma": "audio/x-ms-wma", ".wmv": "video/x-ms-wmv", ".asf": "video/x-ms-asf",
               # (session 78) a WavPack file (an archive's lossless master), tagged with APEv2
               ".wv": "audio/x-wavpack",
               # (session 80) an Ogg Theora film (its Vorbis comments, as an Ogg podcast's), and
               # an AAC stream with no container (ADTS), its ID3 tag in front of the sound
               ".ogv": "video/ogg", ".aac": "audio/aac",
               # (session 81) a True Audio master (lossless, as WavPack), its APEv2 tag at its end
               ".tta": "audio/x-tta",
               # (session 87) a Musepack podcast (SV7 or SV8), its show notes in an APEv2 tag
               ".mpc": "audio/x-musepack",
               # (session 88) a Monkey's Audio master (lossless, as WavPack), tagged with APEv2
               ".ape": "audio/x-ape"}
AUDIO_SUFFIXES = set(AUDIO_MEDIA)
#: An MP3 file's ID3v2 tag, an Ogg page, a FLAC stream, (session 72) a Windows Media file's ASF
#: header object: how an audio file is known by its bytes.
_AUDIO_MAGIC = {b"ID3": ".mp3", b"OggS": ".ogg", b"fLaC": ".flac",
                bytes.fromhex("3026b2758e66cf11a6d900aa0062ce6c"): ".wma",
                b"wvpk": ".wv", b"TTA1": ".tta", b"MPCK": ".mpc", b"MP+": ".mpc",
                b"MAC ": ".ape"}
#: The tags that name and place an episode, in the order a podcast player shows them, by
#: the name each tag format gives them (ID3 frame, MP4 atom, Vorbis comment or APEv2 item in
#: capitals, ASF attribute).
_AUDIO_HEAD = (("TIT2", "\xa9nam", "TITLE", "Title"), ("TIT3", "subt", "SUBTITLE", "WM/SubTitle"),
               ("TPE1", "\xa9ART", "ARTIST", "Author"),
               ("TPUB", "\xa9pub", "ORGANIZATION", "PUBLISHER", "WM/Publisher"),
               ("TALB", "\xa9alb", "ALBUM", "WM/AlbumTitle"), ("TDRC", "\xa9day", "DATE", "YEAR", "WM/Year"))
#: The tags that hold prose: a description, a comment, the transcript (lyrics); APEv2's
#: "Abstract", and the "Notes" item an archive's catalogue notes are written to.
_AUDIO_PROSE = (("TDES", "ldes", "desc", "DESCRIPTION", "Description", "ABSTRACT", "WM/SubTitleDescription"),
                ("COMM", "\xa9cmt", "COMMENT", "NOTES"),
                ("USLT", "\xa9lyr", "LYRICS", "UNSYNCEDLYRICS", "WM/Lyrics"))
#: An ID3 user text frame (TXXX) that holds prose, by its description.
_PROSE_DESCRIPTIONS = {"comment", "description", "summary", "synopsis", "transcript", "lyrics"}


def audio_suffix(data: bytes) -> str | None:
    """The suffix of an MP3 with an ID3 tag, an Ogg, a FLAC, a Windows Media, (session 75) a
    WAV file, (session 77) an AVI video or CAF recording, (session 79) a Flash video or AIFF
    recording or (session 80) a RealMedia file known by its first bytes, whatever its name; else
    None."""
    if is_wav(data):
        return ".wav"
    if is_avi(data):
        return ".avi"
    if is_caf(data):
        return ".caf"
    if is_flv(data):
        return ".flv"
    if is_aiff(data):
        return ".aiff"
    if is_realmedia(data):
        return ".ra"
    return next((suffix for magic, suffix in _AUDIO_MAGIC.items() if data.startswith(magic)), None)


def audio_text(data: bytes) -> str:
    """(session 65) An audio file as what a podcast player shows of it: the title, the series,
    the maker and the date on lines of their own, then the description, comments and transcript
    as paragraphs, then the chapters, each at its start time (an M4A's from its QuickTime chapter
    track, session 67, which no tag library reads).  A review told in a podcast's show notes exists
    nowhere else in the file; the sound is never decoded.  A file whose tags hold no words is
    refused: its words are only spoken, and casegraph reads no speech."""
    head, prose, chapters = _tagged(data, "audio file")
    if is_mp4(data):
        chapters = chapters or _chapter_lines(_mp4_tracks(data)[1])
    if not prose and not chapters and len(head) < 2:
        if (cut := _wavpack_cut_short(data) or _tta_cut_short(data) or _ape_cut_short(data)) is not None:
            raise cut  # (session 78) its tags stood after the sound, and went with the file's end
        raise ValueError("an audio file whose tags hold no description (its words are only spoken)")
    return _shown(head, prose, chapters)


def _wavpack_cut_short(data: bytes) -> ValueError | None:
    """(session 78) The error of a WavPack file whose blocks run past its end (a cut copy: its
    APEv2 tag, after the last block, is lost with it), or None.  Each block opens with "wvpk"
    and its size less 8."""
    at = 0
    while data[at:at + 4] == b"wvpk" and len(data) >= at + 8:
        at += int.from_bytes(data[at + 4:at + 8], "little") + 8
    return ValueError(f"damaged WavPack file (cut short: its blocks run to byte {at:,}, the file has "
                      f"{len(data):,}; its tags stood after them)") if at > len(data) else None


def _tta_cut_short(data: bytes) -> ValueError | None:
    """(session 81) The error of a True Audio file whose frames run past its end (a cut copy,
    its APEv2 tag lost with it), or None.  Its 22-byte header gives the sample rate and the
    length in samples, so the number of frames (each 256/245 of a second), and the seek table
    after it each frame's size."""
    if not data.startswith(b"TTA1") or len(data) < 22:
        return None
    rate, samples = int.from_bytes(data[10:14], "little"), int.from_bytes(data[14:18], "little")
    frames = -(-samples // max(256 * rate // 245, 1))
    table = data[22:22 + 4 * frames]
    end = 22 + 4 * frames + 4 + sum(int.from_bytes(table[k:k + 4], "little") for k in range(0, len(table), 4))
    return ValueError(f"damaged True Audio file (cut short: its frames run to byte {end:,}, the file has "
                      f"{len(data):,}; its tags stood after them)") if end > len(data) else None


def _ape_cut_short(data: bytes) -> ValueError | None:
    """(session 88) The error of a Monkey's Audio file (version 3.98 on) whose sound runs past its
    end (a cut copy, its APEv2 tag lost with it), or None.  Its descriptor gives its own size,
    the header's, the seek table's, the WAV header's, the frame data's (low and high words) and
    the terminating data's: their sum is where the sound ends."""
    if not data.startswith(b"MAC ") or len(data) < 36 or int.from_bytes(data[4:6], "little") < 3980:
        return None
    sizes = [int.from_bytes(data[k:k + 4], "little") for k in range(8, 36, 4)]
    end = sum(sizes[:4]) + sizes[4] + (sizes[5] << 32) + sizes[6]
    return ValueError(f"damaged Monkey's Audio file (cut short: its sound runs to byte {end:,}, the file "
                      f"has {len(data):,}; its tags stood after it)") if end > len(data) else None


def _tagged(data: bytes | BinaryIO, what: str) -> tuple[list[str], list[str], list[str]]:
    """A recording's tags as a player shows them: the heading lines (title, series, maker,
    date), the prose (description, comments, transcript) and the chapters ("02:10 What
    happened"), each without repeats.  ``data`` is the file's bytes, or the file open to read
    (a folder's WAV: mutagen seeks to its tag, past the sound)."""
    tags = _tags_of(data, what)
    values = _tag_values(tags) if tags is not None else {}
    if isinstance(data, bytes) and is_mp4(data):  # (session 81) a 3GP's asset boxes, by atom name
        for name, words in _mp4_assets(data).items():
            values.setdefault(name, []).extend(words)
    head = list(dict.fromkeys(v for names in _AUDIO_HEAD for name in names for v in values.get(name, [])))
    prose = list(dict.fromkeys(v for names in _AUDIO_PROSE for name in names for v in values.get(name, [])
                               if v not in head))
    # (session 78) a title that a description opens with again is said once, as the
    # description's heading: said twice, an episode of one review was read as two
    firsts = {p.split("\n", 1)[0].strip() for p in prose}
    return [h for h in head if h not in firsts], prose, values.get("CHAP", [])


def _tags_of(data: bytes | BinaryIO, what: str) -> object | None:
    """A recording's tags as mutagen reads them, or None when it has none.  (session 80) An AAC
    stream with no container (ADTS: a podcast's ``.aac``) whose ID3 tag stands in front of the
    sound is read by its tag alone: mutagen takes any file opening with ID3 for an MP3, and
    refused the podcast as "can't sync to MPEG frame"."""
    import mutagen
    import mutagen.id3

    try:
        if isinstance(data, bytes) and _is_tagged_adts(data):
            return mutagen.id3.ID3(io.BytesIO(data))
        audio = mutagen.File(io.BytesIO(data) if isinstance(data, bytes) else data)
    except (mutagen.MutagenError, ValueError, IndexError, EOFError) as exc:
        raise damaged(what, exc) from None
    if audio is None:
        raise ValueError("not an audio file with tags that casegraph reads (MP3, MP4, Ogg, FLAC, WMA, "
                         "WavPack, True Audio, Musepack, Monkey's Audio, AAC)")
    if audio.tags is None and isinstance(data, bytes) and data.startswith(b"TTA1"):
        return _ape_tag(data)
    return audio.tags


def _ape_tag(data: bytes) -> object | None:
    """(session 81) A True Audio file's APEv2 tag, at its end (ffmpeg and foobar2000 write one;
    mutagen's True Audio reader looks only for ID3), or None when it has none: a cut copy has
    lost it with its end."""
    import mutagen.apev2

    try:
        return mutagen.apev2.APEv2(io.BytesIO(data))
    except mutagen.apev2.APENoHeaderError:
        return None
    except (mutagen.MutagenError, ValueError, IndexError) as exc:
        raise damaged("True Audio file", exc) from None


def _mp4_assets(data: bytes) -> dict[str, list[str]]:
    """(session 81) An MP4's 3GPP asset boxes (:func:`casegraph.ingest.isobmff.asset_tags`), a
    damaged box tree refused in one line as mutagen's errors are."""
    try:
        return asset_tags(data)
    except (ValueError, IndexError) as exc:
        raise damaged("MP4 file", exc) from None


def _is_tagged_adts(data: bytes) -> bool:
    """(session 80) An ID3v2 tag followed by an ADTS frame (an AAC stream's twelve sync bits and
    layer 0; an MP3 frame's layer is never 0).  The tag's size is four 7-bit bytes, and a footer
    (flag 0x10) adds ten."""
    if not data.startswith(b"ID3") or len(data) < 10:
        return False
    size = sum((b & 0x7F) << (7 * (3 - i)) for i, b in enumerate(data[6:10]))
    at = 10 + size + (10 if data[5] & 0x10 else 0)
    while at < len(data) and data[at] == 0:  # (padding a tagger wrote after the tag's size)
        at += 1
    return len(data) >= at + 2 and data[at] == 0xFF and data[at + 1] & 0xF6 == 0xF0


def _shown(head: list[str], prose: list[str], chapters: list[str]) -> str:
    """The heading lines, the prose paragraphs, then the chapters as a podcast's page lists
    them ("Chapters", then "02:10 What happened")."""
    out = ["\n".join(head), *prose]
    if chapters:
        out.append("\n".join(["Chapters", *chapters]))
    return "\n\n".join(out) + "\n"


def _minutes(ms: int) -> str:
    """A chapter's start as a podcast's page writes it: "02:10", "1:02:10" past an hour."""
    start = ms // 1000
    return f"{start // 3600}:{start // 60 % 60:02d}:{start % 60:02d}" if start >= 3600 \
        else f"{start // 60:02d}:{start % 60:02d}"


def _chapter_lines(cues: list[tuple[int, int, str]]) -> list[str]:
    """A chapter track's cues as a podcast's page lists them ("02:10 What happened")."""
    return [f"{_minutes(start)} {words}" for start, _, words in cues]


#: (session 67) MP4 and QuickTime videos, with the media type each is published under.
#: (session 81) and a phone's 3GPP video (``.3gp``, ``.3g2``), whose notes are asset boxes
MP4_VIDEO_MEDIA = {".mp4": "video/mp4", ".m4v": "video/x-m4v", ".mov": "video/quicktime",
                   ".3gp": "video/3gpp", ".3g2": "video/3gpp2"}


def mp4_parts(data: bytes) -> tuple[str, list[tuple[str, str]]]:
    """(session 67) An MP4 video as what its viewer reads: the title, the maker and the date,
    the description; then each chapter's title (a heading: the review a part tells of) over
    the part's captions as a SubRip file (one track: English if there is one, else the first).
    A video with no caption track is read as a podcast is, its tags and chapters, as the head
    and no part; with neither captions nor a description it is refused: its words are only
    spoken."""
    if not is_mp4(data):
        raise ValueError("not an MP4 or QuickTime file (no ftyp box first)")
    head, prose, _ = _tagged(data, "MP4 video")
    captions, chapters = _mp4_tracks(data)
    if not captions:
        if not prose:
            raise ValueError("a video with no text captions and no description (its words are only spoken)")
        return _shown(head, prose, _chapter_lines(chapters)), []
    chapters = sorted(chapters)
    starts = [start for start, _, _ in chapters]
    parts: list[list[tuple[int, int, str]]] = [[] for _ in range(len(chapters) + 1)]
    for cue in captions:  # (a cue before the first chapter is the video's opening, part 0)
        parts[bisect.bisect_right(starts, cue[0])].append(cue)
    titles = ["", *(title for _, _, title in chapters)]
    return _shown(head, prose, []), [(title, _subrip(cues) if cues else "")
                                     for title, cues in zip(titles, parts, strict=True) if title or cues]


def _mp4_tracks(data: bytes) -> tuple[list[tuple[int, int, str]], list[tuple[int, int, str]]]:
    """An MP4's caption cues (the English track's, else the first's) and its chapter cues."""
    try:
        tracks = text_tracks(data)
    except (ValueError, IndexError, RecursionError) as exc:  # (boxes nested without end too)
        raise damaged("MP4 file", exc) from None
    spoken = [t for t in tracks if t.cues and not t.chapters]
    chosen = next((t for t in spoken if t.language in ("eng", "en")), spoken[0] if spoken else None)
    chapters = next((t.cues for t in tracks if t.chapters), [])
    return (chosen.cues if chosen else []), chapters


def _tag_values(tags: object) -> dict[str, list[str]]:
    """An audio file's tags as lists of words by tag name: ID3 frames by their frame ID (a user
    text frame of prose as "COMM", a chapter's start and titles as "CHAP"), MP4 atoms by their name,
    Vorbis comments and (session 78) APEv2 items by their key in capitals (both are named in any
    case: "Title", "TITLE"), ASF attributes (a Windows Media file's) by their name and their
    words.  Pictures, numbers and encoder notes are left out."""
    out: dict[str, list[str]] = {}
    # (session 80: by every class it is, an Ogg Theora film's "OggTheoraCommentDict" too, whose
    # keys come in lower case: its description was missed, and the film refused)
    vorbis = any(kind in cls.__name__ for cls in type(tags).__mro__ for kind in ("VComment", "APEv2"))
    for key, value in tags.items():  # type: ignore[attr-defined]
        frame_id = getattr(value, "FrameID", None)
        if frame_id is not None:
            name, words = _id3_words(frame_id, value)
        else:
            name = str(key).upper() if vorbis else str(key)
            values = value if isinstance(value, list) else [value]
            words = [v for v in (getattr(v, "value", v) for v in values) if isinstance(v, str)]
        out.setdefault(name, []).extend(w.strip() for w in words if w.strip())
    return out


def _id3_words(frame_id: str, frame: object) -> tuple[str, list[str]]:
    """An ID3 frame's name and words: a user text frame (TXXX) whose description says it is
    prose counts as a comment; iTunes' comment frames of loudness numbers hold none."""
    desc = str(getattr(frame, "desc", "")).lower()
    if frame_id == "CHAP":  # (its title at its start time, "02:10 What happened to Rowan")
        start = int(getattr(frame, "start_time", 0) or 0)
        words = " ".join(str(t) for sub in frame.sub_frames.values()  # type: ignore[attr-defined]
                         if sub.FrameID in ("TIT2", "TIT3") for t in sub.text)
        return frame_id, [f"{_minutes(start)} {words}"] if words.strip() else []
    if (frame_id == "COMM" and desc.startswith("itun")) or not hasattr(frame, "text"):
        return frame_id, []
    text = frame.text if isinstance(frame.text, list) else [frame.text]
    name = "COMM" if frame_id == "TXXX" and desc in _PROSE_DESCRIPTIONS else frame_id
    return name, [str(t) for t in text]


# ------------------------------------------------------------------------ WAV (RIFF) tags
#: (session 75) WAV files, read by their RIFF tags, with the media type they are served under;
#: (session 77) AVI videos, whose RIFF tags are the same.
WAV_SUFFIXES = {".wav", ".wave", ".bwf"}
WAV_MEDIA = "audio/wav"
AVI_SUFFIXES = {".avi"}
AVI_MEDIA = "video/x-msvideo"
#: The LIST-INFO tags that name and place a recording, in the order a player shows them
#: (title, series, maker, date), and those that hold prose (subject, comment).
_INFO_HEAD = (b"INAM", b"IPRD", b"IART", b"ICRD")
_INFO_PROSE = (b"ISBJ", b"ICMT")
_INFO_KEYWORDS = b"IKEY"
#: The Broadcast Wave ``bext`` chunk's leading fields (EBU Tech 3285): their offsets and sizes.
_BEXT_FIELDS = {"description": (0, 256), "originator": (256, 32), "date": (320, 10)}
_BEXT_READ = 330  # (the rest: times, loudness and the coding history, no words for a reader)


def is_wav(data: bytes) -> bool:
    """A RIFF (or 64-bit RF64) file of form WAVE."""
    return data[:4] in (b"RIFF", b"RF64") and data[8:12] == b"WAVE"


def is_avi(data: bytes) -> bool:
    """(session 77) A RIFF file of form AVI: its INFO tags are a WAV file's (:func:`avi_text`)."""
    return data[:4] == b"RIFF" and data[8:12] == b"AVI "


def wav_text(data: bytes) -> str:
    """A WAV recording as a podcast player shows it (:func:`audio_text`): its title, series,
    maker and date, then its subject and comment as paragraphs (a podcast master's show notes
    are its comment), then the Broadcast Wave description when it says something else, then
    its keywords.  An ID3 chunk some editors add is read as an MP3's tag is.  A recording whose
    tags hold no words is refused: its words are only spoken."""
    if not is_wav(data):
        raise ValueError("not a WAV file (no RIFF WAVE header)")
    return _recording(data, "WAV file", _wav_chunks(io.BytesIO(data)))


def avi_text(data: bytes) -> str:
    """(session 77) An AVI video (a training team's recorded briefing) as a player shows it: the
    same RIFF INFO tags as a WAV file's, read the same way (:func:`wav_text`), the review in its
    comment.  Its pictures and sound are never decoded."""
    if not is_avi(data):
        raise ValueError("not an AVI video (no RIFF AVI header)")
    return _recording(data, "AVI video", _wav_chunks(io.BytesIO(data)))


def _recording(data: bytes, what: str, chunks: tuple[dict[bytes, str], dict[str, str], bool]) -> str:
    """A WAV, AVI or (session 79) AIFF file's tags as a player shows them (:func:`wav_text`):
    ``chunks`` are its INFO tags, Broadcast Wave fields and whether it has an ID3 chunk
    (:func:`_wav_chunks`), ``what`` names it."""
    info, bext, tagged = chunks
    title, series, maker, made = (info.get(k) for k in _INFO_HEAD)
    head = [v for v in (title, series, maker or bext.get("originator"), made or bext.get("date")) if v]
    prose = [info[k] for k in _INFO_PROSE if info.get(k)]
    if (described := bext.get("description")) and not any(described in p for p in prose):
        prose.append(described)
    chapters: list[str] = []
    if tagged:
        more_head, more_prose, chapters = _tagged(data, what)
        head += [v for v in more_head if v not in head]
        prose += [v for v in more_prose if v not in prose]
    if not prose and not chapters:  # (as a folder's WAV is told: wav_described)
        raise ValueError(f"a {what} whose tags hold no comment or description (its words are only spoken)")
    if keywords := info.get(_INFO_KEYWORDS):
        prose.append("Keywords: " + keywords)
    return _shown(list(dict.fromkeys(head)), prose, chapters)


def wav_described(handle: BinaryIO) -> bool:
    """Whether a folder's WAV file (or, session 77, AVI video) carries words (a comment, a
    subject or a description): a podcast master with its show notes is a page, a sound effect
    or a clip is not.  Its chunks are walked, not read: the sound is passed over (tags may
    follow it)."""
    try:
        info, bext, tagged = _wav_chunks(handle)
    except ValueError:
        return False
    if any(info.get(k) for k in _INFO_PROSE) or bext.get("description"):
        return True
    return tagged and _id3_described(handle)


def _id3_described(handle: BinaryIO) -> bool:
    """Whether a WAV file's (or, session 79, an AIFF file's) ID3 chunk holds prose or chapters,
    as :func:`wav_text` reads it: a title alone, as an editor writes it, is no page."""
    handle.seek(0)
    try:
        _, prose, chapters = _tagged(handle, "WAV file")
    except ValueError:
        return False
    return bool(prose or chapters)


def _wav_chunks(handle: BinaryIO) -> tuple[dict[bytes, str], dict[str, str], bool]:
    """A WAV file's (or an AVI's) LIST-INFO tags by their four-letter id, its ``bext`` fields by
    name, and whether it has an ID3 chunk; the sound data (an AVI's header and frame lists) is
    skipped."""
    header = handle.read(12)
    if not (is_wav(header) or is_avi(header)):
        raise ValueError("not a WAV file or AVI video (no RIFF WAVE or AVI header)")
    info: dict[bytes, str] = {}
    bext: dict[str, str] = {}
    tagged = False
    while len(chunk := handle.read(8)) == 8:
        kind, size = chunk[:4], int.from_bytes(chunk[4:], "little")
        if kind == b"LIST" and handle.read(4) == b"INFO":
            info.update(_info_tags(_chunk_body(handle, kind, size - 4)))
        elif kind == b"bext":
            body = _chunk_body(handle, kind, min(size, _BEXT_READ))
            handle.seek(size - len(body), io.SEEK_CUR)
            bext = {name: _riff_words(body[at:at + n]) for name, (at, n) in _BEXT_FIELDS.items()}
        elif kind.lower() == b"id3 ":
            tagged = True
            handle.seek(size, io.SEEK_CUR)
        elif size == 0xFFFFFFFF:  # (an RF64's data chunk: its size is in ds64; nothing follows)
            break
        else:
            handle.seek(size - (4 if kind == b"LIST" else 0), io.SEEK_CUR)
        handle.seek(size & 1, io.SEEK_CUR)  # (a chunk of odd size is padded to even)
    return info, bext, tagged


def _chunk_body(handle: BinaryIO, kind: bytes, size: int) -> bytes:
    """A chunk's ``size`` bytes of words; a file cut inside them is damaged, said so (a cut sound
    chunk is only skipped: its tags, if any, came before it)."""
    body = handle.read(max(size, 0))
    if len(body) < size:
        raise ValueError(f"damaged recording (its {kind.decode('latin-1')} chunk is cut short)")
    return body


def _info_tags(body: bytes) -> dict[bytes, str]:
    """A LIST-INFO chunk's tags: four-letter ids, each over its NUL-ended words."""
    out: dict[bytes, str] = {}
    at = 0
    while at + 8 <= len(body):
        kind, size = body[at:at + 4], int.from_bytes(body[at + 4:at + 8], "little")
        if words := _riff_words(body[at + 8:at + 8 + size]):
            out[kind] = words
        at += 8 + size + (size & 1)
    return out


def _riff_words(raw: bytes) -> str:
    """A RIFF text field's words: up to its first NUL, UTF-8 when it is (else Latin-1)."""
    return utf8_else(raw.split(b"\0", 1)[0]).strip()


# ------------------------------------------------------------------- Core Audio Format tags
#: (session 77) Apple Core Audio Format files (a podcast master from Logic or ffmpeg), read by
#: their ``info`` chunk, with the media type they are served under.
CAF_SUFFIXES = {".caf"}
CAF_MEDIA = "audio/x-caf"
_CAF_MAGIC = b"caff\x00\x01"
#: The ``info`` keys that name and place a recording (title, series, maker, date: the CAF
#: specification's keys and ffmpeg's), and those that hold prose.
_CAF_HEAD = (("title",), ("album",), ("artist",), ("recorded date", "date", "year"))
_CAF_PROSE = ("comments", "comment", "description")


def is_caf(data: bytes) -> bool:
    """A Core Audio Format file, version 1."""
    return data.startswith(_CAF_MAGIC)


def caf_text(data: bytes) -> str:
    """(session 77) A CAF recording as a podcast player shows it (:func:`wav_text`): its title,
    series, maker and date, then its comments as paragraphs (a podcast master's show notes).
    Read from the ``info`` chunk itself: ffprobe cuts every value at 1,023 bytes, which would
    lose the second review of a long comment.  A recording whose tags hold no words is refused."""
    if not is_caf(data):
        raise ValueError("not a Core Audio Format file (no caff version 1 header)")
    info = _caf_info(io.BytesIO(data))
    prose = [info[key] for key in _CAF_PROSE if info.get(key)]
    if not prose:
        raise ValueError("a CAF file whose info chunk holds no comment (its words are only spoken)")
    head = [next((info[k] for k in keys if info.get(k)), "") for keys in _CAF_HEAD]
    return _shown([line for line in head if line], prose, [])


def caf_described(handle: BinaryIO) -> bool:
    """Whether a folder's CAF file carries words (a comment): a podcast master with its show
    notes is a page, a sound effect is not.  Its chunks are walked; the sound is passed over."""
    return _holds_any(_caf_info, handle, _CAF_PROSE)


def _holds_any(read: Callable[[BinaryIO], dict[str, str]], handle: BinaryIO, keys: Iterable[str]) -> bool:
    """Whether a recording's words read by ``read`` (its tags by key) hold any of ``keys``: the
    one check behind a folder's "is this recording a page?" for CAF, Flash and RealMedia files;
    a file ``read`` cannot read is none."""
    try:
        found = read(handle)
    except ValueError:
        return False
    return any(found.get(key) for key in keys)


def _caf_info(handle: BinaryIO) -> dict[str, str]:
    """A CAF file's ``info`` entries by their key (lower case): the chunks are walked by their
    64-bit sizes, the audio data skipped (a size of -1 is the data chunk's, to the file's end)."""
    if not is_caf(handle.read(8)):
        raise ValueError("not a Core Audio Format file (no caff version 1 header)")
    info: dict[str, str] = {}
    while len(head := handle.read(12)) == 12:
        kind, size = head[:4], int.from_bytes(head[4:], "big", signed=True)
        if size < 0:
            break
        if kind != b"info":
            handle.seek(size, io.SEEK_CUR)
            continue
        if size > _TEXT_MAX:
            raise ValueError(f"a CAF info chunk of {size:,} bytes, too large to be tags")
        body = _chunk_body(handle, kind, size)
        words = [utf8_else(part).strip() for part in body[4:].split(b"\0")]
        info.update((key.lower(), value) for key, value in zip(words[::2], words[1::2], strict=False)
                    if key and value)
    return info



# ------------------------------------------------------------------------ Flash video (FLV)
#: (session 79) Flash video (``.flv``: a board's webcast of 2011, kept on its site's archive),
#: read by its ``onMetaData`` script tag, the AMF0 object a player shows in its info panel.
FLV_SUFFIXES = {".flv"}
FLV_MEDIA = "video/x-flv"
_FLV_MAGIC = b"FLV\x01"
_FLV_SCRIPT_TAG = 18
#: The ``onMetaData`` keys that name and place a recording (title, maker, date: the keys
#: ffmpeg and flvtool2 write), and those that hold prose.
_FLV_HEAD = (("title",), ("subtitle",), ("artist", "author", "creator"), ("album",),
             ("creationdate", "date", "year"))
_FLV_PROSE = ("description", "comment", "comments", "synopsis", "summary")
#: How deep AMF0 objects may nest before the file is taken as damaged (a player's metadata is
#: one or two levels deep; a loop of nested objects would otherwise recurse without end).
_AMF_DEPTH = 16


def is_flv(data: bytes) -> bool:
    """A Flash video, version 1 (every FLV file there is)."""
    return data.startswith(_FLV_MAGIC)


def flv_text(data: bytes) -> str:
    """(session 79) A Flash video as a player's info panel shows it (:func:`caf_text`): its
    title, maker and date, then its description and comment as paragraphs (a webcast's notes).
    Its pictures and sound are never decoded; a video whose metadata holds no prose is refused."""
    if not is_flv(data):
        raise ValueError("not a Flash video (no FLV header)")
    return _tagged_page(_flv_metadata(io.BytesIO(data)), _FLV_HEAD, _FLV_PROSE,
                        "a Flash video whose metadata holds no description or comment (its words are "
                        "only spoken)")


def _tagged_page(tags: dict[str, str], head: tuple[tuple[str, ...], ...], prose: tuple[str, ...],
                 refusal: str, chapters: list[str] | None = None) -> str:
    """A recording's page from its words by key (a Flash video's metadata, an MXF master's user
    comments, an FFmpeg metadata file's tags): for each group of ``head`` keys its first that is
    set (the title, the maker, the date), then each ``prose`` key's words as a paragraph, each
    once, then any ``chapters``; refused with ``refusal`` when no prose key holds words."""
    paragraphs = list(dict.fromkeys(tags[key] for key in prose if tags.get(key)))
    if not paragraphs:
        raise ValueError(refusal)
    lines = [next((tags[k] for k in keys if tags.get(k)), "") for keys in head]
    return _shown([line for line in lines if line], paragraphs, chapters or [])


def flv_described(handle: BinaryIO) -> bool:
    """Whether a folder's Flash video carries words (a description or comment): a webcast with
    its notes is a page, a site's intro clip is not."""
    return _holds_any(_flv_metadata, handle, _FLV_PROSE)


def _flv_metadata(handle: BinaryIO) -> dict[str, str]:
    """The words of an FLV's first ``onMetaData`` tag by key (lower case); the audio and video
    tags before it are passed over by their sizes.  A file cut before the tag is damaged."""
    header = handle.read(9)
    if not is_flv(header) or len(header) < 9:
        raise ValueError("not a Flash video (no FLV header)")
    handle.seek(int.from_bytes(header[5:9], "big") + 4)  # (then the first tag's "previous size")
    while len(tag := handle.read(11)) == 11:
        kind, size = tag[0] & 0x1F, int.from_bytes(tag[1:4], "big")
        if kind != _FLV_SCRIPT_TAG:
            handle.seek(size + 4, io.SEEK_CUR)
            continue
        body = _chunk_body(handle, b"onMetaData", min(size, _TEXT_MAX))
        try:
            name, at = _amf(body, 0, 0)
            value, _ = _amf(body, at, 0) if at < len(body) else (None, at)
        except (ValueError, IndexError) as exc:
            raise damaged("Flash video", exc) from None
        if name == "onMetaData" and isinstance(value, dict):
            return {str(k).lower(): unify_line_ends(v).strip() for k, v in value.items()
                    if isinstance(v, str) and v.strip()}
        handle.seek(size - len(body) + 4, io.SEEK_CUR)
    if handle.tell() > handle.seek(0, io.SEEK_END):
        raise ValueError("damaged Flash video (cut short before its metadata)")
    return {}


def _amf(body: bytes, at: int, depth: int) -> tuple[object, int]:
    """The AMF0 value at ``at`` and where it ends: numbers, booleans, strings and dates as
    Python values (a date as None), objects and ECMA arrays as dicts, strict arrays as lists."""
    if depth > _AMF_DEPTH:
        raise ValueError(f"AMF values nested deeper than {_AMF_DEPTH}")
    marker, at = body[at], at + 1
    if marker == 0x00:
        return struct.unpack_from(">d", body, at)[0], at + 8
    if marker == 0x01:
        return bool(body[at]), at + 1
    if marker in (0x02, 0x0C, 0x0F):  # (a string, a long string, an XML document)
        width = 2 if marker == 0x02 else 4
        size = int.from_bytes(body[at:at + width], "big")
        if at + width + size > len(body):
            raise ValueError("an AMF string runs past its tag")
        return utf8_else(body[at + width:at + width + size]), at + width + size
    if marker in (0x03, 0x08, 0x10):  # (an object, an ECMA array, a typed object)
        if marker == 0x08:
            at += 4  # (the array's count, which its end marker makes needless)
        elif marker == 0x10:
            at += 2 + int.from_bytes(body[at:at + 2], "big")  # (the object's class name)
        return _amf_properties(body, at, depth)
    if marker == 0x0A:
        count, at = int.from_bytes(body[at:at + 4], "big"), at + 4
        items = []
        for _ in range(min(count, len(body))):
            item, at = _amf(body, at, depth + 1)
            items.append(item)
        return items, at
    if marker == 0x0B:
        return None, at + 10
    if marker in (0x05, 0x06, 0x0D):  # (null, undefined, unsupported)
        return None, at
    if marker == 0x07:  # (a reference to an earlier object)
        return None, at + 2
    raise ValueError(f"an AMF0 value of unknown type {marker:#04x} at byte {at - 1:,} of its tag")


def _amf_properties(body: bytes, at: int, depth: int) -> tuple[dict[str, object], int]:
    """An AMF0 object's properties, each a name (UTF-8, two-byte length) and a value, up to the
    empty name and object-end marker (or the tag's end, where some writers leave it out)."""
    out: dict[str, object] = {}
    while at + 2 <= len(body):
        size = int.from_bytes(body[at:at + 2], "big")
        if size == 0:
            return out, at + 3
        name = utf8_else(body[at + 2:at + 2 + size])
        out[name], at = _amf(body, at + 2 + size, depth + 1)
    return out, at


# ------------------------------------------------------------------------ AIFF recordings
#: (session 79) AIFF recordings (``.aiff``, ``.aif``: a podcast master from a Mac's editor),
#: read by their own text chunks (name, author, annotations) and an ID3 chunk, as a WAV's are.
AIFF_SUFFIXES = {".aiff", ".aif"}
AIFF_MEDIA = "audio/aiff"
#: An AIFF's text chunks, by the RIFF INFO id whose place each takes (:func:`_recording`):
#: its name is the title, its author the maker, its annotations the comment.
_AIFF_TEXT = {b"NAME": b"INAM", b"AUTH": b"IART", b"ANNO": b"ICMT"}


def is_aiff(data: bytes) -> bool:
    """An IFF file of form AIFF, or AIFF-C (compressed sound, the same chunks)."""
    return data[:4] == b"FORM" and data[8:12] in (b"AIFF", b"AIFC")


def aiff_text(data: bytes) -> str:
    """(session 79) An AIFF recording as a podcast player shows it (:func:`wav_text`): its name,
    author and annotations, and an ID3 chunk's tags (ffmpeg and Audacity write the show notes
    there), each said once.  A recording whose tags hold no words is refused."""
    if not is_aiff(data):
        raise ValueError("not an AIFF file (no FORM AIFF header)")
    return _recording(data, "AIFF file", _aiff_chunks(io.BytesIO(data)))


def aiff_described(handle: BinaryIO) -> bool:
    """Whether a folder's AIFF file carries words (annotations, or prose in its ID3 chunk)."""
    try:
        info, _, tagged = _aiff_chunks(handle)
    except ValueError:
        return False
    return bool(info.get(b"ICMT")) or (tagged and _id3_described(handle))


def _aiff_chunks(handle: BinaryIO) -> tuple[dict[bytes, str], dict[str, str], bool]:
    """An AIFF's text chunks by the INFO id each stands for (:data:`_AIFF_TEXT`; annotations
    joined as paragraphs), no Broadcast Wave fields, and whether it has an ID3 chunk; the sound
    data is skipped.  Sizes are big-endian, a chunk of odd size padded to even."""
    if not is_aiff(handle.read(12)):
        raise ValueError("not an AIFF file (no FORM AIFF header)")
    info: dict[bytes, str] = {}
    tagged = False
    while len(chunk := handle.read(8)) == 8:
        kind, size = chunk[:4], int.from_bytes(chunk[4:], "big")
        if kind in _AIFF_TEXT:
            body = _chunk_body(handle, kind, min(size, _TEXT_MAX))
            handle.seek(size - len(body), io.SEEK_CUR)
            if words := _riff_words(body):
                key = _AIFF_TEXT[kind]
                more = kind == b"ANNO" and key in info  # (annotations are paragraphs; a name is one)
                info[key] = f"{info[key]}\n\n{words}" if more else info.get(key, words)
        else:
            tagged = tagged or kind.lower() == b"id3 "
            handle.seek(size, io.SEEK_CUR)
        handle.seek(size & 1, io.SEEK_CUR)
    return info, {}, tagged


# ------------------------------------------------------------------------ RealMedia
#: (session 80) RealMedia files (``.ra``: a board's webcast of 2007, kept in its archive; ``.rm``,
#: ``.rmvb``: RealVideo), read by the title, author, copyright and comment of their content
#: description header (CONT), which RealPlayer shows in its clip info.
REALMEDIA_MEDIA = {".ra": "audio/x-pn-realaudio", ".rm": "application/vnd.rn-realmedia",
                   ".rmvb": "application/vnd.rn-realmedia-vbr"}
REALMEDIA_SUFFIXES = set(REALMEDIA_MEDIA)
_RMF_MAGIC = b".RMF"
#: RealAudio 1-5's own stream file (before RealMedia), whose tags casegraph does not read: no
#: tool on a user's machine writes one to test a reader against.
_RA_MAGIC = b".ra\xfd"
#: The RMF file header's size: its id, size and version, the file's version and header count.
_RMF_HEAD = 18


def is_realmedia(data: bytes) -> bool:
    """A RealMedia file (its ``.RMF`` header), or an older RealAudio stream file."""
    return data.startswith((_RMF_MAGIC, _RA_MAGIC))


def realmedia_text(data: bytes) -> str:
    """(session 80) A RealMedia recording as RealPlayer's clip info shows it (:func:`flv_text`):
    its title, author and copyright, then its comment (a webcast's notes) as a paragraph.  The
    sound and pictures are never decoded; a clip whose header holds no comment is refused."""
    if data.startswith(_RA_MAGIC):
        raise ValueError("a RealAudio 1-5 stream file (.ra\\xfd): casegraph reads the tags of RealMedia "
                         "files (.RMF) only")
    tags = _realmedia_tags(io.BytesIO(data))
    if not tags.get("comment"):
        raise ValueError("a RealMedia file whose header holds no comment (its words are only spoken)")
    return _shown([tags[k] for k in ("title", "author", "copyright") if tags.get(k)], [tags["comment"]], [])


def realmedia_described(handle: BinaryIO) -> bool:
    """Whether a folder's RealMedia file carries words (a comment): an archived webcast with its
    notes is a page, a site's jingle is not."""
    return _holds_any(_realmedia_tags, handle, ("comment",))


def _realmedia_tags(handle: BinaryIO) -> dict[str, str]:
    """The CONT header's four strings by name (empty when the file has no CONT header before its
    data).  Each header is its id, a big-endian size counting its own ten bytes of id, size and
    version, then its body; the CONT body is four strings, each a two-byte length and its bytes."""
    if handle.read(4) != _RMF_MAGIC:
        raise ValueError("not a RealMedia file (no .RMF header)")
    handle.seek(_RMF_HEAD)
    while len(head := handle.read(10)) == 10:
        kind, size = head[:4], int.from_bytes(head[4:8], "big")
        if kind == b"DATA":
            break
        if size < 10:
            raise ValueError(f"damaged RealMedia file (its {kind.decode('latin-1')!r} header says "
                             f"{size} bytes)")
        if kind != b"CONT":
            handle.seek(size - 10, io.SEEK_CUR)
            continue
        body, at, tags = _chunk_body(handle, kind, min(size - 10, _TEXT_MAX)), 0, {}
        for name in ("title", "author", "copyright", "comment"):
            length = int.from_bytes(body[at:at + 2], "big")
            if at + 2 + length > len(body):
                raise ValueError("damaged RealMedia file (its CONT header's strings run past its end)")
            tags[name] = unify_line_ends(utf8_else(body[at + 2:at + 2 + length])).strip()
            at += 2 + length
        return tags
    if handle.tell() > handle.seek(0, io.SEEK_END):
        raise ValueError("damaged RealMedia file (cut short before its data)")
    return {}


# ------------------------------------------------------------------------ MXF masters
#: (session 82) MXF files (``.mxf``: a committee's learning film as its editor exported the
#: master for broadcast or archive), read by the user comments of their header metadata: the
#: TaggedValue sets of SMPTE ST 377-1 that ffmpeg writes from ``-metadata comment_<Name>=...``
#: and Avid and bmx from their own comment fields.  The pictures and sound are never decoded.
MXF_SUFFIXES = {".mxf"}
MXF_MEDIA = "application/mxf"
#: A header partition pack's key (SMPTE ST 377-1 7.1): its 13-byte stem and kind (2: header),
#: after which come its status and a reserved byte.  A run-in of up to 64 KiB may precede it.
_MXF_HEADER_PARTITION = bytes.fromhex("060e2b34020501010d0102010102")
_MXF_RUN_IN = 65_536
#: A TaggedValue set's key: a local set (``02 53``) whose last eight bytes are the set's own;
#: bytes 6 and 7 (the registry's versions) vary between writers.
_MXF_LOCAL_SET, _MXF_TAGGED_VALUE = bytes.fromhex("060e2b340253"), bytes.fromhex("0d01010101013f00")
#: A TaggedValue's name (UTF-16, big-endian) and its value (an indirect value: a byte saying
#: the value's byte order, its type's 16-byte label, then the value).
_MXF_NAME, _MXF_VALUE, _MXF_INDIRECT = 0x5001, 0x5003, 17
#: The user comments that name and place a film, and those that hold prose (a film's notes).
_MXF_HEAD = (("title", "programme", "program", "series"), ("producer", "author", "creator"),
             ("date", "year", "created"))
_MXF_PROSE = ("description", "synopsis", "summary", "abstract", "notes", "comment", "comments")


def is_mxf(data: bytes) -> bool:
    """An MXF file: a header partition pack at its start or after a run-in."""
    return data.find(_MXF_HEADER_PARTITION, 0, _MXF_RUN_IN + len(_MXF_HEADER_PARTITION)) >= 0


def mxf_text(data: bytes) -> str:
    """(session 82) An MXF master as an archive's catalogue shows it (:func:`flv_text`): its
    title, producer and date, then its description and other notes as paragraphs.  A master
    whose comments hold no prose is refused (its words are only spoken or shown)."""
    return _tagged_page(_mxf_comments(io.BytesIO(data)), _MXF_HEAD, _MXF_PROSE,
                        "an MXF file whose user comments hold no description (its words are only "
                        "spoken or shown)")


def mxf_described(handle: BinaryIO) -> bool:
    """Whether a folder's MXF file carries words (a description in its user comments): a learning
    film's master with its notes is a page, a clip's master is not."""
    return _holds_any(_mxf_comments, handle, _MXF_PROSE)


def _mxf_comments(handle: BinaryIO) -> dict[str, str]:
    """The user comments of an MXF's header metadata by name (lower case), the first of each
    name kept.  Only the header partition's metadata is read (its pack gives its size): the
    essence after it is never loaded, and a file cut inside it is damaged.  The pack holds two
    version numbers, the KAG size, three partition offsets and then the metadata's byte count."""
    size = handle.seek(0, io.SEEK_END)
    handle.seek(0)
    start = handle.read(_MXF_RUN_IN + len(_MXF_HEADER_PARTITION)).find(_MXF_HEADER_PARTITION)
    if start < 0:
        raise ValueError("not an MXF file (no header partition pack)")
    handle.seek(start)
    pack = _mxf_value(handle, _mxf_klv(handle)[1], size)
    if len(pack) < 40:
        raise ValueError("damaged MXF file (its header partition pack is too short)")
    end = handle.tell() + min(int.from_bytes(pack[32:40], "big"), _TEXT_MAX)
    if end > size:
        raise ValueError("damaged MXF file (cut short inside its header metadata)")
    comments: dict[str, str] = {}
    while handle.tell() + 17 <= end:
        key, length = _mxf_klv(handle)
        if key.startswith(_MXF_LOCAL_SET) and key.endswith(_MXF_TAGGED_VALUE):
            name, value = _mxf_tagged_value(_mxf_value(handle, length, end))
            if name and value:
                comments.setdefault(name.lower(), value)
        else:
            handle.seek(length, io.SEEK_CUR)
    return comments


def _mxf_klv(handle: BinaryIO) -> tuple[bytes, int]:
    """A KLV packet's key and value length (BER: one byte below 128, else 0x80 plus the count
    of big-endian bytes that follow, at most eight)."""
    key, first = handle.read(16), handle.read(1)
    if len(key) < 16 or not first or key[:4] != _MXF_HEADER_PARTITION[:4]:
        raise ValueError(f"damaged MXF file (no KLV key at byte {handle.tell() - len(key) - len(first):,})")
    if first[0] < 0x80:
        return key, first[0]
    count = first[0] & 0x7F
    raw = handle.read(count)
    if not 1 <= count <= 8 or len(raw) < count:
        raise ValueError(f"damaged MXF file (a bad length at byte {handle.tell():,})")
    return key, int.from_bytes(raw, "big")


def _mxf_value(handle: BinaryIO, length: int, end: int) -> bytes:
    """A KLV packet's value, which must end by ``end`` (its partition's metadata, or the file)."""
    if handle.tell() + length > end:
        raise ValueError(f"damaged MXF file (a packet at byte {handle.tell():,} runs past its metadata)")
    return handle.read(length)


def _mxf_tagged_value(body: bytes) -> tuple[str, str]:
    """A TaggedValue set's name and, when it is a string (UTF-16 either way round), its value;
    its other items (its instance id) are passed over, as is a value of another type."""
    items: dict[int, bytes] = {}
    at = 0
    while at + 4 <= len(body):
        tag, size = struct.unpack_from(">HH", body, at)
        items[tag] = body[at + 4:at + 4 + size]
        at += 4 + size
    name = items.get(_MXF_NAME, b"").decode("utf-16-be", "replace").rstrip("\0").strip()
    raw = items.get(_MXF_VALUE, b"")
    kind = raw[1:_MXF_INDIRECT]
    if len(raw) <= _MXF_INDIRECT or not (b"\x01\x10\x02" in kind or b"\x02\x10\x01" in kind):
        return name, ""
    text = raw[_MXF_INDIRECT:].decode("utf-16-le" if raw[0] == 0x4C else "utf-16-be", "replace")
    return name, unify_line_ends(text.rstrip("\0")).strip()


# ------------------------------------------------------------------------ Windows TV recordings
#: (session 85) Windows Recorded TV Show files (``.wtv``: an off-air recording of a news item kept
#: by a media archive, with its catalogue record), read by the attributes Windows Media Center
#: and ffmpeg store in the recording's ``table.0.entries.legacy_attrib`` file: its title,
#: author, date and description.  A WTV is a small file system of 4 KiB sectors (a root
#: directory whose entries name each inner file, its length, its first sector and how many
#: levels of sector tables lead to its data); the pictures and sound are never decoded.
WTV_SUFFIXES = {".wtv"}
WTV_MEDIA = "video/x-ms-wtv"
_WTV_MAGIC = bytes.fromhex("b7d800203749da11a64e0007e95ead8d")
_WTV_DIR_ENTRY = bytes.fromhex("92b774915970704488df063b82cc213d")
_WTV_ATTRIBUTE = bytes.fromhex("5afed76dc81d8f4a9922fab11c381453")
_WTV_SECTOR_BITS, _WTV_BIG_SECTOR_BITS = 12, 18
_WTV_ATTRIBUTES_FILE = "table.0.entries.legacy_attrib"
_WTV_ROOT_MAX = 64 * 1024
_WTV_STRING = 1  # the attribute type of a UTF-16 string (the others: numbers, GUIDs, pictures)
#: The attributes that name and date a recording, and those that hold prose (its notes; Media
#: Center keeps a programme's guide text as ``WM/SubTitleDescription``).
_WTV_HEAD = (("title",), ("wm/subtitle",), ("author", "wm/mediastationname"), ("date", "wm/year"))
_WTV_PROSE = ("description", "wm/subtitledescription", "comment")


def is_wtv(data: bytes) -> bool:
    """A Windows TV recording: its file-system header's GUID."""
    return data.startswith(_WTV_MAGIC)


def wtv_text(data: bytes) -> str:
    """(session 85) A Windows TV recording as an archive's catalogue shows it (:func:`mxf_text`):
    its title, author and date, then its description as paragraphs.  A recording whose
    attributes hold no prose is refused (its words are only spoken)."""
    return _tagged_page(_wtv_attributes(io.BytesIO(data)), _WTV_HEAD, _WTV_PROSE,
                        "a Windows TV recording whose attributes hold no description (its words are "
                        "only spoken or shown)")


def wtv_described(handle: BinaryIO) -> bool:
    """Whether a folder's Windows TV recording carries a description: a catalogued item is a
    page, an untitled off-air capture is not."""
    return _holds_any(_wtv_attributes, handle, _WTV_PROSE)


def _wtv_attributes(handle: BinaryIO) -> dict[str, str]:
    """A WTV's string attributes by name (lower case), the first of each name kept: the root
    directory (its size at byte 0x30, its sector at 0x38) is searched for the attributes file,
    whose entries are each a GUID, a type, a length, a UTF-16 name ending in a null, then the
    value."""
    size = handle.seek(0, io.SEEK_END)
    handle.seek(0)
    head = handle.read(0x3C)
    if not is_wtv(head):
        raise ValueError("not a Windows TV recording (no WTV header)")
    if len(head) < 0x3C:
        raise ValueError("damaged Windows TV recording (cut short inside its header)")
    root_size, root_sector = struct.unpack_from("<I", head, 0x30)[0], struct.unpack_from("<I", head, 0x38)[0]
    if root_size > _WTV_ROOT_MAX or (root_sector << _WTV_SECTOR_BITS) + root_size > size:
        raise ValueError("damaged Windows TV recording (its root directory lies past its end)")
    handle.seek(root_sector << _WTV_SECTOR_BITS)
    place = _wtv_entry(handle.read(root_size), _WTV_ATTRIBUTES_FILE)
    if place is None:
        return {}
    found: dict[str, str] = {}
    for name, kind, value in _wtv_entries(_wtv_file(handle, size, *place)):
        if kind == _WTV_STRING and (words := unify_line_ends(value.decode("utf-16-le", "replace")
                                                            .split("\0", 1)[0]).strip()):
            found.setdefault(name.lower(), words)
    return found


def _wtv_entry(root: bytes, wanted: str) -> tuple[int, int, int] | None:
    """The first sector, length and table depth of the root directory's file named ``wanted``
    (each entry: its GUID, its own length at +16, the file's length at +24, the name's length in
    characters at +32, the name from +40, then the first sector and the depth)."""
    at = 0
    while at + 48 <= len(root) and root[at:at + 16] == _WTV_DIR_ENTRY:
        entry_size, length, chars = struct.unpack_from("<H6xQI", root, at + 16)
        name_end = at + 40 + 2 * chars
        if entry_size < 48 or name_end + 8 > len(root):
            raise ValueError(f"damaged Windows TV recording (a bad directory entry at byte {at})")
        name = root[at + 40:name_end].decode("utf-16-le", "replace").rstrip("\0")
        if name == wanted:
            first, depth = struct.unpack_from("<II", root, name_end)
            return first, length, depth
        at += entry_size
    return None


def _wtv_file(handle: BinaryIO, size: int, first: int, length: int, depth: int) -> bytes:
    """An inner file's bytes (at most :data:`_TEXT_MAX`): its sectors are the first one (depth
    0) or listed in a table of 32-bit sector numbers (depth 1) or a table of tables (depth 2);
    the length's top bit says its sectors are 4 KiB, else 256 KiB ones."""
    bits = _WTV_SECTOR_BITS if length >> 63 else _WTV_BIG_SECTOR_BITS
    length &= 0xFFFF_FFFF_FFFF
    if length > _TEXT_MAX:
        raise ValueError(f"a Windows TV recording's attributes of {length:,} bytes, too large to be tags")
    if depth > 2:
        raise ValueError(f"damaged Windows TV recording (a sector table {depth} levels deep)")
    sectors = [first]
    for _ in range(depth):
        sectors = [n for table in sectors for n in _wtv_numbers(_wtv_read(handle, size, table, 1 << 12))]
    out = b""
    for sector in sectors:
        if len(out) >= length:
            break
        out += _wtv_read(handle, size, sector, min(1 << bits, length - len(out)))
    if len(out) < length:
        raise ValueError("damaged Windows TV recording (its attributes have fewer sectors than their length)")
    return out


def _wtv_read(handle: BinaryIO, size: int, sector: int, count: int) -> bytes:
    """``count`` bytes from a sector, which must lie inside the file."""
    if (sector << _WTV_SECTOR_BITS) + count > size:
        raise ValueError("damaged Windows TV recording (cut short: a sector lies past its end)")
    handle.seek(sector << _WTV_SECTOR_BITS)
    return handle.read(count)


def _wtv_numbers(table: bytes) -> list[int]:
    """A sector table's sector numbers (little-endian, a zero is an unused slot)."""
    return [n for (n,) in struct.iter_unpack("<I", table) if n]


def _wtv_entries(body: bytes) -> Iterator[tuple[str, int, bytes]]:
    """The attributes file's entries (name, type, value) until a zero length or another GUID."""
    at = 0
    while at + 24 <= len(body) and body[at:at + 16] == _WTV_ATTRIBUTE:
        kind, length = struct.unpack_from("<II", body, at + 16)
        if not length:
            return
        name_end = at + 24
        while name_end + 1 < len(body) and body[name_end:name_end + 2] != b"\0\0":
            name_end += 2
        value_end = name_end + 2 + length
        if value_end > len(body):
            raise ValueError("damaged Windows TV recording (an attribute runs past its file)")
        yield body[at + 24:name_end].decode("utf-16-le", "replace"), kind, body[name_end + 2:value_end]
        at = value_end
