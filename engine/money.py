"""Exact money and rate arithmetic, and how tunewise writes amounts for people.

Amounts are `Decimal` from input to output; floats appear only at the JSON boundary.
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal, localcontext

ZERO = Decimal(0)
ONE = Decimal(1)
MILLION = Decimal(1_000_000)
CENT = Decimal("0.01")


def dec(value: int | str | Decimal) -> Decimal:
    """A Decimal from an int, a decimal string or a Decimal (never a float)."""
    return value if isinstance(value, Decimal) else Decimal(value)


def per_million(tokens: Decimal, usd_per_mtok: Decimal) -> Decimal:
    """The price of `tokens` at `usd_per_mtok` USD per 1M tokens."""
    return tokens * usd_per_mtok / MILLION


def rounded(amount: Decimal, exp: Decimal) -> Decimal:
    """`amount` rounded half-even to the places of `exp`, however large it is (`quantize`
    refuses results with more digits than the context's precision)."""
    with localcontext() as ctx:
        ctx.prec = max(ctx.prec, amount.adjusted() - exp.adjusted() + 2)
        return amount.quantize(exp, rounding=ROUND_HALF_EVEN)


def _trim(text: str) -> str:
    return text.rstrip("0").rstrip(".") if "." in text else text


SIGNIFICANT = 3
"""Amounts under a dollar (per-request costs, per-token prices) keep this many significant
figures: `$0.0054`, `$0.0137`, `$0.00036`."""


def usd(amount: Decimal, *, cents: bool | None = None) -> str:
    """One rule for every amount, on screen, in text and in Markdown:

    - a dollar or more: to the cent, without `.00` when whole (`$1,250`, `$45.50`);
    - under a dollar: three significant figures, at least two decimals (`$0.15`, `$0.0137`,
      `$0.00036`), so a per-request cost never rounds to `$0.01` or `$0`.

    `cents=True` forces two decimals (a column of cents); `cents=False` is the rule itself
    (kept so callers that asked for exact small amounts read the same)."""
    sign = "-" if amount < 0 else ""
    a = abs(amount)
    if cents:
        text = f"{rounded(a, CENT):,.2f}"
    elif a == 0 or a >= ONE:
        a = rounded(a, CENT)
        text = f"{a:,.0f}" if a == a.to_integral_value() else f"{a:,.2f}"
    else:
        places = max(2, SIGNIFICANT - a.adjusted() - 1)
        text = f"{rounded(a, Decimal(1).scaleb(-places)):.{places}f}"
        whole, _, frac = text.partition(".")
        text = f"{whole}.{frac.rstrip('0').ljust(2, '0')}"
    return f"{sign}${text}"


def unit_price(price: Decimal) -> str:
    """A unit price (per GPU-hour, per 1M tokens, per label) with every decimal it has:
    `$1.006`, `$2.875`, `$0.0000125`, so that a formula's product can be checked by hand.
    `usd`'s form when that loses nothing (`$3`, `$1.25`, `$0.15`)."""
    exponent = price.normalize().as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    if places <= 2 or (abs(price) < ONE and places <= SIGNIFICANT - price.adjusted() - 1):
        return usd(price)
    sign = "-" if price < 0 else ""
    return f"{sign}${abs(price):,.{places}f}"


def number(value: Decimal | int, *, places: int = 2) -> str:
    """`300,000`, `9.6`, `0.47`: thousands separated, trailing zeros trimmed."""
    d = Decimal(value)
    if d == d.to_integral_value():
        return f"{d:,.0f}"
    return _trim(f"{d:,.{places}f}")


def counted(count: int, thing: str) -> str:
    """`1 replica`, `2 replicas`: a whole count with its noun."""
    return f"{number(count)} {thing}{'' if count == 1 else 's'}"


def months(
    value: Decimal | int | float | None,
    *,
    places: int = 2,
    unit: str = "months",
    singular: bool = False,
) -> str:
    """`9.6 months`, `24 months`, or `never` (None: a break-even that never comes).

    `unit="mo"` is a table's short form; `singular=True` writes one as `1 month` (prose)."""
    if value is None:
        return "never"
    d = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    text = number(d, places=places)
    return f"{text} month" if singular and text == "1" else f"{text} {unit}"


def tenths(value: float | None, *, unit: str = "") -> str:
    """A simulated break-even to a tenth of a month: `9.6`, `never`, and for one that pays
    back within days `<0.1` (`under 0.1 months` with a `unit`): rounded, it read `0`."""
    if value is None:
        return "never"
    if 0 < value < 0.05:
        return f"under 0.1 {unit}" if unit else "<0.1"
    text = number(Decimal(repr(round(value, 1))), places=1)
    return f"{text} {unit}" if unit else text


def tokens(count: Decimal | int) -> str:
    """`800 tok`, `1.2M tok`, `2.5B tok`: token counts as the guides write them."""
    d = Decimal(count)
    for size, suffix in ((Decimal(10) ** 9, "B"), (MILLION, "M")):
        if abs(d) >= size:
            return f"{number(d / size, places=3)}{suffix} tok"
    return f"{number(d)} tok"


def percent(ratio: Decimal, *, signed: bool = False) -> str:
    """`+417%`, `12.5%` from a ratio (0.125)."""
    text = number(ratio * 100, places=1)
    return f"+{text}%" if signed and ratio > 0 else f"{text}%"


def to_float(value: Decimal, places: int = 6) -> float:
    """The JSON form of an amount: rounded half-even to `places` decimals."""
    return float(rounded(value, Decimal(1).scaleb(-places)))
