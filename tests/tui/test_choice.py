"""The one-line choice: keys, what it shows (without colour, never as markup), its message,
a long list shown one option at a time with the whole list a key away, and its place in the
wizard (every choice question)."""

from __future__ import annotations

from typing import Any, ClassVar

import pytest
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList

from tests.tui.wizard_helpers import HOSTILE, new_app, ready
from tui.dialogs.pick import PickScreen
from tui.state.form import YES_NO, FieldSpec
from tui.state.steps import STEPS
from tui.wizard.choice import Choice
from tui.wizard.choice_row import ChoiceRow
from tui.wizard.question import CHOICE_KEYS, LABEL_WIDTH

LEVELS = (("Unknown", ""), ("Low", "low"), ("Medium", "medium"), ("High", "high"))


class ChoiceApp(App[None]):
    """One choice, focused; `x` is an app key (to see which keys the choice lets through)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("x", "tally", "Tally")]

    def __init__(self, options: Any = LEVELS, value: str | None = None) -> None:
        super().__init__()
        self.options = options
        self.value = value
        self.tallied = 0

    def compose(self) -> ComposeResult:
        yield Choice(self.options, value=self.value, id="choice")

    def action_tally(self) -> None:
        self.tallied += 1


def changes(messages: list[Message]) -> list[str]:
    """The values of the `Changed` messages posted (the hook sees each at every node it
    bubbles through: each counted once)."""
    seen: dict[int, str] = {}
    for m in messages:
        if isinstance(m, Choice.Changed):
            seen.setdefault(id(m), m.value)
    return list(seen.values())


def text(choice: Choice) -> list[str]:
    """The lines the choice renders, as plain text (what NO_COLOR shows)."""
    return [line.plain for line in choice.render().split("\n")]


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        (("right",), "low"),
        (("right", "right", "right", "right"), "high"),  # stops at the end
        (("left",), ""),  # stops at the start
        (("end",), "high"),
        (("end", "home"), ""),
        (("m",), "medium"),
        (("M",), "medium"),
        (("end", "u"), ""),
        (("l",), "low"),  # an option's letter wins over l-as-right
    ],
)
async def test_keys_choose(keys: tuple[str, ...], expected: str) -> None:
    app = ChoiceApp()
    async with app.run_test() as pilot:
        choice = app.query_one(Choice)
        assert app.focused is choice
        await pilot.press(*keys)
        assert choice.value == expected


async def test_h_and_l_move_when_no_option_starts_with_them() -> None:
    app = ChoiceApp(YES_NO)
    async with app.run_test() as pilot:
        choice = app.query_one(Choice)
        await pilot.press("l")
        assert choice.value == "yes"
        await pilot.press("l")
        assert choice.value == "no"
        await pilot.press("h")
        assert choice.value == "yes"


async def test_a_letter_shared_by_options_cycles_through_them() -> None:
    options = (("hosted (default)", ""), ("hosted API", "hosted"), ("LoRA", "lora"))
    app = ChoiceApp(options, value="lora")
    async with app.run_test() as pilot:
        choice = app.query_one(Choice)
        seen = []
        for _ in range(3):
            await pilot.press("h")
            seen.append(choice.value)
        assert seen == ["", "hosted", ""]


async def test_other_keys_go_on_to_the_app_and_letters_used_do_not() -> None:
    app = ChoiceApp(YES_NO)
    async with app.run_test() as pilot:
        await pilot.press("x", "y", "x")
        assert app.tallied == 2
        assert app.query_one(Choice).value == "yes"


async def test_changed_is_posted_once_per_change_with_control() -> None:
    messages: list[Message] = []
    app = ChoiceApp()
    async with app.run_test(message_hook=messages.append) as pilot:
        choice = app.query_one(Choice)
        await pilot.pause()
        assert changes(messages) == []  # not on mount
        await pilot.press("right", "left", "left")  # the last one changes nothing
        await pilot.pause()
        assert changes(messages) == ["low", ""]
        event = next(m for m in messages if isinstance(m, Choice.Changed))
        assert event.control is choice
        choice.value = "high"
        await pilot.pause()
        assert changes(messages) == ["low", "", "high"]


async def test_an_unknown_value_is_refused() -> None:
    app = ChoiceApp()
    async with app.run_test():
        choice = app.query_one(Choice)
        with pytest.raises(ValueError, match="maybe"):
            choice.value = "maybe"
        assert choice.value == ""
    with pytest.raises(ValueError):
        Choice(LEVELS, value="maybe")
    with pytest.raises(ValueError):
        Choice(())


async def test_the_chosen_option_is_bracketed_and_reversed() -> None:
    app = ChoiceApp(value="medium")
    async with app.run_test():
        choice = app.query_one(Choice)
        assert text(choice) == [" Unknown   Low  [Medium]  High "]
        # What reaches the terminal: reversed where the brackets are, and nowhere else.
        reversed_text = "".join(
            segment.text
            for segment in choice.render_line(0)
            if segment.style is not None and segment.style.reverse
        )
        assert reversed_text == "[Medium]"


async def test_labels_are_never_markup() -> None:
    labels = (HOSTILE, "[b]bold[/b]", "back\\")
    app = ChoiceApp(tuple((label, str(i)) for i, label in enumerate(labels)), value="1")
    async with app.run_test(size=(120, 5)):
        choice = app.query_one(Choice)
        assert text(choice) == [f" {HOSTILE}  [[b]bold[/b]]  back\\ "]
        assert app.is_running


async def test_options_that_do_not_fit_wrap_whole_and_the_height_follows() -> None:
    options = (
        ("the monthly bill above", ""),
        ("tokens, fine-tuned rates", "per_token"),
        ("tokens + hourly deployment fee", "base_plus_hourly"),
    )
    app = ChoiceApp(options)
    async with app.run_test(size=(60, 10)) as pilot:
        choice = app.query_one(Choice)
        assert text(choice) == [
            "[the monthly bill above]  tokens, fine-tuned rates ",
            " tokens + hourly deployment fee ",
        ]
        assert choice.size.height == 2
        await pilot.click(Choice, offset=(5, 1))
        assert choice.value == "base_plus_hourly"
        await pilot.click(Choice, offset=(30, 0))
        assert choice.value == "per_token"


TASKS = tuple((f"Task {name}", name.lower()) for name in "ABCDEFGHIJ")
"""A long list (more than `options_fit` allows): shown one option at a time."""


async def test_a_long_list_shows_the_chosen_option_and_where_it_is() -> None:
    app = ChoiceApp((("Unknown", ""), *TASKS), value="c")
    async with app.run_test(size=(60, 5)) as pilot:
        choice = app.query_one(Choice)
        assert choice.listed
        assert text(choice) == ["‹ Task C ›  4/11 · enter lists all"]
        assert choice.size.height == 1
        await pilot.press("right", "right")
        assert choice.value == "e"
        await pilot.press("end")
        assert choice.value == "j"
        await pilot.press("u")  # first letters still choose
        assert choice.value == ""
        reversed_text = "".join(
            segment.text
            for segment in choice.render_line(0)
            if segment.style is not None and segment.style.reverse
        )
        assert reversed_text == "‹ Unknown ›"  # the chosen option reads without colour


async def test_enter_lists_all_options_and_picks_one() -> None:
    app = ChoiceApp((("Unknown", ""), *TASKS), value="b")
    async with app.run_test(size=(60, 20)) as pilot:
        choice = app.query_one(Choice)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PickScreen)
        listing = app.screen.query_one(OptionList)
        assert listing.option_count == 11
        assert listing.highlighted == 2  # the chosen option
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, PickScreen)
        assert choice.value == "d"
        assert app.focused is choice


async def test_escape_leaves_a_long_list_as_it_was() -> None:
    messages: list[Message] = []
    app = ChoiceApp((("Unknown", ""), *TASKS), value="b")
    async with app.run_test(size=(60, 20), message_hook=messages.append) as pilot:
        choice = app.query_one(Choice)
        await pilot.press("space", "down", "escape")
        await pilot.pause()
        assert not isinstance(app.screen, PickScreen)
        assert choice.value == "b"
        assert changes(messages) == []


async def test_a_click_on_a_long_list_opens_it_and_enter_on_a_short_one_does_not() -> None:
    app = ChoiceApp((("Unknown", ""), *TASKS))
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.click(Choice)
        await pilot.pause()
        assert isinstance(app.screen, PickScreen)
    app = ChoiceApp()
    async with app.run_test() as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, PickScreen)


async def test_every_choice_question_in_the_wizard_is_a_choice() -> None:
    app = new_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        for index in range(len(STEPS)):
            if index:
                await pilot.press("ctrl+n")
                await pilot.pause()
            for row in app.wizard.steps[index].rows:
                if row.spec.kind in ("choice", "answer"):
                    assert isinstance(row, ChoiceRow), row.spec.path
                    assert row.listed == (len(row.spec.options) > 6), row.spec.path
                    assert CHOICE_KEYS in row.hint, row.spec.path
                else:
                    assert not isinstance(row, Choice), row.spec.path
        task = app.wizard.query_one("#field-use_case--task", ChoiceRow)
        assert task.listed


async def test_a_choice_answer_reaches_the_answers_and_loads_back() -> None:
    app = new_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        row = app.wizard.query_one("#field-use_case--error_cost", ChoiceRow)
        row.focus()
        await pilot.press("h")
        await pilot.pause()
        assert app.wizard.answers["use_case.error_cost"] == "high"
        assert app.dirty
        profile = app.wizard.evaluation.profile if app.wizard.evaluation else None
        assert profile is not None and profile.use_case.error_cost == "high"
        await pilot.press("u")
        await pilot.pause()
        assert "use_case.error_cost" not in app.wizard.values or not row.value
        assert app.wizard.answers["use_case.error_cost"] == ""
        # A loaded document shows its answer; a value no option has reads as unknown.
        row.value = "low"
        assert row.value == "low" and "[Low]" in row.render().plain
        row.value = "sometimes"
        assert row.value == "" and "[Unknown]" in row.render().plain


def reversed_columns(row: ChoiceRow) -> list[range]:
    """The columns of the row's first line drawn reversed (what NO_COLOR keeps)."""
    line = row.render().split("\n")[0]
    return sorted(
        (range(span.start, span.end) for span in line.spans if "reverse" in str(span.style)),
        key=lambda r: r.start,
    )


