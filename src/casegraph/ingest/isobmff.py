"""The timed text of an ISO base media file (an MP4 or M4V video, a QuickTime ``.mov``): its
caption tracks and its chapter track, each as cues in time, for :mod:`casegraph.ingest.media`.

A partnership's learning video is published as an MP4 whose captions carry everything said:
the review's name, the account, the learning.  Its chapter titles (a QuickTime text track the
player lists as chapters) head each review's part.  Why a reader of our own: the file is a tree
of boxes (a size, a four-letter type, a payload), and the few boxes that place a text track's
samples (``stsd``, ``stts``, ``stsz``, ``stsc``, ``stco``) are read by walking it; mutagen reads
the tags but not the tracks, and the other libraries wrap ffmpeg.  The picture and sound are
never decoded, and only the boxes of text tracks are read.  Fragmented files (``moof`` boxes,
a live stream's layout) are not: their captions are refused as absent.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

#: The boxes whose payload is boxes, on the way from the file to a text track's sample tables.
_CONTAINERS = {b"moov", b"trak", b"mdia", b"minf", b"stbl", b"tref", b"edts", b"dinf"}
#: The sample formats of timed text: 3GPP timed text (``tx3g``, ffmpeg's ``mov_text``) and
#: QuickTime text (``text``, the chapter tracks of Apple's tools and ffmpeg).  WebVTT in MP4
#: (``wvtt``) is not read: no tool here writes it to test a reader against (DECISIONS 111).
_TEXT_FORMATS = {"tx3g", "text"}
#: The most samples a text track may have: far more than any talk's captions.
_MAX_SAMPLES = 200_000


@dataclass
class TextTrack:
    """One text track: its ID, its language (ISO 639-2, "und" when unsaid), whether another
    track names it as its chapters, and its cues as (start ms, end ms, words)."""

    ident: int
    language: str
    chapters: bool = False
    cues: list[tuple[int, int, str]] = field(default_factory=list)


def is_mp4(data: bytes) -> bool:
    """Whether a file's bytes begin as an ISO base media file does (an ``ftyp`` box first)."""
    return data[4:8] == b"ftyp"


def text_tracks(data: bytes) -> list[TextTrack]:
    """Every timed-text track of the file, in file order, its cues read; a track that a video
    or sound track names in its ``tref/chap`` box is the chapter track."""
    moov = next(((a, b) for kind, a, b in boxes(data, 0, len(data)) if kind == b"moov"), None)
    if moov is None:
        raise ValueError("no movie box (moov): the file is cut short, or fragmented for streaming")
    tracks, chapter_ids = [], set()
    for kind, a, b in boxes(data, *moov):
        if kind != b"trak":
            continue
        found = _track_boxes(data, a, b)
        chapter_ids |= _chapter_refs(data, found)
        track = _text_track(data, found)
        if track is not None:
            tracks.append(track)
    for track in tracks:
        track.chapters = track.ident in chapter_ids
    return tracks


#: (session 81) The 3GPP asset boxes of a movie's user data (3GPP TS 26.244) that hold words,
#: by the MP4 atom a tag reader names the same thing with: a phone's or an editor's 3GP keeps its
#: title and notes here, not in iTunes-style ``ilst`` atoms, and neither mutagen nor ffprobe
#: shows them.  Each is a full box, a packed language code, then a string (UTF-8, or UTF-16
#: after its byte-order mark) ending in a NUL.
_ASSET_ATOMS = {b"titl": "\xa9nam", b"auth": "\xa9ART", b"perf": "\xa9ART", b"albm": "\xa9alb",
                b"dscp": "desc"}


