"""Mark (never delete) the lines inside an article body that are not the article.

Web extraction leaves behind "اقرأ أيضاً: …" teasers, "قد يهمك" links, newsletter and social
calls to action, share bars, tag lists, advert markers and photo credits.  Deleting them would
shift every offset, so the ``boilerplate`` layer marks whole lines (label = the rule that
fired) and later extractors skip what lies inside them.

Precision matters more than recall here: a marked article line is a lost fact.  So rules
look at the *start* of a line (teaser and call-to-action formulas), at short lines made only
of call-to-action vocabulary, or at short caption lines that *end* in a credit; a line of
prose that merely mentions Telegram or a photo is never caught, and "المصدر: …" source lines
are kept (they say where the story came from).  Rules run on the folded key of the line
(alef/yaa/taa folded, diacritics, tatweel and obfuscation removed), computed once per
document.
"""

from __future__ import annotations

import bisect
import re

from rasd.config import Config
from rasd.doc import Document, Span
from rasd.lang.ar.normalize import fold_key, normalize, normalize_key
from rasd.pipeline import component

_PLATFORM = (
    r"(?:تلغرام|تيليغرام|تليغرام|تيليجرام|تليجرام|تلجرام|telegram|فيسبوك|فيس بوك|facebook"
    r"|تويتر|twitter|منصه اكس|واتساب|واتس اب|whatsapp|يوتيوب|youtube|انستغرام|انستجرام"
    r"|انستقرام|instagram|تيك توك|tiktok|جوجل نيوز|غوغل نيوز|google news|نبض|لينكد ?ان)"
)
#: Openers that only ever address the reader ("follow us", "to subscribe").
_CTA_SURE = (
    r"(?:تابعونا|تابعنا|لمتابعتنا|للاشتراك|للانضمام|انضموا الينا|انضم الينا"
    r"|لمتابعه (?:اخر|اخبار|كل)|ليصلك|لتصلك|يمكنكم متابعه|يمكنك متابعه|بامكانكم متابعه)"
)
#: Imperatives that are also past-tense news verbs ("تابع الرئيس …"): need "our channel" etc.
_CTA_MAYBE = (
    r"(?:تابعوا|تابع|انضموا|انضم|اشتركوا|اشترك|حملوا|حمل|نزلوا|نزل|اضغط|انقر|لا تنسوا|لا تنس"
    r"|فعلوا|فعل)"
)
_OURS = (
    r"(?:قناتنا|صفحتنا|صفحاتنا|حسابنا|حساباتنا|تطبيقنا|موقعنا|منصاتنا|تغطيتنا|اضغط هنا|من هنا"
    r"|جرس الاشعارات|تفعيل الاشعارات)"
)

