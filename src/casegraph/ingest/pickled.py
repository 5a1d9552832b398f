"""A pandas DataFrame saved with ``DataFrame.to_pickle`` (``.pkl``), as records, read without
unpickling it.

A team that codes case reviews in a notebook may save its extraction table as pandas writes it
by default: a pickle.  A pickle is not data but a program for Python's pickle machine: its
GLOBAL opcodes name any importable callable and its REDUCE opcodes call it (``os.system`` as
readily as ``pandas.DataFrame``), so ``pickle.load`` or ``pandas.read_pickle`` on a file from
outside runs whatever its author wrote.  This reader never does: it walks the opcodes with the
standard library's ``pickletools.genops`` (which only parses them) on a small symbolic machine
of its own, in which a GLOBAL is an inert :class:`Global` (a module name and a name, nothing
imported) and a REDUCE or NEWOBJ an inert :class:`Call` (nothing called).  Then it reads only
the layout pandas and numpy write for a DataFrame (a BlockManager of blocks of numpy arrays and
pandas' string, datetime and nullable arrays), matching the names as strings; a pickle of
anything else, or of a column it does not know, is refused with the reason.

Values come out as :func:`casegraph.ingest.datasets.parquet_records` gives the same frame saved
as Parquet: dates as ISO dates, booleans as "Yes" and "No", a list column as lists; missing
values (None, NaN, NaT, a masked value) and empty strings and lists left out, as is an unnamed
row index.
"""

from __future__ import annotations

import datetime
import math
import pickletools
import struct
from collections.abc import Callable
from dataclasses import dataclass, field

from casegraph.core.errors import one_line

#: A pickle (pandas' ``to_pickle`` writes ``.pkl``; ``.pickle`` is the other common name).
PICKLE_SUFFIXES = {".pkl", ".pickle"}
#: A pickle above this size is refused unread (a summary page's data is ~1 MB).
PICKLE_MAX = 64 * 1024 * 1024
#: The opcodes walked before giving up (a 64 MB table of short strings is well under this).
OPCODES_MAX = 1_000_000
#: How deep a cell's lists may nest (a list column is one level; a hostile pickle is millions).
_DEPTH_MAX = 20

Record = dict[str, object]
#: Raw bytes and a count of values, read as the values.
Decoder = Callable[[bytes, int], list[object]]


@dataclass(eq=False)
class Global:
    """What a GLOBAL or STACK_GLOBAL opcode names: never imported, only compared as strings."""

    module: str
    name: str

    @property
    def named(self) -> str:
        return f"{self.module}.{self.name}"


@dataclass(eq=False)
class Call:
    """What a REDUCE, NEWOBJ, NEWOBJ_EX, OBJ or INST opcode would have called, never called:
    the callable, its arguments, the state BUILD would have set and the items APPENDS or
    SETITEMS would have added."""

    func: object
    args: object
    state: object = None
    items: list[object] = field(default_factory=list)


class _Refused(ValueError):
    """A reason already worded for the user, passed on as it is: a pickle that is not a DataFrame
    this reader knows, or one that needs something from outside the file."""


# ------------------------------------------------------------------------- the symbolic machine
_LITERALS = {"INT", "BININT", "BININT1", "BININT2", "LONG", "LONG1", "LONG4", "FLOAT", "BINFLOAT",
             "STRING", "BINSTRING", "SHORT_BINSTRING", "BINBYTES", "SHORT_BINBYTES", "BINBYTES8",
             "UNICODE", "BINUNICODE", "SHORT_BINUNICODE", "BINUNICODE8"}
_CONSTANTS: dict[str, object] = {"NONE": None, "NEWTRUE": True, "NEWFALSE": False}
_IGNORED = {"PROTO", "FRAME", "READONLY_BUFFER"}
#: Opcodes that need something from outside the pickle (a persistent store, the extension
#: registry, an out-of-band buffer): a DataFrame saved to a file never has them.
_REFUSED = {"PERSID", "BINPERSID", "EXT1", "EXT2", "EXT4", "NEXT_BUFFER"}


