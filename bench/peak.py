"""A peak day on a real server: report saves and submissions against a trivial signed-in page (issue 15, item 5).

    .venv/bin/python bench/peak.py [--clients 6] [--workers 2] [--trivial-seconds 15] [--submit-seconds 20]

Starts gunicorn on 127.0.0.1 against a throw-away SQLite file (or DATABASE_URL when set: PostgreSQL), seeds the
demo (seed_demo, its working day 10/06/2023), gives every unit that leads rows a bench officer, and opens its
reports for June to December. Every officer gets a signed-in session (made as Django's force_login makes one: no
password is hashed, the product's hasher is not what is measured); each client then loads its report pages once
and keeps the form each page holds (untimed). Both phases run on the same server with the same --clients
threads, database connections reused (CONN_MAX_AGE) and sessions kept; each starts with an untimed warm-up:
1. for --trivial-seconds, GET /suc-khoe/ (session and user only);
2. rounds of: every report saved SAVES_PER_SUBMIT times, then submitted, each POST every field of the page's form
   with new results, status and progress, encoded as the page sends it: url-encoded, as static/js/theodoi.js
   sends a form marked data-files-optional when no file is chosen (else multipart/form-data with empty file
   parts). The clients take the next report from one queue, so all of them stay busy until the round's last
   reports. Between rounds (untimed) the office returns every submitted report, so the next round saves and
   resubmits them; rounds go on until --submit-seconds of timed load. The redirect after a save is not followed (it
   is a page view, not a save), so the "messages" cookie is not kept.
Afterwards the database is asked how many submissions each officer left in the audit trail (one entry per
submission, written in the submission's own transaction); a submission answered 302 but missing there is "lost".
Last line: `peak submit/trivial ratio: X.XX`.
"""
import argparse
import collections
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # also when loaded from its path, as a test does
from peak_http import Client, cpu_of, first_error, multipart  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
SAVES_PER_SUBMIT = 3
MONTHS = range(6, 13)  # the demo's working day is 10/06/2023: June is open, later months are not locked
MAX_ROUNDS = 20
WARM_UP_SECONDS = 2


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
        user.set_unusable_password()  # signed in below, without hashing a password twice per officer
        user.save()
        user.units.set([unit])
        reports = [cycle.open_report(periods.ensure_period(commune, plan.year, month), unit, plan)
                   for month in MONTHS]
        editable = [{"pk": r.pk, "version": r.version,
                     "lead": list(r.rows.filter(role="lead").values_list("pk", flat=True)),
                     "coordinating": list(r.rows.filter(role="coordinating").values_list("pk", flat=True))}
                    for r in reports if cycle.is_editable(r, clock.today())]
        officers.append({"username": user.username, "session": signed_in_session(user), "reports": editable})
    print(json.dumps(officers))


def signed_in_session(user) -> str:
    """A session signed in as the user, made as Django's test client's force_login makes one: a password login
    costs a PBKDF2 hash (about half a second per officer), which measures nothing of a peak day's saves."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store.update({SESSION_KEY: str(user.pk), BACKEND_SESSION_KEY: "django.contrib.auth.backends.ModelBackend",
                  HASH_SESSION_KEY: user.get_session_auth_hash()})
    store.create()
    return f"{settings.SESSION_COOKIE_NAME}={store.session_key}"


def count() -> None:
    """Submissions each officer left in the audit trail, and the reports standing submitted now."""
    from audit.models import LogEntry
    from reports.models import ReportState, UnitReport

    found = {}
    for username in json.loads(sys.stdin.read()):
        found[username] = {
            "logged": LogEntry.objects.filter(action="report.submitted", actor__username=username).count(),
            "standing": UnitReport.objects.filter(submitted_by__username=username,
                                                  state=ReportState.SUBMITTED).count()}
    print(json.dumps(found))


def give_back() -> None:
    """Between rounds: the office returns every submitted report of the bench officers, as it would to have one
    corrected, so that the next round saves and submits them again."""
    from accounts.models import User
    from reports.models import ReportState, UnitReport
    from reports.services import cycle

    office = User.objects.get(username="vanphong")
    for report in UnitReport.objects.filter(state=ReportState.SUBMITTED, submitted_by__username__startswith="bench."):
        cycle.return_report(report, office, "Vòng đo tiếp theo của bench/peak.py.")


# ---- the server --------------------------------------------------------------------------------------------------
def environment(work: Path) -> dict:
    env = dict(os.environ)
    env.setdefault("DATABASE_URL", f"sqlite:///{work}/peak.sqlite3")
    env.update(THEODOI_VAR_DIR=str(work), THEODOI_MEDIA_ROOT=str(work / "media"), THEODOI_DEMO_DATE="2023-06-10",
               SECRET_KEY=secrets.token_urlsafe(50), DJANGO_SETTINGS_MODULE="theodoi.settings",
               PYTHONPATH=str(ROOT))
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


# ---- the load: phases of one signed-in client per thread (the HTTP side in bench/peak_http.py) -------------------
class Tally:
    def __init__(self):
        self.lock, self.done, self.errors, self.busy, self.submitted = threading.Lock(), 0, [], 0.0, {}
        self.cpu: float | None = 0.0  # the server's CPU seconds, None when it cannot be read
        self.client_cpu = 0.0

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
    """The page's form with what an officer types: every row's result, and a lead row's status and progress."""
    form = {**report["form"], "version": str(report["version"])}
    for pk in report["lead"] + report["coordinating"]:
        form[f"r{pk}-results"] = f"Kết quả lần {n}: đã triển khai theo kế hoạch."
    for pk in report["lead"]:
        if form.get(f"r{pk}-status") != "done":  # finished work keeps its status, progress and finish date
            form.update({f"r{pk}-status": "in_progress", f"r{pk}-percent": str(10 * n)})
    return {**form, "action": "submit" if submit else "save"}


