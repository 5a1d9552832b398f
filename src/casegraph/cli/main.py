"""The ``casegraph`` command line.  Exit codes: 0 ok, 1 data does not conform or a query failed,
2 usage or input error.  Every error is one line naming the file and the place."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from casegraph import __version__
from casegraph.core.errors import CasegraphError, NonConformingError, QueryError
from casegraph.store.results import FORMATS

EPILOG = {
    "build": "example:\n  casegraph build                      # data/sources/ -> build/casegraph.ttl\n"
             "  casegraph build page.html --out out/  # one saved page",
    "query": "example:\n  casegraph query cases\n"
             "  casegraph query reviews-with-risk-factor --param factor='domestic abuse' --format csv\n"
             "  casegraph query review-evidence --param review=2023-child-f\n"
             "  casegraph query cases --endpoint http://127.0.0.1:7878 --graph "
             "https://w3id.org/casegraph/graph/reviews",
    "push": "example:\n  casegraph push --endpoint http://localhost:7878 "
            "--graph https://w3id.org/casegraph/graph/reviews\n"
            "  CASEGRAPH_TOKEN=... casegraph push --endpoint https://sparql.example.org/ds "
            "--graph https://w3id.org/casegraph/graph/reviews \\\n"
            "      --query-url https://sparql.example.org/ds/query "
            "--update-url https://sparql.example.org/ds/update \\\n"
            "      --store-url https://sparql.example.org/ds/data   # Fuseki\n"
            "exit codes: 0 pushed, 1 the push failed (the message says what became of the graph),\n"
            "  2 input error (nothing was sent)",
    "queries": "example:\n  casegraph queries",
    "validate": "example:\n  casegraph validate build/casegraph.ttl",
    "export": "example:\n  casegraph export --format jsonld --out build/casegraph.jsonld",
    "eval": "example:\n  casegraph eval tests/annotations/corpus.jsonl ../shared/corpus/\n"
            "  casegraph eval gold.jsonl pages/ --build build   # reuse build/'s extraction\n"
            "a page that cannot be read is named on stderr and its entries scored as missed; the\n"
            "report covers the others, and the exit is 1",
    "concepts": "example:\n  casegraph concepts risk-factors    # notation, label, definition, reviews\n"
                "  casegraph concepts --format csv > concepts.csv",
    "search": "example:\n  casegraph search interpreter                  # every text, best match first\n"
              "  casegraph search \"information sharing\" --in recommendations --format csv\n"
              "  casegraph search 'refus* \"early help\"' --limit 5   # a prefix and a phrase\n"
              "words are whole and stemmed (interpreters finds interpreter; men never finds mental);\n"
              "every word must occur in the same text; a quoted argument is a phrase; word* a prefix",
    "report": "example:\n  casegraph report                         # build/casegraph.ttl -> "
              "build/report/index.html\n"
              "  casegraph report --bands fine --out /tmp/report\n"
              "  casegraph report --endpoint http://127.0.0.1:7878 --graph "
              "https://w3id.org/casegraph/graph/reviews",
    # --- casegraph docs (issue 14, DECISIONS 41)
    "docs": "example:\n  casegraph docs                   # ontology/ -> build/docs/index.html\n"
            "  casegraph docs --out site/docs   # the folder docs/w3id/.htaccess redirects to",
}


def _default_data() -> Path:
    from casegraph.pipeline.outputs import OutputDir

    return OutputDir(Path(DEFAULT_OUT)).data


DEFAULT_OUT = "build"


def cmd_build(args: argparse.Namespace) -> int:
    from casegraph.core.resources import default_curations, default_sources
    from casegraph.pipeline.build import build, stderr_progress
    from casegraph.pipeline.outputs import QUARANTINE_FILE, OutputDir

    if args.sources:
        sources = [Path(s) for s in args.sources]
    else:
        sources = [default_sources()]
        if not sources[0].is_dir():
            raise CasegraphError("no pages to build: save case-review pages (.txt, .md, .html) in "
                                 f"{sources[0]} or name them: casegraph build PAGE... --out DIR")
    # Every curation whose review is built is applied; the others are named in warnings.
    curations = None if args.no_curations else Path(args.curations or default_curations())
    t0 = time.perf_counter()
    result = build(sources, Path(args.out), curations=curations, max_bytes=args.max_bytes,
                   progress=None if args.quiet else stderr_progress, strict=args.strict)
    if not args.quiet and sys.stderr.isatty():
        print(file=sys.stderr)
    for w in result.warnings:
        print(f"warning: {w}", file=sys.stderr)
    for failure in result.failed:  # one line per page left out: file, place and reason
        print(f"casegraph: error: {failure}; page left out, the others were built", file=sys.stderr)
    out = OutputDir(Path(args.out)).data
    if args.store:
        from casegraph.store.engines import fill_store

        fill_store(Path(args.store), out)  # bulk loader, swapped in whole
    elapsed = time.perf_counter() - t0
    left_out = f" ({len(result.failed)} left out)" if result.failed else ""
    print(f"{result.review_count} reviews, {len(result)} triples from "
          f"{len(result.sources)} source file(s){left_out} in {elapsed:.2f} s; "
          f"{len(result.report.warnings)} validation warning(s)")
    print(f"wrote {out}")
    if result.quarantined:
        total = result.review_count + len(result.quarantined)
        print(f"casegraph: {len(result.quarantined)} of {total} reviews quarantined (their data "
              f"breaks a shape): see {out.parent / QUARANTINE_FILE} and the validation report",
              file=sys.stderr)
    # Exit 1: published, but not everything given was (2 is kept for builds that wrote nothing).
    return 1 if result.quarantined or result.failed else 0


def _engine(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """The engine a reading command names: --endpoint, --store or --data (default: last build)."""
    from casegraph.store.engines import EndpointEngine, open_engine

    if getattr(args, "graph", None) and not args.endpoint:
        raise CasegraphError("--graph goes with --endpoint")
    if args.endpoint:
        if getattr(args, "engine", None):
            raise CasegraphError("--engine chooses an embedded engine; it cannot go with --endpoint")
        return EndpointEngine(args.endpoint, timeout=args.timeout, default_graph=args.graph,
                              query_url=args.query_url)
    return open_engine(getattr(args, "engine", None) or "oxigraph",
                       None if args.store else Path(args.data or _default_data()),
                       Path(args.store) if args.store else None)


def _add_graph_options(p: argparse.ArgumentParser) -> None:
    """--data | --store | --endpoint and the endpoint's options, for every command that reads."""
    where = p.add_mutually_exclusive_group()
    where.add_argument("--data", help="Turtle or N-Triples file (default: build/casegraph.ttl)")
    where.add_argument("--store", help="a persistent store made by 'build --store'")
    where.add_argument("--endpoint", help="SPARQL server base URL, as for 'push' (Oxigraph's /query "
                                          "is derived; auth: CASEGRAPH_TOKEN, or CASEGRAPH_USER "
                                          "and CASEGRAPH_PASSWORD)")
    p.add_argument("--query-url", help="with --endpoint: the query service of servers not laid out "
                                       "like Oxigraph (Fuseki: .../ds/query)")
    p.add_argument("--timeout", type=float, default=60.0, help="endpoint timeout in seconds")
    p.add_argument("--graph", help="with --endpoint: the named graph to query as the default "
                                   "graph (e.g. the IRI given to 'casegraph push --graph')")