# (rule name, pattern, max key length for the rule to apply: longer lines are prose)
_RULES: tuple[tuple[str, re.Pattern[str], int], ...] = (
    (
        "read_also",
        re.compile(
            r"^\W*(?:ا?قرا|طالع|شاهد|تابع|اطلع|اطلعوا|اقراوا|يهمك|اخترنا لك|ننصحك بقراءه)"
            r"\s*(?:ايضا|كذلك|المزيد|ايضا|التفاصيل|المقال|الخبر|ايضا في)?\s*(?:[:：\-–|»>.]|$)"
        ),
        200,
    ),
    (
        "read_also",
        re.compile(
            r"^\W*(?:ا?قرا|طالع|شاهد|تابع|اطلع على)\s+(?:ايضا|كذلك|المزيد)\b"
        ),
        200,
    ),
    (
        "read_also",
        re.compile(
            r"^\W*(?:قد يهمك|قد يعجبك|ربما يهمك|يهمك ايضا|قد يهمك ايضا|لا تفوت|لا يفوتك"
            r"|مواضيع ذات صله|اخبار ذات صله|مقالات ذات صله|روابط ذات صله|ذات صله|مواضيع متعلقه"
            r"|مقالات مقترحه|اخبار متعلقه|الاكثر قراءه|الاكثر مشاهده|اقرا المزيد|المزيد من الاخبار)"
            r"(?:\s*[:：\-–|»]|\s*$|\s)"
        ),
        200,
    ),
    (
        "read_also",
        re.compile(r"^\W*للمزيد(?:\s+من\s+(?:الاخبار|التفاصيل|المعلومات))?\s*(?:[:：]|اضغط|انقر|اقرا|تابع|زوروا)"),
        200,
    ),
    (
        "newsletter",
        re.compile(
            r"(?:هل اعجبك المحتوي|اشترك\s*(?:ب|في)\s*(?:نشرت|النشر|نشره)|نشرتنا البريديه|نشرتنا الاخباريه"
            r"|النشره البريديه|صندوق بريدك|ادخل بريدك|سجل بريدك|اشترك الان|ليصلك كل جديد|لتصلك اخر الاخبار)"
        ),
        300,
    ),
    ("social", re.compile(rf"^\W*{_CTA_SURE}\b.{{0,100}}\b{_PLATFORM}", re.I), 220),
    ("social", re.compile(rf"^\W*(?:{_CTA_MAYBE}|{_CTA_SURE})\b.{{0,100}}{_OURS}", re.I), 220),
    # "تابع الحل نت على فيسبوك": the platform closes a short line
    (
        "social",
        re.compile(rf"^\W*{_CTA_MAYBE}\b.{{0,40}}\b(?:علي|عبر|في)\s+(?:{_PLATFORM}\W*$|تطبيق)", re.I),
        80,
    ),
    (
        "share",
        re.compile(
            r"^\W*(?:شارك(?:وا)?|مشاركه|انشر|شارك هذا المقال|شارك الخبر)\s*(?:المقال|الخبر|هذا|علي|عبر)?"
            rf"\s*[:：]?\s*(?:(?:{_PLATFORM}|X|اكس|ايميل|البريد|نسخ الرابط|طباعه)\W*)*$",
            re.IGNORECASE,
        ),
        200,
    ),
    ("share", re.compile(r"^\W*شاركوا\s+(?:الخبر|المنشور|المقال|الفيديو)\b"), 60),
    ("share", re.compile(r"^\W*(?:رابط مختصر|الرابط المختصر|انسخ الرابط|نسخ الرابط)\s*[:：]?"), 200),
    (
        "photo_credit",
        re.compile(
            r"^\W*\(?\s*(?:الصوره|صوره|تصوير|مصدر الصوره|حقوق الصوره|الصور|صور|فيديو|مصدر الفيديو"
            r"|الصوره الرئيسيه|الصوره الرئيسه)\s*[:：\-–/]"
        ),
        200,
    ),
    (
        "photo_credit",
        re.compile(r"^\W*(?:صوره|الصوره)\s+(?:ارشيفيه|تعبيريه|متداوله)\s*(?:[:：\-–(|]|\W*$)"),
        120,
    ),
    # "الصورة من أرشيف وكالة أنباء الإمارات": a short credit line naming the archive
    ("photo_credit", re.compile(r"^\W*(?:صوره|الصوره)\s+من\s+(?:ال)?(?:ارشيف|الانترنت)"), 80),
    (
        "photo_credit",
        re.compile(r"^\W*\(?\s*(?:ارشيفيه|ارشيف|صوره ارشيفيه|صوره تعبيريه|صوره متداوله)\s*\)?\W*$"),
        60,
    ),
    (
        # a short caption line ending in "(صورة: رويترز)" / "(الصورة من أرشيف …)"
        "photo_credit",
        re.compile(
            r"[(\[]\s*(?:الصوره|صوره|تصوير|ارشيفيه|ارشيف|صوره ارشيفيه|صوره تعبيريه|getty|afp|reuters)"
            r"[^()\[\]]{0,60}[)\]]\W*$",
            re.IGNORECASE,
        ),
        160,
    ),
    # "(إعداد: سامر الخطيب - تحرير: ليلى حداد)": production credits, not article prose
    (
        "credit",
        re.compile(r"^\W*\(\s*(?:اعداد|تحرير|ترجمه|تقرير|مراجعه|تدقيق)\s*[:：][^()]{0,100}\)\W*$"),
        140,
    ),
    # bylines "كتب: محمد عادل", "بقلم: …": who wrote it, not what happened
    (
        "credit",
        re.compile(r"^\W*(?:كتب|كتبت|بقلم|اعداد|تحرير|اعدته|اعده|ترجمه)\s*[:：]\s*[^\s.،:][^.،:!؟?]{0,40}$"),
        50,
    ),
    ("tags", re.compile(r"^\W*(?:الوسوم|وسوم|كلمات مفتاحيه|الكلمات المفتاحيه|تاغ|هاشتاغ)\s*[:：]"), 300),
    ("advert", re.compile(r"^\W*(?:اعلان|مساحه اعلانيه|advertisement|sponsored|محتوي مدفوع)\W*$", re.I), 40),
    ("copyright", re.compile(r"(?:جميع الحقوق محفوظه|حقوق النشر محفوظه|©|all rights reserved)", re.I), 300),
)
_MAX_LIMIT = max(limit for _, _, limit in _RULES)
_SHARE_WORDS = re.compile(
    rf"^(?:\W*(?:{_PLATFORM}|ماسنجر|messenger|البريد الالكتروني|ايميل|طباعه|نسخ الرابط|مشاركه|شارك"
    r"|email|print|X|اكس|copy link|share)\W*){2,}$",
    re.IGNORECASE,
)


