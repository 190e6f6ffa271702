"""A unit price in a formula or a price list keeps every decimal it has (`$1.006/GPU-h`), so
the formula's product can be checked by hand: `$1.01` shown for AWS's $1.006 an hour made
`12 h × $1.01` read $12.12 beside the $12.07 charged."""

from __future__ import annotations

import contextlib
import io
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from engine.money import unit_price, usd
from tui.cli import main

OWN_CASE = """\
[profile]
name = "ICD-10 code suggestions"
assessed_on = 2026-12-03

[workload]
requests_per_month = 40000
instruction_tokens = 1500
user_tokens = 2500
output_tokens = 120

[prompting]
model = "anthropic:claude-sonnet-4-5"

[fine_tuning]
base_model = "meta:llama-3.1-8b"
method = "lora"

[fine_tuning.training]
kind = "gpu"
gpu = "a10g-24gb"
gpu_count = 1
hours = 12
usd_per_gpu_hour = 1.006

[fine_tuning.serving]
kind = "self_hosted"
gpu = "a10g-24gb"
gpus_per_replica = 1
replicas = 2
usd_per_gpu_hour = 1.006
"""


@pytest.mark.parametrize(
    ("price", "shown"),
    [
        ("1.006", "$1.006"),
        ("2.875", "$2.875"),
        ("0.12345", "$0.12345"),
        ("0.0000125", "$0.0000125"),
        ("3", "$3"),
        ("1.25", "$1.25"),
        ("0.075", "$0.075"),
        ("1234.5678", "$1,234.5678"),
        ("-1.006", "-$1.006"),
    ],
)
def test_a_unit_price_keeps_its_decimals(price: str, shown: str) -> None:
    assert unit_price(Decimal(price)) == shown
    assert Decimal(shown.replace("$", "").replace(",", "")) == Decimal(price)


def test_a_gpu_formula_multiplies_out_to_its_amount(tmp_path: Path) -> None:
    path = tmp_path / "own.toml"
    path.write_text(OWN_CASE, encoding="utf-8")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["assess", str(path), "--format", "json"]) == 0
    finetune = json.loads(out.getvalue())["line_items"]["finetune"]
    items = {i["label"]: i for i in finetune["monthly"] + finetune["upfront"]}
    training, serving = items["Training (lora)"], items["Self-hosted GPUs"]
    assert training["formula"] == "1 × NVIDIA A10G 24GB × 12 h × $1.006/GPU-h"
    assert serving["formula"] == "2 replicas × 1 GPU × NVIDIA A10G 24GB × 720 h × $1.006/GPU-h"
    for item in (training, serving):
        product = Decimal(1)
        for factor in re.findall(r"([\d,.]+)(?= h\b|/GPU-h| replicas| GPU| ×)", item["formula"]):
            product *= Decimal(factor.replace(",", ""))
        assert usd(product) == usd(Decimal(repr(item["usd"]))), item["formula"]
    text = io.StringIO()
    with contextlib.redirect_stdout(text):
        assert main(["assess", str(path)]) == 0
    assert "$1.006 per GPU-hour" in text.getvalue()  # Prices used
