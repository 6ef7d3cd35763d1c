"""Minimal settings (reference §5): SQLite in $ADMS_PEER_DIR, no device approval, WIB."""
import os
from pathlib import Path

from cryptography.fernet import Fernet

DATA_DIR = Path(os.environ.get("ADMS_PEER_DIR", Path(__file__).resolve().parent.parent / "data"))
DATA_DIR.mkdir(parents=True, exist_ok=True)
KEY_FILE = DATA_DIR / "fernet.key"
if not KEY_FILE.exists():
    KEY_FILE.write_bytes(Fernet.generate_key())

SECRET_KEY = "hadir-test-peer-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.admin",
    "django.contrib.staticfiles",
    "rest_framework",
    "fingerprint_attendance",
]
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]
ROOT_URLCONF = "adms_peer.urls"
# WAL and IMMEDIATE transactions: the server and Tests/peers/peerctl.py share the file at once.
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(DATA_DIR / "peer.sqlite3"),
        "OPTIONS": {"timeout": 30, "init_command": "PRAGMA journal_mode=WAL;", "transaction_mode": "IMMEDIATE"},
    }
}
USE_TZ = True
TIME_ZONE = "UTC"
APPEND_SLASH = False
STATIC_URL = "/static/"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "APP_DIRS": True,
        "OPTIONS": {"context_processors": ["django.template.context_processors.request", "django.contrib.auth.context_processors.auth", "django.contrib.messages.context_processors.messages"]},
    }
]
FINGERPRINT_ATTENDANCE = {
    "TEMPLATE_ENCRYPTION_KEYS": [KEY_FILE.read_bytes().decode()],
    "ADMS_REQUIRE_DEVICE_APPROVAL": False,
    "DEFAULT_DEVICE_TIMEZONE": "Asia/Jakarta",
}
# Test knob: how soon a command the device answered with a negative code is handed out again
# (the package default is 60 s, doubling). Unset = the package default.
if os.environ.get("ADMS_PEER_COMMAND_RETRY_BACKOFF"):
    FINGERPRINT_ATTENDANCE["COMMAND_RETRY_BACKOFF"] = os.environ["ADMS_PEER_COMMAND_RETRY_BACKOFF"]
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
