"""The floor `tunewise assess` is measured against (issue 19): the least a program can do that
reads a profile with pydantic. It reads a TOML file into three nested pydantic v2 models, with
Decimal and date fields, validates it and prints it as JSON.

    python tests/benchmarks/floor_pydantic.py profiles/examples/support-chatbot-50k.toml

`python -c "import pydantic, tomllib"` (issue 2's floor) builds no model at all: every program
that validates pays for building its models' schemas, which this script does.
"""

from __future__ import annotations

import sys
import tomllib
from datetime import date
from decimal import Decimal

from pydantic import BaseModel, ConfigDict


class Profile(BaseModel):
    model_config = ConfigDict(extra="ignore")

    name: str
    assessed_on: date
    author: str = ""


class FineTuning(BaseModel):
    model_config = ConfigDict(extra="ignore")

    base_model: str
    method: str
    serving_monthly_usd: Decimal = Decimal(0)
    upfront_usd: Decimal = Decimal(0)


class Document(BaseModel):
    model_config = ConfigDict(extra="ignore")

    profile: Profile
    fine_tuning: FineTuning


def main(path: str) -> None:
    with open(path, "rb") as file:
        document = Document.model_validate(tomllib.load(file))
    print(document.model_dump_json(indent=2))


if __name__ == "__main__":
    main(sys.argv[1])