def cmd_report(args: argparse.Namespace) -> int:
    from casegraph.core.resources import default_sources
    from casegraph.report.site import write_report

    out = Path(args.out or str(Path(DEFAULT_OUT) / "report"))
    sources = [Path(s) for s in args.sources] if args.sources else [default_sources()]
    graph = args.endpoint or args.store or args.data or str(_default_data())
    pages = write_report(_engine(args), out, sources=sources, bands=args.bands,
                         graph_name=Path(graph).name if not args.endpoint else graph,
                         warn=lambda m: print(f"casegraph: warning: {m}", file=sys.stderr))
    print(f"{pages} pages written; open {out / 'index.html'}")
    return 0


def cmd_query(args: argparse.Namespace) -> int:
    from casegraph.extract.vocab import default_vocabulary
    from casegraph.store.queries import bind_values, resolve_query
    from casegraph.store.results import write_query

    query = resolve_query(args.query)
    raw: dict[str, str] = {}
    for p in args.param or []:
        if "=" not in p:
            raise CasegraphError(f"--param must be NAME=VALUE, got '{p}'")
        k, v = p.split("=", 1)
        if k in raw:
            raise CasegraphError(f"--param {k} is given twice; give it once")
        raw[k] = v
    bindings = bind_values(query, raw, default_vocabulary())
    # Streamed from Oxigraph where it runs the query (DECISIONS 45)
    write_query(_engine(args), query.text, bindings, args.format, sys.stdout,
                saved=query.saved)
    return 0


