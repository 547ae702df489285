"""Settings for Tweespraak, read from the environment (twelve-factor).

With nothing set it runs embedded: an SQLite file, the in-memory channel layer, a local-memory
cache, console email and generated development secrets kept in ``var/``.
``project.settings.production`` tightens this and refuses to start without real configuration.
"""

import json
import secrets
from pathlib import Path

import environ
from cryptography.fernet import Fernet
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parents[2]
VAR_DIR = Path(environ.Env().str("TWEESPRAAK_VAR_DIR", default=str(BASE_DIR / "var")))

env = environ.Env()


def _dev_secrets() -> dict[str, str]:
    """Secrets for the embedded default, generated once and kept out of git in var/."""
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    path = VAR_DIR / "dev-secrets.json"
    if path.exists():
        return json.loads(path.read_text())
    values = {
        "SECRET_KEY": secrets.token_urlsafe(50),
        "FIELD_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
    }
    path.write_text(json.dumps(values))
    path.chmod(0o600)
    return values


_needs_dev_secrets = not (env.str("SECRET_KEY", "") and env.str("FIELD_ENCRYPTION_KEYS", ""))
_dev = _dev_secrets() if _needs_dev_secrets else {}

SECRET_KEY = env.str("SECRET_KEY", default="") or _dev.get("SECRET_KEY", "")
# First key encrypts, every key decrypts: add a new key in front, then rotate_field_keys.
FIELD_ENCRYPTION_KEYS = env.list("FIELD_ENCRYPTION_KEYS", default=[]) or [
    _dev.get("FIELD_ENCRYPTION_KEYS", "")
]
IS_PRODUCTION = False
DEBUG = env.bool("DEBUG", default=True)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list(
    "CSRF_TRUSTED_ORIGINS", default=["http://127.0.0.1:8000", "http://localhost:8000"]
)

INSTALLED_APPS = [
    "daphne",
    # django.contrib.admin, behind allauth's sign-in and a second step for staff.
    "project.admin_config.AdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "channels",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "allauth",
    # allauth's apps, renamed for the admin (project/third_party_apps.py).
    "project.third_party_apps.AccountConfig",
    "allauth.headless",
    "project.third_party_apps.MFAConfig",
    "project.third_party_apps.UserSessionsConfig",
    "huey.contrib.djhuey",
    "project",
    "accounts",
    "pairing",
    "exercises",
    "sessions.apps.SessionsConfig",
    "pulse",
    "therapists",
    "privacy",
    "safety",
    "notifications",
    "frontend",
]

MIDDLEWARE = [
    "project.middleware.PrivateResponsesMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "accounts.middleware.UserLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # allauth's UserSessionsMiddleware, its "last seen" write at most once a minute.
    "accounts.middleware.ThrottledUserSessionsMiddleware",
]

ROOT_URLCONF = "project.urls"
ASGI_APPLICATION = "project.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
            ],
        },
    },
]

DATABASES = {
    "default": env.db_url_config(
        env.str("DATABASE_URL", default="") or f"sqlite:///{VAR_DIR / 'db.sqlite3'}"
    ),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Under ASGI every request may run on another thread: a pool, not CONN_MAX_AGE, keeps
    # connections open between requests.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": env.int("DATABASE_POOL_MIN", default=2),
        "max_size": env.int("DATABASE_POOL_MAX", default=20),
        "timeout": 10,
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        # WAL and immediate transactions let the HTTP and WebSocket threads write side by side.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.str("REDIS_URL", default="")
# An open live-reveal socket refreshes its presence this often; it counts for three beats
# (sessions/presence.py). Shorter only in tests that kill a worker.
LIVE_HEARTBEAT_SECONDS = env.float("LIVE_HEARTBEAT_SECONDS", default=20)
# Threads (and so at most this many database connections) per worker process for the live
# reveal's database calls (sessions/consumers.py, live_db_pool). 0: Channels' one shared
# thread, the default: on 2 cores the pool made bursts slower (docs/performance.md).
LIVE_DB_THREADS = env.int("LIVE_DB_THREADS", default=0)
# Messages one live-reveal connection may send: this many a second, up to a burst of
# ``LIVE_RATE_BURST`` (sessions/consumers.py). Generous for two people, not for a script.
LIVE_RATE_PER_SECOND = 20
LIVE_RATE_BURST = 40
if REDIS_URL:
    CHANNEL_LAYERS = {
        "default": {
            # Redis publish/subscribe: a group_send is one PUBLISH and every worker process
            # gets its events pushed on one subscribed connection, where the list-based layer
            # took four round trips per send and polled each channel (docs/performance.md).
            # Delivery is to the sockets connected at that moment, which is what the live
            # reveal and /ws/me/ need: a consumer joins its groups before it announces itself,
            # and a reconnecting client rebuilds its state from the database.
            "BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer",
            "CONFIG": {
                # A busy event loop must not lose a read to redis-py's 5 s default timeout
                # (docs/performance.md, before/after).
                "hosts": [{"address": REDIS_URL, "socket_timeout": 15}],
                # Events pass through Redis; encrypt them with keys derived from our secrets.
                "symmetric_encryption_keys": env.list("CHANNEL_LAYER_KEYS", default=[])
                or FIELD_ENCRYPTION_KEYS,
                "prefix": env.str("CHANNEL_LAYER_PREFIX", default="tweespraak"),
            },
        }
    }
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env.str("CACHE_KEY_PREFIX", default="tweespraak"),
        }
    }
