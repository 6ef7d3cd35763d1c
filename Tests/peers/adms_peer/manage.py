#!/usr/bin/env python3
"""Host project for django-fingerprint-attendance, the real ADMS server Hadir is tested against."""
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "adms_peer.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
