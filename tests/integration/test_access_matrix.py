"""Every URL against every role: the access matrices are the contract, and a URL without an entry fails here."""
import importlib
from types import SimpleNamespace

import pytest
import time_machine
from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from accounts.models import Role
from tests.factories import import_sample, make_area_viewer, make_site_admin

# One table per app in tests/access_matrix/ (an app with no URL has none; a missing module is skipped).
MATRIX_MODULES = tuple(f"tests.access_matrix.{app}" for app in (
    "accounts", "audit", "communes", "plans", "indicators", "evaluation", "arising", "reports", "dashboard"))
MATRIX_MODULES += ("tests.access_matrix.nextyear", "tests.access_matrix.periodic",
                   "tests.access_matrix.public", "tests.access_matrix.provinces")
# Administrators have Django's own admin; static and media are files, not views.
SKIPPED_NAMESPACES = ("admin",)
# Persona names as in tests/factories.make_personas. Entry keys: read_only, public, personal, method ("post"),
# redirects, kwargs(world), writers (who may write; default MANAGERS), readers (a read limited to these personas),
# download (a POST answered with a file, such as the reminder letter: walked by test_no_english like a read).
# area_viewer and area_officer are the province's accounts (tỉnh Nghệ An, two levels above the commune): they read
# every commune under it, and write nothing a commune owns.
IN_COMMUNE = ("chairman", "vice", "owner", "other_unit", "viewer", "area_viewer", "area_officer", "site_admin",
              "office")
MANAGERS = ("office", "site_admin")


def load_matrix() -> dict:
    matrix = {}
    for module_name in MATRIX_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            continue
        for name, entry in getattr(module, "ACCESS", {}).items():
            assert name not in matrix, f"«{name}» appears in two access matrices"
            matrix[name] = entry
    return matrix


def named_urls(resolver=None, namespace=None):
    for item in (resolver or get_resolver()).url_patterns:
        if isinstance(item, URLResolver):
            if item.namespace in SKIPPED_NAMESPACES:
                continue
            yield from named_urls(item, item.namespace or namespace)
        elif isinstance(item, URLPattern) and item.name:
            yield f"{namespace}:{item.name}" if namespace else item.name


MATRIX = load_matrix()


def test_every_named_url_has_an_entry_in_an_access_matrix():
    missing = sorted(set(named_urls()) - set(MATRIX))
    assert not missing, (f"URLs without an access entry: {missing}. Add them to ACCESS in tests/access_matrix/"
                         "<app>.py as {'read_only': bool, 'kwargs': lambda world: {...}} (see plans.py there).")


def test_every_matrix_entry_is_a_real_url():
    assert not set(MATRIX) - set(named_urls())


@pytest.fixture
def worlds(commune, other_commune, personas):
    people = {**personas, "area_viewer": make_area_viewer(), "site_admin": make_site_admin(),
              "area_officer": make_area_viewer(username="so.canbo", role=Role.AREA_OFFICER)}
    return people, _world(commune, import_sample(commune), people["owner"]), \
        _world(other_commune, import_sample(other_commune), people["outsider"])


def _world(commune, plan, account):
    indicator = plan.indicators.first()
    return SimpleNamespace(commune=commune, plan=plan, node=plan.nodes.filter(level="task").first(),
                           entry=commune.entries.get(key="cc-dia-chinh"), account=account, indicator=indicator,
                           value=lambda: _indicator_value(indicator, account))


def _indicator_value(indicator, user):
    """An indicator value exists only when the indicators app has the model; made on demand."""
    model = apps.get_model("indicators", "IndicatorValue")
    value = model.objects.filter(indicator=indicator).first() or model.objects.create(
        indicator=indicator, period_kind="month", period_year=indicator.plan.year, period_number=1,
        entered_by=user, entered_at=timezone.now())
    return value.pk


def _url(name, entry, world):
    return reverse(name, kwargs=entry["kwargs"](world) if "kwargs" in entry else _inferred_kwargs(name, world))


def _inferred_kwargs(name, world) -> dict:
    """Without "kwargs": `<thing>_pk` is world.<thing>, and a bare `pk` is the object the URL name starts with."""
    params = _params(name)
    kwargs = {}
    for param in params:
        thing = param.removesuffix("_pk") if param != "pk" else name.split("_")[0]
        obj = getattr(world, _ALIASES.get(thing, thing), None)
        assert obj is not None, f"«{name}»: cannot build «{param}»; give its access entry a kwargs(world) function"
        kwargs[param] = obj() if callable(obj) else obj.pk
    return kwargs


