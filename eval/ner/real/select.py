"""Reproduce the article selection of eval/ner/real/ (no rasd import, no tagger output used).

Usage (from the repository root):  python eval/ner/real/select.py dev|heldout N

Rule: within a part's days, keep the articles whose ``content`` is 500-2000 characters long and
that have a title; shuffle each outlet's list with ``random.Random(f"19-{outlet}")`` (fixed seed
per outlet).  Then fill slots k = 0, 1, 2, ...: slot k asks desk DESK_ORDER[k % 7] of outlet
OUTLETS[k % n] (outlets with more than 20 eligible articles, sorted by name) and takes the first
not-yet-taken article of that outlet's shuffled list whose *title* contains one of the desk's
keywords (for sport: and not "الهلال الأحمر"); a slot with no match is skipped.  The desk label
is only the keyword bucket that picked the article.  The gold annotates the first 49 (dev) and
first 25 (heldout) articles of this order, every one of them, whatever its content.
"""

from __future__ import annotations

import json
import os
import random
import sys
import zipfile
from functools import cache
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SEED = 19
DAYS = {
    "dev": ["2015-07-21", "2015-07-22", "2015-07-23", "2015-07-24", "2015-07-25", "2015-07-26",
            "2015-07-27"],
    "heldout": ["2015-08-03", "2015-08-04", "2015-08-05", "2015-08-06", "2015-08-07",
                "2015-08-08"],
}
DESKS = {
    "politics": ["وزير الخارجية", "الرئيس", "الأمم المتحدة", "مجلس الأمن", "اليمن", "سوري", "إيران",
                 "العراق", "مصر", "فلسطين", "الحوثي", "قمة", "مباحثات", "لبنان", "ليبيا", "تركيا",
                 "روسيا", "أمريكا", "واشنطن"],
    "security": ["الأمن", "أمن ", "شرطة", "القبض", "داعش", "إرهاب", "هجوم", "انفجار", "تفجير",
                 "الدفاع المدني", "حريق", "مقتل", "اشتباك", "الداخلية", "الحدود", "مسلح"],
    "economy": ["أسعار", "النفط", "سوق", "الأسهم", "اقتصاد", "شركة", "بنك", "مصرف", "استثمار",
                "تداول", "ريال", "الصادرات", "مؤشر", "أرباح", "مليار"],
    "sport": ["الهلال", "النصر", "الاتحاد", "الأهلي", "الشباب", "نادي", "النادي", "لاعب", "مدرب",
              "دوري", "منتخب", "مباراة", "فيفا", "الاتفاق", "الفتح", "الرائد", "الفيصلي"],
    "local": ["أمانة", "بلدية", "محافظ", "المرور", "الصحة", "مستشفى", "التعليم", "مشروع", "الأمطار",
              "الطقس", "جامعة", "المياه", "الكهرباء", "حي "],
    "royal": ["خادم الحرمين", "الملك سلمان", "ولي العهد", "ولي ولي العهد", "الديوان الملكي",
              "الأمير", "برقية", "يستقبل", "أمير "],
    "culture": ["ثقاف", "مهرجان", "معرض", "كتاب", "شاعر", "فيلم", "مسرح", "رواية", "أدبي", "فنان",
                "الفن", "التراث", "عكاظ", "شعر", "دراما", "مسلسل"],
}
DESK_ORDER = ["politics", "security", "economy", "sport", "local", "royal", "culture"]
MINLEN, MAXLEN = 500, 2000


def corpus_dir() -> Path:
    env = os.environ.get("RASD_SAUDINEWSNET")
    return Path(env) if env else HERE.parents[3] / "shared" / "data" / "saudinewsnet"


@cache
def day_articles(day: str) -> list[dict[str, Any]]:
    path = corpus_dir() / f"{day}.zip"
    if not path.exists():
        return []
    data: list[dict[str, Any]] = json.loads(zipfile.ZipFile(path).read(f"{day}.json"))
    return data


def select(part: str, n_slots: int) -> list[tuple[str, int, str, str]]:
    """(day, index, outlet, desk) of the first ``n_slots`` selected articles, in order."""
    by: dict[str, list[tuple[str, int]]] = {}
    for d in DAYS[part]:
        for i, a in enumerate(day_articles(d)):
            if MINLEN <= len(a.get("content") or "") <= MAXLEN and a.get("title"):
                by.setdefault(a["source"], []).append((d, i))
    for o in by:
        random.Random(f"{SEED}-{o}").shuffle(by[o])
    outlets = sorted(o for o in by if len(by[o]) > 20)
    picked: list[tuple[str, int, str, str]] = []
    seen: set[tuple[str, int]] = set()
    k = 0
    while len(picked) < n_slots and k < 10 * n_slots:
        desk, o = DESK_ORDER[k % len(DESK_ORDER)], outlets[k % len(outlets)]
        k += 1
        for d, i in by[o]:
            if (d, i) in seen:
                continue
            t = day_articles(d)[i]["title"]
            if any(w in t for w in DESKS[desk]) and not (desk == "sport" and "الهلال الأحمر" in t):
                seen.add((d, i))
                picked.append((d, i, o, desk))
                break
    return picked


if __name__ == "__main__":
    for day, index, outlet, desk in select(sys.argv[1], int(sys.argv[2])):
        print(f"{day}-{index}\t{outlet}\t{desk}")
