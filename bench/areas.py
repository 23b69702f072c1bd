"""The area list import against reading the same CSV: matching is in memory, so the import should stay a small
multiple of the read however many communes the database holds.

    .venv/bin/python bench/areas.py [--communes 3321] [--lines 10000] [--repeat 3]

In a throw-away SQLite database: `--communes` communes (codes 10000…), then a CSV of `--lines` lines naming them by
code under 34 provinces (the rest of the lines are communes not in the app). Times the whole import
(communes.services.areas.import_areas, which rolls nothing back on success: every run after the first finds nothing
to change, as a re-import does) against communes.area_csv.read_areas on the same bytes. Prints the ratio only.
"""
import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORK = tempfile.mkdtemp(prefix="theodoi-bench-")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{WORK}/bench.sqlite3")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "theodoi.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from bench.timing import median_seconds  # noqa: E402
from communes.area_csv import read_areas  # noqa: E402
from communes.models import Commune  # noqa: E402
from communes.services.areas import import_areas  # noqa: E402

PROVINCES = 34


def csv_bytes(lines: int) -> bytes:
    rows = ["Tỉnh Thành Phố,Mã TP,Quận Huyện,Mã QH,Phường Xã,Mã PX,Cấp"]
    rows += [f"Tỉnh Thử {n % PROVINCES},{n % PROVINCES + 1:02d},,,Xã Thử {n},{10000 + n},Xã" for n in range(lines)]
    return ("\n".join(rows) + "\n").encode("utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--communes", type=int, default=3321)
    parser.add_argument("--lines", type=int, default=10000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    Commune.objects.bulk_create([Commune(name=f"Thử {n}", kind="xã", code=str(10000 + n))
                                 for n in range(args.communes)])
    data = csv_bytes(args.lines)
    first = import_areas(data)
    assert not first.errors, first.errors[:3]
    print(f"{args.lines} lines, {args.communes} communes: {len(first.created)} areas made, "
          f"{len(first.linked)} communes linked")
    read = median_seconds(lambda: read_areas(data), args.repeat)
    whole = median_seconds(lambda: import_areas(data), args.repeat)
    print(f"import / read of the same CSV: {whole / read:.1f}")


if __name__ == "__main__":
    main()