class RowApp(App[None]):
    """One choice question as the wizard shows it (a `ChoiceRow`), and a plain choice after
    it (focused first, so the row's focus is the test's doing)."""

    def __init__(self, spec: FieldSpec, value: str = "") -> None:
        super().__init__()
        self.spec = spec
        self.value = value

    def compose(self) -> ComposeResult:
        yield ChoiceRow(self.spec, self.value)
        yield Choice(YES_NO, id="other")

    def on_mount(self) -> None:
        self.query_one("#other").focus()


CRITICAL = FieldSpec(
    "use_case.criticality", "How critical?", "High: money.", kind="choice", choices=LEVELS[1:]
)


async def test_a_choice_row_draws_its_label_left_of_the_options_and_its_hint_below() -> None:
    app = RowApp(CRITICAL, "medium")
    async with app.run_test(size=(80, 10)) as pilot:
        row = app.query_one(ChoiceRow)
        lines = text(row)
        # "Unknown" is added (the question had none), the answer is in the label's column.
        assert lines[0] == "How critical?".ljust(LABEL_WIDTH) + (
            " Unknown   Low  [Medium]  High ".ljust(80 - LABEL_WIDTH)
        )
        assert lines[1:] == [f"High: money. {CHOICE_KEYS}"]
        assert row.size.height == 2
        medium = range(lines[0].index("[Medium]"), lines[0].index("[Medium]") + 8)
        assert reversed_columns(row) == [medium]  # the chosen option alone
        # Focused, the label is reversed across its column too; the text is unchanged.
        row.focus()
        await pilot.pause()
        assert reversed_columns(row) == [range(0, LABEL_WIDTH - 1), medium]
        assert text(row)[0] == lines[0]


