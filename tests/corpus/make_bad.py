"""Regenerate `tests/corpus/bad/`: malformed and hostile profiles, each with its expected message.

Run from the repository root: `python tests/corpus/make_bad.py`. The first line of each file is
`# expect: TEXT`, a fragment the one-line error must contain (binary files: in EXPECT below).
The 10 MB junk file is made by the test at run time, not committed.
"""

from pathlib import Path

HERE = Path(__file__).parent / "bad"
PRICES_HERE = Path(__file__).parent / "bad-prices"

GOOD = """[profile]
format = 2
name = "Support bot"
assessed_on = 2026-11-22

[workload]
requests_per_month = 10000

[prompting]
inference_monthly_usd = 300

[fine_tuning]
upfront_usd = 12000
serving_monthly_usd = 150
"""


QUOTE = """
[prices.hosting]
usd = 2
unit = "per hour"
source = "a price list"
as_of = "2026-11"
"""

RESULT = """
[result]
tunewise = "0.1.0"

[result.costs]
prompting_monthly = 300
finetune_monthly = 150
prompting_upfront = 0
finetune_upfront = 12000
monthly_saving = 150
horizon_months = 24
prompting_total = 7200
finetune_total = 15600
monthly_requests = 10000
"""


def sub(old: str, new: str) -> str:
    assert old in GOOD, old
    return GOOD.replace(old, new, 1)


