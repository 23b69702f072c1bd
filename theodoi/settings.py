"""Settings from the environment, with defaults that run on one office PC with no set-up.

Nothing set: SQLite under var/, debug off unless THEODOI_DEBUG=1, a secret key generated once into var/ (demo only).
DATABASE_URL switches to PostgreSQL: postgres://user:password@host:5432/theodoi
THEODOI_PRODUCTION=1 is the hardened mode behind a TLS proxy: SECRET_KEY and ALLOWED_HOSTS must come from the
environment (the key at least 50 characters), cookies are secure, HSTS is on, and debug pages are impossible;
`manage.py check --deploy` is clean.
"""
import secrets
from datetime import timedelta
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
env = environ.Env()
VAR_DIR = Path(env.str("THEODOI_VAR_DIR", default=str(BASE_DIR / "var")))
PRODUCTION = env.bool("THEODOI_PRODUCTION", default=False)
DEBUG = env.bool("THEODOI_DEBUG", default=False) and not PRODUCTION


def _secret_key() -> str:
    if env.str("SECRET_KEY", default=""):
        return _long_enough(env.str("SECRET_KEY"))
    if PRODUCTION:
        raise ImproperlyConfigured("THEODOI_PRODUCTION=1 cần biến môi trường SECRET_KEY (ít nhất 50 ký tự ngẫu nhiên).")
    key_file = VAR_DIR / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    # Settings never write files: `make run` creates the demo key; until then (tests, a bare manage.py call)
    # a key for this process alone will do, at the price of sessions not outliving it.
    return secrets.token_urlsafe(50)


def _long_enough(key: str) -> str:
    # The bar of Django's own deploy check (security.W009): 50 characters, at least 5 of them different.
    if PRODUCTION and (len(key) < 50 or len(set(key)) < 5):
        raise ImproperlyConfigured(f"THEODOI_PRODUCTION=1: SECRET_KEY chỉ có {len(key)} ký tự hoặc quá ít ký tự khác "
                                   "nhau; cần ít nhất 50 ký tự ngẫu nhiên, ví dụ tạo bằng: python3 -c \"import "
                                   "secrets; print(secrets.token_urlsafe(50))\"")
    return key


SECRET_KEY = _secret_key()
if PRODUCTION and not env.list("ALLOWED_HOSTS", default=[]):
    raise ImproperlyConfigured("THEODOI_PRODUCTION=1 cần biến môi trường ALLOWED_HOSTS (tên miền của máy chủ).")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# The demo's assumed working day (theodoi/clock.py), e.g. 2023-06-10; `make run` sets it, production refuses it.
THEODOI_DEMO_DATE = env.str("THEODOI_DEMO_DATE", default="") or None
if PRODUCTION and THEODOI_DEMO_DATE:
    raise ImproperlyConfigured("THEODOI_PRODUCTION=1 không được dùng ngày làm việc giả định: hãy bỏ biến môi trường "
                               "THEODOI_DEMO_DATE; chỉ bản chạy thử (make run) dùng biến này.")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "theodoi",
    "accounts",
    "communes",
    "plans",
    "indicators",
    "reports",
    "dashboard",
    "provinces",
    "evaluation",
    "arising",
    "nextyear",
    "periodic",
    "disclosure",
    "audit",
    "axes",
    # Only for the vendored Swagger UI files and template of the feed's documentation page (disclosure/views/api.py).
    "ninja",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "theodoi.middleware.SecurityHeadersMiddleware",
    "theodoi.middleware.StaticFilesMiddleware",
    "theodoi.security.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "audit.context.ActorMiddleware",
    "theodoi.errors.DomainErrorMiddleware",
    # Last, as django-axes requires: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "theodoi.urls"
WSGI_APPLICATION = "theodoi.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "theodoi.clock.demo_banner",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'theodoi.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the office read while a unit saves; the timeout rides out short write locks.
    # IMMEDIATE: a transaction takes the write lock when it begins, so two saves queue on the timeout instead of the
    # second failing with "database is locked" when it upgrades a read to a write (issue 15's peak day).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
         "transaction_mode": "IMMEDIATE"}
    )
# The public pages and feed are cached (disclosure/queries/cache.py). Memory of the one server process by default,
# which is what one office PC runs; several processes should share one cache, e.g. THEODOI_CACHE_URL=filecache:///srv/cache
CACHES = {"default": env.cache_url("THEODOI_CACHE_URL", default="locmemcache://")}
THEODOI_PUBLIC_CACHE_SECONDS = env.int("THEODOI_PUBLIC_CACHE_SECONDS", default=600)
# Connections are reused for THEODOI_CONN_MAX_AGE seconds instead of opened per request (on a peak day the opening
# cost as much as the save), and checked before reuse, so a restarted PostgreSQL costs a reconnect, not an error.
DATABASES["default"].update(CONN_MAX_AGE=env.int("THEODOI_CONN_MAX_AGE", default=60), CONN_HEALTH_CHECKS=True)
# A PostgreSQL streaming replica for the read-only dashboards (theodoi/db_router.py); without it, one database.
if env.str("DATABASE_REPLICA_URL", default=""):
    DATABASES["replica"] = {**env.db("DATABASE_REPLICA_URL"), "CONN_MAX_AGE": DATABASES["default"]["CONN_MAX_AGE"],
                            "CONN_HEALTH_CHECKS": True, "TEST": {"MIRROR": "default"}}
    DATABASE_ROUTERS = ["theodoi.db_router.ReplicaRouter"]
    MIDDLEWARE.insert(MIDDLEWARE.index("axes.middleware.AxesMiddleware"), "theodoi.db_router.ReplicaMiddleware")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Lockout: after AXES_FAILURE_LIMIT wrong passwords for one account from one address, wait AXES_COOLOFF_TIME.
