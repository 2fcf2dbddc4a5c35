"""The package's public surface is pinned (httpx style) and works end to end on real text."""

import rasd


def test_public_api_is_pinned():
    assert rasd.__all__ == [
        "Config",
        "Document",
        "Meta",
        "Pipeline",
        "RasdError",
        "Span",
        "analyze",
        "iter_documents",
    ]


def test_analyze_one_shot_on_the_seed(seed_text):
    doc = rasd.analyze(seed_text, config=rasd.Config(published="2021-11-01"))
    assert doc.text == seed_text  # the original is never changed
    for name in ("tokens", "sentences", "boilerplate", "entities", "times", "places", "quotes"):
        assert doc.layer(name), name
        for s in doc.layer(name):
            assert 0 <= s.start < s.end <= len(seed_text)
    canon = {s.attrs.get("canonical") for s in doc.layer("entities")}
    assert "بشار الأسد" in canon