CASES: dict[str, tuple[str, str]] = {
    # truncated and malformed TOML
    "truncated-mid-table": ("not valid TOML", GOOD[: GOOD.index("[workload]") + 5]),
    "truncated-mid-string": ("not valid TOML", GOOD[: GOOD.index("Support") + 4]),
    "truncated-mid-key": ("not valid TOML", GOOD[: GOOD.index("upfront_usd") + 4]),
    "empty": ("profile: missing: required", ""),
    "only-comment": ("profile: missing: required", "# nothing here\n"),
    "unclosed-array": ("not valid TOML", sub("[fine_tuning]", "[fine_tuning\n")),
    "bad-date": ("not valid TOML", sub("2026-11-22", "2026-13-45")),
    "duplicate-key": ("not valid TOML", sub("format = 2", "format = 2\nformat = 2")),
    "duplicate-table": ("not valid TOML", GOOD + "\n[workload]\nrequests_per_month = 5\n"),
    "duplicate-name": ("not valid TOML", sub('name = "Support bot"', 'name = "a"\nname = "b"')),
    "key-without-value": ("not valid TOML", sub("upfront_usd = 12000", "upfront_usd =")),
    "bare-word-value": ("not valid TOML", sub("= 300", "= three hundred")),
    "raw-control-in-string": ("not valid TOML", sub("Support bot", "Support\x07bot")),
    "raw-nul": ("not valid TOML", sub("Support bot", "Support\x00bot")),
    "html-instead": ("not valid TOML", "<html><body>404</body></html>\n"),
    "json-instead": ("not valid TOML", '{"profile": {"name": "x"}}\n'),
    # wrong types
    "name-is-number": ("profile.name", sub('name = "Support bot"', "name = 42")),
    "volume-is-string": ("requests_per_month", sub("= 10000", '= "ten thousand"')),
    "volume-is-array": ("requests_per_month", sub("= 10000", "= [10000]")),
    "volume-is-table": ("requests_per_month", sub("= 10000", "= { n = 1 }")),
    "date-is-string": ("assessed_on", sub("= 2026-11-22", '= "yesterday"')),
    "format-is-string": ("profile.format", sub("format = 2", 'format = "2"')),
    "format-is-bool": ("profile.format", sub("format = 2", "format = true")),
    "workload-is-string": (
        "workload",
        sub("[workload]\nrequests_per_month = 10000", 'workload = "x"'),
    ),
    "horizon-is-float": ("horizon_months", sub("= 10000", "= 10000\nhorizon_months = 2.5")),
    "keeps-rag-is-string": ("keeps_rag", sub("upfront_usd", 'keeps_rag = "maybe"\nupfront_usd')),
    "claim-is-table": ("claim", GOOD + '\n[claim]\nsource = "x"\n'),
    "serving-bad-kind": (
        "serving",
        sub("serving_monthly_usd = 150", "") + '\n[fine_tuning.serving]\nkind = "teleport"\n',
    ),
    # NaN and infinity
    "nan-volume": ("requests_per_month", sub("= 10000", "= nan")),
    "inf-cost": ("inference_monthly_usd", sub("= 300", "= inf")),
    "neg-inf-upfront": ("upfront_usd", sub("= 12000", "= -inf")),
    "nan-claim": (
        "says",
        GOOD + '\n[[claim]]\nsource = "x"\nfigure = "break_even_months"\nsays = nan\n',
    ),
    "inf-growth": ("monthly_growth", sub("= 10000", "= 10000\nmonthly_growth = +inf")),
    # negative and absurd numbers
    "negative-volume": ("requests_per_month", sub("= 10000", "= -5")),
    "negative-upfront": ("upfront_usd", sub("= 12000", "= -12000")),
    "negative-tokens": ("output_tokens", sub("= 10000", "= 10000\noutput_tokens = -1")),
    "absurd-tokens": ("output_tokens", sub("= 10000", "= 10000\noutput_tokens = 99999999999999")),
    "absurd-horizon": ("horizon_months", sub("= 10000", "= 10000\nhorizon_months = 100000")),
    "zero-horizon": ("horizon_months", sub("= 10000", "= 10000\nhorizon_months = 0")),
    "absurd-days": ("days_per_month", sub("= 10000", "= 10000\ndays_per_month = 400")),
    "huge-int": (
        "requests_per_month: Input should be less than or equal to",
        sub("= 10000", "= 1" + "0" * 200),
    ),
    "growth-minus-one": ("monthly_growth", sub("= 10000", "= 10000\nmonthly_growth = -1")),
    "format-zero": ("profile.format", sub("format = 2", "format = 0")),
    # schema errors
    "unknown-key": (
        "did you mean 'requests_per_month'",
        sub("requests_per_month", "requests_per_mnth"),
    ),
    "unknown-section": ("unknown key", GOOD + "\n[finetuning]\nx = 1\n"),
    "unknown-header-key": ("did you mean 'author'", sub("format = 2", 'format = 2\nauthr = "me"')),
    "missing-name": ("profile.name", sub('name = "Support bot"\n', "")),
    "missing-workload": (
        "workload: missing: required",
        sub("[workload]\nrequests_per_month = 10000\n", ""),
    ),
    "both-volumes": ("exactly one of", sub("= 10000", "= 10000\nrequests_per_day = 300")),
    "no-serving": ("say what serving costs", sub("serving_monthly_usd = 150\n", "")),
    "newer-format": ("newer than this tunewise reads", sub("format = 2", "format = 99")),
    "unknown-model": (
        "unknown model",
        sub("inference_monthly_usd = 300", 'model = "openai:gpt-99"'),
    ),
    "empty-name": ("profile.name", sub('"Support bot"', '""')),
    "long-name": ("profile.name", sub('"Support bot"', '"' + "x" * 300 + '"')),
    # control characters in names and notes (escaped, so valid TOML)
    "escape-in-name": ("control character", sub("Support bot", "Support\\u001bbot")),
    "bidi-in-name": ("control character", sub("Support bot", "Support\\u202ebot")),
    "nul-in-notes": ("control character", sub("format = 2", 'format = 2\nnotes = "a\\u0000b"')),
    "bell-in-author": ("control character", sub("format = 2", 'format = 2\nauthor = "\\u0007"')),
    "line-separator-in-notes": (
        "control character",
        sub("format = 2", 'format = 2\nnotes = "a\\u2028b"'),
    ),
    # past Python's own limits (RecursionError, the 4,300-digit integer limit)
    "deep-array": ("nested too deeply", GOOD + "x = " + "[" * 402 + "]" * 402 + "\n"),
    "deep-inline-table": ("nested too deeply", GOOD + "x = " + "{a=" * 402 + "1" + "}" * 402),
    "deep-dotted-key": ("nested too deeply", GOOD + ".".join(["a"] * 1001) + " = 1\n"),
    "4400-digit-integer": ("more than 4,300 digits", sub("= 10000", "= 1" + "0" * 4400)),
    # the [prices] and [result] snapshots: bounded like the answers
    "prices-quote-huge": ("prices.hosting.usd", GOOD + QUOTE.replace("usd = 2", "usd = 1e5000")),
    "prices-quote-negative": ("prices.hosting.usd", GOOD + QUOTE.replace("usd = 2", "usd = -2")),
    "prices-quote-nan": ("prices.hosting.usd", GOOD + QUOTE.replace("usd = 2", "usd = nan")),
    "result-costs-huge": (
        "result.costs.prompting_monthly",
        GOOD + RESULT.replace("= 300", "= 1e5000"),
    ),
    "result-costs-inf": ("result.costs.finetune_total", GOOD + RESULT.replace("= 15600", "= inf")),
    "result-horizon-huge": (
        "result.costs.horizon_months",
        GOOD + RESULT.replace("horizon_months = 24", "horizon_months = 10000000"),
    ),
    "result-uncertainty-huge": (
        "result.uncertainty.break_even_p50",
        GOOD
        + RESULT
        + "\n[result.uncertainty]\nsamples = 10\nseed = 0\nbreak_even_p50 = 1e5000\n"
        + "p_payback_within_horizon = 0.5\n",
    ),
    "result-probability-above-one": (
        "result.uncertainty.p_payback_within_horizon",
        GOOD + RESULT + "\n[result.uncertainty]\nsamples = 10\nseed = 0\n"
        "p_payback_within_horizon = 1e5000\n",
    ),
}

