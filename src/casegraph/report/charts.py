"""Charts as Vega-Lite specifications (built with Vega-Altair), rendered to SVG at build time.

Rendering with vl-convert happens here, in Python, so the pages carry finished SVG: nothing to
download, no script to run, and the picture is in the DOM for a browser test to find.  See
DECISIONS.md #36 for why Altair and vl-convert rather than matplotlib or vendored Vega JS.
"""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import vl_convert

from casegraph.report.stats import Prevalence

WIDTH = 320
LABEL_LIMIT = 260  #: pixels of a category label before it is ellipsed
BAR_STEP = 18  #: pixels per bar, so long lists grow downwards instead of squashing
COLOUR = "#3b6ea5"


def to_svg(chart: alt.TopLevelMixin, title: str) -> str:
    """The chart as an inline ``<svg>`` that names itself for screen readers."""
    svg = vl_convert.vegalite_to_svg(chart.to_dict())
    label = title.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
    return svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)


def bars(rows: Sequence[tuple[str, int]], title: str, axis: str = "reviews",
         vertical: bool = False) -> str:
    """Counts per category, in the order given (years left to right, ranks top to bottom)."""
    data = alt.Data(values=[{"category": c, "count": n} for c, n in rows])
    order = [c for c, _ in rows]
    whole = alt.Axis(tickMinStep=1, format="d")  # counts of reviews have no halves
    category = alt.X("category:N", sort=order, title=None) if vertical else \
        alt.Y("category:N", sort=order, title=None, axis=alt.Axis(labelLimit=LABEL_LIMIT))
    count = alt.Y("count:Q", title=axis, axis=whole) if vertical else \
        alt.X("count:Q", title=axis, axis=whole)
    chart = alt.Chart(data, title=title).mark_bar(color=COLOUR).encode(
        category, count, tooltip=["category:N", "count:Q"])
    size = {"width": alt.Step(36), "height": 200} if vertical else \
        {"width": WIDTH, "height": alt.Step(BAR_STEP)}
    return to_svg(chart.properties(**size), title)


def prevalence(rows: Sequence[Prevalence], title: str) -> str:
    """Per cent of reviews with each concept as a fact, with its 95 % Wilson interval."""
    values = [{"label": f"{p.label} ({p.notation})", "percent": round(p.percent, 1),
               "low": round(p.interval[0], 1), "high": round(p.interval[1], 1),
               "n": f"{p.n}/{p.total}"} for p in rows]
    data = alt.Data(values=values)
    order = [v["label"] for v in values]
    y = alt.Y("label:N", sort=order, title=None, axis=alt.Axis(labelLimit=LABEL_LIMIT))
    base = alt.Chart(data, title=title)
    bar = base.mark_bar(color=COLOUR).encode(
        y, alt.X("percent:Q", title="% of reviews (95 % interval)",
                 scale=alt.Scale(domain=[0, 100])), tooltip=["label:N", "n:N", "percent:Q"])
    interval = base.mark_rule(color="#222").encode(y, alt.X("low:Q"), alt.X2("high:Q"))
    return to_svg((bar + interval).properties(width=WIDTH, height=alt.Step(BAR_STEP)), title)


def heatmap(cells: Sequence[tuple[str, str, int]], order: Sequence[str], title: str) -> str:
    """Reviews having both concepts, for every pair (drawn on both sides of the diagonal)."""
    values = [{"a": a, "b": b, "reviews": n} for a, b, n in cells]
    values += [{"a": b, "b": a, "reviews": n} for a, b, n in cells if a != b]
    data = alt.Data(values=values)
    chart = alt.Chart(data, title=title).mark_rect().encode(
        alt.X("a:N", sort=list(order), title=None),
        alt.Y("b:N", sort=list(order), title=None),
        alt.Color("reviews:Q", scale=alt.Scale(scheme="blues"), title="reviews"),
        tooltip=["a:N", "b:N", "reviews:Q"])
    side = max(BAR_STEP * len(order), 120)
    return to_svg(chart.properties(width=side, height=side), title)


def timeline(points: Sequence[tuple[str, int, int]], order: Sequence[str], title: str) -> str:
    """Per cluster (a row), the years its members were published, sized by reviews that year."""
    data = alt.Data(values=[{"cluster": c, "year": y, "reviews": n} for c, y, n in points])
    chart = alt.Chart(data, title=title).mark_circle(color=COLOUR, opacity=0.8).encode(
        alt.X("year:O", title="year of publication"),
        alt.Y("cluster:N", sort=list(order), title=None, axis=alt.Axis(labelLimit=LABEL_LIMIT)),
        alt.Size("reviews:Q", title="reviews", legend=alt.Legend(format="d")),
        tooltip=["cluster:N", "year:O", "reviews:Q"])
    return to_svg(chart.properties(height=alt.Step(BAR_STEP + 4)), title)
