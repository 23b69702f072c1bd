"""Production mode: `check --deploy` is clean, and a missing secret key stops the start instead of inventing one."""
import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

# DJANGO_ALLOW_ASYNC_UNSAFE is set for the browser tests only; a deployment never has it.
_NOT_INHERITED = ("THEODOI_", "SECRET_KEY", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")
MANAGE = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py")]


def production_env(tmp_path, **extra) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(_NOT_INHERITED)}
    return {**env, "THEODOI_PRODUCTION": "1", "THEODOI_VAR_DIR": str(tmp_path),
            "ALLOWED_HOSTS": "theodoi.hungdong.gov.vn", **extra}


def test_check_deploy_is_clean_in_production_mode(tmp_path):
    env = production_env(tmp_path, SECRET_KEY="k" + os.urandom(48).hex(), THEODOI_DEBUG="1")
    result = subprocess.run([*MANAGE, "check", "--deploy", "--fail-level", "WARNING"], env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    result = subprocess.run([*MANAGE, "check"], env=production_env(tmp_path), capture_output=True, text=True)
    assert result.returncode != 0 and "SECRET_KEY" in result.stderr
    assert not (tmp_path / "secret_key").exists()


def test_production_refuses_a_short_or_repetitive_secret_key(tmp_path):
    for key in ("mat-khau-bi-mat-cua-xa-hung-dong-2023", "a" * 64):  # 38 characters; 64 of one character
        result = subprocess.run([*MANAGE, "check"], env=production_env(tmp_path, SECRET_KEY=key),
                                capture_output=True, text=True)
        assert result.returncode != 0, key
        assert f"SECRET_KEY chỉ có {len(key)} ký tự hoặc quá ít ký tự khác nhau" in result.stderr
        assert "cần ít nhất 50 ký tự ngẫu nhiên" in result.stderr


def test_outside_production_a_short_key_is_left_to_the_demo(tmp_path):
    env = {**production_env(tmp_path, SECRET_KEY="ngan"), "THEODOI_PRODUCTION": "0"}
    assert subprocess.run([*MANAGE, "check"], env=env, capture_output=True, text=True).returncode == 0
