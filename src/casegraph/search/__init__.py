"""casegraph.search: full-text search over every text of every review (SQLite FTS5).

``syntax`` turns what a person types into an FTS5 query that cannot carry FTS5 syntax of its
own; ``index`` reads the texts from the graph through a store engine, writes the index that a
build keeps beside ``casegraph.ttl``, decides whether such an index still belongs to the data,
and runs a search into the same :class:`~casegraph.store.engines.Results` every query prints.
"""

#: The index's file name, beside the data file it was built from.  Its one home: the build's
#: outputs (pipeline/outputs.py) import it from here, without loading the search machinery.
INDEX_FILE = "search.sqlite"
#: Rows a search prints unless told otherwise (``--limit``; 0 for all).
DEFAULT_LIMIT = 20