def classify_key(key: str) -> str | None:
    """Rule name for a line given its folded key (see :func:`classify_line`)."""
    key = key.strip()
    n = len(key)
    if not n or n > _MAX_LIMIT:
        return None
    for name, rule, limit in _RULES:
        if limit and n > limit:
            continue  # long lines are article prose even if they start like a teaser
        if rule.search(key):
            return name
    if n < 120 and _SHARE_WORDS.match(key):
        return "share"
    if "|" in key and n < 200:  # "شاركوا الخبر | تابعونا على تلغرام": every part must qualify
        labels = [classify_key(part) for part in key.split("|") if part.strip()]
        if len(labels) > 1 and all(labels):
            return labels[0]
    return None


def classify_line(line: str) -> str | None:
    """Return the rule name if ``line`` is boilerplate, else ``None``."""
    return classify_key(normalize_key(line))


@component("boilerplate", requires=(), assigns=("boilerplate",), any_language=True)
def mark_boilerplate(doc: Document, config: Config) -> None:
    text = doc.text
    view = normalize(text, config.norm)
    key = fold_key(view.text, config.norm)
    spans: list[Span] = []
    for m in re.finditer(r"[^\n]+", key):
        rule = classify_key(m.group())
        if not rule:
            continue
        a, b = view.to_original(*m.span())
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            spans.append(Span(a, b, rule, f"b{len(spans)}"))
    doc.set_layer("boilerplate", spans, as_is=True)


def in_boilerplate(doc: Document, start: int, end: int) -> bool:
    """True when ``[start, end)`` lies inside a marked boilerplate line.

    Quotes and events ask this for every cue; a bisection over the lines (a document view)
    keeps a long report with many marked lines linear instead of quadratic.
    """
    lines = doc.layers.get("boilerplate")
    if not lines:
        return False
    idx = doc.view("boilerplate_index")
    if idx is None:
        idx = _line_index(lines)
        doc.set_view("boilerplate_index", idx, ("boilerplate",))
    ordered, starts, ends = idx
    if not ordered:  # spans added out of order or overlapping: scan them
        return any(s.start <= start and end <= s.end for s in lines)
    k = bisect.bisect_right(starts, start) - 1
    return k >= 0 and end <= ends[k]


def _line_index(lines: list[Span]) -> tuple[bool, tuple[int, ...], tuple[int, ...]]:
    """(in order, starts, ends) of the lines: the bisection needs disjoint lines in text
    order.  A flag, not an identity test against a shared constant: compiled (rasd.native),
    tuples are values and lose their identity."""
    starts = tuple(s.start for s in lines)
    ends = tuple(s.end for s in lines)
    ordered = not any(ends[k] > starts[k + 1] for k in range(len(lines) - 1))
    return ordered, starts, ends
