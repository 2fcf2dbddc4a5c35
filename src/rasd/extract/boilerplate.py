"""Mark (never delete) the lines inside an article body that are not the article.

Web extraction leaves behind "اقرأ أيضاً: …" teasers, "قد يهمك" links, newsletter and social
calls to action, share bars and photo credits.  Deleting them would shift every offset, so the
``boilerplate`` layer marks whole lines (label = the rule that fired) and later extractors skip
what lies inside them.  Rules look at the *start* of a line, or at short lines made only of
call-to-action vocabulary, so an article sentence that mentions Twitter is never caught.
"""

from __future__ import annotations

import re

from rasd.config import Config
from rasd.doc import Document, Span
from rasd.lang.ar.normalize import normalize_key
from rasd.pipeline import component

# Patterns run on the folded key of the line (alef/yaa/taa folded, marks removed).
_START_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "read_also",
        re.compile(r"^\W*(?:ا?قرا|طالع|شاهد|تابع|اطلع على)\s+(?:ايضا|كذلك|المزيد|ايضا)\b"),
    ),
    (
        "read_also",
        re.compile(
            r"^\W*(?:قد يهمك|قد يعجبك|ربما يهمك|مواضيع ذات صله|اخبار ذات صله|مقالات ذات صله|اقرا المزيد|للمزيد)\b"
        ),
    ),
    (
        "newsletter",
        re.compile(
            r"(?:هل اعجبك المحتوي|اشترك\s+(?:ب|في)\s*(?:نشرت|النشر)|نشرتنا البريديه|النشره البريديه|صندوق بريدك)"
        ),
    ),
    (
        "social",
        re.compile(
            r"^\W*(?:انضم|تابعونا|تابعنا|اشترك|اشتركوا|حمل تطبيق|نزل تطبيق)\b.{0,80}(?:قناه|تلغرام|تيليغرام|تيليجرام|فيسبوك|تويتر|واتساب|يوتيوب|انستغرام|قائمه|نشره|تطبيق|اكس)"
        ),
    ),
    (
        "share",
        re.compile(
            r"^\W*(?:شارك(?:وا)?|مشاركه)\s*(?:المقال|الخبر|هذا|علي|عبر)?\s*[:：]?\s*(?:(?:فيسبوك|تويتر|واتساب|تلغرام|لينكدان|ايميل|البريد|X|اكس)\W*)*$"
        ),
    ),
    (
        "photo_credit",
        re.compile(
            r"^\W*(?:\(?\s*(?:الصوره|صوره|تصوير|مصدر الصوره|صوره ارشيفيه|الصوره من|حقوق الصوره)\s*[:：\-–(]|صوره ارشيفيه\W*$)"
        ),
    ),
    ("copyright", re.compile(r"(?:جميع الحقوق محفوظه|حقوق النشر محفوظه|©)")),
)
_SHARE_WORDS = re.compile(
    r"^(?:\W*(?:فيسبوك|تويتر|واتساب|تلغرام|تيليغرام|لينكدان|ماسنجر|البريد الالكتروني|طباعه|نسخ الرابط|مشاركه|شارك|facebook|twitter|whatsapp|telegram|email|print|X)\W*){2,}$",
    re.I,
)


def classify_line(line: str) -> str | None:
    """Return the rule name if ``line`` is boilerplate, else ``None``."""
    key = normalize_key(line).strip()
    if not key:
        return None
    for name, rule in _START_RULES:
        if rule.search(key):
            # long lines are article prose even if they start like a teaser, except
            # newsletter/copyright footers which may run long
            if name in ("read_also", "share", "photo_credit") and len(key) > 200:
                continue
            return name
    if len(key) < 120 and _SHARE_WORDS.match(key):
        return "share"
    return None


@component("boilerplate", requires=(), assigns=("boilerplate",))
def mark_boilerplate(doc: Document, config: Config) -> None:
    spans = []
    for m in re.finditer(r"[^\n]+", doc.text):
        a, b = m.span()
        while a < b and doc.text[a].isspace():
            a += 1
        while b > a and doc.text[b - 1].isspace():
            b -= 1
        if b <= a:
            continue
        rule = classify_line(doc.text[a:b])
        if rule:
            spans.append(Span(a, b, rule, f"b{len(spans)}"))
    doc.layers["boilerplate"] = spans


def in_boilerplate(doc: Document, start: int, end: int) -> bool:
    """True when ``[start, end)`` lies inside a marked boilerplate line."""
    return any(s.start <= start and end <= s.end for s in doc.layers.get("boilerplate", []))
