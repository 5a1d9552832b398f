"""Text assembled from pieces of a source document, remembering where each piece came from.

Sections and list items are stitched from several lines (an item can run across a page-break
blank line), yet every evidence quote must point back to exact characters of the source.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    """``text`` plus, for each piece, (start in ``text``, start in the source document)."""

    text: str
    pieces: tuple[tuple[int, int], ...]

    @classmethod
    def of(cls, text: str, source_start: int) -> Span:
        return cls(text, ((0, source_start),))

    @property
    def start(self) -> int:
        return self.pieces[0][1] if self.pieces else 0

    @property
    def end(self) -> int:
        return self.source_offset(len(self.text))

    def source_ranges(self) -> list[tuple[int, int]]:
        """The source characters this span covers, one (start, end) per piece: a span stitched
        from table lines does not cover the other cells that lie between its pieces."""
        bounds = [p[0] for p in self.pieces[1:]] + [len(self.text)]
        return [(src, src + (end - local)) for (local, src), end in zip(self.pieces, bounds,
                                                                           strict=True)]

    def source_offset(self, i: int) -> int:
        """Source offset of character ``i`` of ``text`` (``len(text)`` gives the end)."""
        if not self.pieces:
            return 0
        k = bisect.bisect_right([p[0] for p in self.pieces], i) - 1
        k = max(k, 0)
        local, src = self.pieces[k]
        return src + (i - local)

    def join(self, other: Span, sep: str = " ") -> Span:
        if not self.text:
            return other
        if not other.text:
            return self
        shift = len(self.text) + len(sep)
        return Span(self.text + sep + other.text,
                    self.pieces + tuple((a + shift, b) for a, b in other.pieces))

    @classmethod
    def concat(cls, spans: Iterable[Span], sep: str) -> Span:
        """The spans joined by ``sep``, each keeping its source offsets (empty ones left out)."""
        out = cls("", ())
        for span in spans:
            out = out.join(span, sep)
        return out

    def slice(self, i: int, j: int) -> Span:
        """Sub-span text[i:j] with its piece map."""
        i = max(0, i)
        j = min(len(self.text), j)
        out: list[tuple[int, int]] = []
        starts = [p[0] for p in self.pieces]
        for n, (local, src) in enumerate(self.pieces):
            nxt = starts[n + 1] if n + 1 < len(starts) else len(self.text) + 1
            if nxt <= i or local >= j:
                continue
            a = max(local, i)
            out.append((a - i, src + (a - local)))
        if not out:
            out = [(0, self.source_offset(i))]
        return Span(self.text[i:j], tuple(out))

    def strip(self, chars: str | None = None) -> Span:
        left = len(self.text) - len(self.text.lstrip(chars))
        right = len(self.text.rstrip(chars))
        return self.slice(left, max(left, right))

    def sub_prefix(self, pattern: re.Pattern[str]) -> Span:
        """Drop a leading match of ``pattern`` (e.g. a connective "and ")."""
        m = pattern.match(self.text)
        return self.slice(m.end(), len(self.text)) if m else self
