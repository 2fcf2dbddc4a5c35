"""Alerts for people's tools: an Atom feed (any feed reader) and signed JSON webhooks.

Everything in an alert comes from untrusted pages (titles, outlets, evidence text), so the
feed is built with :mod:`xml.etree.ElementTree` (which escapes every text node) after
removing the characters XML 1.0 cannot carry; links are only ever http(s) URLs.

A webhook is a JSON ``POST`` whose body is signed with HMAC-SHA256 under a shared key:
header ``X-Rasd-Signature: sha256=<hex>`` (the GitHub convention), so the receiver can check
the alert came from this watcher and was not altered.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from typing import Any

import httpx

from rasd.store.watch import Alert, iso
from rasd.watch.links import clean_url

ATOM_NS = "http://www.w3.org/2005/Atom"
SIGNATURE_HEADER = "X-Rasd-Signature"
_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(s: object, limit: int = 2000) -> str:
    return _NOT_XML.sub("", str(s))[:limit]


def alert_summary(alert: Alert) -> str:
    """One line per triggering span: ``layer start-end «evidence» (why)``."""
    lines = [f"{s.get('layer')} {s.get('start')}-{s.get('end')} «{s.get('text', '')}» "
             f"({s.get('why', '')})" for s in alert.spans]
    return "\n".join(lines)


def atom_feed(alerts: Sequence[Alert], *, feed_id: str = "urn:rasd:watch:alerts",
              title: str = "rasd watch alerts", base_url: str | None = None) -> bytes:
    """The alerts (newest first) as an Atom 1.0 document (UTF-8 bytes)."""
    ET.register_namespace("", ATOM_NS)

    def el(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        e = ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}", attrs)
        if text is not None:
            e.text = xml_text(text)
        return e

    feed = ET.Element(f"{{{ATOM_NS}}}feed")
    el(feed, "id", feed_id)
    el(feed, "title", title)
    updated = iso(alerts[0].created) if alerts else "1970-01-01T00:00:00+00:00"
    el(feed, "updated", updated)
    author = el(feed, "author")
    el(author, "name", "rasd watch")
    el(feed, "generator", "rasd")
    for a in alerts:
        entry = el(feed, "entry")
        el(entry, "id", f"urn:rasd:alert:{a.id}")
        rule = a.rule.label or f"{a.rule.kind}: {a.rule.value}"
        el(entry, "title", f"[{rule}] {a.title or a.url or a.doc_id}")
        el(entry, "updated", iso(a.created) or "")
        url = clean_url(a.url, a.url or "") if a.url else None
        if url:
            el(entry, "link", href=xml_text(url), rel="alternate")
        if base_url:
            el(entry, "link", href=xml_text(f"{base_url.rstrip('/')}/doc/{a.doc_id}"),
               rel="related")
        el(entry, "category", term=xml_text(a.rule.kind, 40), label=xml_text(rule, 300))
        if a.outlet:
            src = el(entry, "author")
            el(src, "name", a.outlet)
        el(entry, "summary", alert_summary(a), type="text")
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def sign(body: bytes, key: bytes) -> str:
    return "sha256=" + hmac.new(key, body, hashlib.sha256).hexdigest()


def verify(body: bytes, key: bytes, signature: str) -> bool:
    return hmac.compare_digest(sign(body, key), signature)


def webhook_body(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload, ensure_ascii=False, sort_keys=True).encode("utf-8")


def post_webhook(url: str, payload: dict[str, Any], key: bytes, *,
                 user_agent: str, timeout: float = 10.0) -> int:
    """POST one signed alert; returns the HTTP status (raises ``httpx.HTTPError`` on failure
    to connect).  Redirects are not followed: a webhook answers where it was configured."""
    if clean_url(url, url) is None:
        raise ValueError("webhook URL must be http(s)")
    body = webhook_body(payload)
    headers = {"Content-Type": "application/json; charset=utf-8", "User-Agent": user_agent,
               SIGNATURE_HEADER: sign(body, key)}
    resp = httpx.post(url, content=body, headers=headers, timeout=timeout,
                      follow_redirects=False)
    return resp.status_code