class _Machine:
    """The pickle machine's stack, marks and memo, with every call left as a :class:`Call`."""

    def __init__(self) -> None:
        self.stack: list[object] = []
        self.marks: list[int] = []
        self.memo: dict[int, object] = {}

    def run(self, data: bytes) -> object:
        """The object the pickle would build, as inert nodes."""
        for count, (op, arg, pos) in enumerate(pickletools.genops(data)):
            if count >= OPCODES_MAX:
                raise _Refused(f"more than {OPCODES_MAX:,} opcodes: too large a pickle for a page")
            if op.name == "STOP":
                return self.stack.pop()
            if op.name in _REFUSED:
                raise _Refused(f"damaged or foreign pickle ({op.name} at byte {pos})")
            self.step(op.name, arg)
        raise ValueError("the pickle ends before its STOP opcode")

    def step(self, name: str, arg: object) -> None:
        """One opcode."""
        if name in _LITERALS:
            self.stack.append(arg)
        elif name in _CONSTANTS:
            self.stack.append(_CONSTANTS[name])
        elif name == "BYTEARRAY8":
            self.stack.append(bytearray(arg))  # type: ignore[arg-type]
        elif name not in _IGNORED:
            getattr(self, f"op_{name.lower()}")(arg)

    def popmark(self) -> list[object]:
        """The items pushed since the last MARK, and the MARK gone."""
        at = self.marks.pop()
        items = self.stack[at:]
        del self.stack[at:]
        return items

    # memo and marks
    def op_mark(self, _: object) -> None:
        self.marks.append(len(self.stack))

    def op_pop(self, _: object) -> None:
        self.stack.pop()

    def op_pop_mark(self, _: object) -> None:
        self.popmark()

    def op_dup(self, _: object) -> None:
        self.stack.append(self.stack[-1])

    def op_put(self, arg: object) -> None:
        self.memo[int(arg)] = self.stack[-1]  # type: ignore[call-overload]

    op_binput = op_long_binput = op_put

    def op_memoize(self, _: object) -> None:
        self.memo[len(self.memo)] = self.stack[-1]

    def op_get(self, arg: object) -> None:
        self.stack.append(self.memo[int(arg)])  # type: ignore[call-overload]

    op_binget = op_long_binget = op_get

    # containers
    def op_empty_list(self, _: object) -> None:
        self.stack.append([])

    def op_empty_dict(self, _: object) -> None:
        self.stack.append({})

    def op_empty_tuple(self, _: object) -> None:
        self.stack.append(())

    def op_empty_set(self, _: object) -> None:
        self.stack.append(set())

    def op_list(self, _: object) -> None:
        self.stack.append(self.popmark())

    def op_tuple(self, _: object) -> None:
        self.stack.append(tuple(self.popmark()))

    def op_frozenset(self, _: object) -> None:
        self.stack.append(frozenset(self.popmark()))

    def op_dict(self, _: object) -> None:
        items = self.popmark()
        self.stack.append(dict(zip(items[::2], items[1::2], strict=True)))

    def op_tuple1(self, _: object) -> None:
        self.tuple_of(1)

    def op_tuple2(self, _: object) -> None:
        self.tuple_of(2)

    def op_tuple3(self, _: object) -> None:
        self.tuple_of(3)

    def tuple_of(self, n: int) -> None:
        if len(self.stack) < n:
            raise IndexError("a tuple of more items than the stack holds")
        items = tuple(self.stack[-n:])
        del self.stack[-n:]
        self.stack.append(items)

    def op_append(self, _: object) -> None:
        item = self.stack.pop()
        self.extend(self.stack[-1], [item])

    def op_appends(self, _: object) -> None:
        items = self.popmark()
        self.extend(self.stack[-1], items)

    def op_setitem(self, _: object) -> None:
        value, key = self.stack.pop(), self.stack.pop()
        self.set_items(self.stack[-1], [key, value])

    def op_setitems(self, _: object) -> None:
        items = self.popmark()
        self.set_items(self.stack[-1], items)

    def op_additems(self, _: object) -> None:
        items, target = self.popmark(), self.stack[-1]
        if not isinstance(target, set):
            raise TypeError("ADDITEMS to something not a set")
        target.update(items)

    @staticmethod
    def extend(target: object, items: list[object]) -> None:
        """APPEND(S): a list grows; an object's ``extend`` would be called, so it is noted."""
        if isinstance(target, list):
            target.extend(items)
        elif isinstance(target, Call):
            target.items.extend(items)
        else:
            raise TypeError(f"APPENDS to a {type(target).__name__}")

    @staticmethod
    def set_items(target: object, items: list[object]) -> None:
        """SETITEM(S): a dict gains the pairs; an object's ``__setitem__`` would be called."""
        pairs = list(zip(items[::2], items[1::2], strict=True))
        if isinstance(target, dict):
            target.update(pairs)
        elif isinstance(target, Call):
            target.items.extend(pairs)
        else:
            raise TypeError(f"SETITEMS to a {type(target).__name__}")

    # names and calls: noted, never looked up or made
    def op_global(self, arg: object) -> None:
        module, name = str(arg).split(" ", 1)
        self.stack.append(Global(module, name))

    def op_stack_global(self, _: object) -> None:
        name, module = self.stack.pop(), self.stack.pop()
        if not (isinstance(module, str) and isinstance(name, str)):
            raise TypeError("STACK_GLOBAL of something not a name")
        self.stack.append(Global(module, name))

    def op_reduce(self, _: object) -> None:
        args, func = self.stack.pop(), self.stack.pop()
        self.stack.append(_reduced(func, args))

    def op_newobj(self, _: object) -> None:
        args, cls = self.stack.pop(), self.stack.pop()
        self.stack.append(Call(cls, args))

    def op_newobj_ex(self, _: object) -> None:
        kwargs, args, cls = self.stack.pop(), self.stack.pop(), self.stack.pop()
        self.stack.append(Call(cls, args, items=[kwargs]))

    def op_obj(self, _: object) -> None:
        items = self.popmark()
        self.stack.append(Call(items[0], tuple(items[1:])))

    def op_inst(self, arg: object) -> None:
        module, name = str(arg).split(" ", 1)
        self.stack.append(Call(Global(module, name), tuple(self.popmark())))

    def op_build(self, _: object) -> None:
        state, target = self.stack.pop(), self.stack[-1]
        if not isinstance(target, Call):
            raise TypeError(f"BUILD of a {type(target).__name__}")
        target.state = state