async def test_a_click_chooses_by_column_and_a_click_on_the_label_chooses_nothing() -> None:
    app = RowApp(CRITICAL)
    async with app.run_test(size=(80, 10)) as pilot:
        row = app.query_one(ChoiceRow)
        high = text(row)[0].index(" High ")
        await pilot.click(ChoiceRow, offset=(high + 1, 0))
        assert row.value == "high"
        await pilot.click(ChoiceRow, offset=(3, 0))  # on the label
        await pilot.click(ChoiceRow, offset=(high + 1, 1))  # on the hint, below "High"
        assert row.value == "high"
        low = text(row)[0].index(" Low ")
        await pilot.click(ChoiceRow, offset=(low - 1, 0))  # the gap before "Low"
        assert row.value == "high"
        await pilot.click(ChoiceRow, offset=(LABEL_WIDTH + 1, 0))
        assert row.value == ""


async def test_a_refused_choice_row_shows_the_reason_below_and_clears_it() -> None:
    app = RowApp(CRITICAL, "low")
    async with app.run_test(size=(80, 10)) as pilot:
        row = app.query_one(ChoiceRow)
        assert row.set_error("not with this [b]model[/b]") == "not with this [b]model[/b]"
        await pilot.pause()
        assert row.has_class("-invalid")
        assert text(row)[2] == "✗ not with this [b]model[/b]"  # never markup
        assert row.size.height == 3
        assert row.set_error(None) is None
        await pilot.pause()
        assert not row.has_class("-invalid") and row.size.height == 2


async def test_a_choice_row_reads_an_answer_no_option_has_as_unknown() -> None:
    app = RowApp(CRITICAL, "sometimes")
    async with app.run_test(size=(80, 10)):
        row = app.query_one(ChoiceRow)
        assert row.value == "" and "[Unknown]" in text(row)[0]


async def test_a_longer_choice_grows_its_row_and_keeps_the_whole_hint() -> None:
    """Seen in tmux: a task type whose words wrap took a line from the hint below it."""
    from tui.wizard.choice_row import ChoiceRow
    from tui.wizard.question import row_id

    app = new_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        row = app.wizard.query_one("#" + row_id("use_case.task"), ChoiceRow)
        before = row.size.height
        row.value = "standard_ner"
        await pilot.pause()
        lines = row.render().plain.splitlines()
        assert row.size.height == len(lines) > before
        assert lines[-1].endswith("letter.")
