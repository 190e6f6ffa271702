"""The reasons carry their code and what they favour from the rules (no reading of the text
afterwards): a framework's own reason is coded by its id and favours its verdict, which its
text opens with; guide 001's task-table line is `task_table`; the consolidation's reasons are
`decision`, `decision.2`, … and favour the verdict. Profiles store exactly these."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from engine.assessment import Assessment
from engine.rules import recommend
from profiles.snapshot import recommendation_of
from tests.test_rules_helpers import facts
from tests.test_rules_properties import BREAK_EVEN, VOLUMES, assessments


@settings(max_examples=300, deadline=None)
@given(a=assessments(), monthly=VOLUMES, months=BREAK_EVEN, known=st.booleans())
def test_every_reason_is_coded_by_the_rules(
    a: Assessment, monthly: int | None, months: str | None, known: bool
) -> None:
    rec = recommend(a, facts(monthly=monthly, break_even=months, costs_known=known))
    verdicts = {fw.id: fw.verdict for fw in rec.frameworks}
    decisions = []
    for r in rec.reasons:
        if r.code in verdicts:
            assert r.code == r.framework and r.favours == verdicts[r.code]
            assert r.text.startswith(f"{r.favours}: ")
        elif r.code == "task_table":
            assert r.framework == "decision_tree_001" and r.favours == ""
            assert r.text.startswith("task table (")
        else:
            assert r.favours in (rec.verdict, *verdicts.values()), r
            decisions.append(r.code)
    numbered = ["decision" if n == 1 else f"decision.{n}" for n in range(1, len(decisions) + 1)]
    assert decisions == numbered
    codes = [r.code for r in recommendation_of(rec).reasons]
    assert len(codes) == len(set(codes))  # a profile's reasons are told apart by their code