def _reduced(func: object, args: object) -> Call:
    """A REDUCE's node; ``copyreg._reconstructor(cls, object, None)`` (how protocols 0 and 1
    make an instance) is noted as the bare instance of ``cls``, as NEWOBJ notes it."""
    recon = _named(func, "copyreg._reconstructor", "copy_reg._reconstructor")
    if recon and isinstance(args, tuple) and len(args) == 3:
        return Call(args[0], ())
    return Call(func, args)


# ---------------------------------------------------------------------------- the reading
def pickle_records(data: bytes) -> list[Record]:
    """A pickled pandas DataFrame's rows, each a record {column name: value} (the row index too
    when it has a name), missing values left out.  A pickle of anything else, or of a column
    of a kind not read here, raises ValueError with the reason; so do damaged bytes."""
    if len(data) > PICKLE_MAX:
        raise ValueError(f"the pickle is {len(data) // 2**20} MB, more than a page's data")
    try:
        root = _Machine().run(data)
        return _frame_records(root)
    except _Refused as exc:
        raise ValueError(str(exc)[:300]) from None
    except (ValueError, TypeError, KeyError, IndexError, AttributeError, OverflowError,
            struct.error, RecursionError, MemoryError) as exc:
        raise ValueError(f"damaged pickle ({type(exc).__name__}: {one_line(str(exc))})"[:300]) from None


def _named(node: object, *names: str) -> bool:
    """Whether a node is the :class:`Global` of one of ``names`` (``module.name``)."""
    return isinstance(node, Global) and node.named in names


