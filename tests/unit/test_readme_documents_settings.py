"""Every setting an IT officer can change, and every management command, is named in the README (datasette's habit)."""
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_environment_setting_is_in_the_readme():
    names = set(re.findall(r'"(THEODOI_[A-Z_]+|DATABASE_URL|DATABASE_REPLICA_URL|SECRET_KEY|ALLOWED_HOSTS)"',
                           (ROOT / "theodoi" / "settings.py").read_text(encoding="utf-8")))
    assert names, "no settings found: the pattern no longer matches settings.py"
    assert not {n for n in names if n not in README}


def test_every_management_command_an_office_runs_is_in_the_readme():
    commands = {p.stem for p in ROOT.glob("*/management/commands/*.py") if not p.stem.startswith("_")}
    internal = {"flush"}  # audit's guarded flush is what Django's own command is for tests; not an office task
    assert not {c for c in commands - internal if c not in README}
