"""The audit trail: every write path leaves who, when, what and before/after; nobody can change or remove it."""
import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.urls import reverse

from accounts.models import Role, User
from audit.context import acting_as
from audit.models import AppendOnlyError, LogEntry
from audit.services import history_for, log_action
from tests.conftest import SAMPLE
from tests.factories import PASSWORD, make_site_admin


def entries(action, **filters):
    return LogEntry.objects.filter(action=action, **filters)


def test_the_model_refuses_update_and_delete(db, commune):
    entry = log_action("test.done", commune=commune)
    entry.action = "changed"
    for attempt in (entry.save, entry.delete, LogEntry.objects.all().delete,
                    lambda: LogEntry.objects.update(action="x")):
        with pytest.raises(AppendOnlyError):
            attempt()


def test_the_database_refuses_update_and_delete_even_in_raw_sql(db, commune):
    log_action("test.done", commune=commune)
    for sql in ("UPDATE audit_logentry SET action = 'x'", "DELETE FROM audit_logentry"):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql)
    assert LogEntry.objects.filter(action="test.done").count() == 1


def test_the_admin_shows_the_trail_but_offers_no_change_or_delete(client, db, commune):
    entry = log_action("test.done", commune=commune)
    client.force_login(make_site_admin())
    assert client.get(reverse("admin:audit_logentry_changelist")).status_code == 200
    assert client.get(reverse("admin:audit_logentry_delete", args=[entry.pk])).status_code == 403
    assert client.post(reverse("admin:audit_logentry_change", args=[entry.pk]), {"action": "x"}).status_code == 403
    assert LogEntry.objects.get(pk=entry.pk).action == "test.done"


def test_import_through_upload_and_confirm_is_logged_as_the_office(client, personas):
    office = personas["office"]
    client.force_login(office)
    preview = client.post(reverse("plan_upload"), {"file": SimpleUploadedFile(SAMPLE.name, SAMPLE.read_bytes())})
    token = preview.context["confirm"].initial["token"]
    client.post(reverse("plan_confirm"), {"token": token, "name": SAMPLE.name})
    imported = entries("plan.imported").get()
    assert imported.actor == office and imported.data["file"] == SAMPLE.name
    assert imported.commune_id == office.commune_id
    assert entries("plans.tasknode.created", actor=office).exists()
    assert entries("plans.assignment.created", actor=office).exists()


def test_import_by_command_is_logged_as_the_system(db, commune):
    call_command("import_plan", str(SAMPLE), "--commune", commune.name)
    imported = entries("plan.imported").get()
    assert imported.actor is None and imported.actor_label == "hệ thống (lệnh import_plan)"


def test_directory_edit_records_before_and_after(db, commune, personas):
    entry = commune.entries.get(key="cc-dia-chinh")
    with acting_as("kiểm thử"):
        old = entry.name
        entry.name = "Công chức Địa chính - Xây dựng"
        entry.save()
        entry.aliases.create(text="CC Địa chính")
    updated = entries("communes.directoryentry.updated", object_id=str(entry.pk)).get()
    assert updated.changes == {"name": [old, "Công chức Địa chính - Xây dựng"]}
    assert updated.actor_label == "kiểm thử" and updated.commune_id == commune.pk
    assert entries("communes.alias.created").get().commune_id == commune.pk


def test_directory_edit_in_the_admin_is_logged_as_the_administrator(client, db, commune):
    admin = make_site_admin()
    client.force_login(admin)
    entry = commune.entries.get(key="cc-tu-phap")
    data = {"commune": commune.pk, "key": entry.key, "name": "Tư pháp - Hộ tịch", "category": entry.category,
            "kind": entry.kind, "portfolio": "", "email": "", "aliases-TOTAL_FORMS": "0",
            "aliases-INITIAL_FORMS": "0", "aliases-MIN_NUM_FORMS": "0", "aliases-MAX_NUM_FORMS": "1000"}
    response = client.post(reverse("admin:communes_directoryentry_change", args=[entry.pk]), data)
    assert response.status_code == 302, response.content[:2000]
    assert entries("communes.directoryentry.updated", actor=admin).get().changes["name"][1] == "Tư pháp - Hộ tịch"


def test_account_creation_by_the_office_is_logged_without_the_password(client, personas, commune):
    office = personas["office"]
    client.force_login(office)
    unit = commune.entries.get(key="cc-dia-chinh")
    client.post(reverse("account_create"), {"username": "diachinh2", "full_name": "Lê Văn B",
                                            "role": Role.UNIT_OFFICER, "units": [unit.pk]})
    account = User.objects.get(username="diachinh2")
    created = entries("accounts.user.created", object_id=str(account.pk)).get()
    assert created.actor == office and "password" not in created.changes
    assert "pbkdf2" not in str(list(LogEntry.objects.values_list("changes", flat=True)))
    linked = entries("accounts.user.updated", object_id=str(account.pk)).get()
    assert linked.changes == {"units": [[], [unit.pk]]}


def test_a_password_change_is_logged_but_the_hash_is_not(client, personas):
    viewer = personas["viewer"]
    client.force_login(viewer)
    client.post(reverse("password_change"), {"old_password": PASSWORD, "new_password1": "Mot-mat-khau-moi-2024",
                                             "new_password2": "Mot-mat-khau-moi-2024"})
    changed = entries("accounts.user.updated", object_id=str(viewer.pk)).get()
    assert changed.changes == {"password": ["***", "*** (đã đổi)"]} and changed.actor == viewer


def test_indicator_values_are_logged_when_the_model_exists(db, plan, personas):
    try:
        model = apps.get_model("indicators", "IndicatorValue")
    except LookupError:
        pytest.skip("indicators.IndicatorValue does not exist yet")
    from django.utils import timezone

    value = model.objects.create(indicator=plan.indicators.first(), period_kind="month", period_year=plan.year,
                                 period_number=1, entered_by=personas["office"], entered_at=timezone.now())
    assert entries("indicators.indicatorvalue.created", object_id=str(value.pk)).get().commune_id == plan.commune_id


def test_the_task_page_shows_its_history(client, plan, personas):
    node = plan.nodes.filter(level="task").first()
    row = node.assignments.first()
    with acting_as("kiểm thử"):
        row.output = "Báo cáo kết quả"
        row.save()
    assert [e.action for e in history_for(node)][0] == "plans.assignment.updated"
    client.force_login(personas["viewer"])
    page = client.get(reverse("task_detail", args=[plan.pk, node.code])).content.decode()
    assert "Lịch sử thay đổi" in page and "Báo cáo kết quả" in page and "kiểm thử" in page
