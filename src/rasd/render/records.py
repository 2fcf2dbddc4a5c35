"""Text views of archive records for the terminal: search hits, an entity's record, stories.

The commands (``rasd search``, ``rasd entity``, ``rasd stories``) build the records (their
``--json`` form) and these functions turn them into the lines a person reads; keeping them
here puts every text rendering of rasd in :mod:`rasd.render`, apart from the command wiring.
Every line that states a fact ends with its document id and offsets (or source), so it can
be checked against the original.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any


def clip(s: str | None, n: int = 110) -> str:
    """One line of at most ``n`` characters (whitespace collapsed, ``…`` where cut)."""
    s = " ".join((s or "").split())
    return s if len(s) <= n else s[: n - 1] + "…"


def snippet_text(snippet: Any, mark: Callable[[str], str]) -> str:
    """A search snippet on one line, each highlighted match passed through ``mark`` (bold
    colour on a terminal, ``[brackets]`` otherwise) and ``…`` where the text was cut."""
    out, pos = [], 0
    for a, b in snippet.highlights:
        out.append(snippet.text[pos:a])
        out.append(mark(snippet.text[a:b]))
        pos = b
    out.append(snippet.text[pos:])
    body = " ".join("".join(out).split())
    return ("… " if snippet.prefix_ellipsis else "") + body + (" …" if snippet.suffix_ellipsis
                                                              else "")


def search_lines(res: Any, mark: Callable[[str], str]) -> list[str]:
    """A page of search results (a ``SearchResult``): count, hits with snippets, facets."""
    first = res.offset + 1 if res.hits else 0
    out = [f"{res.total} documents; showing {first}-{res.offset + len(res.hits)}"]
    for i, h in enumerate(res.hits, start=first):
        d = h.doc
        dup = "" if d.group_id in (None, d.id) else f"  (rewrite of {d.group_id})"
        out.append(f"\n{i}. {d.title or '(untitled)'}  [{d.id}]{dup}")
        out.append(f"   {d.published or '?'} · {d.outlet or d.source or '?'} · "
                   f"score {h.score:.2f}")
        out.append("   " + snippet_text(h.snippet, mark))
    if res.facets:
        out.append("")
        for name, values in res.facets.items():
            if values:
                shown = ", ".join(f"{v.label} ({v.count})" for v in values)
                out.append(f"{name}: {shown}")
    return out


def _first_latin(e: Mapping[str, Any]) -> str:
    latin = e.get("latin") or ()
    return f" / {latin[0]}" if latin else ""


def entity_record_text(r: Mapping[str, Any]) -> str:
    """The ``rasd entity`` record: header, timeline bars, statements, events, co-mentions
    and latest mentions."""
    e = r["entity"]
    out = [f"{e['name']}  ({e['label']}, {e['id']}) — {e['doc_count']} articles, "
           f"{e['mention_count']} mentions"]
    if e.get("latin"):
        out.append("in Latin script: " + "; ".join(e["latin"]))
    if r.get("aliases"):
        out.append("written as: " + "; ".join(f"{a['name']} ({a['mentions']})"
                                              for a in r["aliases"][:12]))
    if r["also_matching"]:
        alts = "; ".join(f"{a['name']}{_first_latin(a)} ({a['label']}, {a['id']}, "
                         f"{a['doc_count']})"
                         for a in r["also_matching"])
        out.append(f"also matching: {alts}")
    if r["timeline"]:
        out.append("\ntimeline (articles per day):")
        top = max(t["documents"] for t in r["timeline"])
        for t in r["timeline"]:
            bar = "█" * max(1, round(20 * t["documents"] / top))
            out.append(f"  {t['day']}  {bar} {t['documents']}")
    out.append(f"\nstatements by it ({r['statements_total']}):")
    for q in r["statements"]:
        out.append(f"  {q['published'] or '?':10.10}  {q['outlet'] or ''}  «{clip(q['content'])}»"
                   f"  [{q['doc_id']} {q['start']}-{q['end']}]")
    out.append(f"\nevents it takes part in ({r['events_total']}):")
    for ev in r["events"]:
        where = f" @ {ev['place']}" if ev["place"] else ""
        out.append(f"  {ev['date'] or ev['published'] or '?':10.10}  {ev['label']}{where}: "
                   f"{clip(ev['text'])}  [{ev['doc_id']} {ev['start']}-{ev['end']}]")
    if r["co_mentions"]:
        out.append("\nappears with:")
        for c in r["co_mentions"][:10]:
            out.append(f"  {c['name']} ({c['label']}) — {c['documents']} articles")
    out.append(f"\nlatest mentions ({len(r['mentions'])} of {r['mentions_total']}):")
    for m in r["mentions"]:
        out.append(f"  {m['published'] or '?':10.10}  {m['outlet'] or ''}  …{clip(m['context'])}…"
                   f"  [{m['doc_id']} {m['start']}-{m['end']}]")
    return "\n".join(out)


def story_lines(story: Any, contradictions: Iterable[Mapping[str, Any]] = ()) -> list[str]:
    """One story (a :class:`rasd.link.stories.Story`): span of days, title, outlets, one line
    per article, then the contradictions found across its sources."""
    s = story
    span = s.first_seen if s.first_seen == s.last_seen else f"{s.first_seen} → {s.last_seen}"
    out = [f"{s.id}  {len(s.articles)} articles  {span}  {s.title}"]
    if s.outlets:
        out.append(f"    outlets: {', '.join(s.outlets)}")
    for a in s.articles:
        out.append(f"    {a.published or '????-??-??'}  {a.outlet or '-'}  {a.source}")
    for c in contradictions:
        flag = "  (later figure: maybe an update)" if c["update_likely"] else ""
        out.append(f"    ≠ {c['reason']}{flag}")
        for side in (c["a"], c["b"]):
            out.append(f"        {side['published']}  {side['outlet']}: «{side['text'][:90]}»")
    return out