_ALIASES = {"task": "node"}


def _params(name) -> list[str]:
    possibilities = get_resolver().reverse_dict.getlist(name)
    return list(possibilities[0][0][0][1]) if possibilities else []


def _has_params(name, entry) -> bool:
    return "kwargs" in entry or bool(_params(name))


def _call(client, entry, url, user=None):
    client.logout()
    if user is not None:
        client.force_login(user)
    return client.post(url) if entry.get("method") == "post" else client.get(url)


def _expected_ok(entry):
    return (200, 302) if entry.get("redirects") or entry.get("method") == "post" else (200,)


@pytest.mark.parametrize("name", sorted(MATRIX))
@time_machine.travel("2023-06-10 09:00 +0700", tick=False)  # inside the sample plan's year: its periods are open
def test_url_access_for_every_role(client, worlds, name):
    people, mine, theirs = worlds
    entry = MATRIX[name]
    url = _url(name, entry, mine)
    anonymous = _call(client, entry, url)
    if entry.get("public"):
        assert anonymous.status_code in _expected_ok(entry) or anonymous.status_code == 302, name
        return
    assert anonymous.status_code == 302 and "/dang-nhap/" in anonymous["Location"], name
    for persona in IN_COMMUNE:
        status = _call(client, entry, url, people[persona]).status_code
        if "readers" in entry:  # a read limited to some roles: everyone else is refused
            assert status in _expected_ok(entry) if persona in entry["readers"] else status == 403, \
                (name, persona, status)
        elif entry["read_only"] or entry.get("personal"):
            assert status in _expected_ok(entry), (name, persona, status)
        elif persona in entry.get("writers", MANAGERS):
            assert status in (200, 302, 400), (name, persona, status)
        else:
            assert status == 403, (name, persona, status)
    if _has_params(name, entry):
        # Another commune's object is a 404 even for its office: its existence is not ours to reveal.
        assert _call(client, entry, url, people["outsider"]).status_code == 404, name
        assert _call(client, entry, _url(name, entry, theirs), people["office"]).status_code == 404, name


@pytest.mark.parametrize("persona", ["area_viewer", "area_officer"])
def test_a_province_account_reads_every_commune_under_it_and_writes_nothing(client, worlds, persona):
    people, mine, theirs = worlds
    client.force_login(people[persona])
    for world in (mine, theirs):
        assert client.get(reverse("plan_detail", kwargs={"pk": world.plan.pk})).status_code == 200
    assert client.get(reverse("plan_upload")).status_code == 403
    assert client.get(reverse("account_list")).status_code == 403


def test_no_view_is_exempt_from_csrf():
    exempt = [p.name for p in _patterns() if getattr(p.callback, "csrf_exempt", False)]
    assert not exempt


def _patterns(resolver=None):
    for item in (resolver or get_resolver()).url_patterns:
        if isinstance(item, URLResolver):
            yield from _patterns(item)
        else:
            yield item


@time_machine.travel("2023-01-10 09:00 +0700", tick=False)  # January's report is still open for editing
def test_a_unit_officer_cannot_submit_for_another_unit(client, worlds):
    """The matrix GETs report_detail as a read; its POST is a submission, which only the lead unit may make."""
    people, mine, _ = worlds
    report = _report_of(mine)
    lead_rows = {f"r{row.pk}-status": "in_progress" for row in report.rows.filter(role="lead")}
    submission = {"version": report.version, "action": "submit", **lead_rows}
    url = reverse("report_detail", kwargs={"pk": report.pk})
    for persona in ("other_unit", "viewer", "area_viewer", "area_officer"):
        assert _call_post(client, url, submission, people[persona]) == 403, persona
    assert _call_post(client, url, submission, people["outsider"]) == 404
    assert _call_post(client, url, submission, people["owner"]) == 302  # the lead unit itself submits
    value_url = reverse("indicator_value_entry", kwargs={"pk": mine.indicator.pk})
    assert _call_post(client, value_url, {"period": "month-2023-1", "value": "1"}, people["other_unit"]) == 403


def _report_of(world):
    from reports.services import cycle, periods

    return cycle.open_report(periods.ensure_period(world.commune, world.plan.year, 1), world.entry, world.plan)


def _call_post(client, url, data, user) -> int:
    client.force_login(user)
    return client.post(url, data).status_code
