"""A month of reminders over a real SMTP server (aiosmtpd) with frozen time: 15th, 19th, 21st and nothing else."""
import socket
import threading
from datetime import date, timedelta
from email import message_from_bytes, policy
from io import StringIO

import pytest
import time_machine
from aiosmtpd.controller import Controller
from django.core.management import call_command
from django.db import connection

from communes.models import DirectoryEntry
from reports.models import Reminder, ReportState, UnitReport
from reports.services import cycle, periods, reminders

SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
UNIT_MAIL = {"cc-dia-chinh": "diachinh@hungdong.test", "cc-van-hoa-xa-hoi": "vhxh@hungdong.test",
             "cc-tu-phap": "tuphap@hungdong.test"}
LEADER_MAIL = {"chu-tich": "chutich@hungdong.test", "pct-kinh-te": "pct.kinhte@hungdong.test"}
OFFICER = "nguyen.van.a@hungdong.test"  # the Địa chính officer's own address (accounts.User.units)
VICE = "pct.canhan@hungdong.test"  # the economy Vice-Chairman's account (accounts.User.position)


def at(day):
    return time_machine.travel(f"{day.isoformat()} 07:15 +0700", tick=False)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        mail = message_from_bytes(envelope.content, policy=policy.default)
        self.messages.append({"rcpt": sorted(envelope.rcpt_tos), "mail": mail, "to": mail["To"], "cc": mail["Cc"]})
        return "250 OK"


def use_smtp(settings, port):
    settings.EMAIL_BACKEND, settings.EMAIL_HOST, settings.EMAIL_PORT = SMTP_BACKEND, "127.0.0.1", port
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False


@pytest.fixture
def smtp(settings):
    inbox, port = Inbox(), free_port()
    inbox.port = port
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    use_smtp(settings, port)
    yield inbox
    controller.stop()


def give_addresses(commune, personas):
    for key, address in {**UNIT_MAIL, **LEADER_MAIL}.items():
        DirectoryEntry.objects.filter(commune=commune, key=key).update(email=address)
    for persona, address in (("owner", OFFICER), ("vice", VICE)):
        personas[persona].email = address
        personas[persona].save()


@pytest.fixture
def mailboxes(plan, personas):
    give_addresses(plan.commune, personas)
    return plan


def submit(plan, key, year, month, day):
    unit = DirectoryEntry.objects.get(commune=plan.commune, key=key)
    report = cycle.open_report(periods.ensure_period(plan.commune, year, month), unit, plan)
    UnitReport.objects.filter(pk=report.pk).update(state=ReportState.SUBMITTED, submitted_at=f"{day} 10:00+07:00")


def run(day, *args) -> str:
    out = StringIO()
    with at(day):
        call_command("send_reminders", *args, stdout=out)
    return out.getvalue()


def by_unit(messages) -> dict[str, dict]:
    return {m["to"].split(",")[0].strip(): m for m in messages}


def test_a_whole_month_15th_19th_21st_and_nothing_else(mailboxes, smtp):
    submit(mailboxes, "cc-tu-phap", 2023, 1, "2023-01-12")  # reported early: never chased
    sent_on = {}
    day = date(2023, 1, 1)
    while day <= date(2023, 2, 14):
        before = len(smtp.messages)
        run(day)
        if len(smtp.messages) > before:
            sent_on[day] = by_unit(smtp.messages[before:])
        day += timedelta(days=1)
    assert sorted(sent_on) == [date(2023, 1, 15), date(2023, 1, 19), date(2023, 1, 21)]
    for _day, mails in sent_on.items():
        assert sorted(mails) == ["diachinh@hungdong.test", "vhxh@hungdong.test"]  # not tuphap@: it submitted
        assert mails["diachinh@hungdong.test"]["to"] == f"diachinh@hungdong.test, {OFFICER}"
    assert sent_on[date(2023, 1, 15)]["diachinh@hungdong.test"]["cc"] is None
    assert sent_on[date(2023, 1, 19)]["diachinh@hungdong.test"]["cc"] is None
    # The day after: the leaders printed on Địa chính's rows (Chủ tịch, PCT Kinh tế, PCT Đô thị) are copied.
    late = sent_on[date(2023, 1, 21)]["diachinh@hungdong.test"]
    assert late["cc"] == f"chutich@hungdong.test, pct.kinhte@hungdong.test, {VICE}"
    assert late["rcpt"] == sorted(["diachinh@hungdong.test", OFFICER, "chutich@hungdong.test",
                                   "pct.kinhte@hungdong.test", VICE])
    assert sent_on[date(2023, 1, 21)]["vhxh@hungdong.test"]["cc"] is None  # its PCT has no address yet
    kinds = Reminder.objects.filter(unit__key="cc-dia-chinh").order_by("claimed_at")
    assert [(r.kind, r.sent_at is not None, r.error) for r in kinds] == [
        ("before_5", True, ""), ("before_1", True, ""), ("after_1", True, "")]
    assert not Reminder.objects.filter(unit__key="cc-tu-phap").exists()


