"""An actor never disputes his own claim: a speaker who asserts a claim and, elsewhere, voices
doubt in words close to it has said two things, not contested himself (the seeds acceptance
test checks the same on real articles)."""

from __future__ import annotations


def _claim(*reports):
    from counterpoint.model import Claim, ClaimOutlets

    return Claim("c", "x", "contested", tuple(reports), (), ClaimOutlets((), (), (), (), ()),
                 1, 1, ())


def _rep(stance, name, entity_id=None, start=0):
    from counterpoint.model import Report, Source

    return Report("a", start, start + 5, "words", "attributed", None,
                  Source(entity_id, name), stance)


def test_dissent_of_an_actor_who_backs_the_claim_more_often_stands_alone():
    from counterpoint.claims.build import _own_dissent_out

    claim = _claim(_rep("asserts", "Tom Reis", "e1"), _rep("disputes", "Tom Reis", "e1", 10),
                   _rep("asserts", "Tom Reis", "e1", 20), _rep("denies", "Ada Berg", "e2", 30))
    assert _own_dissent_out([[0, 1, 2, 3]], [claim]) == [[0, 2, 3], [1]]


def test_an_actor_whose_doubt_outweighs_his_backing_keeps_the_group_whole():
    from counterpoint.claims.build import _own_dissent_out

    claim = _claim(_rep("asserts", "Tom Reis", "e1"), _rep("disputes", "Tom Reis", "e1", 10),
                   _rep("disputes", "Tom Reis", "e1", 20))
    assert _own_dissent_out([[0, 1, 2]], [claim]) == [[0, 1, 2]]


def test_unnamed_speakers_are_not_one_actor():
    from counterpoint.claims.build import _own_dissent_out

    claim = _claim(_rep("asserts", "unnamed source"), _rep("denies", "unnamed source", None, 10))
    assert _own_dissent_out([[0, 1]], [claim]) == [[0, 1]]
