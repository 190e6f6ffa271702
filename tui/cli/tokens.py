"""`tunewise tokens FILE…`: the token counts of text files for a model (a prompt, examples, a
sample of requests), to fill a profile's token answers."""

from __future__ import annotations

import argparse
import sys

from .output import EXIT_OK


def tokens(args: argparse.Namespace) -> int:
    from engine.catalog import load_catalog
    from engine.tokens import check_model
    from profiles.token_counts import count_files, render_json, render_text

    model = check_model(args.model, load_catalog(), field="--model")
    rows, method, hint = count_files(args.files, model=model, per_request=args.per_request)
    render = render_json if args.format == "json" else render_text
    out = render(rows, model=model, method=method, hint=hint, per_request=args.per_request)
    sys.stdout.write(out)
    return EXIT_OK