def asset_tags(data: bytes) -> dict[str, list[str]]:
    """(session 81) The words of the 3GPP asset boxes in the movie's ``udta`` box (title,
    author, performer, album, description), by the MP4 atom name of each, in file
    order; nothing for a file without them.  A recording year (``yrrc``) is its date."""
    out: dict[str, list[str]] = {}
    try:
        moov = next(((a, b) for kind, a, b in boxes(data, 0, len(data)) if kind == b"moov"), None)
    except ValueError:  # (a file cut before its movie box: the tracks' reader says so)
        return out
    for kind, a, b in boxes(data, *moov) if moov else ():
        if kind != b"udta":
            continue
        for asset, x, y in boxes(data, a, b):
            if asset == b"yrrc" and y - x >= 6:
                out.setdefault("\xa9day", []).append(str(int.from_bytes(data[x + 4:x + 6], "big")))
            elif asset in _ASSET_ATOMS and (words := _asset_words(data[x + 6:y]).strip()):
                out.setdefault(_ASSET_ATOMS[asset], []).append(words)
    return out


def _asset_words(raw: bytes) -> str:
    """A 3GPP asset string (:func:`_unicode`) up to its NUL (an album's track number may follow
    it)."""
    return _unicode(raw).split("\0", 1)[0]


def boxes(data: bytes, start: int, end: int) -> Iterator[tuple[bytes, int, int]]:
    """The boxes between ``start`` and ``end`` as (type, payload start, payload end); a box
    that runs past its parent's end (a file cut short) is refused at its byte."""
    at = start
    while at + 8 <= end:
        size, head = int.from_bytes(data[at:at + 4], "big"), 8
        if size == 1:
            size, head = int.from_bytes(data[at + 8:at + 16], "big"), 16
        elif size == 0:  # (the last box, running to the file's end)
            size = end - at
        if size < head or at + size > end:
            kind = data[at + 4:at + 8]
            raise ValueError(f"byte {at}: box {kind!r} runs past its end (the file is cut short?)")
        yield data[at + 4:at + 8], at + head, at + size
        at += size


def _track_boxes(data: bytes, start: int, end: int) -> dict[bytes, tuple[int, int]]:
    """A track's boxes by type, the first of each, its containers walked (tkhd, tref's chap,
    mdhd, hdlr and the sample tables)."""
    found: dict[bytes, tuple[int, int]] = {}
    for kind, a, b in boxes(data, start, end):
        found.setdefault(kind, (a, b))
        if kind in _CONTAINERS:
            for inner, span in _track_boxes(data, a, b).items():
                found.setdefault(inner, span)
    return found


def _chapter_refs(data: bytes, found: dict[bytes, tuple[int, int]]) -> set[int]:
    """The track IDs a track's ``tref/chap`` box names as its chapters."""
    a, b = found.get(b"chap", (0, 0))
    return {int.from_bytes(data[n:n + 4], "big") for n in range(a, b - 3, 4)}


