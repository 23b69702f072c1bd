"""The civil-servant tick decides who gets a legal evaluation level; the office sets it, and the trail records it."""
from django.urls import reverse

from accounts.models import Role, User
from audit.models import LogEntry


def test_the_office_creates_a_civil_servant_account(client, personas, commune):
    client.force_login(personas["office"])
    client.post(reverse("account_create"), {"username": "tuphap2", "full_name": "Công chức Tư pháp",
                                            "role": Role.UNIT_OFFICER, "is_civil_servant": "on"})
    assert User.objects.get(username="tuphap2").is_civil_servant is True


def test_an_account_is_not_a_civil_servant_unless_ticked(client, personas, commune):
    client.force_login(personas["office"])
    client.post(reverse("account_create"), {"username": "truongxom", "full_name": "Trưởng xóm 3",
                                            "role": Role.UNIT_OFFICER})
    assert User.objects.get(username="truongxom").is_civil_servant is False


def test_the_tick_is_changed_on_the_account_page_with_an_audit_record(client, personas):
    owner = personas["owner"]
    before = owner.is_civil_servant
    client.force_login(personas["office"])
    page = client.get(reverse("account_detail", args=[owner.pk]))
    assert page.context["form"].initial["is_civil_servant"] is before
    client.post(reverse("account_detail", args=[owner.pk]), {"units": [], "is_civil_servant": "" if before else "on"})
    owner.refresh_from_db()
    assert owner.is_civil_servant is (not before)
    entry = LogEntry.objects.filter(object_id=str(owner.pk), changes__has_key="is_civil_servant").latest("pk")
    assert entry.actor == personas["office"]
