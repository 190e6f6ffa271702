"""One call from inputs and their prices to the whole cost comparison."""

from __future__ import annotations

from .breakeven import break_even, break_even_volumes, cumulative, timeline
from .checks import cost_warnings
from .costs import finetune_costs, prompting_costs
from .inputs import CostInputs
from .pricebook import PriceBook
from .result import CostResult


def evaluate(inputs: CostInputs, book: PriceBook) -> CostResult:
    """Compare both paths. Pure: reads only `inputs` and `book`, fast enough per keystroke.

    Raises `InputError` (naming the field) when the inputs cannot be priced.
    """
    workload = inputs.workload
    pe = prompting_costs(workload, inputs.prompting, book)
    ft = finetune_costs(workload, inputs.fine_tuning, book)
    time = timeline(inputs, book, ft)
    months, note = break_even(workload, pe, ft, book, time)
    points = cumulative(workload, pe, ft, time)
    return CostResult.model_construct(
        monthly_requests=workload.monthly_requests,
        prompting=pe,
        finetune=ft,
        monthly_saving_usd=pe.monthly_usd - ft.monthly_usd,
        break_even_months=months,
        break_even_note=note,
        horizon_months=workload.horizon_months,
        cumulative=points,
        prompting_total_usd=points[-1].prompting_usd,
        finetune_total_usd=points[-1].finetune_usd,
        break_even_volumes=break_even_volumes(workload, pe, ft, time),
        warnings=cost_warnings(inputs, book),
    )
