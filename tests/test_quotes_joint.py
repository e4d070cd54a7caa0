"""Speakers who speak together ("Both Lind and Okafor denied ...") are each of them a speaker
all the way through the dossier: each one's entity on the quote, a position for each on the
claim, a voice for each in the framing, the quote under each name in the report. Run through
the public API on real files, a real SQLite database and a schema check."""

from __future__ import annotations

from pathlib import Path

import pytest

from counterpoint.api import analyze
from counterpoint.config import Config
from counterpoint.model import to_json
from counterpoint.report.markdown import render_markdown
from counterpoint.schema import validate_dossier

pytestmark = pytest.mark.slow

TEXTS = {
    "harbour-a.txt": (
        "Blast damages Portvik harbour\n\n"
        "PORTVIK, May 4 - An explosion damaged the harbour in Portvik overnight, the port authority said.\n\n"
        "Harbour master Tomas Kell said the blast was caused by a mine laid by saboteurs. "
        "Mayor Ada Lind and trade minister Sara Okafor both denied that the blast was caused by a mine.\n\n"
        "Lind said the port would reopen on Monday."
    ),
    "harbour-b.txt": (
        "Portvik harbour blast: mayor and minister deny mine claim\n\n"
        "An explosion struck the harbour in Portvik on Thursday night.\n\n"
        "Tomas Kell, the harbour master, said the blast was caused by a mine laid by saboteurs. "
        "Both Lind and Okafor denied that the blast was caused by a mine, saying a fuel tank had exploded.\n\n"
        "Okafor said the port would reopen on Monday."
    ),
}


@pytest.fixture(scope="module")
def dossier(tmp_path_factory):
    folder = tmp_path_factory.mktemp("joint")
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return analyze([folder], db=Path(folder) / "c.db", config=Config(now="2026-01-01T00:00:00+00:00"))


def _joint(story):
    return [q for q in story.quotes if q.speaker.members]


def test_each_joint_speaker_keeps_their_own_entity(dossier):
    (story,) = dossier.stories
    names = {e.id: e.name for e in story.entities}
    joint = _joint(story)
    denials = [q for q in joint if q.cue is not None and q.cue.stance == "denial"]
    assert sorted(q.article_id for q in denials) == sorted(a.id for a in story.articles)  # one per article
    for quote in joint:
        text = next(a.text for a in story.articles if a.id == quote.article_id)
        assert quote.speaker.entity_id is None and quote.speaker.name == "Ada Lind and Sara Okafor"
        members = quote.speaker.members
        assert [names.get(m.entity_id or "") for m in members] == ["Ada Lind", "Sara Okafor"]
        assert [m.name for m in members] == ["Ada Lind", "Sara Okafor"]
        # each member's mention lies inside the joint mention, in the article's own words
        for m in members:
            assert quote.speaker.start <= m.start < m.end <= quote.speaker.end
            assert text[m.start:m.end] in ("Mayor Ada Lind", "Ada Lind", "trade minister Sara Okafor",
                                           "Sara Okafor", "Lind", "Okafor")


def test_each_joint_speaker_holds_a_position_on_the_claim(dossier):
    (story,) = dossier.stories
    claim = next(c for c in story.claims if any("mine" in r.text for r in c.reports))
    deniers = {p.name for p in claim.positions if p.stance == "denies"}
    asserters = {p.name for p in claim.positions if p.stance == "asserts" or p.stance == "reports"}
    assert {"Ada Lind", "Sara Okafor"} <= deniers
    assert "Tomas Kell" in asserters
    assert claim.status == "contested"
    names = {e.id: e.name for e in story.entities}
    assert all(names.get(p.entity_id or "") == p.name for p in claim.positions if p.name in deniers)


def test_each_joint_speaker_is_a_voice_and_listed_in_the_report(dossier):
    (story,) = dossier.stories
    for framing in story.framing:
        voices = {v.name: v.quotes for v in framing.voices}
        assert voices.get("Ada Lind", 0) >= 1 and voices.get("Sara Okafor", 0) >= 1
        assert "Ada Lind and Sara Okafor" not in voices
    md = render_markdown(dossier)
    for name in ("Ada Lind", "Sara Okafor"):
        section = md.split(f"### {name}", 1)
        assert len(section) == 2, name
        assert "the blast was caused by a mine" in section[1].split("###", 1)[0]


def test_the_dossier_with_joint_speakers_is_valid(dossier):
    validate_dossier(to_json(dossier))


def test_what_struck_is_another_claim_than_what_caused_it(dossier):
    """"An explosion struck the harbour" and "the blast was caused by a mine" share the
    predicate family of attacks but no agent: two claims, so the deniers of the mine are
    not told as denying the explosion."""
    (story,) = dossier.stories
    mine = next(c for c in story.claims if any("caused by a mine" in r.text for r in c.reports))
    assert not any("explosion" in r.text.lower() for r in mine.reports)
    assert not mine.outlets.own_voice
    for sentence in story.summary:
        if "deny" in sentence.text:
            assert "mine" in sentence.text and "explosion" not in sentence.text.lower()
