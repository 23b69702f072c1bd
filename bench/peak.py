"""A peak day on a real server: report saves and submissions against a trivial signed-in page (issue 15, item 5).

    .venv/bin/python bench/peak.py [--clients 6] [--workers 2] [--trivial-seconds 15] [--submit-seconds 40]

Starts gunicorn on 127.0.0.1 against a throw-away SQLite file (or DATABASE_URL when set: PostgreSQL), seeds the
demo (seed_demo, its working day 10/06/2023), gives every unit that leads rows a bench officer, and opens its
reports for June to December. Then, with --clients threads sharing the officers (each signed in once):
1. for --trivial-seconds, GET /suc-khoe/ (session and user only);
2. for at most --submit-seconds, each report: save the draft SAVES_PER_SUBMIT times, then submit it, posting what
   the report page posts (its rows and version are known from the preparation, so no page is loaded). The
   redirect after a save is not followed (it is a page view, not a save), so the "messages" cookie is not kept.
Afterwards the database is asked how many reports each officer submitted; a submission answered 302 but missing
there is "lost". Last line: `peak submit/trivial ratio: X.XX`.
"""
import argparse
import http.client
import json
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import threading
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
SAVES_PER_SUBMIT = 3
PASSWORD = "bench-" + secrets.token_urlsafe(12)
MONTHS = range(6, 13)  # the demo's working day is 10/06/2023: June is open, later months are not locked


# ---- inside Django (run as a subprocess with the server's environment) -------------------------------------------
def prepare() -> None:
    """One bench officer per unit that leads rows, and its editable reports; prints them as JSON."""
    from accounts.models import Role, User
    from communes.models import Commune
    from plans.models import AssignmentRef, Plan
    from reports.services import cycle, periods
    from theodoi import clock

    commune = Commune.objects.get(name="Hưng Đông")
    plan = Plan.objects.get(commune=commune, is_current=True)
    units = {ref.entry for ref in AssignmentRef.objects.filter(assignment__node__plan=plan, role="lead")
             .select_related("entry")}
    officers = []
    for unit in sorted(units, key=lambda u: u.key):
        user, _ = User.objects.get_or_create(username=f"bench.{unit.key}"[:150], defaults={
            "role": Role.UNIT_OFFICER, "commune": commune})
        user.set_password(os.environ["BENCH_PASSWORD"])
        user.save()
        user.units.set([unit])
        reports = [cycle.open_report(periods.ensure_period(commune, plan.year, month), unit, plan)
                   for month in MONTHS]
        editable = [{"pk": r.pk, "version": r.version,
                     "lead": list(r.rows.filter(role="lead").values_list("pk", flat=True)),
                     "coordinating": list(r.rows.filter(role="coordinating").values_list("pk", flat=True))}
                    for r in reports if cycle.is_editable(r, clock.today())]
        officers.append({"username": user.username, "reports": editable})
    print(json.dumps(officers))


def count() -> None:
    from reports.models import ReportState, UnitReport

    found = {}
    for username in json.loads(sys.stdin.read()):
        found[username] = UnitReport.objects.filter(submitted_by__username=username,
                                                    state=ReportState.SUBMITTED).count()
    print(json.dumps(found))


# ---- the server --------------------------------------------------------------------------------------------------
def environment(work: Path) -> dict:
    env = dict(os.environ)
    env.setdefault("DATABASE_URL", f"sqlite:///{work}/peak.sqlite3")
    env.update(THEODOI_VAR_DIR=str(work), THEODOI_MEDIA_ROOT=str(work / "media"), THEODOI_DEMO_DATE="2023-06-10",
               SECRET_KEY=secrets.token_urlsafe(50), DJANGO_SETTINGS_MODULE="theodoi.settings",
               BENCH_PASSWORD=PASSWORD, PYTHONPATH=str(ROOT))
    return env


