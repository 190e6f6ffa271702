"""The flowchart map: each registered framework whose tree is a spine (guide 000's flowchart,
guide 001's decision tree, guide 002's litmus test) drawn as boxes and arrows, the others
(guide 003, provider availability) as the path they took, listed, with the path this assessment
took marked (▶ on visited questions, heavy lines on the branches taken, ◆ on the verdict
reached) so it reads the same without colour."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from textwrap import wrap
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from ..state.settled import verdict_text

if TYPE_CHECKING:
    from engine.rules import FrameworkVerdict, Recommendation
    from engine.rules.tree import Leaf, Question

WIDTH = 76
"""Drawn for 80 columns: the screen's padding and the scrollbar take the other four."""
MARGIN = 3
BOX = 40
"""Inner width of a question box."""
SIDE = MARGIN + BOX + 2 + 7
"""Where a leaf beside a box starts: after the box and `─yes─▶ `."""
UNDECIDED = frozenset({"measure_first", "unknown"})

Segment = tuple[str, str]
"""A run of text and its style."""


@dataclass(frozen=True)
class Node:
    """A question of a spine-shaped tree: one branch continues down, the other ends at the
    side (the last question has a leaf on both)."""

    number: int
    question: Question
    down: str
    """`yes` or `no`: the answer drawn as the arrow down."""
    side: str
    side_leaf: Leaf
    taken: str
    """`down`, `side`, `stopped` (unknown, answer it first) or `` (not reached)."""
    answer: str
    because: str


def _answers(fw: FrameworkVerdict) -> dict[str, tuple[str, str]]:
    """Each question's answer and why, by the question's stable id."""
    return {s.question_id: (s.answer, s.because) for s in fw.path if s.question_id}


def spine(table: Mapping[str, Question], fw: FrameworkVerdict) -> tuple[list[Node], Leaf, bool]:
    """The questions of `table` top to bottom with the branch `fw` took at each, the leaf at
    the bottom, and whether the walk ended there."""
    from engine.rules.tree import Leaf

    answers = _answers(fw)
    nodes: list[Node] = []
    qid: str | None = next(iter(table))
    bottom: Leaf | None = None
    visited_next = True
    while qid is not None:
        q = table[qid]
        if isinstance(q.yes, str):
            down, side, side_leaf, nxt = "yes", "no", q.no, q.yes
        elif isinstance(q.no, str):
            down, side, side_leaf, nxt = "no", "yes", q.yes, q.no
        else:
            down, side, side_leaf, nxt = "no", "yes", q.yes, None
            assert isinstance(q.no, Leaf)
            bottom = q.no
        assert isinstance(side_leaf, Leaf)
        answer, because = answers.get(qid, ("", ""))
        later = nxt is not None and nxt in answers
        if not visited_next or not answer:
            taken = ""
        elif answer == down:
            taken = "down"
        elif answer == side:
            taken = "side"
        elif later:
            taken = "down"
        elif fw.verdict in UNDECIDED:
            taken = "stopped"
        else:
            taken = "side" if fw.verdict == side_leaf.verdict else "down"
        visited_next = taken == "down"
        nodes.append(Node(len(nodes) + 1, q, down, side, side_leaf, taken, answer, because))
        qid = nxt
    assert bottom is not None
    reached_bottom = bool(nodes) and nodes[-1].taken == "down"
    return nodes, bottom, reached_bottom


def _line(*segments: Segment) -> Content:
    return Content.assemble(*segments)


def _leaf(leaf: Leaf) -> list[str]:
    return wrap(f"{verdict_text(leaf.verdict)}: {leaf.says}", WIDTH - SIDE - 2)