def _of(node: object, package: str, name: str) -> bool:
    """Whether a node is a :class:`Global` ``name`` in ``package`` or any module under it
    (pandas and numpy move their classes between modules from version to version)."""
    return isinstance(node, Global) and node.name == name and node.module.split(".")[0] == package


def _what(node: object) -> str:
    """What a node is, for a message: the name a call's callable carries, else the type."""
    while isinstance(node, Call):
        node = node.func
    return node.named if isinstance(node, Global) else f"a {type(node).__name__}"


def _frame_records(root: object) -> list[Record]:
    """The records of a DataFrame node."""
    if not (isinstance(root, Call) and _of(root.func, "pandas", "DataFrame")):
        raise _Refused(f"a pickle of {_what(root)}, not a pandas DataFrame: export it as CSV or Parquet")
    state = root.state
    manager = state.get("_mgr", state.get("_data")) if isinstance(state, dict) else None
    if manager is None:
        raise _Refused("a DataFrame pickled by a pandas older than 1.3 (no BlockManager to read): "
                       "export it as CSV or Parquet")
    if not (isinstance(manager, Call) and _of(manager.func, "pandas", "BlockManager")
            and isinstance(manager.args, tuple) and len(manager.args) == 2):
        raise _Refused(f"a DataFrame holding {_what(manager)} where pandas keeps its BlockManager: "
                       "export it as CSV or Parquet")
    blocks, axes = manager.args
    if not (isinstance(blocks, (tuple, list)) and isinstance(axes, (tuple, list)) and len(axes) == 2):
        raise ValueError("a BlockManager without its blocks and two axes")
    names = [_label(name) for name in _index_values(axes[0])]
    columns: list[list[object] | None] = [None] * len(names)
    for block in blocks:
        _place(block, columns)
    return _rows(names, columns, axes[1])


def _label(name: object) -> str:
    """A column's name: pandas allows any hashable; records key by text."""
    if isinstance(name, float) and name.is_integer():
        return str(int(name))
    return name if isinstance(name, str) else str(name)


def _rows(names: list[str], columns: list[list[object] | None], index: object) -> list[Record]:
    """The records, row by row; every column must have as many rows as the first."""
    known = [(name, values) for name, values in zip(names, columns, strict=True) if values is not None]
    if len(known) < len(names):
        raise ValueError("a column no block holds")
    if not known:
        return []
    height = len(known[0][1])
    if any(len(values) != height for _, values in known):
        raise ValueError("columns of different lengths")
    index_name = _index_name(index)
    if index_name is not None:
        values = _index_values(index)
        if len(values) != height:
            raise ValueError("a row index of a different length from the columns")
        known.insert(0, (index_name, values))
    return [{name: values[i] for name, values in known if _kept(values[i])} for i in range(height)]


def _kept(value: object) -> bool:
    """Whether a cell is shown: missing values and empty text and lists are not."""
    return value is not None and value != "" and value != []


# ------------------------------------------------------------------------------------ indexes
#: What pandas pickles an Index, and a DatetimeIndex, as a call of.
_NEW_INDEX = {"_new_Index", "_new_DatetimeIndex"}


def _index_name(index: object) -> str | None:
    """The row index's name when it has one (``set_index("ref")``), its values then a column."""
    if not (isinstance(index, Call) and isinstance(index.args, tuple) and len(index.args) == 2):
        return None
    cls, state = index.args
    if _of(cls, "pandas", "RangeIndex") or not isinstance(state, dict):
        return None
    if not (_of(cls, "pandas", "Index") or _of(cls, "pandas", "DatetimeIndex")):
        return None
    name = state.get("name")
    return _label(name) if name is not None else None


