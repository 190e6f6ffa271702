"""`tunewise prices --update` (issue #15): an opt-in refresh of genai-prices' data, tested
offline: the network call is replaced by a local file."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx2
import pytest

from engine.catalog import Catalog, builtin_data, genai
from tui.cli import main

DATA = Path(__file__).parent / "data" / "genai-prices-update.json"


class Response:
    def __init__(self, content: bytes) -> None:
        self.content = content

    def raise_for_status(self) -> None:
        return None


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    genai.reload()
    yield tmp_path
    genai.reload()


def serve(monkeypatch: pytest.MonkeyPatch, answer: Any) -> list[str]:
    asked: list[str] = []

    def get(url: str, **_: object) -> Response:
        asked.append(url)
        if isinstance(answer, Exception):
            raise answer
        return Response(answer)

    monkeypatch.setattr(httpx2, "get", get)
    return asked


def test_update_saves_the_fetched_data_and_later_lookups_price_with_it(
    home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    asked = serve(monkeypatch, DATA.read_bytes())
    assert main(["prices", "--update"]) == 0
    assert len(asked) == 1 and "pydantic/genai-prices/" in asked[0]  # its own address
    out = capsys.readouterr().out
    assert f"genai-prices data fetched {date.today()}: 1 models" in out
    assert (home / "tunewise" / "genai-prices.json").is_file()
    quotes = Catalog(builtin_data()).base_prices("openai:gpt-4o-mini", date.today(), "model")
    assert quotes.input.usd == Decimal("0.1")  # the file's price, not the bundled $0.15
    assert "genai-prices data fetched" in quotes.input.source


def test_offline_is_one_line_and_exit_2_with_prices_unchanged(
    home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    serve(monkeypatch, httpx2.ConnectError("Name or service not known"))
    assert main(["prices", "--update"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot fetch" in err and "prices unchanged" in err
    assert not (home / "tunewise").exists()
    quotes = Catalog(builtin_data()).base_prices("openai:gpt-4o-mini", date.today(), "model")
    assert quotes.input.usd == Decimal("0.15")
    assert "genai-prices 0.2.3" in quotes.input.source


def test_data_that_is_not_genai_prices_is_refused_and_not_saved(
    home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    serve(monkeypatch, b'[{"id": "openai"}]')
    assert main(["prices", "--update"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "did not give genai-prices data" in err
    assert not (home / "tunewise" / "genai-prices.json").exists()


def test_without_update_nothing_touches_the_network(
    home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    asked = serve(monkeypatch, DATA.read_bytes())
    assert main(["prices", "gpt-4o-mini"]) == 0
    assert asked == []