def draw_spine(table: Mapping[str, Question], fw: FrameworkVerdict) -> list[Content]:
    """Boxes down the page, a leaf beside each, the path taken in heavy lines."""
    nodes, bottom, reached_bottom = spine(table, fw)
    out: list[Content] = []
    centre = MARGIN + BOX // 2 + 1
    for node in nodes:
        on = node.taken != ""
        box = "bold" if on else "dim"
        h, v, tl, tr, bl, br = (
            ("━", "┃", "┏", "┓", "┗", "┛") if on else ("─", "│", "┌", "┐", "└", "┘")
        )
        mark = "▶ " if on and node.taken != "stopped" else ("? " if on else "  ")
        text = wrap(f"Q{node.number} {node.question.asks}", BOX - 2)
        side_on = node.taken == "side"
        side_leaf = _leaf(node.side_leaf)
        arrow = (f"━{node.side}━▶ " if side_on else f"─{node.side}─▶ ").ljust(7)
        leaf_style = "bold reverse" if side_on else "dim"
        tee = centre - MARGIN
        lines = [f"{tl}{h * BOX}{tr}", *(f"{v} {t.ljust(BOX - 2)} {v}" for t in text)]
        joint = "┳" if node.taken == "down" else ("┯" if on else "┬")
        lines.append(f"{bl}{h * (tee - 1)}{joint}{h * (BOX - tee)}{br}")
        for i, body in enumerate(lines):
            segs: list[Segment] = [(mark if 0 < i < len(lines) - 1 else "  ", "bold"), (" ", "")]
            segs.append((body, box))
            if i == 1:
                segs.append((arrow, "bold" if side_on else "dim"))
                segs.append((("◆ " if side_on else "○ ") + side_leaf[0], leaf_style))
            elif 1 < i <= len(side_leaf):
                segs.append((" " * 9 + side_leaf[i - 1], leaf_style))
            out.append(_line(*segs))
        down_on = node.taken == "down"
        edge = "┃" if down_on else "│"
        edge_style = "bold" if down_on else "dim"
        for extra in side_leaf[len(lines) - 1 :]:
            gap = " " * (SIDE + 2 - centre - 1)
            out.append(_line((" " * centre + edge, edge_style), (gap + extra, leaf_style)))
        said = ""
        if node.taken == "stopped":
            said = f"? unknown, answer this first: {node.because}"
        elif node.taken == "down" and node.answer == "unknown":
            said = f"unknown, but either answer ends the same: {node.because}"
        elif node.taken:
            said = f"answered {node.answer}: {node.because}"
        notes = wrap(said, WIDTH - centre - 3) or [""]
        for i, note in enumerate(notes):
            label = f"{node.down} " if i == 0 else ""
            left = label.rjust(centre)
            gap = "  " if note else ""
            out.append(_line((f"{left}{edge}{gap}", edge_style), (note, "bold")))
        out.append(_line((" " * centre + "▼", edge_style)))
    leaf = wrap(f"{verdict_text(bottom.verdict)}: {bottom.says}", WIDTH - MARGIN - 6)
    style = "bold reverse" if reached_bottom else "dim"
    out.append(
        _line(("  " + " " * MARGIN, ""), (("◆ " if reached_bottom else "○ ") + leaf[0], style))
    )
    out += [_line((" " * (MARGIN + 4) + extra, style)) for extra in leaf[1:]]
    return out


def draw_path(fw: FrameworkVerdict) -> list[Content]:
    """A framework's questions in the order it asked them, with the answers: for guide 003,
    whose questions branch both ways."""
    out: list[Content] = []
    for step in fw.path:
        mark = "? " if step.answer == "unknown" else "▶ "
        head = wrap(f"{step.question}", WIDTH - 16)
        out.append(
            _line((mark, "bold"), (head[0].ljust(WIDTH - 14), "bold"), (step.answer, "bold"))
        )
        out += [_line(("  " + more, "bold")) for more in head[1:]]
        if step.next:
            for part in wrap(f"→ {step.next}", WIDTH - 6):
                out.append(_line(("    " + part, "dim")))
    return out


def heading(fw: FrameworkVerdict) -> Content:
    words = verdict_text(fw.verdict)
    return _line(
        (fw.name.ljust(WIDTH - len(words) - 4), "bold underline"),
        ("◆ ", "bold"),
        (words, "bold reverse"),
    )


def draw_map(rec: Recommendation) -> list[Content]:
    """The whole map: the consolidated verdict, then each framework with its path."""
    from engine.rules.registry import frameworks

    ran = {fw.id: fw for fw in rec.frameworks}
    out: list[Content] = [
        _line(("Verdict: ", "bold"), (verdict_text(rec.verdict, rec.confidence), "bold reverse")),
        Content("▶ question on this assessment's path · ━ branch taken · ◆ where it ended"),
        Content("? unknown, answer it to go on · ○ ends not reached"),
        Content(""),
    ]
    registered = frameworks()
    for spec in registered:  # the spines first, then the paths listed: as the guides read
        fw = ran.get(spec.id)
        if fw is not None and spec.drawn == "spine" and spec.tree is not None:
            out += [heading(fw), Content(fw.source), *draw_spine(spec.tree, fw), Content("")]
    for spec in registered:
        fw = ran.get(spec.id)
        if fw is not None and (spec.drawn == "path" or spec.tree is None):
            out += [heading(fw), Content(fw.source), *draw_path(fw), Content("")]
    return out


class FlowchartScreen(Screen[None]):
    """The decision flowchart with this assessment's path. Scrolls with the arrow keys."""

    CSS_PATH = "flowchart.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f3", "back", "Back", priority=True),
    ]

    def __init__(self, recommendation: Recommendation) -> None:
        super().__init__()
        self.recommendation = recommendation

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="map"):
            yield Static(Content("\n").join(draw_map(self.recommendation)), id="map-drawing")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#map").focus()

    def action_back(self) -> None:
        self.app.pop_screen()
