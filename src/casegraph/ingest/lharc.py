"""LHarc's static-Huffman LZ77 (Haruhiko Okumura's and Haruyasu Yoshizaki's ``-lh5-`` of 1990),
the compression two DOS-era archivers share: ARJ's methods 1 to 3 (:mod:`casegraph.ingest.arj`)
and LHA's ``-lh5-``, ``-lh6-`` and ``-lh7-`` (:mod:`casegraph.ingest.lha`).

Why one module: both archivers send the same blocks (a 16-bit count of codes, then three
canonical Huffman tables sent as code lengths, then literals and length-distance pairs); they
differ only in how many distance bit-counts a block's table may hold and in how wide its count
is sent (the window's size).  The decoder was ARJ's reader's (session 71); session 86 moved it
here when LHA needed it too.

A damaged stream raises ValueError with the reason alone; each archive's reader names itself
in front of it ("damaged ARJ archive (a bit pattern no code has)").
"""

from __future__ import annotations

from casegraph.ingest.binaries import canonical_codes

#: The shortest match; the literal-and-length alphabet; the code-length alphabet.
THRESHOLD, _NC, _NT = 3, 510, 19
#: How many bits send the literal-and-length table's size and the code-length table's.
_CBIT, _TBIT = 9, 5


class Bits:
    """A compressed stream's bits, most significant first; past its end, zeros (as the DOS
    programs read)."""

    def __init__(self, data: bytes) -> None:
        self.data = data + b"\0\0\0\0"
        self.at = 0  # (in bits)

    def peek(self, count: int) -> int:
        """The next ``count`` (at most 16) bits, not taken."""
        byte = self.at >> 3
        window = int.from_bytes(self.data[byte:byte + 4].ljust(4, b"\0"), "big")
        return (window >> (32 - (self.at & 7) - count)) & ((1 << count) - 1)

    def take(self, count: int) -> int:
        bits = self.peek(count)
        self.at += count
        return bits


class _Code:
    """A canonical Huffman code from its symbols' code lengths (0: the symbol is not used), or
    a code of one symbol sent as no bits at all."""

    def __init__(self, lengths: list[int], only: int | None = None) -> None:
        self.only = only
        self.codes = canonical_codes(lengths)[0]
        if only is None and not self.codes:
            raise ValueError("a code table with no symbols")

    def read(self, bits: Bits) -> int:
        if self.only is not None:
            return self.only
        for length in range(1, 17):
            symbol = self.codes.get((length, bits.peek(length)))
            if symbol is not None:
                bits.take(length)
                return symbol
        raise ValueError("a bit pattern no code has")


def lharc_decoded(body: bytes, size: int, distance_codes: int, distance_bits: int) -> bytes:
    """``size`` bytes from blocks of literals and (length, distance) pairs, each block sending
    its three code tables first; a block's distance table holds at most ``distance_codes``
    bit-counts, its size sent in ``distance_bits`` bits (ARJ: 17 and 5; ``-lh5-``: 14 and 4)."""
    bits = Bits(body)
    out = bytearray()
    left = 0
    while len(out) < size:
        if left == 0:
            left = bits.take(16)
            code_lengths = _lengths_code(bits, _NT, _TBIT, special=3)
            symbols = _symbols_code(bits, code_lengths)
            distances = _lengths_code(bits, distance_codes, distance_bits, special=None)
        left -= 1
        symbol = symbols.read(bits)
        if symbol < 256:
            out.append(symbol)
            continue
        width = distances.read(bits)
        distance = width and (1 << (width - 1)) + bits.take(width - 1)
        copy_back(out, symbol - (256 - THRESHOLD), distance + 1)
    return bytes(out[:size])


def _lengths_code(bits: Bits, count: int, width: int, special: int | None) -> _Code:
    """A small code sent as its symbols' lengths: three bits each, seven or more as 1-bits after
    "111"; after the ``special``-th length, two bits saying how many zero lengths follow."""
    n = bits.take(width)
    if n == 0:
        return _Code([], only=bits.take(width))
    if n > count:
        raise ValueError(f"{n} code lengths where at most {count} are sent")
    lengths: list[int] = []
    while len(lengths) < n:
        length = bits.take(3)
        if length == 7:
            while bits.take(1):
                length += 1
                if length > 16:
                    raise ValueError("a code longer than 16 bits")
        lengths.append(length)
        if len(lengths) == special:
            lengths += [0] * bits.take(2)
    return _Code(lengths[:count] + [0] * (count - len(lengths)))


def _symbols_code(bits: Bits, code_lengths: _Code) -> _Code:
    """The literal-and-length code, its lengths sent in the code-length code: 0, 1 and 2 say
    runs of unused symbols (one; 3 to 18; 20 to 531), other values a length of two less."""
    n = bits.take(_CBIT)
    if n == 0:
        return _Code([], only=bits.take(_CBIT))
    lengths: list[int] = []
    while len(lengths) < n:
        value = code_lengths.read(bits)
        if value == 0:
            lengths.append(0)
        elif value == 1:
            lengths += [0] * (bits.take(4) + 3)
        elif value == 2:
            lengths += [0] * (bits.take(_CBIT) + 20)
        else:
            lengths.append(value - 2)
    if len(lengths) > _NC:
        raise ValueError(f"{len(lengths)} symbol lengths where {_NC} is the most")
    return _Code(lengths + [0] * (_NC - len(lengths)))


def copy_back(out: bytearray, length: int, back: int) -> None:
    """``length`` bytes from ``back`` bytes before the end of what is written (overlapping)."""
    if back > len(out):
        raise ValueError("a match reaches before the file's start")
    start = len(out) - back
    for k in range(length):
        out.append(out[start + k])
