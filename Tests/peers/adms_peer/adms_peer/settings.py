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
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": str(DATA_DIR / "peer.sqlite3")}}
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
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
