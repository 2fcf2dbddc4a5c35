"""The real-news scorers' own parts on synthetic sentences written for these tests: how a
stand-off gold file becomes gold quotes, and the two baselines (they must find the plain
cases and nothing else, or the comparison they give means little)."""

from __future__ import annotations

from rasd.eval.baselines import baseline_quotes, baseline_times
from rasd.eval.quotes import PredQuote, score_document
from rasd.eval.realnews import NONE, gold_quotes, mentions
from rasd.eval.times import Report, score_predictions

TEXT = "قال وزير المالية خالد سالم إن العجز تراجع. وأضاف أن الإيرادات زادت."


def _span(text: str, s: str) -> dict[str, object]:
    k = text.index(s)
    return {"start": k, "end": k + len(s), "text": s}


def test_mentions_are_whitespace_insensitive() -> None:
    text = "خالد  سالم قال، ثم خالد سالم أضاف"
    assert mentions(text, "خالد سالم") == ((0, 10), (19, 28))
    assert mentions(text, "") == ()


def test_a_pro_drop_gold_speaker_is_any_mention_of_its_text() -> None:
    data = {"quotes": [
        {"cue": _span(TEXT, "قال"), "speaker": _span(TEXT, "وزير المالية خالد سالم"),
         "speaker_text": "وزير المالية خالد سالم",
         "content": {**_span(TEXT, "إن العجز تراجع"), "text_head": "إن العجز"},
         "speaker_kind": "named_person"},
        {"cue": _span(TEXT, "وأضاف"), "speaker": None, "speaker_text": "خالد سالم",
         "content": {**_span(TEXT, "أن الإيرادات زادت"), "text_head": "أن"},
         "speaker_kind": "named_person"},
    ]}
    g = gold_quotes(TEXT, data)
    assert g[1].speaker == NONE
    full, surname = (TEXT.index("خالد"), TEXT.index("سالم") + 4), (TEXT.index("سالم"),
                                                                   TEXT.index("سالم") + 4)
    assert g[1].alt_speakers == (full, surname)
    # a prediction carrying the pro-drop statement's speaker over from the first mention
    first = (TEXT.index("خالد"), TEXT.index("سالم") + 4)
    pred = [PredQuote((40, 45), [first], (g[1].content[0], g[1].content[1]), "named_person",
                      "assert")]
    c = score_document(pred, g[1:])
    assert c.tp["joint_overlap"] == 1 and c.kind_found["named_person"] == 1
    # a speaker elsewhere does not match
    wrong = [PredQuote((40, 45), [(0, 3)], g[1].content, "named_person", "assert")]
    assert score_document(wrong, g[1:]).tp["joint_overlap"] == 0


def test_quote_baseline_reads_verb_speaker_marker_clause() -> None:
    got = baseline_quotes(TEXT)
    assert len(got) == 1  # "وأضاف" has no written speaker: the baseline skips it
    cue, sp, con, kind = got[0]
    assert TEXT[cue[0]:cue[1]] == "قال"
    assert TEXT[sp[0]:sp[1]] == "وزير المالية خالد سالم"
    assert TEXT[con[0]:con[1]] == "إن العجز تراجع"
    assert kind == "named_person"
    assert baseline_quotes("قال الرجل كلاما كثيرا في الحفل.") == []  # no content marker


def test_time_baseline_finds_months_weekdays_and_years() -> None:
    text = "وصل يوم الأحد 5 مايو 2019 ثم غادر في 2020 ولم يعد منذ يناير."
    got = {text[s:e]: v for s, e, _, v in baseline_times(text)}
    assert got == {"يوم الأحد 5 مايو 2019": "2019-05-05", "2020": "2020", "يناير": None}


def test_time_predictions_are_scored_like_the_extractor() -> None:
    text = "في 2020 وفي مايو"
    gold = [{"start": 3, "end": 7, "type": "DATE", "value": "2020"},
            {"start": 12, "end": 16, "type": "DATE", "value": "2020-05"}]
    rep = Report("t")
    score_predictions(text, baseline_times(text), gold, rep)
    d = rep.to_dict()
    assert (d["gold"], d["pred"], d["exact_f1"]) == (2, 2, 1.0)
    assert d["value_acc_exact"] == 0.5  # "مايو" alone has no value in the baseline


def test_a_pro_drop_person_is_any_mention_of_the_surname() -> None:
    text = "وقال المدير خالد سالم، إن الخطة جاهزة. وقال سالم إن التنفيذ يبدأ. وأضاف أن الكلفة قليلة."
    data = {"quotes": [{"cue": _span(text, "وأضاف"), "speaker": None,
                        "speaker_text": "خالد سالم",
                        "content": {**_span(text, "أن الكلفة قليلة"), "text_head": "أن"},
                        "speaker_kind": "named_person"}]}
    (g,) = gold_quotes(text, data)
    second = text.index("سالم", text.index("وقال سالم"))
    assert (second, second + 4) in g.alt_speakers  # "وقال سالم": the same person
    first = text.index("سالم")
    assert (first, first + 4) in g.alt_speakers  # a comma after the surname is no letter
    # not for an unnamed source: "في الوزارة" is no surname
    data["quotes"][0].update(speaker_text="مسؤول في الوزارة", speaker_kind="anonymous")
    assert gold_quotes(text, data)[0].alt_speakers == ()


def test_mentions_accept_the_usual_spelling_variants() -> None:
    text = "وقال الرئيس بشار الاسد إن الجيش صامد."
    start = text.index("بشار")
    assert mentions(text, "بشار الأسد") == ((start, start + len("بشار الاسد")),)
