"""Quotation-mark pairing: every typography we meet, and never giving up on a paragraph."""

from __future__ import annotations

from counterpoint.quotes.marks import find_segments


def inner(text: str) -> list[str]:
    return [text[s.inner_start : s.inner_end] for s in find_segments(text)]


def test_straight_and_curly_double_marks_pair():
    assert inner('He said "go now" and left.') == ["go now"]
    assert inner("He said “go now” and left.") == ["go now"]


def test_mixed_straight_opener_and_curly_closer_pair():
    assert inner('"There was no warning,” the source said.') == ["There was no warning,"]


def test_guillemets_and_low_nine_marks_pair():
    assert inner("«Nous partons», dit-il. Sie sagte „wir gehen“ heute.") == ["Nous partons", "wir gehen"]


def test_guillemets_pointing_inwards_pair_too():
    # German and Danish print »...«; French spaces its «...»
    assert inner("Sie sagte »wir gehen« heute, und »wir bleiben«.") == ["wir gehen", "wir bleiben"]
    assert inner("« Nous partons », dit-il.") == ["Nous partons"]
    assert inner("Er sagte ›nein‹ und ging.") == ["nein"]


def test_single_marks_pair_but_apostrophes_do_not():
    text = "The paper's headline said 'drone attack' and it's the '90s all over again."
    assert inner(text) == ["drone attack"]


def test_possessive_plural_apostrophe_is_not_a_quote():
    assert inner("The drones’ breakdown and the workers’ union were discussed.") == []


def test_missing_closing_mark_is_bounded_by_the_paragraph():
    text = 'The firefighter said: "We were lucky nobody died.\n\nThe government insists otherwise.'
    segs = find_segments(text)
    assert len(segs) == 1
    assert not segs[0].closed
    assert text[segs[0].inner_start : segs[0].inner_end] == "We were lucky nobody died."


def test_missing_opening_mark_starts_at_the_paragraph():
    text = 'Intro line.\nWe do not attack anyone," the president said.'
    segs = find_segments(text)
    assert [text[s.inner_start : s.inner_end] for s in segs] == ["We do not attack anyone,"]
    assert not segs[0].opened and segs[0].closed


def test_continuation_paragraph_opening_with_a_mark():
    text = '"First paragraph of the quote.\n\n"Second paragraph," she said.'
    got = inner(text)
    assert got == ["First paragraph of the quote.", "Second paragraph,"]


def test_transcript_double_apostrophes_are_a_double_mark():
    assert inner("''That was a good speech,'' he told them.") == ["That was a good speech,"]


def test_segments_never_leave_the_text():
    text = '"a "b" c” ‘d « e » „f'
    for seg in find_segments(text):
        assert 0 <= seg.start <= seg.inner_start <= seg.inner_end <= seg.end <= len(text)


def test_an_unclosed_quotation_runs_on_only_into_a_paragraph_that_opens_with_a_mark():
    from counterpoint.quotes.marks import find_segments, inside_closed

    running = '"We stay," Roe said. "The school stays too.\n\n"And so does the ferry."'
    segments = find_segments(running)
    second = segments[1]
    assert second.opened and not second.closed and second.runs_on
    assert inside_closed(running.index("school"), segments)
    broken = '"We stay," Roe said. "The school stays too.\n\nThe ferry left at noon.'
    segments = find_segments(broken)
    assert not any(s.runs_on for s in segments)
    assert not inside_closed(broken.index("school"), segments)