def cmd_push(args: argparse.Namespace) -> int:
    from casegraph.core.errors import PushError
    from casegraph.store.push import push_graph

    data = Path(args.data or _default_data())
    try:
        result = push_graph(data, args.endpoint, args.graph, args.timeout, query_url=args.query_url,
                            update_url=args.update_url, store_url=args.store_url,
                            versioned=args.versioned,
                            warn=lambda m: print(f"casegraph: warning: {m}", file=sys.stderr))
    except PushError as exc:
        print(f"casegraph: push failed: {exc}", file=sys.stderr)
        return 1
    version = f" as version <{result.version}>" if result.version else ""
    print(f"pushed {result.triples} triples ({result.bytes} bytes) to <{result.target}>{version} "
          f"in {result.seconds:.2f} s")
    return 0


def cmd_queries(args: argparse.Namespace) -> int:
    from casegraph.store.queries import saved_queries

    for name, q in saved_queries().items():
        params = ", ".join(f"{p.name} ({p.type}{': ' + ' | '.join(p.choices) if p.choices else ''}"
                           f"{', default ' + p.default if p.default else ''})" for p in q.parameters)
        print(f"{name}\n  {q.title}\n  columns: {', '.join(q.columns)}")
        if params:
            print(f"  parameters: {params}")
    return 0


def cmd_concepts(args: argparse.Namespace) -> int:
    from casegraph.store.concepts import concept_table
    from casegraph.store.results import render

    data = Path(args.data) if args.data else _default_data()
    table = concept_table(args.scheme, data if args.data or data.exists() else None)
    if not table.built:
        print(f"casegraph: no build at {data}: every 'reviews' count is 0 (run 'casegraph build')",
              file=sys.stderr)
    sys.stdout.write(render(table.results, args.format))
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from casegraph.extract.vocab import default_vocabulary
    from casegraph.rdfio.formats import load_graph
    from casegraph.validate.shacl import validate_graph

    path = Path(args.file)
    if not path.exists():
        raise CasegraphError("no such file", path)
    g = load_graph(path)  # exact terms, line-numbered errors, never fetches a JSON-LD context
    report = validate_graph(g, default_vocabulary().graph)
    print(report.text())
    return 0 if report.conforms else 1


def cmd_export(args: argparse.Namespace) -> int:
    from casegraph.rdfio.formats import export, load_graph

    data = Path(args.data or _default_data())
    if not data.exists():
        raise CasegraphError("no such data file (run 'casegraph build' first)", data)
    g = load_graph(data)
    export(g, args.format, Path(args.out))
    print(f"wrote {args.out} ({len(g)} triples, {args.format})")
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from casegraph.search.index import open_index, parse_kinds, search
    from casegraph.search.syntax import from_arguments
    from casegraph.store.results import render

    kinds = parse_kinds(args.kinds) if args.kinds is not None else None
    text = from_arguments(args.text)
    conn, note = open_index(None if args.store else Path(args.data or _default_data()),
                            Path(args.store) if args.store else None)
    if note:
        print(f"casegraph: note: {note}", file=sys.stderr)
    sys.stdout.write(render(search(conn, text, kinds, args.limit), args.format))
    return 0