def _text_track(data: bytes, found: dict[bytes, tuple[int, int]]) -> TextTrack | None:
    """A track whose first sample description is timed text, its cues read; else None."""
    needed = (b"tkhd", b"mdhd", b"stsd", b"stts", b"stsz", b"stsc")
    if any(kind not in found for kind in needed) or not (b"stco" in found or b"co64" in found):
        return None
    stsd = found[b"stsd"][0]
    text_format = data[stsd + 12:stsd + 16].decode("latin-1")
    if text_format not in _TEXT_FORMATS:
        return None
    tkhd, mdhd = found[b"tkhd"][0], found[b"mdhd"][0]
    ident = int.from_bytes(data[tkhd + 12:tkhd + 16] if data[tkhd] == 0 else data[tkhd + 20:tkhd + 24], "big")
    scale_at, language_at = (mdhd + 12, mdhd + 20) if data[mdhd] == 0 else (mdhd + 20, mdhd + 32)
    scale = int.from_bytes(data[scale_at:scale_at + 4], "big") or 1000
    track = TextTrack(ident, _language(int.from_bytes(data[language_at:language_at + 2], "big")))
    starts = _sample_times(data, found[b"stts"])
    for n, (at, size) in enumerate(_sample_spans(data, found)):
        if n + 1 >= len(starts):
            break
        words = _sample_words(data[at:at + size]).strip()
        if words:
            track.cues.append((starts[n] * 1000 // scale, starts[n + 1] * 1000 // scale, words))
    return track


def _language(code: int) -> str:
    """A media header's packed ISO 639-2 code (three letters of five bits each) as letters;
    "und" when none is packed (a chapter track's zero)."""
    letters = [((code >> shift) & 0x1F) for shift in (10, 5, 0)]
    return "".join(chr(n + 0x60) for n in letters) if all(letters) else "und"


def _table(data: bytes, span: tuple[int, int], width: int, skip: int = 0) -> list[tuple[int, ...]]:
    """A sample table's entries (after its version, flags, ``skip`` bytes and its count), each
    ``width`` 32-bit numbers; the count is bounded by the box's bytes and by _MAX_SAMPLES."""
    start, end = span
    count_at = start + 4 + skip
    count = min(int.from_bytes(data[count_at:count_at + 4], "big"), _MAX_SAMPLES)
    first = count_at + 4
    return [tuple(int.from_bytes(data[at + 4 * k:at + 4 * k + 4], "big") for k in range(width))
            for at in range(first, first + 4 * width * count, 4 * width) if at + 4 * width <= end]


def _sample_times(data: bytes, stts: tuple[int, int]) -> list[int]:
    """Each sample's start in the track's time scale, and after them the track's end: the
    ``stts`` box's runs of (sample count, duration)."""
    times = [0]
    for count, delta in _table(data, stts, 2):
        for _ in range(min(count, _MAX_SAMPLES - len(times))):
            times.append(times[-1] + delta)
    return times


def _sample_spans(data: bytes, found: dict[bytes, tuple[int, int]]) -> list[tuple[int, int]]:
    """Each sample's (byte offset, size): the chunks' offsets (``stco`` or ``co64``), how many
    samples each run of chunks holds (``stsc``) and each sample's size (``stsz``)."""
    stsz_at = found[b"stsz"][0]
    fixed = int.from_bytes(data[stsz_at + 4:stsz_at + 8], "big")
    sizes = [size for (size,) in _table(data, found[b"stsz"], 1, skip=4)] if not fixed else \
        [fixed] * min(int.from_bytes(data[stsz_at + 8:stsz_at + 12], "big"), _MAX_SAMPLES)
    if b"co64" in found:
        offsets = [hi << 32 | lo for hi, lo in _table(data, found[b"co64"], 2)]
    else:
        offsets = [offset for (offset,) in _table(data, found[b"stco"], 1)]
    runs = _table(data, found[b"stsc"], 3)
    spans: list[tuple[int, int]] = []
    for k, (first, per_chunk, _) in enumerate(runs):
        last = runs[k + 1][0] - 1 if k + 1 < len(runs) else len(offsets)
        for chunk in range(max(first, 1), min(last, len(offsets)) + 1):
            at = offsets[chunk - 1]
            for _ in range(min(per_chunk, len(sizes) - len(spans))):
                spans.append((at, sizes[len(spans)]))
                at += spans[-1][1]
    return spans


def _sample_words(sample: bytes) -> str:
    """A text sample's words: 3GPP and QuickTime text are a 16-bit length and the text (UTF-8,
    or UTF-16 after its byte-order mark), style boxes after."""
    length = int.from_bytes(sample[:2], "big")
    return _unicode(sample[2:2 + length])


def _unicode(raw: bytes) -> str:
    """3GPP's text (a timed-text sample's, an asset box's string): UTF-16 after its byte-order
    mark, else UTF-8."""
    if raw[:2] in (b"\xfe\xff", b"\xff\xfe"):
        return raw.decode("utf-16", errors="replace")
    return raw.decode("utf-8", errors="replace")
