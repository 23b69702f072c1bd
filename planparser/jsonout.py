"""Plan JSON as the contract prints it: UTF-8, NFC, numbers as JSON numbers."""
import json
from decimal import Decimal


def to_jsonable(value):
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dict):
        return {k: to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    return value


def dumps(plan: dict, indent: int | None = 2) -> str:
    return json.dumps(to_jsonable(plan), ensure_ascii=False, indent=indent)