def _index_values(index: object) -> list[object]:
    """An Index's values (``_new_Index(cls, {"data": ..., "name": ...})``, a RangeIndex's from
    its start, stop and step)."""
    if not (isinstance(index, Call) and isinstance(index.args, tuple) and len(index.args) == 2
            and isinstance(index.func, Global) and index.func.name in _NEW_INDEX):
        raise ValueError("an axis that is not a pandas Index")
    cls, state = index.args
    if not isinstance(state, dict):
        raise ValueError("an Index without its data")
    if _of(cls, "pandas", "RangeIndex"):
        span = range(state.get("start", 0), state["stop"], state.get("step", 1))
        if len(span) > PICKLE_MAX:
            raise ValueError("a RangeIndex longer than any page's table")
        return list(span)
    if _of(cls, "pandas", "MultiIndex"):
        raise _Refused("a DataFrame with several levels of column names (a MultiIndex): "
                       "export it as CSV or Parquet")
    values, shape = _array(state["data"])
    if len(shape) != 1:
        raise ValueError("an Index that is not one-dimensional")
    return values


# ------------------------------------------------------------------------------------- blocks
def _place(block: object, columns: list[list[object] | None]) -> None:
    """A block's columns put in their places (``_unpickle_block(values, placement, ndim)``)."""
    if not (isinstance(block, Call) and _of(block.func, "pandas", "_unpickle_block")):
        raise _Refused(f"a DataFrame block of {_what(block)}, which this reader does not know: "
                       "export it as CSV or Parquet")
    if not (isinstance(block.args, tuple) and len(block.args) == 3):
        raise ValueError("a block without its values, placement and dimensions")
    values, placement, _ = block.args
    where = _placement(placement, len(columns))
    for at, column in zip(where, _block_columns(values, len(where)), strict=True):
        columns[at] = column


def _placement(placement: object, width: int) -> list[int]:
    """The column positions a block fills: a ``slice`` or an array of positions."""
    if isinstance(placement, Call) and _named(placement.func, "builtins.slice", "__builtin__.slice"):
        start, stop, step = (*tuple(placement.args), None, None, None)[:3]  # type: ignore[arg-type]
        where = list(range(width))[slice(start, stop, step)]
    else:
        where, shape = _array(placement)
        if len(shape) != 1 or not all(isinstance(at, int) for at in where):
            raise ValueError("a block placed by something not positions")
    if not all(isinstance(at, int) and 0 <= at < width for at in where):
        raise ValueError("a block placed outside the columns")
    return where  # type: ignore[return-value]


def _block_columns(values: object, count: int) -> list[list[object]]:
    """A block's values as ``count`` columns: a 2-D array is columns x rows (in C or Fortran
    order); a 1-D one (an extension array) is one column."""
    flat, shape = _array(values)
    if len(shape) == 1:
        if count != 1:
            raise ValueError("a one-dimensional block of several columns")
        return [flat]
    if len(shape) != 2 or shape[0] != count:
        raise ValueError(f"a block of shape {shape} for {count} columns")
    height = shape[1]
    return [flat[i * height:(i + 1) * height] for i in range(count)]


# ------------------------------------------------------------------------------------- arrays
def _array(node: object) -> tuple[list[object], tuple[int, ...]]:
    """An array node's values, flattened in C order, and its shape."""
    if isinstance(node, Call):
        func = node.func
        if _of(func, "numpy", "_reconstruct"):
            return _reconstructed(node)
        if _of(func, "numpy", "_frombuffer"):
            return _frombuffer(node)
        if _of(func, "pandas", "__pyx_unpickle_NDArrayBacked"):
            return _backed(node)
        if isinstance(func, Global) and func.module.startswith("pandas") and func.name in _MASKED:
            return _masked(node)
    raise _Refused(f"a DataFrame column of {_what(node)}, which this reader does not read: "
                   "export it as CSV or Parquet")


#: pandas' nullable arrays: values in ``_data``, True in ``_mask`` where a value is missing.
_MASKED = {"IntegerArray", "BooleanArray", "FloatingArray"}


