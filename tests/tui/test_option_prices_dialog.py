"""F2 lists a named option's own prices under its name, as the report's Prices used does."""

from __future__ import annotations

import copy
from decimal import Decimal
from typing import Any

from textual.widgets import Static

from tests.tui.wizard_helpers import SIZE, new_app, ready
from tui.dialogs.prices import PricesScreen
from tui.launch import example_document

RAG: dict[str, Any] = {
    "kind": "rag",
    "name": "Help centre [RAG]",
    "documents": 20000,
    "tokens_per_document": 600,
    "embedding_usd_per_mtok": Decimal("0.13"),
    "changed_share_per_month": 0,
    "store_monthly_usd": 25,
    "retrieved_tokens": 1500,
}


async def test_f2_lists_an_options_embedding_price_under_its_name() -> None:
    doc = copy.deepcopy(example_document("support-chatbot-50k"))
    doc["profile"]["format"] = 3
    doc["options"] = {"help": RAG}
    app = new_app(doc)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, PricesScreen)
        text = "\n".join(str(s.render()) for s in app.screen.query(Static))
        lines = [line.strip() for line in text.splitlines()]
        at = lines.index("Help centre [RAG]:")  # the name as typed, never markup
        assert lines[at + 1].split()[:2] == ["Embedding", "$0.13"]
        assert lines[at + 2] == "given in the profile (embedding $ per 1M tokens)"
