"""Several options in one assessment, each costed against the baseline (issue 18).

`inputs` holds what an option is (prompting, RAG, fine-tuning, routing, cascade), `costing`
prices each one into a `PathCosts`, `retrieval` and `hybrid` build the RAG and hybrid line
items, `compare` sets every option against the baseline with `engine.breakeven`'s functions.
"""
