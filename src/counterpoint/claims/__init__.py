"""Claims and positions: who asserts, denies, disputes or cannot confirm each claim of a story.

The stage runs in four steps, one module each: :mod:`~counterpoint.claims.extract` finds the
checkable clauses (own voice and attributed), :mod:`~counterpoint.claims.stance` reads each
one's stance, :mod:`~counterpoint.claims.group` groups them into claims across outlets and
actors, and :mod:`~counterpoint.claims.outlets` and :mod:`~counterpoint.claims.discrepancies`
say what the groups add up to. See docs/claims.md.
"""

from counterpoint.claims.build import ClaimSettings, build_claims

__all__ = ["build_claims", "ClaimSettings"]
