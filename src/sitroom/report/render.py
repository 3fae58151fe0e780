"""The brief as Markdown or as a self-contained HTML page (inline SVG map and timeline, no JavaScript)."""
from __future__ import annotations

from html import escape

from sitroom.report.dates import date_label
from sitroom.report.brief import SECTIONS, Brief
from sitroom.report.svg import control_map, timeline


def _cite(numbers: list[int]) -> str:
    return "".join(f"[{n}]" for n in numbers)


def _period(brief: Brief) -> str:
    since, until = brief.period
    if since and until:
        return f"{since} to {until}"
    if since:
        return f"since {since}"
    if until:
        return f"until {until}"
    return "all dates"


def to_markdown(brief: Brief) -> str:
    """The brief in Markdown."""
    lines = [f"# {brief.title}", "", f"Period: {_period(brief)}. {len(brief.fused)} events from "
             f"{len(brief.citations.documents)} documents.", ""]
    lines += ["## Control changes in the period", ""]
    if brief.control_changes:
        lines += ["| date | place | country | taken by | sources |", "|---|---|---|---|---|"]
        for c in brief.control_changes:
            who = c.controller if c.controller != "contested" else "contested: " + ", ".join(c.claimants)
            lines.append(f"| {date_label(c.since, c.since_end, c.since_precision)} | {c.place.get('name')} | {c.place.get('country_code')} | {who} | {len(c.sources)} |")
    else:
        lines.append("No change of control reported.")
    for key, heading, items in brief.sections:
        lines += ["", f"## {heading}", ""]
        if not items:
            lines.append("Nothing reported.")
        for sentence, numbers, _ in items:
            lines.append(f"- {sentence} {_cite(numbers)}")
    lines += ["", "## Gaps: reported by one party or one outlet only", ""]
    lines += [f"- {g} {_cite(n)}" for g, n, _ in brief.gaps] or ["None."]
    lines += ["", "## Sources", ""]
    for n, doc in brief.citations.references():
        lines.append(f"{n}. {_reference(doc)}")
    return "\n".join(lines) + "\n"


def _reference(doc: dict) -> str:
    parts = [doc.get("source") or "unknown outlet", doc.get("published") or "undated"]
    if doc.get("title"):
        parts.append(f"“{doc['title']}”")
    if doc.get("url"):
        parts.append(doc["url"])
    elif doc.get("path"):
        parts.append(doc["path"])
    return ", ".join(parts)


def to_html(brief: Brief) -> str:
    """The brief as one HTML page; every string from an article is escaped."""
    e = escape
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           f"<title>{e(brief.title)}</title>",
           "<style>body{font-family:sans-serif;max-width:780px;margin:2em auto;color:#1c2833;line-height:1.45}"
           "table{border-collapse:collapse}td,th{border:1px solid #ccd1d1;padding:3px 8px;font-size:14px}"
           "sup a{text-decoration:none}.gap{color:#7b241c}figure{margin:1em 0}</style></head><body>",
           f"<h1>{e(brief.title)}</h1>",
           f"<p>Period: {e(_period(brief))}. {len(brief.fused)} events from {len(brief.citations.documents)} documents.</p>",
           "<h2>Control changes in the period</h2>",
           f"<figure>{control_map(brief.control_changes)}<figcaption>Places whose control changed, by who took "
           "them (Natural Earth outlines).</figcaption></figure>"]
    if brief.control_changes:
        out.append("<table><tr><th>date</th><th>place</th><th>country</th><th>taken by</th><th>sources</th></tr>")
        for c in brief.control_changes:
            who = c.controller if c.controller != "contested" else "contested: " + ", ".join(c.claimants)
            out.append(f"<tr><td>{e(date_label(c.since, c.since_end, c.since_precision))}</td><td>{e(c.place.get('name') or '')}</td>"
                       f"<td>{e(c.place.get('country_code') or '')}</td><td>{e(who)}</td><td>{len(c.sources)}</td></tr>")
        out.append("</table>")
    else:
        out.append("<p>No change of control reported.</p>")
    out.append(f"<h2>Timeline</h2><figure>{timeline(brief.fused, SECTIONS)}<figcaption>One dot per event, "
               "larger when more outlets report it.</figcaption></figure>")
    for key, heading, items in brief.sections:
        out.append(f'<h2 id="{e(key)}">{e(heading)}</h2>')
        if not items:
            out.append("<p>Nothing reported.</p>")
            continue
        out.append("<ul>")
        for sentence, numbers, _ in items:
            out.append(f"<li>{e(sentence)} {_cite_html(numbers)}</li>")
        out.append("</ul>")
    out.append("<h2>Gaps: reported by one party or one outlet only</h2><ul>")
    out += [f'<li class="gap">{e(g)} {_cite_html(n)}</li>' for g, n, _ in brief.gaps] or ["<li>None.</li>"]
    out.append("</ul><h2>Sources</h2><ol>")
    for n, doc in brief.citations.references():
        out.append(f'<li id="src{n}">{e(_reference(doc))}</li>')
    out.append("</ol></body></html>")
    return "\n".join(out) + "\n"


def _cite_html(numbers: list[int]) -> str:
    return "".join(f'<sup><a href="#src{n}">[{n}]</a></sup>' for n in numbers)