def send(client: Client, report: dict, n: int, submit: bool, tally: Tally) -> bool:
    path = f"/bao-cao/{report['pk']}/"
    fields = {**report_form(report, n, submit), "csrfmiddlewaretoken": client.cookies["csrftoken"]}
    started = time.monotonic()
    if report["files_optional"]:  # no file is chosen here
        status, headers, text = client.request("POST", path, fields)
    else:
        status, headers, text = client.request("POST", path, body=multipart(fields, report["files"]))
    ok = status == 302 and headers.get("Location", "").endswith(path)
    tally.add(ok, time.monotonic() - started, f"POST {path} {status} {first_error(text)}")
    if ok:
        report["version"] += 1
    return ok


def submitting(queue: collections.deque, until: float, tally: Tally) -> None:
    """Take the next report from the shared queue: save it SAVES_PER_SUBMIT times, then submit it."""
    while time.monotonic() < until:
        try:
            client, username, report = queue.popleft()
        except IndexError:
            return
        for n in range(1, SAVES_PER_SUBMIT + 2):
            submit = n == SAVES_PER_SUBMIT + 1
            if not send(client, report, n, submit, tally):
                break
            if submit:
                with tally.lock:
                    tally.submitted[username] = tally.submitted.get(username, 0) + 1


def run_phase(target, lanes: list[tuple], seconds: float, server: int | None = None) -> tuple[Tally, float]:
    """One thread per lane, each calling target(*lane, until, tally); the phase lasts until the last one ends.
    With the server's pid, the tally also holds the CPU seconds its processes and this client used meanwhile."""
    tally, until = Tally(), time.monotonic() + seconds
    started, server_cpu, client_cpu = time.monotonic(), cpu_of(server), time.process_time()
    threads = [threading.Thread(target=target, args=(*lane, until, tally)) for lane in lanes]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    after = cpu_of(server)
    tally.cpu = after - server_cpu if after is not None and server_cpu is not None else None
    tally.client_cpu = time.process_time() - client_cpu
    return tally, time.monotonic() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=6, help="concurrent signed-in officers (threads)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers")
    parser.add_argument("--trivial-seconds", type=float, default=15)
    parser.add_argument("--submit-seconds", type=float, default=20, help="timed seconds of rounds of saves")
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
    options.server = server.pid
    try:
        report(options, officers, port, env)
    finally:
        server.terminate()
        server.wait(timeout=30)
    shutil.rmtree(work)  # the throw-away database and media; kept, with gunicorn.log, when the run failed


def signed_in(officers: list[dict], port: int) -> list[tuple[Client, str, dict]]:
    """Every officer signed in once, and every report with the form its page holds (untimed)."""
    work = []
    for officer in officers:
        client = Client(port)
        client.sign_in(officer["session"])
        for report in officer["reports"]:
            form = client.page_form(f"/bao-cao/{report['pk']}/")
            report.update(form=form.fields, files=form.files, files_optional=form.files_optional)
            work.append((client, officer["username"], report))
    return work


