"""The options step: the profile's named options listed by name and kind, added from
templates, renamed and removed by key, and the questions of the one picked below the list."""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import Static

from ..state.form import FieldSpec
from ..state.option_ids import PREFIX
from ..state.option_questions import ITEMS, TEMPLATES, template
from ..state.options import (
    KIND_WORDS,
    names,
    option_answers,
    option_id,
    options_of,
    referrers,
)
from .choice import Choice
from .list_row import ListRow
from .question import QuestionRow
from .step import Step

if TYPE_CHECKING:
    from typing import Protocol

    from textual.widget import Widget

    class Wizard(Protocol):
        """What the options step reads and calls on the wizard screen holding it (named here,
        not imported: the wizard screen imports this module)."""

        answers: dict[str, str]
        specs: dict[str, FieldSpec]
        document: dict[str, Any]

        def mark_rows(self) -> None: ...
        def options_changed(self) -> None: ...
        def recompute(self) -> None: ...
        def set_focus(
            self, widget: Widget | None, scroll_visible: bool = ..., from_app_focus: bool = ...
        ) -> None: ...


KEYS = "↑/↓ pick · a add · r rename · x remove"
"""The picker's keys, the hint below it."""
PICKER = FieldSpec("options", "Options", KEYS, "text")


class OptionsPicker(ListRow, can_focus=True):
    """The named options, one a line (`name · kind`), the one picked bracketed and reversed
    when focused (it reads without colour). Its answer is no profile field: it picks."""

    DEFAULT_CSS = """
    OptionsPicker { width: 1fr; height: auto; margin: 0 0 1 0; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "move(-1)", "Previous option", show=False),
        Binding("down", "move(1)", "Next option", show=False),
        Binding("a", "add", "Add an option", show=False),
        Binding("r", "rename", "Rename the option", show=False),
        Binding("x,delete", "remove", "Remove the option", show=False),
    ]

    def __init__(self) -> None:
        super().__init__(PICKER)
        self.entries: list[tuple[str, str, str]] = []
        """(id, name, kind in words) of each named option, in the profile's order."""
        self.picked = ""
        """The id of the option whose questions are shown ("" when there is none)."""

    @property
    def value(self) -> str:
        return self.picked

    @value.setter
    def value(self, text: str) -> None:
        """Opening another file re-reads the options (`OptionsStep.reload`), not this."""

    def show(self, entries: list[tuple[str, str, str]], picked: str) -> None:
        self.entries = entries
        ids = [key for key, _, _ in entries]
        self.picked = picked if picked in ids else (ids[0] if ids else "")
        self.refresh(layout=True)

    EMPTY = "None yet: press a to add one."

    def texts(self) -> list[str]:
        return [f"{name} · {kind}" for _, name, kind in self.entries]

    def picked_at(self) -> int:
        ids = [key for key, _, _ in self.entries]
        return ids.index(self.picked) if self.picked in ids else -1

    def _step(self) -> OptionsStep:
        step = self.parent
        assert isinstance(step, OptionsStep)
        return step

    async def action_move(self, by: int) -> None:
        ids = [key for key, _, _ in self.entries]
        if self.picked in ids:
            at = max(0, min(len(ids) - 1, ids.index(self.picked) + by))
            await self._step().pick(ids[at])

    def action_add(self) -> None:
        self._step().ask_template()

    def action_rename(self) -> None:
        self._step().ask_name()

    def action_remove(self) -> None:
        self._step().ask_remove()


