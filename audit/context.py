"""Who is acting: the request's user (set by ActorMiddleware) or a label such as a management command's name."""
import contextvars
from contextlib import contextmanager

SYSTEM = "hệ thống"
_request = contextvars.ContextVar("audit_request", default=None)
_label = contextvars.ContextVar("audit_label", default=SYSTEM)
_commune: contextvars.ContextVar[int | None] = contextvars.ContextVar("audit_commune", default=None)


def current_actor():
    """(user or None, label); the request is read at log time, so a login inside the request is seen."""
    request = _request.get()
    user = getattr(request, "user", None) if request is not None else None
    if user is not None and user.is_authenticated:
        return user, user.get_username()
    return None, _label.get()


@contextmanager
def acting_as(label: str):
    token = _label.set(label)
    try:
        yield
    finally:
        _label.reset(token)


@contextmanager
def in_commune(commune_id: int):
    """Every entry logged inside belongs to this commune: a service that knows it says so once, instead of each
    entry walking from its object up to the plan (a few queries per entry, most of a 19-row save; issue 15)."""
    token = _commune.set(commune_id)
    try:
        yield
    finally:
        _commune.reset(token)


def current_commune_id() -> int | None:
    return _commune.get()


class ActorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request.set(request)
        try:
            return self.get_response(request)
        finally:
            _request.reset(token)


def install_command_actor() -> None:
    """Every management command acts as «hệ thống (lệnh NAME)»; Django has no signal for a command's start."""
    from django.core.management.base import BaseCommand

    if BaseCommand.execute.__module__ == __name__:  # already wrapped, by the execute below
        return
    original = BaseCommand.execute

    def execute(self, *args, **options):
        with acting_as(f"{SYSTEM} (lệnh {type(self).__module__.rsplit('.', 1)[-1]})"):
            return original(self, *args, **options)

    # mypy refuses any assignment to a method; replacing this one is the point, as Django has no hook for it.
    BaseCommand.execute = execute  # type: ignore[method-assign]
