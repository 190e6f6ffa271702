"""One call from inputs and their prices to the whole cost comparison."""

from __future__ import annotations

from .breakeven import Curves, break_even, break_even_volumes, timeline
from .checks import cost_warnings
from .costs import finetune_costs, prompting_costs
from .inputs import CostInputs
from .money import ZERO
from .pricebook import PriceBook
from .result import CostResult, PathCosts


def evaluate(inputs: CostInputs, book: PriceBook) -> CostResult:
    """Compare both paths. Pure: reads only `inputs` and `book`, fast enough per keystroke.

    A cost the answers leave unknown (`PathCosts.missing`) is never read as $0: break-even,
    fine-tuning's totals and break-even volumes are then unknown, with the reason.
    Raises `InputError` (naming the field) when the inputs cannot be priced.
    """
    workload = inputs.workload
    pe = prompting_costs(workload, inputs.prompting, book)
    ft = finetune_costs(workload, inputs.fine_tuning, book)
    unknowns = pe.missing + ft.missing
    if unknowns:
        return _unknown(inputs, book, pe, ft)
    time = timeline(inputs, book, ft)
    months, note = break_even(workload, pe, ft, book, time)
    curves = Curves(workload, pe, ft, time)
    end = curves.at(workload.horizon_months)
    result = CostResult.model_construct(
        monthly_requests=workload.monthly_requests,
        prompting=pe,
        finetune=ft,
        monthly_saving_usd=pe.monthly_usd - ft.monthly_usd,
        break_even_months=months,
        break_even_note=note,
        break_even_reason="never" if months is None else None,
        horizon_months=workload.horizon_months,
        prompting_total_usd=end.prompting_usd,
        finetune_total_usd=end.finetune_usd,
        break_even_volumes=break_even_volumes(workload, pe, ft, time),
        warnings=cost_warnings(inputs, book),
        unknowns=(),
    )
    result._curve = curves
    return result


def _unknown(inputs: CostInputs, book: PriceBook, pe: PathCosts, ft: PathCosts) -> CostResult:
    """The comparison when a cost is unknown: prompting's curve in full, fine-tuning's
    monthly figures, and everything that needs the unknown cost left unknown."""
    workload = inputs.workload
    unknowns = pe.missing + ft.missing
    # Prompting's curve does not depend on fine-tuning's upfront: computed against a stand-in
    # whose upfront is zero, then fine-tuning's column is dropped.
    known = ft.model_copy(update={"upfront_usd": ZERO, "missing": ()})
    stand_in = inputs.model_copy(
        update={"fine_tuning": inputs.fine_tuning.model_copy(update={"redo_usd": ZERO})}
    )
    time = timeline(stand_in, book, known)
    curves = Curves(workload, pe, known, time, finetune_known=False)
    first = unknowns[0]
    # Every unknown is a part of the upfront, and more upfront only delays break-even: if it
    # never comes with none, it never comes.
    floor, why = break_even(workload, pe, known, book, time)
    never = floor is None
    note = f"{why} (whatever the upfront cost)" if never else f"unknown {first.message}"
    result = CostResult.model_construct(
        monthly_requests=workload.monthly_requests,
        prompting=pe,
        finetune=ft,
        monthly_saving_usd=pe.monthly_usd - ft.monthly_usd,
        break_even_months=None,
        break_even_note=note,
        break_even_reason="never" if never else first.code,
        horizon_months=workload.horizon_months,
        prompting_total_usd=curves.at(workload.horizon_months).prompting_usd,
        finetune_total_usd=None,
        break_even_volumes=(),
        warnings=cost_warnings(inputs, book),
        unknowns=unknowns,
    )
    result._curve = curves
    return result