class OptionsStep(Step):
    """The options step (`tui/state/steps/options.py`): the picker, then the picked option's
    questions, rebuilt when another is picked, added, renamed or removed."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.picker = OptionsPicker()

    @property
    def wizard(self) -> Wizard:
        return self.screen  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        title = Content(self.spec.title).stylize("bold $accent")
        yield Static(Content.assemble(title, "\n", self.spec.why), classes="step--why")
        yield Static("", id="options-format", classes="step--why")
        yield self.picker
        self.rows = [self.picker]

    def on_mount(self) -> None:
        self.call_later(self.reload)

    @on(Choice.Changed)
    def _reference_changed(self, event: Choice.Changed) -> None:
        """A reference picked: offer the other options anew once the wizard holds it, never
        one that would build an option from itself."""
        self.call_after_refresh(self.wizard.options_changed)

    # -- what is shown -------------------------------------------------------------------------

    def _options(self) -> dict[str, dict[str, Any]]:
        return options_of(self.wizard.document)

    async def reload(self, picked: str | None = None) -> None:
        """Show the options the answers hold now, `picked`'s questions below them."""
        answers = self.wizard.answers
        ids = list(self._options())
        named = names(answers, ids)
        entries = [
            (key, named[key], KIND_WORDS.get(answers.get(f"{PREFIX}{key}.kind", ""), "Option"))
            for key in ids
        ]
        self.picker.show(entries, self.picker.picked if picked is None else picked)
        self._format_note()
        await self._rows_for(self.picker.picked)

    def _format_note(self) -> None:
        """Say before it happens that a format-2 profile with options is saved as format 3."""
        header = self.wizard.document.get("profile") or {}
        old = header.get("format") if isinstance(header, dict) else None
        note = self.query_one("#options-format", Static)
        upgrading = isinstance(old, int) and old < 3
        note.display = upgrading
        note.update(
            Content(
                f"This profile is format {old}: with options it is saved as format 3, which "
                "tunewise before options cannot read. Saving over its file asks first."
            )
            if upgrading
            else ""
        )

    async def _rows_for(self, key: str) -> None:
        """Mount the questions of option `key` in place of the ones shown."""
        old = [row for row in self.rows if row is not self.picker]
        if old:
            await self.remove_children(old)
        specs = [s for p, s in self.wizard.specs.items() if p.startswith(f"{PREFIX}{key}.")]
        rows = [self._row(spec) for spec in specs] if key else []
        self.rows = [self.picker, *rows]
        if rows:
            await self.mount_all(rows)
        self.wizard.mark_rows()
        from .cost_panel import CostPanel

        for panel in self.screen.query(CostPanel):  # its row kept in view while it is edited
            panel.kept_option = key

    def _row(self, field: FieldSpec) -> QuestionRow:
        """An option's own costs are a list edited by key; its other questions as any step's."""
        if field.kind == ITEMS:
            from .options_items import ItemsRow

            return ItemsRow(field, self.answers.get(field.path, ""))
        return super()._row(field)

    async def pick(self, key: str) -> None:
        if key != self.picker.picked:
            self.picker.show(self.picker.entries, key)
            await self._rows_for(key)

    # -- add, rename, remove -------------------------------------------------------------------

    def ask_template(self) -> None:
        from ..dialogs.pick import PickScreen

        offered = [(t.label, t.key) for t in TEMPLATES]
        self.app.push_screen(
            PickScreen(offered, "", "Add an option: what kind?"), self._template_picked
        )

    def _taken_names(self, but: str = "") -> set[str]:
        named = names(self.wizard.answers, list(self._options()))
        return {name for key, name in named.items() if key != but}

    def _template_picked(self, key: str | None) -> None:
        if key is None:
            return
        from .options_name import OptionNameScreen

        chosen = template(key)
        taken = self._taken_names()
        name, n = chosen.name, 2
        while name.casefold() in {t.casefold() for t in taken}:
            name, n = f"{chosen.name} {n}", n + 1

        def named(name: str | None) -> None:
            if name is not None:
                self.run_worker(self._add(key, name), group="options", exclusive=True)

        self.app.push_screen(
            OptionNameScreen(f"Name the new option ({chosen.label})", name, taken), named
        )

    async def _add(self, key: str, name: str) -> None:
        chosen = template(key)
        options = self._options()
        new = option_id(name, set(options))
        options[new] = {"kind": chosen.kind, "name": name, **copy.deepcopy(dict(chosen.fixed))}
        self.wizard.document["options"] = options
        self.wizard.options_changed()
        mine = {p: s for p, s in self.wizard.specs.items() if p.startswith(f"{PREFIX}{new}.")}
        self.wizard.answers.update(option_answers({"options": {new: options[new]}}, mine))
        await self.reload(new)
        self.wizard.recompute()
        if len(self.rows) > 1:
            self.wizard.set_focus(self.rows[1].answer)

    def _picked_name(self) -> str:
        key = self.picker.picked
        return names(self.wizard.answers, [key])[key] if key else ""

    def ask_name(self) -> None:
        key = self.picker.picked
        if not key:
            self.notify("No option to rename: press a to add one.", severity="warning")
            return
        from .options_name import OptionNameScreen

        def named(name: str | None) -> None:
            if name is not None:
                self.run_worker(self._rename(key, name), group="options", exclusive=True)

        screen = OptionNameScreen("Rename the option", self._picked_name(), self._taken_names(key))
        self.app.push_screen(screen, named)

    async def _rename(self, key: str, name: str) -> None:
        options = self._options()
        options[key] = {**options[key], "name": name}
        self.wizard.document["options"] = options
        self.wizard.answers[f"{PREFIX}{key}.name"] = name
        self.wizard.options_changed()  # the other options offer it by its new name
        await self.reload(key)
        self.wizard.recompute()

    def ask_remove(self) -> None:
        key = self.picker.picked
        if not key:
            self.notify("No option to remove.", severity="warning")
            return
        answers = self.wizard.answers
        current = {
            other: {
                f: answers.get(f"{PREFIX}{other}.{f}") for f in ("generator", "first", "second")
            }
            for other in self._options()
        }
        users = referrers(current, key)
        named = names(answers, list(current))
        if users:
            who = ", ".join(named[u] for u in users)
            self.notify(
                f"{named[key]} is not removed: {who} is built from it. Remove that first, "
                "or pick another option in it.",
                severity="warning",
                markup=False,
            )
            return
        from ..dialogs.confirm import ConfirmScreen

        def answered(yes: bool | None) -> None:
            if yes:
                self.run_worker(self._remove(key), group="options", exclusive=True)

        self.app.push_screen(ConfirmScreen(f"Remove the option {named[key]}?"), answered)

    async def _remove(self, key: str) -> None:
        options = self._options()
        options.pop(key, None)
        document = self.wizard.document
        if options:
            document["options"] = options
        else:
            document.pop("options", None)  # no options left: saved as format 2 again
        answers = self.wizard.answers
        for path in [p for p in answers if p.startswith(f"{PREFIX}{key}.")]:
            del answers[path]
        self.wizard.options_changed()
        await self.reload("")
        self.wizard.recompute()
        self.wizard.set_focus(self.picker)
