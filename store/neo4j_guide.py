"""The Neo4j Browser guide for researchers: slides with the saved queries of ``cypher/guide_*.cypher`` as runnable
code, shown when Neo4j Browser connects to the local server (``browser.post_connect_cmd``).

The guide is HTML in the format Neo4j Browser 5 reads for ``:guide <url>`` (one ``<slide>`` per page; a
``<pre class="runnable">`` runs when its play icon is clicked). It is generated from the query files at every
server start, so it shows exactly the text the tests run on both stores. Each query slide first sets the
query's parameters with ``:param`` (examples from the demo corpus; change them to explore your own graph).
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from dakg.store.queries import get_query


@dataclass(frozen=True)
class Slide:
    title: str
    text: str  # HTML
    query: str | None = None  # a named query in cypher/, run with `params`
    params: tuple[tuple[str, str], ...] = ()  # (name, Cypher literal) for :param
    extra: str | None = None  # Neo4j-only Cypher shown after the query (a graph picture)


INTRO = (
    "<p>Every fact in this graph is a <b>claim</b> made by one <b>source</b>, with the exact sentence it is "
    "made in (<code>quote</code>, equal to <code>source.text[start..end]</code>). Sources that disagree "
    "are kept side by side.</p>"
    "<p><code>(:Source)-[:CLAIMS]-&gt;(:Claim)-[:ABOUT]-&gt;(:Agreement | :Official | :MigrantGroup)</code>"
    "<br><code>(:Source)-[:REPORTS]-&gt;(:Agreement)-[:DEPORTING_PARTY | :HOST_PARTY]-&gt;(:Country)</code></p>"
    "<p>On each slide, click the play icon of the <code>:param</code> line first, then of the query. The "
    "examples name the bundled demo corpus; change the parameter to explore your own documents.</p>"
)

SLIDES: tuple[Slide, ...] = (
    Slide(
        title="Who says what about an agreement",
        text=INTRO
        + (
            "<p>Below: every claim any source makes about one agreement (keyed <code>DEPORTING-HOST</code> by ISO "
            "3166 codes): the source, its outlet and date, the field (status, cap, payment, date, official, "
            "...), the value, whether the source reports it as denied, and the quote.</p>"
        ),
        query="guide_who_says_what",
        params=(("agreement", "'USA-RWA'"),),
        extra=(
            "MATCH p = (s:Source)-[:REPORTS]->(a:Agreement {key: $agreement})-[:DEPORTING_PARTY|HOST_PARTY]->"
            "(:Country)\nRETURN p"
        ),
    ),
    Slide(
        title="Disputes",
        text=(
            "<p>Agreements whose sources give different statuses, and which sources say which. Read the dates: "
            "talks in May and an agreement in August may be progress, not a dispute (the REST API's "
            "<code>/disputes</code> applies that rule).</p>"
        ),
        query="guide_disputes",
    ),
    Slide(
        title="An official's agreements",
        text=(
            "<p>The agreements an official is named in (found by part of the name), the states sources say "
            "they act for, and the sources that name them.</p>"
        ),
        query="guide_official_agreements",
        params=(("name", "'Nduhungirehe'"),),
    ),
    Slide(
        title="A source and everything it claims",
        text="<p>One source, found by words of its title, and every claim it makes, with what each is about.</p>",
        query="guide_source_claims",
        params=(("title", "'First deportees'"),),
    ),
)

CLOSING = Slide(
    title="More",
    text=(
        "<p>The REST API (<code>dakg serve</code>, OpenAPI documentation at <code>/docs</code>) answers the same "
        "questions as JSON, with pagination, current statuses and dispute rules. Its queries are the files in "
        "<code>cypher/</code>; <code>dakg queries</code> lists them with their parameters.</p>"
        "<p>Rerun this guide with <code>:guide</code> and the address in the first line of this server's "
        "<code>conf/neo4j.conf</code> (<code>browser.post_connect_cmd</code>).</p>"
    ),
)


def runnable(code: str) -> str:
    return f'<pre class="code runnable">{html.escape(code)}</pre>'


def param_command(params: tuple[tuple[str, str], ...]) -> list[str]:
    return [f":param {name} => {literal}" for name, literal in params]


def slide_blocks(slide: Slide) -> list[str]:
    """The runnable code of one slide, in order: its :param lines, the saved query, any extra query."""
    blocks = param_command(slide.params)
    if slide.query is not None:
        blocks.append(get_query(slide.query, "neo4j").body)
    if slide.extra is not None:
        blocks.append(slide.extra)
    return blocks


def render_slide(slide: Slide) -> str:
    parts = [f"<h3>{html.escape(slide.title)}</h3>", slide.text]
    if slide.query is not None:
        parts.append(f"<p><small>Saved query <code>cypher/{html.escape(slide.query)}.cypher</code></small></p>")
    parts.extend(runnable(code) for code in slide_blocks(slide))
    if slide.extra is not None:
        parts.insert(-1, "<p>The same agreement as a picture: its sources and its two states.</p>")
    return "<slide>\n" + "\n".join(parts) + "\n</slide>"


def render_guide() -> str:
    slides = [*SLIDES, CLOSING]
    body = "\n".join(render_slide(s) for s in slides)
    return f"<title>dakg: who says what</title>\n{body}\n"
