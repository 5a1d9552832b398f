"""casegraph: a linked-data knowledge graph of UK child-safeguarding case reviews.

Data flows one way: sources -> parse -> extract -> curate -> rdf -> validate -> store/query/export.
"""

__version__ = "0.1.0"
