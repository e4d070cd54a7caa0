"""Copies of one wire text are found; different reports of one event are not copies."""

from __future__ import annotations

from counterpoint.dedupe import containment, find_copies, shingles
from tests.factories import make_article

WIRE = (
    "The harbour authority said on Monday that the northern pier would stay closed for "
    "repairs after a storm damaged its supports, and that ferries would use the southern "
    "terminal until further notice. Engineers were inspecting the structure, it said."
)


def test_syndicated_copy_inside_other_text_is_a_copy() -> None:
    original = make_article(WIRE, input_id="wire")
    syndicated = make_article("Local news roundup.\n\n" + WIRE + "\n\nMore at six.", input_id="copy")
    rewrite = make_article(
        "Ferries are moving to the southern terminal because storm damage shut the northern "
        "pier, harbour officials announced, adding that engineers are checking it.",
        input_id="rewrite",
    )
    assert find_copies([original, syndicated, rewrite]) == (tuple(sorted([original.id, syndicated.id])),)


def test_copies_do_not_depend_on_input_order() -> None:
    arts = [make_article(WIRE, input_id=str(i)) for i in range(3)]
    assert find_copies(arts) == find_copies(list(reversed(arts)))


def test_containment_is_share_of_smaller_set() -> None:
    small = shingles(WIRE[: WIRE.index(" supports")])
    assert containment(small, shingles(WIRE)) == 1.0
    assert containment(frozenset(), small) == 0.0
