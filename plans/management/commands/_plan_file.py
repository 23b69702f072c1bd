"""What the plan commands share: read a plan file with the upload page's checks, or stop with a Vietnamese error.

A damaged or hostile file ends in a CommandError (one line, non-zero exit), never a traceback; the parser's own
traceback, when there is one, goes to the log (plans.services.safe_parse).
"""
from pathlib import Path

from django.core.management.base import CommandError

from planparser.blocks import PlanReadError
from plans.services.safe_parse import parse_untrusted
from plans.services.staging import check_content, check_name_and_size


def read_checked(path: Path) -> bytes:
    """The bytes of a plan file after the size, type and zip-bomb checks of the upload page; raises PlanReadError."""
    try:
        check_name_and_size(path.name, path.stat().st_size)
        data = path.read_bytes()
    except OSError as exc:
        raise PlanReadError(f"Không mở được tệp «{path}»: {exc.strerror}.") from None
    check_content(data, path.name)
    return data


def parse_or_fail(path: str) -> dict:
    try:
        return parse_untrusted(read_checked(Path(path)), Path(path).name)
    except PlanReadError as exc:
        raise CommandError(str(exc)) from None
