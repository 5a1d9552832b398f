"""File types of validation50 (session 67): Scenarist closed captions (``.scc``: CEA-608 byte
pairs under SMPTE time codes) and an MP4 video whose 3GPP timed-text captions and QuickTime
chapter track carry two reviews.  Before, the captions file was not read at all (an unknown
type) and the video was refused as a binary file: three of validation50's 27 reviews were lost.

validation50's pages are invented test data by that set's labeller.  The fixtures are invented
too (each says so in its words): ``fixtures/captions/invented-briefing.scc`` was written by
pycaption 2.3's SCC writer (pop-on captions) from SubRip captions (``make_scc.py`` beside it);
``fixtures/video/invented-briefing.mp4`` and ``invented-silent.mp4`` by ffmpeg 5.1
(``make_mp4_fixtures.sh`` beside them).  The roll-up captions below are typed byte by byte
from CEA-608's tables, to show the codes no writer here emits."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import read_or_one_line_when_damaged, refused_in_one_line

from casegraph.extract.vocab import Vocabulary
from casegraph.ingest.isobmff import text_tracks
from casegraph.ingest.media import mp4_parts, scc_captions
from casegraph.ingest.sources import read_source
from casegraph.pipeline.build import extract_reviews

TESTS = Path(__file__).parent
PAGES = TESTS / "validation50" / "pages"
SCC = TESTS / "fixtures" / "captions" / "invented-briefing.scc"
VIDEO = TESTS / "fixtures" / "video"


# ------------------------------------------------------------------------------------- reviews
def test_the_pages_are_read_as_their_reviews(vocab: Vocabulary) -> None:
    """The captions' one review and the video's two, each chapter's; the podcast episode's
    chapter track (an M4A's, read by no tag library) lists its parts."""
    (child_s,) = extract_reviews([PAGES / "PKCPC_LearningReview_ChildS_animation_EN.scc"], vocab)[0]
    assert [(c.pseudonym, c.age_months) for c in child_s.children] == [("Child S", 24)]
    video_page = PAGES / "DG CPC - Learning from reviews then and now (captioned).mp4"
    video = extract_reviews([video_page], vocab)[0]
    assert [c.pseudonym for r in video for c in r.children] == ["Baby A", "Child B"]
    assert video[0].publication_year == 2017 and video[1].publication_year == 2024
    episode = read_source(PAGES / "Safeguarding Sound - Episode 7 - Two Child Practice Reviews.m4a").text
    assert "Chapters\n00:00 Introduction\n00:45 CTMSB 3/2023 - Concise Child Practice Review - Child H\n" \
        in episode


# ----------------------------------------------------------------------------- Scenarist (SCC)
def test_scenarist_captions_are_read_as_their_sentences() -> None:
    """Pop-on captions as prose: each caption shown at its "end of caption", a row change a new
    line, a caption that breaks a sentence after a capital ("... published by the Testshire" /
    "Child Protection Committee ...") run into the next; CEA-608's "é" (its 0x5C)."""
    source = read_source(SCC)
    assert source.media_type == "text/x-scc"
    assert source.text.split("\n\n")[:3] == [
        "Invented test data for casegraph.",
        "This film shares a Learning Review published by the Testshire Child Protection Committee in 2024.",
        "Child R was two years old and his mother's café closed."]
    cues = scc_captions(SCC.read_text()).split("\n\n")
    assert cues[1] == ("2\n00:00:01,500 --> 00:00:04,966\n"
                       "This film shares a Learning\nReview\npublished by the Testshire")


def _pairs(*parts: str | tuple[int, int]) -> str:
    """Words and control codes as an SCC line's byte pairs: each byte's top bit set to make its
    ones odd (CEA-608's parity), words padded to whole pairs with a null."""
    data: list[int] = []
    for part in parts:
        if isinstance(part, tuple):
            data += part
        else:
            data += [ord(c) for c in part] + [0] * (len(part) % 2)
    odd = [b | 0x80 if bin(b).count("1") % 2 == 0 else b for b in data]
    return " ".join(f"{a:02x}{b:02x}" for a, b in zip(odd[::2], odd[1::2], strict=True))


ROLL_UP, CARRIAGE_RETURN, BACKSPACE, TEXT_MODE = (0x14, 0x25), (0x14, 0x2D), (0x14, 0x21), (0x14, 0x2A)


def test_roll_up_captions_and_their_codes() -> None:
    """Roll-up captions: a cue at each carriage return; a code sent twice acts once (one
    backspace, one "½"); an extended character replaces the letter sent before it ("naïve");
    a mid-row style is a space; channel 2's words and text mode's are not channel 1's captions."""
    lines = [
        _pairs(ROLL_UP, ROLL_UP, (0x14, 0x70), (0x14, 0x70), "Child R was twp", BACKSPACE, BACKSPACE,
               "o, aged 1", (0x11, 0x32), (0x11, 0x32), " years.", CARRIAGE_RETURN, CARRIAGE_RETURN),
        _pairs((0x1C, 0x25), (0x1C, 0x25), "CHANNEL TWO", CARRIAGE_RETURN, CARRIAGE_RETURN,
               "His mother was nai", (0x12, 0x39), (0x12, 0x39), "ve", (0x11, 0x2E), (0x11, 0x2E),
               "about safety.", CARRIAGE_RETURN, CARRIAGE_RETURN),
        _pairs(TEXT_MODE, TEXT_MODE, "TEXT MODE", ROLL_UP, ROLL_UP, "The review made two recommendations.",
               CARRIAGE_RETURN, CARRIAGE_RETURN)]
    scc = "Scenarist_SCC V1.0\n\n" + "\n\n".join(f"00:00:0{n}:00\t{line}" for n, line in enumerate(lines, 1))
    cues = [cue.split("\n", 2)[2] for cue in scc_captions(scc).strip().split("\n\n")]
    assert cues == ["Child R was two, aged 1½ years.", "His mother was naïve about safety.",
                    "The review made two recommendations."]


def test_a_damaged_captions_file_is_refused_in_one_line(tmp_path: Path) -> None:
    """A line that is no time code and byte pairs is named by its number; a file without the
    Scenarist header is no captions file; bytes changed at random are read or refused in one line."""
    text = SCC.read_text()
    with pytest.raises(ValueError, match=r"^line 5: not a time code"):
        scc_captions(text.replace("00:00:01:15\t", "00:00:01:15\tzz "))
    refused_in_one_line(tmp_path / "broken.scc", text.replace("00:00:01:15\t", "00:00:01:15\tzz ").encode())
    refused_in_one_line(tmp_path / "headless.scc", text.split("\n", 1)[1].encode())
    read_or_one_line_when_damaged([SCC], tmp_path, seed=67, rounds=30)


# -------------------------------------------------------------------------------------- MP4
def test_an_mp4_videos_english_captions_are_read_under_its_chapters() -> None:
    """The title, maker and comment tags, then each chapter's title over its part's captions
    (the English track, not the Welsh one before it); a caption ending without a stop runs on
    into the next, and a chapter's title ("What happened") is a line of its own."""
    tracks = text_tracks((VIDEO / "invented-briefing.mp4").read_bytes())
    assert [(t.language, t.chapters, len(t.cues)) for t in tracks] == [
        ("cym", False, 1), ("eng", False, 5), ("und", True, 2)]
    source = read_source(VIDEO / "invented-briefing.mp4")
    assert source.media_type == "video/mp4"
    assert source.text.split("\n\n") == [
        "Seven-minute briefing: Child Q (invented test data)\nTestshire Safeguarding Partnership",
        "Invented test data for casegraph: a briefing video with captions.",
        "Local Child Safeguarding Practice Review: Child Q", "Testshire Safeguarding Partnership.",
        "This is a Local Child Safeguarding Practice Review about Child Q, published in 2024.",
        "What happened", "Child Q was seven and was neglected at home.",
        "The review made two recommendations.\n"]


def test_an_mp4_video_is_known_by_its_bytes_and_a_silent_or_cut_one_refused(tmp_path: Path) -> None:
    """A video saved under another name is read by its ``ftyp`` box; one with neither captions
    nor a description, and one cut short (its movie box lost), are refused in one line; a
    video with a description and no captions is read as a podcast's tags are."""
    data = (VIDEO / "invented-briefing.mp4").read_bytes()
    (tmp_path / "briefing.bin").write_bytes(data)
    assert "Child Q was seven" in read_source(tmp_path / "briefing.bin").text
    refused_in_one_line(tmp_path / "silent.mp4", (VIDEO / "invented-silent.mp4").read_bytes())
    refused_in_one_line(tmp_path / "cut.mp4", data[: len(data) // 2])
    assert data.count(b"tx3g") == 2
    head, parts = mp4_parts(data.replace(b"tx3g", b"xxxx"))
    assert parts == [] and head.startswith("Seven-minute briefing") and "Chapters\n00:00 Local" in head
    read_or_one_line_when_damaged([VIDEO / "invented-briefing.mp4"], tmp_path, seed=67, rounds=40)