def _reconstructed(node: Call) -> tuple[list[object], tuple[int, ...]]:
    """``numpy.ndarray`` by ``_reconstruct`` and a BUILD state ``(version, shape, dtype,
    fortran, data)``: data a list of objects for an object array, else the raw bytes."""
    state = node.state
    if isinstance(state, tuple) and len(state) == 4:
        state = (0, *state)
    if not (isinstance(state, tuple) and len(state) == 5):
        raise ValueError("a numpy array without its state")
    _, shape, dtype, fortran, data = state
    shape = _shape(shape)
    decode = _dtype(dtype)
    if decode is None:
        if not isinstance(data, list):
            raise ValueError("an object array without its objects")
        return _ordered([_cell(v) for v in data], shape, bool(fortran)), shape
    return _ordered(decode(_bytes(data), _count(shape)), shape, bool(fortran)), shape


def _frombuffer(node: Call) -> tuple[list[object], tuple[int, ...]]:
    """``numpy.ndarray`` as protocol 5 writes it: ``_frombuffer(buffer, dtype, shape, order)``."""
    if not (isinstance(node.args, tuple) and len(node.args) == 4):
        raise ValueError("a numpy buffer without its dtype, shape and order")
    buffer, dtype, shape, order = node.args
    shape = _shape(shape)
    decode = _dtype(dtype)
    if decode is None:
        raise ValueError("an object array in a raw buffer")
    return _ordered(decode(_bytes(buffer), _count(shape)), shape, order == "F"), shape


def _shape(shape: object) -> tuple[int, ...]:
    if not (isinstance(shape, tuple) and all(isinstance(n, int) and n >= 0 for n in shape)):
        raise ValueError("an array's shape is not whole numbers")
    return shape  # type: ignore[return-value]


def _count(shape: tuple[int, ...]) -> int:
    return math.prod(shape)


def _ordered(flat: list[object], shape: tuple[int, ...], fortran: bool) -> list[object]:
    """Values in C order (rows of a 2-D block last) from an array stored in either order."""
    if len(flat) != _count(shape):
        raise ValueError(f"an array of {len(flat)} values for shape {shape}")
    if not fortran or len(shape) < 2:
        return flat
    if len(shape) != 2:
        raise ValueError("a Fortran-ordered array of more than two dimensions")
    rows, cols = shape
    return [flat[r + c * rows] for r in range(rows) for c in range(cols)]


def _bytes(node: object) -> bytes:
    """Raw bytes however the protocol wrote them: bytes, a bytearray, or (protocols 0 to 2)
    ``_codecs.encode(text, "latin1")``, ``bytearray(text, "latin-1")`` or ``bytes()``."""
    if isinstance(node, (bytes, bytearray)):
        return bytes(node)
    if isinstance(node, str):
        return node.encode("latin-1")
    if isinstance(node, Call) and isinstance(node.args, tuple) and _named(
            node.func, "_codecs.encode", "builtins.bytearray", "__builtin__.bytearray", "builtins.bytes",
            "__builtin__.bytes"):
        return _bytes(node.args[0]) if node.args else b""
    raise ValueError(f"an array's data is {_what(node)}, not bytes")


# --------------------------------------------------------------------------------------- dtypes
#: numpy's dtype codes read here: struct's letter for each (NaN and NaT are handled after).
_CODES = {"b1": "?", "i1": "b", "i2": "h", "i4": "i", "i8": "q", "u1": "B", "u2": "H", "u4": "I",
          "u8": "Q", "f2": "e", "f4": "f", "f8": "d", "M8": "q"}
#: numpy's datetime units as a timedelta's keyword and multiple.
_UNITS = {"W": ("weeks", 1), "D": ("days", 1), "h": ("hours", 1), "m": ("minutes", 1),
          "s": ("seconds", 1), "ms": ("milliseconds", 1), "us": ("microseconds", 1),
          "ns": ("microseconds", 1000)}