else:
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Background tasks (huey, docs/notifications.md): the task worker (`manage.py run_huey`) sends
# the outbox and runs the schedule. Its queue is in Redis when there is one, else in an SQLite
# file next to the embedded database; the outbox in the database stays what must be sent.
HUEY = {
    "name": env.str("TASK_QUEUE_NAME", default="tweespraak"),
    # Never run tasks inside the web process, not even with DEBUG (djhuey's default).
    "immediate": False,
    # Nothing reads task results; storing them would only fill the queue's storage.
    "results": False,
    "utc": True,
    "consumer": {
        "workers": env.int("TASK_WORKER_THREADS", default=2),
        "worker_type": "thread",
        # Empty queue: poll from 0.1 s up to 2 s (SQLite; Redis blocks instead of polling).
        "initial_delay": 0.1,
        "max_delay": 2.0,
        # SIGTERM (systemd, honcho) lets a running task finish, so an email that went out is
        # also marked sent; SIGINT stops at once.
        "graceful_signal": "TERM",
        "shutdown_timeout": 15,
    },
}
if REDIS_URL:
    HUEY.update(huey_class="huey.RedisHuey", url=REDIS_URL)
else:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    HUEY.update(huey_class="huey.SqliteHuey", filename=str(VAR_DIR / "tasks.sqlite3"))

EMAIL_BACKEND = (
    env.str("EMAIL_BACKEND", default="") or "django.core.mail.backends.console.EmailBackend"
)
if env.str("EMAIL_URL", default=""):
    vars().update(env.email_url("EMAIL_URL"))
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Tweespraak <hallo@tweespraak.local>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Accounts: django-allauth, headless only (the PWA and app clients talk JSON).
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = True
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignupForm"
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "Tweespraak: "
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_REAUTHENTICATION_TIMEOUT = 300
# Changing or adding an email address asks for the password again (issue 9).
ACCOUNT_REAUTHENTICATION_REQUIRED = True
HEADLESS_ONLY = True
HEADLESS_CLIENTS = ("browser", "app")
HEADLESS_SERVE_SPECIFICATION = True
HEADLESS_FRONTEND_URLS = {
    "account_confirm_email": "/verify/{key}",
    "account_reset_password": "/reset",
    "account_reset_password_from_key": "/reset/{key}",
    "account_signup": "/signup",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
# The app's sign-in screen (password, then the authenticator app's code when one is set up);
# the admin sends whoever is signed out there (project.admin_site).
LOGIN_URL = "/login"
# A staff member's session ends this many seconds after signing in (everyone else's after
# SESSION_COOKIE_AGE, two weeks), and the admin wants a second step at most this long ago.
STAFF_SESSION_AGE = env.int("STAFF_SESSION_AGE", default=4 * 60 * 60)
MFA_TOTP_ISSUER = "Tweespraak"
USERSESSIONS_TRACK_ACTIVITY = True

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "accounts.authentication.XSessionTokenAuthentication",
        "accounts.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["project.jsoninput.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "project.edge.api_exception_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Tweespraak API",
    "DESCRIPTION": (
        "Couples answer reflection prompts alone and reveal them together. Accounts live under "
        "/_allauth/ (see /_allauth/openapi.json)."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

# Web Push and notification emails (notifications/). Without VAPID keys the embedded default
# generates a pair into var/; production without them sends no push. PUBLIC_URL builds the
# links in emails (production falls back to https://<first ALLOWED_HOSTS entry>).
VAPID_PUBLIC_KEY = env.str("VAPID_PUBLIC_KEY", default="")
VAPID_PRIVATE_KEY = env.str("VAPID_PRIVATE_KEY", default="")
VAPID_SUBJECT = env.str("VAPID_SUBJECT", default="mailto:hallo@tweespraak.local")
PUBLIC_URL = env.str("PUBLIC_URL", default="")
# Push goes only to these push services (suffix match, HTTPS), so a subscription cannot make
# the worker call an arbitrary address.
PUSH_SERVICE_HOSTS = env.list(
    "PUSH_SERVICE_HOSTS",
    default=[
        "fcm.googleapis.com",
        "push.services.mozilla.com",
        "push.apple.com",
        "notify.windows.com",
    ],
)
# Only the tests turn this on, for their push service on loopback.
PUSH_ALLOW_HTTP = False

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Serve straight from the apps' static folders so the embedded default needs no collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "project.edge.csrf_failure"
X_FRAME_OPTIONS = "DENY"
# Not "no-referrer": Chromium then sends "Origin: null" with same-origin form posts and Django's
# CSRF check refuses the admin's forms (issue 21). "same-origin" still tells other sites nothing.
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "manifest-src": ["'self'"],
        "worker-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "filters": {"redact_secrets": {"()": "project.logging.RedactSecretsFilter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["redact_secrets"],
        }
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        # Request lines carry invite codes and session ids in their paths: keep them out.
        "django.request": {"level": "ERROR"},
        "django.channels.server": {"level": "WARNING"},
        "daphne": {"level": "WARNING"},
        # The task worker: its start and stop, and problems; not a line per task every minute.
        # Its own handler, so run_huey does not add a second one.
        "huey": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "huey.consumer": {"level": "INFO"},
        "huey.consumer.Scheduler": {"level": "WARNING"},
    },
}