def trivial_phase(options, clients: list[Client]) -> tuple[Tally, float]:
    lanes = [(clients[i % len(clients)],) for i in range(options.clients)]
    run_phase(trivial, lanes, WARM_UP_SECONDS)
    return run_phase(trivial, lanes, options.trivial_seconds, options.server)


def warming(queue: collections.deque, until: float, tally: Tally) -> None:
    client, _, report = queue.popleft()
    send(client, report, 0, False, tally)


def heavy_phase(options, work: list, env: dict) -> tuple[Tally, float, int]:
    """Rounds of saves and submissions until --submit-seconds of timed load; the office's returns in between are
    not timed. The warm-up (untimed) saves one report per client once."""
    warm = collections.deque(work[:options.clients])
    run_phase(warming, [(warm,)] * len(warm), 60)
    total, seconds, rounds = Tally(), 0.0, 0
    while seconds < options.submit_seconds and rounds < MAX_ROUNDS:
        if rounds:
            manage(env, __file__, "--give-back")
        tally, took = run_phase(submitting, [(collections.deque(work),)] * options.clients,
                                options.submit_seconds - seconds, options.server)
        total.cpu = total.cpu + tally.cpu if total.cpu is not None and tally.cpu is not None else None
        total.client_cpu += tally.client_cpu
        total.done += tally.done
        total.errors += tally.errors
        for user, n in tally.submitted.items():
            total.submitted[user] = total.submitted.get(user, 0) + n
        seconds, rounds = seconds + took, rounds + 1
        if tally.errors:
            break
    return total, seconds, rounds


def report(options, officers: list[dict], port: int, env: dict) -> None:
    work = signed_in(officers, port)
    clients = list({id(client): client for client, _, _ in work}.values())
    light, light_seconds = trivial_phase(options, clients)
    heavy, heavy_seconds, rounds = heavy_phase(options, work, env)
    found = json.loads(manage(env, __file__, "--count", stdin=json.dumps([o["username"] for o in officers])))
    lost = sum(max(0, n - found.get(user, {}).get("logged", 0)) for user, n in heavy.submitted.items())
    light_rate, heavy_rate = light.done / light_seconds, heavy.done / heavy_seconds
    print(f"officers: {len(officers)}, clients: {options.clients}, gunicorn workers: {options.workers}, "
          f"reports: {len(work)}, saves per submission: {SAVES_PER_SUBMIT}, rounds: {rounds}")
    print(f"trivial /suc-khoe/: {light.done} in {light_seconds:.1f} s = {light_rate:.1f}/s, "
          f"{len(light.errors)} errors")
    print(f"save/submit: {heavy.done} in {heavy_seconds:.1f} s = {heavy_rate:.1f}/s "
          f"({sum(heavy.submitted.values())} submissions), {len(heavy.errors)} errors")
    for error in sorted(set(light.errors + heavy.errors))[:10]:
        print(f"  error: {error}")
    if light.cpu is not None and heavy.cpu is not None and light.done and heavy.done:
        light_cpu, heavy_cpu = (light.cpu + light.client_cpu) / light.done, (heavy.cpu + heavy.client_cpu) / heavy.done
        print(f"CPU per request, server + this client: trivial {1000 * light.cpu / light.done:.2f} + "
              f"{1000 * light.client_cpu / light.done:.2f} ms, save/submit {1000 * heavy.cpu / heavy.done:.2f} + "
              f"{1000 * heavy.client_cpu / heavy.done:.2f} ms; ratio by CPU {light_cpu / heavy_cpu:.2f}")
    print(f"submitted per clients: {sum(heavy.submitted.values())}, found in the audit trail: "
          f"{sum(f['logged'] for f in found.values())}, standing submitted now: "
          f"{sum(f['standing'] for f in found.values())}, lost: {lost}")
    print(f"peak submit/trivial ratio: {heavy_rate / light_rate:.2f}")


if __name__ == "__main__":
    commands = {"--prepare": "prepare", "--count": "count", "--give-back": "give_back"}
    if sys.argv[1:2] and sys.argv[1] in commands:
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        globals()[commands[sys.argv[1]]]()
    else:
        main()