def _dtype(node: object) -> Decoder | None:
    """A numpy dtype node (``numpy.dtype(code, False, True)`` and its BUILD state ``(version,
    byte order, ..., metadata)``) as a decoder of raw bytes into values; None for ``object``."""
    if not (isinstance(node, Call) and _of(node.func, "numpy", "dtype") and isinstance(node.args, tuple)
            and node.args and isinstance(node.args[0], str)):
        raise ValueError(f"an array whose dtype is {_what(node)}")
    code = node.args[0]
    if code.startswith("O"):
        return None
    if code not in _CODES:
        raise _Refused(f"a DataFrame column of numpy dtype {code!r}, which this reader does not read: "
                       "export it as CSV or Parquet")
    state = node.state if isinstance(node.state, tuple) else ()
    order = state[1] if len(state) > 1 and state[1] in ("<", ">") else "<"
    letter = _CODES[code]
    size = struct.calcsize(letter)
    convert = _datetimes(state) if code == "M8" else _numbers

    def decode(raw: bytes, count: int) -> list[object]:
        if len(raw) != count * size:
            raise ValueError(f"{len(raw)} bytes of data for {count} values of {size} bytes")
        return convert(list(struct.unpack(f"{order}{count}{letter}", raw)))

    return decode


def _numbers(values: list[object]) -> list[object]:
    """Numbers as records hold them: NaN missing, a bool as "Yes" or "No"."""
    return [_cell(v) for v in values]


def _datetimes(state: tuple[object, ...]) -> Callable[[list[object]], list[object]]:
    """A decoder of datetime64 counts in the unit a dtype's state names (its ninth item:
    ``(metadata, (unit, multiple, 1, 1))``); NaT (the smallest int64) is missing."""
    info = state[8] if len(state) > 8 and isinstance(state[8], tuple) and len(state[8]) == 2 else None
    unit = info[1] if info is not None and isinstance(info[1], tuple) and len(info[1]) >= 2 else None
    if unit is None:
        raise ValueError("a datetime64 dtype without its unit")
    name, multiple = _bytes(unit[0]).decode("ascii"), unit[1]
    if not isinstance(multiple, int):
        raise ValueError("a datetime64 dtype without its unit")
    return lambda values: [_date(v, name, multiple) for v in values]  # type: ignore[arg-type]


_EPOCH = datetime.datetime(1970, 1, 1)
_NAT = -(2**63)