PRICES = """[[source]]
id = "deal"
title = "Negotiated rates"

[[token_price]]
model = "openai:gpt-4o-mini"
input_usd_per_mtok = 0.10
output_usd_per_mtok = 0.40
source = "deal"
as_of = "2026-10"
"""
"""A valid team price file; `bad-prices/` holds broken copies for `--prices`."""


def price_sub(old: str, new: str) -> str:
    assert old in PRICES, old
    return PRICES.replace(old, new, 1)


PRICE_CASES: dict[str, tuple[str, str]] = {
    "truncated": ("not valid TOML", PRICES[:40]),
    "deep-array": ("nested too deeply", PRICES + "x = " + "[" * 402 + "]" * 402 + "\n"),
    "deep-dotted-key": ("nested too deeply", PRICES + ".".join(["a"] * 1001) + " = 1\n"),
    "4400-digit-integer": ("more than 4,300 digits", price_sub("= 0.40", "= 4" + "0" * 4400)),
    "price-1e308": ("input_usd_per_mtok", price_sub("= 0.10", "= 1e308")),
    "price-1e5000": ("output_usd_per_mtok", price_sub("= 0.40", "= 1e5000")),
    "price-negative": ("input_usd_per_mtok", price_sub("= 0.10", "= -0.10")),
    "price-nan": ("input_usd_per_mtok", price_sub("= 0.10", "= nan")),
    "price-is-string": ("output_usd_per_mtok", price_sub("= 0.40", '= "cheap"')),
    "unknown-table": ("gpu_offr: unknown key", PRICES + "\n[[gpu_offr]]\n"),
    "gpu-memory-huge": (
        "gpu.0.memory_gb",
        PRICES + '\n[[gpu]]\nid = "x"\nname = "X"\nmemory_gb = 1e40\n',
    ),
    "not-utf8": ("not UTF-8", PRICES.replace("Negotiated", "N\udcffegotiated")),
}

BINARY = {
    "latin1-bytes": ("not UTF-8", GOOD.replace("Support bot", "Support b\xf6t").encode("latin-1")),
    "utf16": ("not UTF-8", GOOD.encode("utf-16")),
    "random-bytes": ("not UTF-8", bytes(range(256)) * 4),
}


def main() -> None:
    HERE.mkdir(exist_ok=True)
    for old in HERE.iterdir():
        old.unlink()
    for name, (expect, text) in CASES.items():
        (HERE / f"{name}.toml").write_bytes(f"# expect: {expect}\n{text}".encode())
    PRICES_HERE.mkdir(exist_ok=True)
    for old in PRICES_HERE.iterdir():
        old.unlink()
    for name, (expect, text) in PRICE_CASES.items():
        data = f"# expect: {expect}\n{text}".encode("utf-8", "surrogateescape")
        (PRICES_HERE / f"{name}.toml").write_bytes(data)
    for name, (expect, data) in BINARY.items():
        (HERE / f"{name}.toml").write_bytes(f"# expect: {expect}\n".encode() + data)


if __name__ == "__main__":
    main()