def cmd_docs(args: argparse.Namespace) -> int:
    """HTML documentation of the ontology and the concept schemes (with Turtle and JSON-LD)."""
    from casegraph.rdfio.vocabdocs import write_docs

    out = Path(args.out)
    pages = write_docs(out)
    print(f"wrote the vocabulary docs to {out}/index.html ({pages} pages, with Turtle and JSON-LD)")
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from casegraph.evaluate import evaluate, format_report
    from casegraph.pipeline.outputs import OutputDir

    cache = OutputDir(Path(args.build)).extract_cache if args.build else None
    report = evaluate(Path(args.gold), [Path(s) for s in args.sources] or None, cache_dir=cache)
    print(format_report(report))
    for error in report.unread:  # (the report is still printed: the other pages were scored)
        print(f"casegraph: error: {error}; page left out, the others were scored", file=sys.stderr)
    return 1 if report.unread else 0


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="casegraph",
        description="Build, validate, query and export a linked-data graph of UK "
                    "child-safeguarding case reviews.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="exit codes: 0 ok, 1 data does not conform or a query failed, 2 usage or input error")
    parser.add_argument("--version", action="version", version=f"casegraph {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, help_: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=help_, description=help_, epilog=EPILOG[name],
                              formatter_class=argparse.RawDescriptionHelpFormatter)

    p = add("build", "Build the graph from source pages, validate it and write Turtle.")
    p.add_argument("sources", nargs="*", help="files or directories (default: data/sources/)")
    p.add_argument("--out", default=DEFAULT_OUT, help="output directory (default: build/)")
    p.add_argument("--curations", help="curation directory (default: data/curations/); each "
                                       "curation whose review is built is applied, the others "
                                       "are named in warnings")
    p.add_argument("--no-curations", action="store_true", help="apply no curations")
    p.add_argument("--strict", action="store_true",
                   help="any violation or unreadable page stops the whole build (default: "
                        "quarantine the reviews whose data breaks a shape, leave out the pages "
                        "that cannot be read, publish the rest, exit 1)")
    p.add_argument("--store", help="also fill a persistent Oxigraph store in this directory")
    p.add_argument("--max-bytes", type=int, default=20 * 1024 * 1024,
                   help="refuse source files larger than this (default: 20 MiB)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress output")
    p.set_defaults(func=cmd_build)

    p = add("query", "Run a saved query (by name) or a .rq file.")
    p.add_argument("query", help="saved query name or path to a .rq file")
    _add_graph_options(p)
    p.add_argument("--engine", choices=["oxigraph", "rdflib"],
                   help="embedded engine for --data or --store (default: oxigraph)")
    p.add_argument("--param", action="append", metavar="NAME=VALUE", help="query parameter")
    p.add_argument("--format", default="table", choices=list(FORMATS),
                   help="table (text wrapped); csv, tsv and json plain (json: an array of objects "
                        "with native numbers); sparql-tsv and sparql-json: the SPARQL result forms")
    p.set_defaults(func=cmd_query)

    p = add("report", "Write an offline HTML report (index with charts and prevalence tables, "
                      "a page per review, per concept and per source page), built from saved "
                      "queries only.")
    _add_graph_options(p)
    p.add_argument("--out", help="output directory (default: build/report/); an existing "
                                 "directory is replaced only if it holds a casegraph report")
    p.add_argument("--sources", action="append", metavar="DIR",
                   help="where the source pages are, to show them with the evidence marked "
                        "(default: data/sources/); a page is shown only if its SHA-256 matches")
    p.add_argument("--bands", choices=["national", "fine"], default="national",
                   help="age bands: national (under 1, 1-5, 6-10, 11-15, 16+; the national "
                        "analyses' bands) or fine (under 1, 1-4, 5-10, 11-15, 16-17)")
    p.set_defaults(func=cmd_report)

    p = add("push", "Replace a named graph on a SPARQL 1.1 server with the build, atomically "
                    "(upload to a staging graph, check its size, then MOVE).")
    p.add_argument("--endpoint", required=True,
                   help="server base URL; Oxigraph's /query, /update, /store are derived "
                        "(auth: CASEGRAPH_TOKEN, or CASEGRAPH_USER and CASEGRAPH_PASSWORD)")
    p.add_argument("--graph", required=True, help="IRI of the named graph to replace")
    p.add_argument("--data", help="Turtle or N-Triples file (default: build/casegraph.ttl)")
    p.add_argument("--timeout", type=float, default=60.0, help="seconds per request (default: 60)")
    p.add_argument("--query-url", help="SPARQL query endpoint (default: ENDPOINT/query)")
    p.add_argument("--update-url", help="SPARQL update endpoint (default: ENDPOINT/update)")
    p.add_argument("--store-url", help="Graph Store Protocol endpoint (default: ENDPOINT/store)")
    p.add_argument("--versioned", action="store_true",
                   help="publish a new version graph and switch a pointer to it instead of moving "
                        "into --graph: atomic for readers on any server (use it on Virtuoso); "
                        "'query --endpoint --graph' follows the pointer")
    p.set_defaults(func=cmd_push)

    p = add("queries", "List the saved queries with their titles, columns and parameters.")
    p.set_defaults(func=cmd_queries)

    p = add("concepts", "List the concepts of the vocabulary (scheme, notation, label, definition) "
                        "and how many reviews of the build have each (facts only; narrower "
                        "concepts count for broader ones).")
    p.add_argument("scheme", nargs="?", help="one scheme: review-types, harm-types, risk-factors, "
                                             "agencies or themes (default: all)")
    p.add_argument("--data", help="Turtle or N-Triples file (default: build/casegraph.ttl; without "
                                  "a build every count is 0)")
    p.add_argument("--format", default="table", choices=list(FORMATS), help="as for 'query'")
    p.set_defaults(func=cmd_concepts)

    p = add("validate", "Validate an RDF file against the casegraph SHACL shapes.")
    p.add_argument("file", help="Turtle, N-Triples or JSON-LD file")
    p.set_defaults(func=cmd_validate)

    p = add("export", "Export the built graph as Turtle, N-Triples, JSON-LD or TriG.")
    p.add_argument("--format", required=True, choices=["turtle", "nt", "jsonld", "trig"])
    p.add_argument("--out", required=True, help="output file")
    p.add_argument("--data", help="input graph (default: build/casegraph.ttl)")
    p.set_defaults(func=cmd_export)

    p = add("eval", "Measure extraction against hand-annotated gold entries (JSON Lines).")
    p.add_argument("gold", help="gold annotations, one JSON object per entry")
    p.add_argument("sources", nargs="*", help="source files or directories (default: the "
                                              "directory of each gold entry's 'source')")
    p.add_argument("--build", metavar="OUT", default=None,
                   help="reuse the page extraction of a build into OUT: a page whose bytes and "
                        "casegraph are unchanged since is not extracted again")
    p.set_defaults(func=cmd_eval)

    p = add("docs", "Write HTML documentation of the ontology and of every concept scheme, "
                    "with each vocabulary as Turtle and JSON-LD beside its page.")
    p.add_argument("--out", default=f"{DEFAULT_OUT}/docs",
                   help="output directory (default: build/docs/); an existing directory is "
                        "replaced only if casegraph docs wrote it")
    p.set_defaults(func=cmd_docs)

    from casegraph.search import DEFAULT_LIMIT  # a light module: the index code loads on use

    p = add("search", "Full-text search over every text of every review (titles, summaries, "
                      "keywords, learning, recommendations, evidence sentences), best match first.")
    p.add_argument("text", nargs="+", metavar="TEXT",
                   help='words (all in one text), "quoted phrases", word* for a prefix')
    where = p.add_mutually_exclusive_group()
    where.add_argument("--data", help="Turtle or N-Triples file (default: build/casegraph.ttl; its "
                                      "search.sqlite is used when built from that very file)")
    where.add_argument("--store", help="search a persistent store made by 'build --store'")
    p.add_argument("--in", dest="kinds", metavar="KINDS",
                   help="only these kinds of text, comma-separated: title, summary, keywords, "
                        "learning, recommendation(s), evidence")
    p.add_argument("--format", default="table", choices=list(FORMATS),
                   help="as for 'query' (columns: review, kind, position, score, snippet, text)")
    p.add_argument("--limit", type=int, default=DEFAULT_LIMIT,
                   help=f"at most N rows (default: {DEFAULT_LIMIT}; 0: all)")
    p.set_defaults(func=cmd_search)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args))
    except CasegraphError as exc:
        print(f"casegraph: error: {exc}", file=sys.stderr)
        return 2
    except NonConformingError as exc:
        print(exc.report_text, file=sys.stderr)
        print(f"casegraph: the graph does not conform ({exc.violations} violation(s)); "
              "nothing was written", file=sys.stderr)
        return 1
    except QueryError as exc:
        print(f"casegraph: query failed: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("casegraph: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader went away (casegraph query ... | head): not an error worth a traceback
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