def manage(env: dict, *args: str, stdin: str | None = None) -> str:
    done = subprocess.run([PYTHON, *args], cwd=ROOT, env=env, input=stdin, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"{' '.join(args)} failed:\n{done.stderr[-3000:]}")
    return done.stdout


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(env: dict, port: int, workers: int, work: Path) -> subprocess.Popen:
    log = open(work / "gunicorn.log", "w")  # noqa: SIM115 - closed with the process, in main
    server = subprocess.Popen([str(Path(PYTHON).parent / "gunicorn"), "theodoi.wsgi", "-b", f"127.0.0.1:{port}",
                               "--workers", str(workers), "--worker-class", "sync", "--timeout", "60"],
                              cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    sys.exit("gunicorn did not start: see " + str(work / "gunicorn.log"))


# ---- a client: one signed-in officer ------------------------------------------------------------------------------
class Client:
    def __init__(self, port: int):
        self.port, self.cookies = port, {}

    def request(self, method: str, path: str, form: dict | None = None) -> tuple[int, dict, str]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = urlencode(form) if form is not None else None
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        text = response.read().decode("utf-8", "replace")
        for line in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(line).items():
                if name == "messages":
                    continue  # shown by the page after the redirect, which a save's timing leaves out
                if morsel.value and morsel["max-age"] != "0":
                    self.cookies[name] = morsel.value
                else:
                    self.cookies.pop(name, None)
        connection.close()
        return response.status, dict(response.getheaders()), text

    def login(self, username: str) -> None:
        self.request("GET", "/dang-nhap/")
        status, _, _ = self.request("POST", "/dang-nhap/", {
            "username": username, "password": PASSWORD, "csrfmiddlewaretoken": self.cookies["csrftoken"]})
        if status != 302:
            raise RuntimeError(f"login of {username} answered {status}")

    def post(self, path: str, form: dict) -> tuple[int, dict, str]:
        return self.request("POST", path, {**form, "csrfmiddlewaretoken": self.cookies["csrftoken"]})


class Tally:
    def __init__(self):
        self.lock, self.done, self.errors, self.busy, self.submitted = threading.Lock(), 0, [], 0.0, {}

    def add(self, ok: bool, seconds: float, what: str) -> None:
        with self.lock:
            self.done += ok
            self.busy += seconds
            if not ok:
                self.errors.append(what)


def trivial(client: Client, until: float, tally: Tally) -> None:
    while time.monotonic() < until:
        started = time.monotonic()
        status, _, _ = client.request("GET", "/suc-khoe/")
        tally.add(status == 200, time.monotonic() - started, f"/suc-khoe/ {status}")


def report_form(report: dict, n: int, submit: bool) -> dict:
    """What the report page posts: every row's result, and a lead row's status and progress."""
    form = {"action": "submit" if submit else "save"}
    for pk in report["lead"] + report["coordinating"]:
        form[f"r{pk}-results"] = f"Kết quả lần {n}: đã triển khai theo kế hoạch."
    for pk in report["lead"]:
        form.update({f"r{pk}-status": "in_progress", f"r{pk}-percent": str(10 * n)})
    return form


def submitting(client: Client, username: str, reports: list[dict], until: float, tally: Tally) -> None:
    for report in reports:
        if time.monotonic() >= until:
            return
        path, version = f"/bao-cao/{report['pk']}/", report["version"]
        for n in range(1, SAVES_PER_SUBMIT + 2):
            submit = n == SAVES_PER_SUBMIT + 1
            started = time.monotonic()
            status, headers, _ = client.post(path, {**report_form(report, n, submit), "version": str(version)})
            ok = status == 302 and headers.get("Location", "").endswith(path)
            tally.add(ok, time.monotonic() - started, f"POST {path} {status}")
            if not ok:
                return
            version += 1
            if submit:
                with tally.lock:
                    tally.submitted[username] = tally.submitted.get(username, 0) + 1


def run_phase(target, clients: list, seconds: float, *args) -> tuple[Tally, float]:
    tally, until = Tally(), time.monotonic() + seconds
    started = time.monotonic()
    threads = [threading.Thread(target=target, args=(*client_args, until, tally, *args))
               for client_args in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return tally, time.monotonic() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=6, help="concurrent signed-in officers (threads)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers (one per core)")
    parser.add_argument("--trivial-seconds", type=float, default=15)
    parser.add_argument("--submit-seconds", type=float, default=40)
    options = parser.parse_args()
    if options.trivial_seconds + options.submit_seconds > 60:
        parser.error("the load is bounded: --trivial-seconds + --submit-seconds ≤ 60")
    work = Path(tempfile.mkdtemp(prefix="theodoi-peak-"))
    env = environment(work)
    print(f"database: {env['DATABASE_URL'].split('@')[-1]}; preparing (migrate, seed_demo, bench officers) …")
    manage(env, "manage.py", "migrate", "--noinput", "-v", "0")
    manage(env, "manage.py", "seed_demo")
    officers = json.loads(manage(env, __file__, "--prepare"))
    port = free_port()
    server = start_server(env, port, options.workers, work)
    try:
        report(options, officers, port, env)
    finally:
        server.terminate()
        server.wait(timeout=30)


def report(options, officers: list[dict], port: int, env: dict) -> None:
    clients = []
    for officer in officers:
        client = Client(port)
        client.login(officer["username"])
        clients.append((client, officer))
    lanes = [clients[i::options.clients] for i in range(min(options.clients, len(clients)))]
    light, light_seconds = run_phase(lambda lane, until, tally: trivial(lane[0][0], until, tally),
                                     [(lane,) for lane in lanes], options.trivial_seconds)

    def one_lane(lane, until, tally):
        for client, officer in lane:
            submitting(client, officer["username"], officer["reports"], until, tally)

    heavy, heavy_seconds = run_phase(one_lane, [(lane,) for lane in lanes], options.submit_seconds)
    found = json.loads(manage(env, __file__, "--count", stdin=json.dumps([o["username"] for o in officers])))
    lost = sum(max(0, n - found.get(user, 0)) for user, n in heavy.submitted.items())
    light_rate, heavy_rate = light.done / light_seconds, heavy.done / heavy_seconds
    reports = sum(len(o["reports"]) for o in officers)
    print(f"officers: {len(officers)}, clients: {len(lanes)}, gunicorn workers: {options.workers}, "
          f"reports to send: {reports}, saves per submission: {SAVES_PER_SUBMIT}")
    print(f"trivial /suc-khoe/: {light.done} in {light_seconds:.1f} s = {light_rate:.1f}/s, "
          f"{len(light.errors)} errors")
    print(f"save/submit: {heavy.done} in {heavy_seconds:.1f} s = {heavy_rate:.1f}/s "
          f"({sum(heavy.submitted.values())} submissions), {len(heavy.errors)} errors")
    for error in sorted(set(light.errors + heavy.errors))[:10]:
        print(f"  error: {error}")
    print(f"submitted per clients: {sum(heavy.submitted.values())}, found in the database: "
          f"{sum(found.values())}, lost: {lost}")
    print(f"peak submit/trivial ratio: {heavy_rate / light_rate:.2f}")


if __name__ == "__main__":
    if sys.argv[1:2] in (["--prepare"], ["--count"]):
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        prepare() if sys.argv[1] == "--prepare" else count()
    else:
        main()
