"""The frameworks the rules run, in the order the guides are numbered: one line each.

Every reader (the recommendation, the wizard's notices, the flowchart map and strip, the
simulation's thresholds) iterates `frameworks()`, so a new framework is one module and one
line here. The consolidated verdict (`recommend._decide`) weighs the four guides by name:
a new framework is shown, cited and asked about everywhere, and votes only once a rule there
says how.
"""

from __future__ import annotations

from . import decision_tree_001, flowchart_000, litmus_002, practical_003, providers
from .framework import Framework

FRAMEWORKS: list[Framework] = [
    flowchart_000.FRAMEWORK,
    decision_tree_001.FRAMEWORK,
    litmus_002.FRAMEWORK,
    practical_003.FRAMEWORK,
    providers.FRAMEWORK,
]


def register(fw: Framework) -> None:
    """Add a framework after the registered ones (its id must be new)."""
    if framework(fw.id) is not None:
        raise ValueError(f"framework {fw.id!r} is already registered")
    FRAMEWORKS.append(fw)


def frameworks() -> tuple[Framework, ...]:
    """Every registered framework, in order (read at each call: a test may register one)."""
    return tuple(FRAMEWORKS)


def framework(framework_id: str) -> Framework | None:
    """The registered framework with this id, or None."""
    return next((f for f in FRAMEWORKS if f.id == framework_id), None)


def guided() -> tuple[Framework, ...]:
    """The frameworks that encode a guide (not the catalog's): those with questions."""
    return tuple(f for f in FRAMEWORKS if f.guide is not None)
