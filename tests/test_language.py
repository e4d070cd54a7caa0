"""detect_language: ISO 639-1 codes from py3langid, "und" when there is too little text."""

from __future__ import annotations

import pytest

from counterpoint.language import detect_language


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The harbour authority said on Tuesday that the bridge would reopen next week.", "en"),
        ("Le conseil municipal a annoncé mardi que le pont rouvrira la semaine prochaine.", "fr"),
        ("Der Stadtrat kündigte am Dienstag an, die Brücke nächste Woche wieder zu öffnen.", "de"),
        ("El ayuntamiento anunció el martes que el puente volverá a abrir la próxima semana.", "es"),
        ("Городской совет объявил во вторник, что мост откроется на следующей неделе.", "ru"),
    ],
)
def test_languages(text, code):
    assert detect_language(text) == code


@pytest.mark.parametrize("text", ["", "   ", "Hello", "12 34 56 !!", "OK, fine."])
def test_too_short_is_undetermined(text):
    assert detect_language(text) == "und"


def test_deterministic():
    text = "A ferry service resumed on Monday after the storm, the operator said."
    assert {detect_language(text) for _ in range(5)} == {"en"}


def test_seeds_are_english(seeds_dir):
    from counterpoint.clean import clean_article
    from counterpoint.ingest import read_inputs

    articles, _ = read_inputs([seeds_dir])
    assert [detect_language(clean_article(a).text) for a in articles] == ["en"] * 5
