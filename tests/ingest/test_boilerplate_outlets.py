"""In-text boilerplate in the styles of several Arabic outlets; article lines stay unmarked.

Every article below was written for rasd in the manner of outlets from the Levant, the Gulf,
Egypt, the Maghreb and Iraq; lines prefixed ``!`` are boilerplate, the rest article prose —
including traps that start like a call to action or mention a platform or a photo.
"""

from __future__ import annotations

import pytest

from rasd.doc import Document
from rasd.extract.boilerplate import classify_line, in_boilerplate, mark_boilerplate
from rasd.pipeline import analyze

ARTICLES = {
    "levant": """
أعلنت وزارة الدفاع السورية، صباح الأحد، أن الدفاعات الجوية تصدت لصواريخ إسرائيلية في محيط دمشق.
! (صورة: رويترز)
وقال مصدر عسكري إن الهجوم استهدف مواقع في حي كفرسوسة، من دون أن يحدد حجم الخسائر.
! إقرأ أيضاً: المرصد يوثق 30 غارة إسرائيلية منذ بداية العام
تابع الرئيس السوري عبر اتصال هاتفي تطورات الهجوم مع قادة الأجهزة الأمنية.
! تابعونا على تلغرام
المصدر: الوكالة العربية السورية للأنباء (سانا)
""",
    "gulf": """
وقعت الإمارات والسعودية اتفاقية لتعزيز التعاون في مجال الطاقة المتجددة.
! الصورة من أرشيف وكالة أنباء الإمارات
وأوضح البيان أن الاتفاقية تشمل مشاريع بقيمة 5 مليارات درهم.
! اقرأ المزيد
! للاشتراك في نشرتنا الصباحية، سجّل بريدك الإلكتروني
اشترك المئات من رواد الأعمال في المنتدى الذي استضافته دبي على مدى ثلاثة أيام.
! شارك: فيسبوك تويتر واتساب
""",
    "egypt": """
! كتب: أحمد يوسف
قرر البنك المركزي المصري رفع أسعار الفائدة بواقع 600 نقطة أساس في اجتماع استثنائي.
! اقرأ أيضًا: أسعار الذهب اليوم في مصر بعد قرار البنك المركزي
صورة قاتمة رسمها خبراء الاقتصاد لأوضاع الأسواق خلال الأشهر المقبلة.
! شاهد أيضاً: لحظة إعلان القرار من داخل البنك المركزي
! حمّل تطبيق بوابة النيل من هنا
شاهد عيان قال إن طوابير طويلة تشكلت أمام مكاتب الصرافة في وسط القاهرة.
""",
    "maghreb": """
ارتفعت حصيلة ضحايا الزلزال الذي ضرب إقليم الحوز إلى أكثر من ألفي قتيل.
! جنود من القوات المسلحة الملكية يشاركون في عمليات الإنقاذ (صورة: أ ف ب)
وأعلن الديوان الملكي الحداد الوطني ثلاثة أيام.
! قد يهمك أيضاً: جامعة كرة القدم تؤجل مباراة المنتخب
! الوسوم: المغرب، زلزال الحوز، الحداد
للمزيد من الضغوط على الحكومة، قرر البرلمان عقد جلسة طارئة لمساءلة وزير الداخلية.
""",
    "iraq": """
أعلنت المفوضية العليا المستقلة للانتخابات أن نسبة المشاركة بلغت 41 بالمئة.
! شاركوا الخبر | تابعونا على تلغرام
انضم تحالف جديد إلى قائمة القوى المعترضة على النتائج في محافظة كركوك.
! (إعداد: سامر الخطيب - تحرير: ليلى حداد)
! إعلان
! جميع الحقوق محفوظة © 2023
""",
}


def split(article: str) -> tuple[str, list[str], list[str]]:
    lines = [line for line in article.strip().splitlines() if line.strip()]
    text = "\n".join(line.removeprefix("! ") for line in lines)
    boiler = [line[2:] for line in lines if line.startswith("! ")]
    prose = [line for line in lines if not line.startswith("! ")]
    return text, boiler, prose


@pytest.mark.parametrize("style", sorted(ARTICLES))
def test_marks_exactly_the_boilerplate_lines(style: str):
    text, boiler, prose = split(ARTICLES[style])
    doc = Document(text)
    from rasd.config import Config

    mark_boilerplate(doc, Config())
    assert [doc.span_text(s) for s in doc.layer("boilerplate")] == boiler
    for line in prose:
        start = text.index(line)
        assert not in_boilerplate(doc, start, start + len(line)), line


@pytest.mark.parametrize(
    "line",
    [
        "اقـ.ـرأ أيـ.ـضاً: الجيش يعلن السيطرة على المدينة",  # obfuscated teaser
        "\u200fاقرأ أيضاً:\u200f الأمم المتحدة تحذر",  # bidi marks around it
        "إقرأ ايضا - انهيار جديد لليرة",
        "اقرأ كذلك: وزير الخارجية في بغداد",
        "اقرأ أيضا.. البورصة المصرية تربح 12 مليار جنيه",
        "اقرأ أيضاً >> الأهلي يتعاقد مع مهاجم جديد",
    ],
)
def test_variants_of_read_also(line: str):
    assert classify_line(line) == "read_also"


@pytest.mark.parametrize(
    "line",
    [
        "يمكنكم متابعة آخر الأخبار عبر حسابنا على تويتر",
        "تابعوا آخر أخبار مصر عبر تطبيق اليوم السابع",
        "للمزيد من الأخبار تابعوا هسبريس على فيسبوك",
    ],
)
def test_variants_of_social_calls(line: str):
    assert classify_line(line) in ("social", "read_also")


@pytest.mark.parametrize(
    "line",
    [
        "المصدر: وكالة الأنباء السعودية (واس)",
        "وقالت الوكالة إن الصورة من أرشيف الجيش تظهر الموقع قبل القصف بأيام، وهو ما نفته وزارة الدفاع في بيان رسمي صدر مساء اليوم نفسه وأكدت فيه أن الصور مفبركة ولا أساس لها من الصحة وأنها ستلاحق من نشرها قضائياً.",
        "اشترك نحو ألف متظاهر في المسيرة التي جابت شوارع الخرطوم.",
        "تابع الحضور عبر شاشات عملاقة المباراة النهائية في الدوحة.",
        "صورة أرشيفية تحولت إلى دليل في قضية الفساد أمام محكمة الجنايات.",
        "كتب الرئيس على منصة إكس: لن نتراجع.",
        "وكتب: إن الحكومة لن تتراجع عن قرارها مهما كانت الضغوط الشعبية والبرلمانية.",
    ],
)
def test_article_lines_are_never_marked(line: str):
    assert classify_line(line) is None


def test_gold_boilerplate_of_the_seed(seed_text: str, seed_gold: dict):
    from rasd.config import Config

    doc = analyze(seed_text, config=Config(components=("text", "boilerplate")))
    assert [[s.start, s.end] for s in doc.layer("boilerplate")] == seed_gold["boilerplate"]
