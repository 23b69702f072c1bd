"""Sessions that expire after inactivity without a database write per page view, and one-line 403 logs.

Django's own sliding expiry (SESSION_SAVE_EVERY_REQUEST) rewrites the session row on every request, so reading the
dashboard wrote to the database. Here the row lives at most THEODOI_SESSION_MAX_AGE and is written only when a
request changes the session, or when a POST finds the row's stamp a minute old; the inactivity limit
(SESSION_COOKIE_AGE) is carried by a signed, time-stamped cookie that every response renews. Logging out still
deletes the row, so a copied cookie dies with it.
"""
import logging
import time

from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore as DbSessionStore
from django.contrib.sessions.middleware import SessionMiddleware as DjangoSessionMiddleware
from django.core import signing
from django.utils.cache import patch_vary_headers

ACTIVE_COOKIE = "theodoi_active"
_SAVED_AT = "_theodoi_saved_at"
_SAFE_METHODS = ("GET", "HEAD", "OPTIONS", "TRACE")
STAMP_EVERY = 60  # seconds: far below the idle limit (30 minutes), so the fallback never ends a session early


class SessionStore(DbSessionStore):
    """SESSION_ENGINE = "theodoi.security": the row outlives idle limits; SessionMiddleware enforces them."""

    def get_session_cookie_age(self):
        return settings.THEODOI_SESSION_MAX_AGE

    def save(self, must_create=False):
        # Tells SessionMiddleware when the row was last written, for a request that carries no activity cookie.
        self._get_session(no_load=must_create)[_SAVED_AT] = int(time.time())
        super().save(must_create)


class SessionMiddleware(DjangoSessionMiddleware):
    """Django's SessionMiddleware, except that a read-only request renews a cookie instead of the database row."""

    def process_request(self, request):
        super().process_request(request)
        if settings.SESSION_COOKIE_NAME in request.COOKIES and _idle(request):
            request.session.flush()  # idle too long: the same as an expired session, and the row goes

    def process_response(self, request, response):
        session = getattr(request, "session", None)
        if session is None:
            return response
        if session.modified or session.is_empty() or _stamp_due(session, request):
            response = super().process_response(request, response)
        elif session.accessed:
            patch_vary_headers(response, ("Cookie",))
        _renew_activity(session, request, response)
        return response


def _stamp_due(session, request) -> bool:
    """A change (POST …) that leaves the session as it was refreshes the row's stamp, the idle fallback of _idle,
    at most once every STAMP_EVERY seconds: a unit saving its report twenty times a minute writes it once, not
    twenty times (issue 15). The activity cookie, renewed on every response, still carries the idle limit."""
    if request.method in _SAFE_METHODS:
        return False
    return abs(time.time() - session.get(_SAVED_AT, 0)) >= STAMP_EVERY


def _salt(session_key: str) -> str:
    return f"theodoi.active:{session_key}"  # bound to one session: another session's cookie does not fit


def _idle(request) -> bool:
    key = request.COOKIES[settings.SESSION_COOKIE_NAME]
    try:
        request.get_signed_cookie(ACTIVE_COOKIE, salt=_salt(key), max_age=settings.SESSION_COOKIE_AGE)
        return False
    except signing.SignatureExpired:  # genuine, but no request for longer than SESSION_COOKIE_AGE
        return True
    except (KeyError, signing.BadSignature):
        # None, or one that fits another session (a login made outside a response, as the test client does):
        # judge by when the row was last written, as Django's own expiry would.
        saved_at = request.session.get(_SAVED_AT)
        return saved_at is not None and time.time() - saved_at > settings.SESSION_COOKIE_AGE


def _renew_activity(session, request, response) -> None:
    if session.is_empty() or not session.session_key:
        if ACTIVE_COOKIE in request.COOKIES:
            response.delete_cookie(ACTIVE_COOKIE, path=settings.SESSION_COOKIE_PATH,
                                   domain=settings.SESSION_COOKIE_DOMAIN, samesite=settings.SESSION_COOKIE_SAMESITE)
        return
    at_close = session.get_expire_at_browser_close()
    response.set_signed_cookie(
        ACTIVE_COOKIE, "1", salt=_salt(session.session_key),
        max_age=None if at_close else settings.THEODOI_SESSION_MAX_AGE, path=settings.SESSION_COOKIE_PATH,
        domain=settings.SESSION_COOKIE_DOMAIN, secure=settings.SESSION_COOKIE_SECURE or None, httponly=True,
        samesite=settings.SESSION_COOKIE_SAMESITE)


class OneLineForbidden(logging.Filter):
    """A refused request is routine (a unit official opening another unit's page): one line, no traceback."""

    def filter(self, record):
        if getattr(record, "status_code", None) == 403:
            record.exc_info = None
            record.exc_text = None
        return True
