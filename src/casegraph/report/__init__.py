"""The offline report: a static HTML site an analyst opens from ``file://``.

Built only from saved queries (so it works on an embedded store and on a SPARQL endpoint alike),
with charts rendered to inline SVG at build time: no script, no CDN, no network.

``gather`` runs the queries, ``stats`` turns rows into prevalence with intervals and age bands,
``charts`` draws, ``site`` writes the pages.
"""
