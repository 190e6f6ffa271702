"""The compare screen at 80 columns keeps names and values distinguishable: a legend names
each profile in full, cells wrap rather than cut, and a default a file leaves out is absent."""

from __future__ import annotations

from tests.tui.test_compare import compared
from tests.tui.wizard_helpers import EXAMPLES, SIZE, THEME
from tui.app import make_app
from tui.compare.side_by_side import SideBySide
from tui.launch import example_document

CHATBOTS = [EXAMPLES / f"support-chatbot-{n}.toml" for n in ("10k", "50k", "100k")]
ENTITY = EXAMPLES / "entity-extraction-gpt-4o-mini.toml"


async def test_three_look_alike_names_and_long_values_read_apart_at_80_columns() -> None:
    paths = [*CHATBOTS, ENTITY]
    app = make_app(example_document("support-chatbot-50k"), theme=THEME, compare=paths)
    async with app.run_test(size=SIZE) as pilot:
        screen = await compared(pilot)
        table = screen.query_one(SideBySide)
        lines = table.plain.splitlines()
        text = "\n".join(lines)
        # Each name whole, once, beside its letter (B and C were both `Customer sup…`).
        assert lines[:4] == [
            "A  Customer support chatbot, 10K queries a month",
            "B  Customer support chatbot, 50K queries a month",
            "C  Customer support chatbot, 100K queries a month",
            "D  Entity extraction on GPT-4o-mini, 10K requests a day",
        ]
        outcomes = "\n".join(lines[: lines.index("Answers that differ")])
        assert "…" not in outcomes  # no value cut: `measure fi…`, `35.47 mont…`
        at = next(i for i, line in enumerate(lines) if line.startswith("workload.requests_per_"))
        assert lines[at + 1].startswith("month")  # a long path breaks at a `_`, not cut
        assert "measure" in text.lower() and "first" in text
        assert max(len(line) for line in lines) <= 78  # four profiles fit, no sideways scroll
        assert table.region.width <= SIZE[0]


async def test_an_answer_one_file_leaves_out_is_absent_not_its_default() -> None:
    paths = [EXAMPLES / "brand-voice.toml", EXAMPLES / "code-generation.toml"]
    app = make_app(example_document("support-chatbot-50k"), theme=THEME, compare=paths)
    async with app.run_test(size=SIZE) as pilot:
        screen = await compared(pilot)
        c = screen.comparison
        assert c is not None
        rows = {r.label: [cell.text for cell in r.cells] for s in c.sections for r in s.rows}
        assert rows["workload.user_tokens"] == ["300", "—"]  # not `0`, the default
        assert not any(
            label.endswith(".confidence") and "primary" in cells for label, cells in rows.items()
        )
