"""Domain errors that services raise, and the one place that turns them into HTTP answers.

Services know nothing of HTTP: a record outside the user's communes is `NotFound` (its existence is not ours to
reveal), an action the user's role may not take is `Forbidden`. `DomainErrorMiddleware` maps them to Django's 404 and
403 so the usual error pages (and tests' status codes) follow; views never catch them one by one.
"""
from django.core.exceptions import PermissionDenied
from django.http import Http404


class DomainError(Exception):
    """Base of the errors a service raises for a person; the message is Vietnamese and says where."""


class NotFound(DomainError):
    pass


class Forbidden(DomainError):
    pass


class DomainErrorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        # Re-raised as Django's own exceptions: the handler around the view renders 404.html / 403.html.
        if isinstance(exception, NotFound):
            raise Http404(str(exception)) from exception
        if isinstance(exception, Forbidden):
            raise PermissionDenied(str(exception)) from exception
        return None