def test_running_twice_sends_once_and_reports_units_without_email(mailboxes, smtp):
    first = run(date(2023, 1, 15))
    second = run(date(2023, 1, 15))
    assert len(smtp.messages) == 3  # Địa chính, Tư pháp, Văn hóa - Xã hội
    assert Reminder.objects.count() == 3
    assert "Đã gửi (Trước hạn 5 ngày): Xã Hưng Đông – Tháng 01/2023 – Công chức Địa chính" in first
    assert "Ngày 15/01/2023: đã gửi 3 thư nhắc, 0 thư lỗi, 7 đơn vị chưa có thư điện tử." in first
    assert "Ngày 15/01/2023: đã gửi 0 thư nhắc, 0 thư lỗi, 7 đơn vị chưa có thư điện tử." in second
    assert "Chưa có thư điện tử: Xã Hưng Đông – Tháng 01/2023 – Trạm Y tế xã" in second
    assert "Đã gửi" not in second


def test_a_missed_day_is_caught_up_but_never_an_earlier_step_after_a_later_one(mailboxes, smtp):
    run(date(2023, 1, 1), "--today", "2023-01-17")  # cron was down on the 15th
    assert {r.kind for r in Reminder.objects.all()} == {"before_5"}
    run(date(2023, 1, 1), "--today", "2023-01-23")  # and on the 19th to the 22nd
    run(date(2023, 1, 1), "--today", "2023-01-20")  # a late catch-up of the 20th must not send before_1
    kinds = sorted(Reminder.objects.filter(unit__key="cc-dia-chinh").values_list("kind", flat=True))
    assert kinds == ["after_1", "before_5"]
    assert len(smtp.messages) == 6


def test_a_failed_send_is_recorded_and_retried_by_the_next_run(mailboxes, smtp, settings):
    settings.EMAIL_PORT = free_port()  # nobody listens there
    out = run(date(2023, 1, 19))
    assert "Lỗi gửi (Trước hạn 1 ngày): Xã Hưng Đông – Tháng 01/2023 – Công chức Địa chính" in out
    failed = Reminder.objects.get(unit__key="cc-dia-chinh", kind="before_1")
    assert failed.sent_at is None and "ConnectionRefusedError" in failed.error
    use_smtp(settings, smtp.port)
    run(date(2023, 1, 19))
    failed.refresh_from_db()
    assert failed.sent_at is not None and failed.error == ""
    assert len(smtp.messages) == 3
    run(date(2023, 1, 20))
    assert len(smtp.messages) == 3


