"""The app and its one factory, `make_app`, used by the CLI and the tests.

Over 300 lines: one `App` class, whose actions (save, open, the F-key screens) share the file,
the catalog and the wizard it holds."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import partial
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any, ClassVar

from textual import constants, events, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType

from .startup import pause_collector, resume_collector
from .state.visible import visible
from .wizard.screen import WIDE_AT, WizardScreen

# The dialogs, the save path and the worker's messages are imported when first used.
if TYPE_CHECKING:
    from textual.driver import Driver
    from textual.notifications import SeverityLevel
    from textual.screen import Screen

    from engine.catalog import Catalog
    from profiles.catalogs import CatalogSource
    from profiles.model import Profile

    from .messages import CatalogFailed, CatalogLoaded
    from .state.evaluation import Evaluation


WAIT_REFRESHES = 20
"""A held key waits at most this many refreshes for a screen to take focus (one that never
does, with nothing focusable focused, still gets its keys)."""


class TunewiseApp(App[int]):
    """The wizard. Holds the file being edited; the wizard screen holds the answers."""

    CSS_PATH: ClassVar[list[str | PurePath]] = ["wizard/wizard.tcss"]
    """The first screen's styles only: each other screen loads its own when first opened."""
    TITLE = "tunewise"
    HORIZONTAL_BREAKPOINTS: list[tuple[int, str]] | None = [(0, "-narrow"), (WIDE_AT, "-wide")]  # noqa: RUF012
    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority for the keys that open a dialog to type in: the app acts on the key before
        # the focused answer sees it. Otherwise the key bubbles up from the answer's queue, and
        # what is typed right after it (a fast typist, a paste) lands in that answer.
        # Save, open and quit keep out of the footer (the usual ctrl keys, listed by F1 and
        # in the palette): at 80 columns it has room for the wizard's keys and F1–F4 only.
        Binding("ctrl+s", "save", "Save", show=False, priority=True),
        Binding("ctrl+o", "open", "Open", show=False, priority=True),
        # F1–F3 open their screen before the next key is handed on (priority, as ctrl+s), and
        # close it when pressed on it: as priority keys of the app they come before the
        # screen's own.
        Binding("f1", "help", "Help", priority=True),
        Binding("question_mark", "help", "Help", show=False),
        Binding("f2", "prices", "Prices", priority=True),
        Binding("f3", "flowchart", "Map", priority=True),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True),
    ]

    def __init__(
        self,
        document: Mapping[str, Any],
        path: Path | None,
        catalogs: CatalogSource,
        compare: Sequence[Path] = (),
        example: str | None = None,
    ) -> None:
        super().__init__()
        self.example = example
        """The shipped example shown, by name (None for the user's own assessment): the
        header says so, and saving asks for a file of the user's own."""
        self.compare_paths = list(compare)
        """Profiles to show side by side on top of the wizard at start (`tunewise compare`)."""
        self.document = document
        self.path = path
        """The file the answers were opened from or last saved to (None for a new one)."""
        self.path_bytes = _read_bytes(path)
        """`path`'s bytes as opened or last saved: saving over it again does not ask unless
        someone changed the file since."""
        self.catalogs = catalogs
        """Where the prices come from: the one catalog the wizard, the browser, compare and
        saving price and judge with (loaded once, by the first to need it)."""
        self.prices_error = ""
        """Why the prices could not load ("" while loading, or once loaded)."""
        self.wizard = WizardScreen(document, example=example)
        self.saved_values: dict[str, str] | None = self.wizard.values
        """The answers as last opened or saved: quitting with others asks first. Taken now,
        not after the first frame, so a key typed before that frame is an unsaved change."""
        self.held_keys: list[events.Key] = []
        """Keys typed while the last one was still being handled, in order (`on_event`)."""
        self.waited = 0
        """Refreshes the first held key has waited for the screen to open (`WAIT_REFRESHES`)."""
        self.key_in_flight = False
        """Whether a key was handed on and what it does may not have happened yet (a dialog it
        opens, a step it shows): the next key waits for the refresh after it."""

    crashed = False
    """Whether the app ended in a panic (Textual leaves `return_code` unset then)."""

    def get_driver_class(self) -> type[Driver]:
        """Textual's driver, except on Linux and macOS: one that survives invalid input bytes."""
        if constants.DRIVER is None and sys.platform != "win32":
            from .driver import ForgivingLinuxDriver

            return ForgivingLinuxDriver
        return super().get_driver_class()

    def panic(self, *renderables: Any) -> None:
        """Exit with the error shown, as Textual does, and remember it for the exit status."""
        self.crashed = True
        super().panic(*renderables)

    @property
    def exit_status(self) -> int:
        """The process's exit status once the app has ended: 1 after a crash."""
        if self.crashed or self.return_code is None:
            return 1
        return self.return_value if isinstance(self.return_value, int) else self.return_code

    async def on_event(self, event: events.Event) -> None:
        """A key waits until the last one has landed (a dialog it opens is open and focused);
        letters typed into an answer that arrive together go to it as one paste."""
        if isinstance(event, events.Key) and not event.is_forwarded:
            if self.held_keys or self.key_in_flight or self._opening():
                # Handed on now, it would reach the widget focused before the last key's
                # effect (a dialog, a step) and be lost there.
                self.held_keys.append(event)
                if len(self.held_keys) == 1:
                    self.call_after_refresh(self._release_keys)
                return
            await self._hand_on(event)
            return
        await super().on_event(event)

    async def _hand_on(self, key: events.Key, held: list[events.Key] | None = None) -> None:
        """Give `key` to the focused widget (with the printable keys behind it, as one paste,
        for an answer); the next waits for the refresh after it."""
        self.key_in_flight = True
        self.call_after_refresh(self._landed)
        run = self._typed_run(key, held)
        if run is not None:
            key.stop()
            run.set_sender(self)
            self.focused._forward_event(run)  # type: ignore[union-attr]
            return
        await super().on_event(key)

    def _landed(self) -> None:
        self.key_in_flight = False
        if self.held_keys:
            self.call_later(self._release_keys)

    def _opening(self) -> bool:
        """Whether the screen shown has not been resumed yet, or the widget focused has
        messages still to handle (its focus, the last key): a key now would come first."""
        screen = self.screen
        if not screen.is_mounted or not screen.stack_updates:
            return True
        focused = screen.focused
        if focused is None:  # composed but not yet focused, or nothing to focus on it
            return bool(screen.focus_chain)
        # The key bubbles from the focused widget up to the app, whose bindings act on it.
        return any(not node._message_queue.empty() for node in focused.ancestors_with_self)

    async def _release_keys(self) -> None:
        """The first held key (with the printable ones behind it, for an answer) once the
        screen shown is open and the last key has landed; the rest after that one."""
        if not self.held_keys or self.key_in_flight:
            return
        if self._opening() and self.waited < WAIT_REFRESHES:
            self.waited += 1
            self.call_after_refresh(self._release_keys)
            return
        self.waited = 0
        await self._hand_on(self.held_keys.pop(0), self.held_keys)

    def _typed_run(
        self, key: events.Key, held: list[events.Key] | None = None
    ) -> events.Paste | None:
        """`key` and the printable keys queued right behind it, as one paste, when they are
        for an answer that would type each of them anyway; None otherwise.

        One trip through bindings and evaluation per run, not per key (docs/benchmarks.md).
        A key bound anywhere on the screen ends the run. Reads Textual's queue with
        `_peek_message`, as its own loop does (8.2.8)."""
        from .wizard.field import AnswerInput

        if not isinstance(self.focused, AnswerInput):
            return None
        bound = self.screen.active_bindings

        def typed(message: object) -> str | None:
            if not isinstance(message, events.Key) or message.is_forwarded:
                return None
            if not message.is_printable or message.key in bound:
                return None
            return message.character

        first = typed(key)
        if first is None:
            return None
        characters = [first]
        if held is not None:  # the keys held behind it (the queue is the loop's, not ours)
            while held and (character := typed(held[0])) is not None:
                characters.append(character)
                held.pop(0)
            return events.Paste("".join(characters)) if len(characters) > 1 else None
        while (character := typed(self._peek_message())) is not None:
            characters.append(character)
            self._pending_message = None  # taken off the queue (`_peek_message` held it)
            self._message_queue.task_done()
        if len(characters) == 1:
            return None
        return events.Paste("".join(characters))

    def get_default_screen(self) -> Screen[Any]:
        """The wizard is the base screen (no blank default screen mounted and styled first)."""
        return self.wizard

    def on_load(self) -> None:
        pause_collector()  # until the first frame is drawn (`_after_first_paint`)

    def on_unmount(self) -> None:
        resume_collector()  # an app ended before its first frame

    def on_mount(self) -> None:
        if self.compare_paths:
            from .compare.screen import CompareScreen

            self.push_screen(CompareScreen(self.compare_paths, self.catalogs))
        self.call_after_refresh(self._after_first_paint)

    def _after_first_paint(self) -> None:
        resume_collector()
        self.load_prices()

    @work(thread=True, exclusive=True, group="catalog")
    def load_prices(self) -> None:
        """Load the catalog and import the engine off the UI thread, then post the result."""
        from .messages import CatalogFailed, CatalogLoaded

        try:
            catalog = self.catalogs.get()
            from .state.evaluation import warm_up

            warm_up(self.document)
        except Exception as exc:  # a malformed team price file, shown rather than crashed
            self.post_message(CatalogFailed(str(exc)))
            return
        self.post_message(CatalogLoaded(catalog))

    def on_catalog_loaded(self, message: CatalogLoaded) -> None:
        self.wizard.set_catalog(message.catalog)

    @property
    def catalog(self) -> Catalog | None:
        """The prices once the wizard has them (None while loading, or when they could not
        load)."""
        return self.wizard.catalog

    def on_catalog_failed(self, message: CatalogFailed) -> None:
        self.prices_error = message.reason
        self.wizard.query_one("#panel").status = f"Prices could not load: {message.reason}"  # type: ignore[attr-defined]
        self.notify(message.reason, title="Prices", severity="error", markup=False)

    @property
    def dirty(self) -> bool:
        return self.saved_values is not None and self.wizard.values != self.saved_values

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Textual's commands but its "Keys" (F1's help is the one help), then every action
        with a key on `screen`, shown in the footer or not, by its name."""
        for command in super().get_system_commands(screen):
            if command.title != "Keys":
                yield command
        from .bindings import described_keys

        seen = {"Quit"}
        for keys, description, action, node, tooltip in described_keys(screen):
            if description not in seen and action != "command_palette":
                seen.add(description)
                run = partial(self.run_action, action, node)
                yield SystemCommand(description, f"{tooltip or description} (key: {keys})", run)

    # -- actions -------------------------------------------------------------------------------

    def action_open(self) -> None:
        from .browser.screen import BrowserScreen

        folder = self.path.resolve().parent if self.path else Path.cwd()
        self.push_screen(BrowserScreen(folder, self.catalogs))

    def open_profile(self, path: Path) -> None:
        """Show `path`'s answers in the wizard, asking first when answers are unsaved."""
        if not self.dirty:
            self._open(path)
            return
        self.confirm("You have unsaved changes. Open without saving?", partial(self._open, path))

    def confirm(self, question: str, then: Callable[[], object]) -> None:
        """Ask `question` (y/n) and run `then` on yes."""
        from .dialogs.confirm import ConfirmScreen

        def answered(yes: bool | None) -> None:
            if yes:
                then()

        self.push_screen(ConfirmScreen(question), answered)

    def _open(self, path: Path) -> None:
        from profiles.files import load_profile

        try:
            profile = load_profile(path)
        except (OSError, ValueError) as exc:  # FileError is a ValueError: one line
            self.notify(str(exc), title="Cannot open", severity="error", markup=False)
            return
        while self.screen is not self.wizard and len(self.screen_stack) > 1:
            self.pop_screen()
        self.document = profile.model_dump(mode="python", exclude_unset=True)
        self.example = None
        self.wizard.example = None
        self.path = path
        self.path_bytes = _read_bytes(path)
        self.wizard.load(self.document)
        self.saved_values = self.wizard.values
        self.notify(f"Opened {path}", markup=False)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Textual's notice, with control characters shown (a file's name or text in it)."""
        super().notify(
            visible(message, keep="\n"),
            title=visible(title),
            severity=severity,
            timeout=timeout,
            markup=markup,
        )

    def why_no_figures(self) -> str:
        """Why there are no valid figures to save, price or map: the end of a sentence."""
        wizard = self.wizard
        if wizard.errors:
            return "fix the marked answers first."
        if wizard.unanswered:
            return wizard.unanswered[0].lower() + wizard.unanswered[1:]
        if self.prices_error:
            return f"the prices could not load ({self.prices_error})."
        return "prices are still loading."

    def _close(self, kind: str) -> bool:
        """Close the screen shown when it is of the class named `kind` (its key pressed on
        it); whether it was."""
        if type(self.screen).__name__ != kind:
            return False
        self.pop_screen()
        return True

    def action_help(self) -> None:
        from .dialogs.help import HelpScreen

        if self._close("HelpScreen"):
            return
        from .bindings import described_keys

        keys = [
            (k, f"{d}: {tooltip}" if tooltip else d)
            for k, d, action, _, tooltip in described_keys(self.screen)
            if action != "command_palette"
        ]
        self.push_screen(HelpScreen(keys))

    def action_prices(self) -> None:
        from .dialogs.prices import PricesScreen

        if self._close("PricesScreen"):
            return

        ev = self.wizard.evaluation
        if ev is None:
            self.notify(f"No prices yet: {self.why_no_figures()}", severity="warning", markup=False)
            return
        note = "" if not self.wizard.errors else "For the last valid answers."
        options = ev.assessed.options if ev.profile.options else None
        self.push_screen(PricesScreen(ev.book, note, options))

    def action_flowchart(self) -> None:
        """The flowchart map with this assessment's path (tui/flowchart/screen.py)."""
        from .flowchart.screen import FlowchartScreen
        from .state.decision import decide

        if self._close("FlowchartScreen"):
            return

        ev = self.wizard.shown  # the scenario the panel shows, if any
        decision = None if ev is None else decide(ev)
        if decision is None:
            self.notify(f"No map yet: {self.why_no_figures()}", severity="warning", markup=False)
            return
        self.push_screen(FlowchartScreen(decision.recommendation))

    async def action_quit(self) -> None:
        if not self.dirty:
            self.exit(0)
            return
        self.confirm("You have unsaved changes. Quit without saving?", partial(self.exit, 0))

    def action_save(self) -> None:
        ev = self.wizard.evaluation
        if self.wizard.errors or self.wizard.unanswered or ev is None:
            self.notify(f"Not saved: {self.why_no_figures()}", severity="error", markup=False)
            return
        from .dialogs.filename import FileNameScreen
        from .results.screen import slug

        suggestion = str(self.path) if self.path else slug(ev.profile.profile.name) + ".toml"
        self.push_screen(
            FileNameScreen("Save profile as", suggestion),
            lambda path: self._save_to(ev, path),
        )

    def _save_to(
        self, ev: Evaluation, path: Path | None, *, force: bool = False, upgrade: bool = False
    ) -> None:
        if path is None:
            return
        if self.path is not None and path.resolve() == self.path.resolve():
            # The open file, unchanged on disk since: saving over it is what was asked.
            force = force or _read_bytes(path) == self.path_bytes
        from profiles.files import FormatUpgrade, snapshot_of

        from .state.bridge import ProfileExistsError, save

        try:
            # The answers as judged at their last keystroke, with the app's catalog: saving
            # runs the rules no more (a profile with ranges is simulated for its snapshot).
            save(snapshot_of(ev.assessed), path, force=force, upgrade=upgrade)
        except FormatUpgrade as exc:  # options over a format-2 file: never without asking
            self.confirm(
                f"{path} is profile format {exc.old}. With its options it is saved as format "
                "3, which tunewise before options cannot read. Save as format 3?",
                partial(self._save_to, ev, path, force=force, upgrade=True),
            )
            return
        except ProfileExistsError:
            self.confirm(
                f"{path} exists. Overwrite it?", partial(self._save_to, ev, path, force=True)
            )
            return
        except (OSError, ValueError) as exc:
            self.notify(f"Not saved: {exc}", severity="error", markup=False)
            return
        self.path = path
        self.path_bytes = _read_bytes(path)
        self.saved_values = self.wizard.values
        self.notify(f"Saved to {path.resolve()}", markup=False)


def _read_bytes(path: Path | None) -> bytes | None:
    """The file's bytes, or None when there is no file to read."""
    if path is None:
        return None
    try:
        return path.read_bytes()
    except OSError:
        return None


def make_app(
    profile: Profile | Mapping[str, Any],
    path: Path | None = None,
    *,
    catalogs: CatalogSource | None = None,
    theme: str | None = None,
    compare: Sequence[Path] = (),
    example: str | None = None,
) -> TunewiseApp:
    """The wizard for `profile` (a `Profile`, or a profile document not yet validated, which
    lets startup skip importing pydantic), saved to `path` by default; priced from `catalogs`
    (the built-in catalog with the user's standing price file when None)."""
    if catalogs is None:
        from profiles.catalogs import CatalogSource

        catalogs = CatalogSource()
    if isinstance(profile, Mapping):
        document: Mapping[str, Any] = profile
    else:
        document = profile.model_dump(mode="python", exclude_unset=True)
    app = TunewiseApp(document, path, catalogs, compare, example)
    if theme is not None:
        app.theme = theme
    return app
