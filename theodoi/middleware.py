"""Response headers every page needs, and static files served without a warning before collectstatic."""
import os

from django.conf import settings
from django.utils.cache import add_never_cache_headers
from whitenoise.middleware import WhiteNoiseMiddleware


class SecurityHeadersMiddleware:
    """Content-Security-Policy on every response; no-store on whatever a signed-in user sees.

    The policy (settings.THEODOI_CONTENT_SECURITY_POLICY) allows scripts from this site only, so an injected
    <script> or onclick= does not run. Pages for a signed-in user hold a commune's data: a shared office PC's
    browser cache or the back button after logout must not show them again.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", settings.THEODOI_CONTENT_SECURITY_POLICY)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)  # Cache-Control: max-age=0, no-cache, no-store, must-revalidate, private
        return response


class StaticFilesMiddleware(WhiteNoiseMiddleware):
    """WhiteNoise, without the «No directory at» warning when collectstatic has not filled STATIC_ROOT yet.

    `make run` serves static files from the finders (WHITENOISE_USE_FINDERS); production runs collectstatic, and
    there a missing STATIC_ROOT is a real mistake, so the warning stays.
    """

    def add_files(self, root, prefix=None):
        if settings.PRODUCTION or self.autorefresh or os.path.isdir(root):
            super().add_files(root, prefix)