def test_the_mail_in_vietnamese_with_open_rows_and_link(mailboxes, smtp, settings):
    settings.THEODOI_BASE_URL = "https://theodoi.hungdong.gov.vn/"
    run(date(2023, 1, 15))
    run(date(2023, 1, 21))
    period = periods.ensure_period(mailboxes.commune, 2023, 1)
    unit = DirectoryEntry.objects.get(commune=mailboxes.commune, key="cc-dia-chinh")
    link = f"https://theodoi.hungdong.gov.vn/bao-cao/ky/{period.pk}/don-vi/{unit.pk}/"
    early = [m["mail"] for m in smtp.messages if m["to"].startswith("diachinh@")][0]
    assert early["Subject"].strip() == "[Nhắc việc] Hạn gửi báo cáo tiến độ tháng 01/2023 là ngày 20 tháng 01 năm 2023"
    text = early.get_body(("plain",)).get_content()
    assert "Kính gửi: Công chức Địa chính," in text
    assert "Còn 5 ngày đến hạn gửi báo cáo tiến độ thực hiện Kế hoạch phát triển kinh tế - xã hội tháng 01/2023: " \
           "ngày 20 tháng 01 năm 2023." in text
    assert "Số liệu kỳ báo cáo: từ ngày 15 tháng 12 năm 2022 đến ngày 14 tháng 01 năm 2023." in text
    assert "Các nhiệm vụ đơn vị chủ trì chưa hoàn thành (7):" in text
    assert "- I.4.4 Xây dựng và thực hiện có hiệu quả kế hoạch khai th" in text
    assert ("Thời hạn: Thực hiện đảm bảo tiến độ đề ra trong năm 2023 theo lộ trình. – "
            "Chưa hoàn thành, trong hạn") in text
    assert f"Báo cáo của đơn vị: {link}" in text
    late = [m["mail"] for m in smtp.messages if m["to"].startswith("diachinh@")][1]
    assert late["Subject"].strip() == "[Quá hạn] Công chức Địa chính chưa gửi báo cáo tiến độ tháng 01/2023"
    assert "Đã quá hạn 1 ngày: hạn gửi báo cáo" in late.get_body(("plain",)).get_content()
    html = late.get_body(("html",)).get_content()
    assert f'href="{link}"' in html
    assert "<td style=\"border:1px solid #ccc;white-space:nowrap\">II.3.2</td>" in html
    assert "<strong>ngày 20 tháng 01 năm 2023</strong>" in html and "Chưa hoàn thành, trong hạn" in html


def test_overdue_rows_carry_their_days_in_the_mail(plan, personas, smtp):
    give_addresses(plan.commune, personas)
    DirectoryEntry.objects.filter(commune=plan.commune, key="van-phong-tk").update(email="vanphong@hungdong.test")
    run(date(2023, 8, 15))
    mail = [m["mail"] for m in smtp.messages if m["to"].startswith("vanphong@")][0]
    text = mail.get_body(("plain",)).get_content()
    # The August mail judges rows as August's report does, at its cut-off 14/08 (issue 12 item 3, one truth per
    # count): I.7.1 (1): milestone 31/03 missed → 30+31+30+31+14 = 136 days; I.3.3: milestone 31/07 missed → 14.
    assert ("Thời hạn: Giải pháp 1: Quý 1/2023; Giải pháp (2) , (3): Năm 2023 – "
            "Chưa hoàn thành, quá hạn 136 ngày") in text
    assert "Thời hạn: Cuối tháng 7 và tháng 10/2023 – Chưa hoàn thành, quá hạn 14 ngày" in text


@pytest.mark.django_db(transaction=True)
def test_two_overlapping_runs_never_send_twice(commune, personas, smtp):
    from tests.factories import import_sample

    import_sample(commune)
    give_addresses(commune, personas)
    periods.ensure_period(commune, 2023, 1)  # as the daily advance_periods has done
    barrier, outcomes, errors = threading.Barrier(2), [], []

    def one():
        barrier.wait()
        try:
            outcomes.extend(reminders.send_due(date(2023, 1, 15)))
        except Exception as exc:  # surfaced below: a thread's exception is otherwise lost
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=one) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    sent = [o for o in outcomes if o.status == reminders.SENT]
    assert sorted(o.unit.key for o in sent) == ["cc-dia-chinh", "cc-tu-phap", "cc-van-hoa-xa-hoi"]
    assert sorted(m["to"].split(",")[0] for m in smtp.messages) == sorted(UNIT_MAIL.values())
    assert Reminder.objects.filter(sent_at__isnull=False).count() == 3
