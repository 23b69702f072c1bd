"""The province dashboard against the raw SQL of its aggregates, in a national-size PostgreSQL database.

    THEODOI_PG_PORT=54344 scripts/with-postgres.sh .venv/bin/python bench/rollup.py [--communes 3321] [--repeat 5]

Takes DATABASE_URL (PostgreSQL only: the yardstick is PostgreSQL SQL). Generates the data with generate_scale
unless that many generated communes are already there, then, for December 2023:
- the province dashboard of Nghệ An (about 130 communes): its query function (provinces.board.board, every figure the
  page shows) and the page itself through the test client, each against the hand-written SQL of the same aggregates
  (bench/rollup_sql.py, the overdue list included);
- the whole country's roll-up (provinces.queries.rollup over every commune) against its hand-written SQL.
The ORM's figures are checked equal to the raw SQL's before anything is timed. Each time is the median of --repeat
runs after one warm-up. Last line: the larger of the two query-function ratios (province, country).
"""
import argparse
import os
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "theodoi.settings")
if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
    sys.exit("bench/rollup.py đo trên PostgreSQL: chạy qua scripts/with-postgres.sh hoặc đặt DATABASE_URL=postgres://…")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402
from django.urls import reverse  # noqa: E402

from bench import rollup_sql  # noqa: E402
from bench.timing import median_seconds  # noqa: E402
from communes.models import AdminArea, Commune  # noqa: E402
from communes.queries import communes_under  # noqa: E402
from provinces import board, queries, scale  # noqa: E402
from reports.rules import status as st  # noqa: E402
from tests.factories import make_site_admin  # noqa: E402

YEAR, MONTH = 2023, 12


def ensure_data(communes: int) -> None:
    have = scale.generated_count()
    if have >= communes:
        print(f"reusing {have} generated communes")
        return
    if have:
        sys.exit(f"the database holds {have} generated communes, not {communes}: use a fresh database")
    started = time.perf_counter()
    call_command("generate_scale", communes=communes, months=12)
    print(f"generate_scale --communes {communes} --months 12: {time.perf_counter() - started:.0f} s")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def params(area: AdminArea | None, today: date) -> dict:
    judged = queries.judged_day(YEAR, MONTH, today)
    return {"area": area.pk if area else None, "year": YEAR, "month": MONTH, "day": judged,
            "closing": queries._closing_key(judged)}


def check_equal(lines, raw) -> None:
    """The ORM roll-up and the raw SQL give the same figures, commune by commune."""
    statuses = {row[0]: dict(zip(st.ORDER, row[1:], strict=True)) for row in raw[2]}
    reports = {row[0]: (row[1], row[2]) for row in raw[1]}
    colours: dict[int, Counter] = {}
    for commune, colour, n in raw[3]:
        colours.setdefault(commune, Counter())[colour] = n
    for line in lines:
        assert colours.get(line.pk, Counter()) == line.colours, line.name
        assert +Counter(statuses.get(line.pk, {})) == line.rows, line.name
        assert reports.get(line.pk, (0, 0)) == (line.on_time_reports, line.late_reports), line.name


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--communes", type=int, default=3321)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    ensure_data(args.communes)
    today = date.today()
    area = AdminArea.objects.get(name="Nghệ An", parent=None)
    under = communes_under(area)
    p_area, p_country = params(area, today), params(None, today)
    print(f"{under.count()} communes in {area}, {Commune.objects.count()} in the country")
    with connection.cursor() as cursor:
        # The roll-up turns PostgreSQL's JIT off for its queries (provinces.queries.without_jit); so does the yardstick.
        cursor.execute("SET jit = off")
        check_equal(queries.rollup(under, YEAR, MONTH, today),
                    rollup_sql.run(cursor, rollup_sql.PAGE, rollup_sql.AREA_SCOPE, p_area))
        check_equal(queries.rollup(Commune.objects.all(), YEAR, MONTH, today),
                    rollup_sql.run(cursor, rollup_sql.COUNTRY, rollup_sql.COUNTRY_SCOPE, p_country))

        def raw_area():
            rollup_sql.run(cursor, rollup_sql.PAGE, rollup_sql.AREA_SCOPE, p_area)

        def raw_country():
            rollup_sql.run(cursor, rollup_sql.COUNTRY, rollup_sql.COUNTRY_SCOPE, p_country)

        sql_area = median_seconds(raw_area, args.repeat)
        sql_country = median_seconds(raw_country, args.repeat)
    function = median_seconds(lambda: board.board(area, YEAR, MONTH, today, board.Filters()), args.repeat)
    client = Client()
    client.force_login(_admin() or make_site_admin("bench.quantri"))
    url = f"{reverse('province_dashboard', kwargs={'area_pk': area.pk})}?ky={YEAR}-{MONTH:02d}"
    page = median_seconds(lambda: _get(client, url), args.repeat)
    country = median_seconds(lambda: queries.rollup(Commune.objects.all(), YEAR, MONTH, today), args.repeat)
    print(f"province raw SQL            {sql_area * 1000:8.1f} ms")
    print(f"province query function     {function * 1000:8.1f} ms  ({function / sql_area:.1f} × raw SQL)")
    print(f"province page (test client) {page * 1000:8.1f} ms  ({page / sql_area:.1f} × raw SQL)")
    print(f"country raw SQL             {sql_country * 1000:8.1f} ms")
    print(f"country roll-up             {country * 1000:8.1f} ms  ({country / sql_country:.1f} × raw SQL)")
    print(f"rollup/raw-sql ratio: {max(function / sql_area, country / sql_country):.1f}")


def _admin():
    from accounts.models import User

    return User.objects.filter(username="bench.quantri").first()


def _get(client, url) -> None:
    response = client.get(url)
    assert response.status_code == 200, (response.status_code, response.content[:300])


if __name__ == "__main__":
    with override_settings(ALLOWED_HOSTS=["testserver"],
                           PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        main()
