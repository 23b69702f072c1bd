"""The periodic reports' write paths for the audit walk (tests/integration/test_audit.py, WALKED)."""
from django.urls import reverse

from periodic import rules
from periodic.models import PeriodicReport


def walk_periodic(client, w):
    """The office creates the quarter report and rewrites its overall assessment, through the pages."""
    client.post(reverse("periodic_create", args=[w.plan.pk]), {"kind": "quarter-1"})
    report = PeriodicReport.objects.get(commune=w.plan.commune, year=w.plan.year, kind="quarter-1")
    general = report.narratives.get(key=rules.GENERAL)
    client.post(reverse("periodic_narrative_save", args=[report.pk, general.pk]),
                {"text": "Quý I, xã hoàn thành các nhiệm vụ trọng tâm.", "version": general.version})
    return ["periodic_report.created", "periodic_report.narrative_saved"]


def test_the_walk_leaves_both_entries(client, plan, personas):
    from audit.models import LogEntry

    client.force_login(personas["office"])
    expected = walk_periodic(client, type("World", (), {"plan": plan})())
    assert set(expected) <= set(LogEntry.objects.values_list("action", flat=True))