def _date(value: int, unit: str, multiple: int) -> str | None:
    """A datetime64 count as an ISO date (and time, when it is not midnight)."""
    if value == _NAT:
        return None
    count = value * multiple
    if unit in ("Y", "M"):
        months = count * 12 if unit == "Y" else count
        return datetime.date(1970 + months // 12, months % 12 + 1, 1).isoformat()
    if unit not in _UNITS:
        raise _Refused(f"dates in unit {unit!r}, which this reader does not read: "
                       "export it as CSV or Parquet")
    keyword, per = _UNITS[unit]
    when = _EPOCH + datetime.timedelta(**{keyword: count // per})
    return when.date().isoformat() if when.time() == datetime.time() else when.isoformat(" ")


# -------------------------------------------------------------------------- pandas' arrays
def _backed(node: Call) -> tuple[list[object], tuple[int, ...]]:
    """An array pandas keeps over a numpy one (``__pyx_unpickle_NDArrayBacked(cls, ...)`` and a
    BUILD state ``(dtype, ndarray[, attributes])``): a StringArray or a DatetimeArray."""
    cls = node.args[0] if isinstance(node.args, tuple) and node.args else None
    state = node.state
    if not (isinstance(state, tuple) and len(state) >= 2):
        raise ValueError(f"a {_what(cls)} without its values")
    if _of(cls, "pandas", "StringArray"):
        return _array(state[1])  # an object array: its cells already read
    if _of(cls, "pandas", "DatetimeArray"):
        if isinstance(state[0], Call) and _of(state[0].func, "pandas", "DatetimeTZDtype"):
            raise _Refused("a DataFrame column of time-zoned dates, which this reader does not read: "
                           "export it as CSV or Parquet")
        return _array(state[1])
    raise _Refused(f"a DataFrame column of {_what(cls)}, which this reader does not read: "
                   "export it as CSV or Parquet")


def _masked(node: Call) -> tuple[list[object], tuple[int, ...]]:
    """A nullable Int64, Float64 or boolean array: its ``_data`` with ``_mask``ed values missing."""
    state = node.state
    if not (isinstance(state, dict) and "_data" in state and "_mask" in state):
        raise ValueError(f"a {_what(node)} without its data and mask")
    values, shape = _array(state["_data"])
    mask, mask_shape = _array(state["_mask"])
    if mask_shape != shape:
        raise ValueError("a mask of another shape than its data")
    # (a bool array reads as "Yes" and "No")
    return [None if hidden == "Yes" else value for value, hidden in zip(values, mask, strict=True)], shape


# ---------------------------------------------------------------------------------- cells
#: What pandas pickles for a missing value in an object column: its NA and NaT.
_MISSING = {"pandas.NA", "pandas._libs.missing.NA", "pandas.NaT", "pandas._libs.tslibs.nattype.NaT"}


def _cell(value: object, depth: int = 0) -> object:
    """An object array's value as records hold it: NaN, None, pandas' NA and NaT missing; a
    bool "Yes" or "No"; a list's items as values; a date as an ISO date."""
    if depth > _DEPTH_MAX:
        raise ValueError("lists nested too deep for a table's cell")
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if value is None or isinstance(value, str | int | float):
        return None if isinstance(value, float) and math.isnan(value) else value
    if isinstance(value, (list, tuple)):
        items = [_cell(v, depth + 1) for v in value]
        return [v for v in items if v is not None]
    if isinstance(value, dict):
        pairs = {_label(k): _cell(v, depth + 1) for k, v in value.items()}
        return {k: v for k, v in pairs.items() if v is not None}
    if isinstance(value, (bytes, bytearray)):
        return None  # a binary value (an image, a hash) is no words, as in a Parquet file
    return _object_cell(value)


def _object_cell(value: object) -> object:
    """A cell that is a pickled object: pandas' NA or NaT (missing), a Timestamp, a
    ``datetime.date`` or ``datetime.datetime``, a Decimal; anything else is refused."""
    if isinstance(value, Global) and value.named in _MISSING:
        return None
    if isinstance(value, Call) and isinstance(value.args, tuple):
        func, args = value.func, value.args
        if _of(func, "pandas", "__nat_unpickle"):
            return None
        if _of(func, "pandas", "_unpickle_timestamp") and len(args) >= 4 and isinstance(args[0], int):
            if args[2] is not None:
                raise _Refused("a DataFrame cell holding a time-zoned Timestamp: export it as CSV or Parquet")
            return _date(args[0], _RESOLUTIONS.get(args[3], "ns"), 1)  # type: ignore[arg-type]
        if _named(func, "datetime.date", "datetime.datetime") and len(args) in (1, 2):
            return _pickled_datetime(_bytes(args[0]))
        if _named(func, "decimal.Decimal") and len(args) == 1 and isinstance(args[0], str):
            number = float(args[0])
            return int(number) if number.is_integer() else number
    raise _Refused(f"a DataFrame cell holding {_what(value)}, which this reader does not read: "
                   "export it as CSV or Parquet")


#: pandas' Timestamp resolutions (numpy's NPY_DATETIMEUNIT numbers) as numpy's unit names.
_RESOLUTIONS = {4: "D", 5: "h", 6: "m", 7: "s", 8: "ms", 9: "us", 10: "ns"}


def _pickled_datetime(raw: bytes) -> str:
    """``datetime.date`` and ``datetime.datetime`` pickle their fields as 4 or 10 bytes."""
    if len(raw) == 4:
        return datetime.date(raw[0] * 256 + raw[1], raw[2], raw[3]).isoformat()
    if len(raw) != 10:
        raise ValueError("a pickled datetime of neither 4 nor 10 bytes")
    when = datetime.datetime(raw[0] * 256 + raw[1], raw[2], raw[3], raw[4], raw[5], raw[6],
                             int.from_bytes(raw[7:10], "big"))
    return when.date().isoformat() if when.time() == datetime.time() else when.isoformat(" ")
