"""What parse_plan and audit_plan share: read a plan file, or stop with its Vietnamese error and a non-zero exit."""
from django.core.management.base import CommandError

from planparser.blocks import PlanReadError
from planparser.plan import parse_file


def parse_or_fail(path: str) -> dict:
    try:
        return parse_file(path)
    except PlanReadError as exc:
        raise CommandError(str(exc)) from None