AXES_FAILURE_LIMIT = env.int("THEODOI_LOGIN_FAILURES", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("THEODOI_LOCKOUT_MINUTES", default=30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]  # a wrong guess elsewhere must not lock the office out
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.views.locked_out"

# Sessions end after THEODOI_SESSION_MINUTES without a request: every request pushes that limit forward, through a
# signed cookie for page views (they write nothing to the database) and the session row for changes
# (theodoi/security.py). A session lasts THEODOI_SESSION_MAX_HOURS at most, however active.
SESSION_ENGINE = "theodoi.security"
SESSION_COOKIE_AGE = env.int("THEODOI_SESSION_MINUTES", default=30) * 60
THEODOI_SESSION_MAX_AGE = env.int("THEODOI_SESSION_MAX_HOURS", default=12) * 60 * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Password reset mail; the console backend (the message is printed) until an SMTP server is configured.
EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
EMAIL_USE_SSL = env.bool("EMAIL_USE_SSL", default=False)
EMAIL_TIMEOUT = 20
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="theodoi <khong-tra-loi@localhost>")
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24
# The address people open theodoi at, for links in reminder mails sent by cron (no request to read it from).
THEODOI_BASE_URL = env.str("THEODOI_BASE_URL", default="http://127.0.0.1:8000")
# Read once, by the migration that turns the former "city viewer" names into administrative areas
# (accounts/migrations/0004): the kind of each name whose text does not say it, as the administrator chose it,
# e.g. "Vinh=thành phố thuộc tỉnh; Nam Đàn=huyện". See README, «Chuyển dữ liệu "thành phố" cũ».
THEODOI_LEGACY_AREA_KINDS = env.str("THEODOI_LEGACY_AREA_KINDS", default="")

LANGUAGE_CODE = "vi"
# Vietnamese only: a browser asking for English must not switch Django's messages or the number format.
LANGUAGES = [("vi", "Tiếng Việt")]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("THEODOI_MEDIA_ROOT", default=str(VAR_DIR / "media")))
THEODOI_BACKUP_DIR = Path(env.str("THEODOI_BACKUP_DIR", default=str(VAR_DIR / "backups")))

# A plan document is a few hundred kB; refuse anything far larger before reading it.
THEODOI_MAX_UPLOAD_BYTES = env.int("THEODOI_MAX_UPLOAD_BYTES", default=10 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = THEODOI_MAX_UPLOAD_BYTES
FILE_UPLOAD_MAX_MEMORY_SIZE = THEODOI_MAX_UPLOAD_BYTES
DATA_UPLOAD_MAX_NUMBER_FILES = 10
# DOCX and XLSX are zip files: refuse archives that would expand far beyond what a plan or a table needs.
THEODOI_ZIP_MAX_MEMBERS = env.int("THEODOI_ZIP_MAX_MEMBERS", default=2000)
THEODOI_ZIP_MAX_UNCOMPRESSED = env.int("THEODOI_ZIP_MAX_UNCOMPRESSED", default=200 * 1024 * 1024)
THEODOI_ZIP_MAX_RATIO = env.int("THEODOI_ZIP_MAX_RATIO", default=100)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"one_line_403": {"()": "theodoi.security.OneLineForbidden"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("THEODOI_LOG_LEVEL", default="WARNING")},
    "loggers": {"django.request": {"filters": ["one_line_403"]}},
}

# Scripts and styles from this site only: no inline <script>, no onclick=. Inline style="" attributes are still
# allowed (style-src-attr) because some pages set a width that way; they cannot run code.
THEODOI_CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'", "script-src 'self'", "style-src 'self'", "style-src-attr 'unsafe-inline'",
    "img-src 'self'", "font-src 'self'", "connect-src 'self'", "object-src 'none'", "base-uri 'self'",
    "form-action 'self'", "frame-ancestors 'none'",
])
# Serve static files straight from the app folders too, so a fresh checkout needs no collectstatic
# (theodoi.middleware.StaticFilesMiddleware then stays quiet about the empty STATIC_ROOT).
WHITENOISE_USE_FINDERS = True

if PRODUCTION:
    # Behind a TLS-terminating proxy (nginx, Caddy) that sets X-Forwarded-Proto.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("THEODOI_SSL_REDIRECT", default=True)
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = True
    CSRF_COOKIE_HTTPONLY = True
    SECURE_HSTS_SECONDS = env.int("THEODOI_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("THEODOI_HSTS_SUBDOMAINS", default=True)
    SECURE_HSTS_PRELOAD = env.bool("THEODOI_HSTS_PRELOAD", default=True)
    SECURE_REFERRER_POLICY = "same-origin"
    X_FRAME_OPTIONS = "DENY"
