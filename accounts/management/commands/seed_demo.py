"""python manage.py seed_demo: the sample commune, its plan, one demo account per role (and per reporting unit),
and five months of reporting replayed by theodoi.demo, so the demo opens on a commune in the middle of its year.

Idempotent: run it at every `make run`. Passwords are generated and printed only when an account is created;
`--reset-passwords` prints new ones. The months are replayed only into a commune that has no report yet.
"""
import secrets
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from accounts.models import AREA_ROLES, Role, User
from communes.models import AdminArea, AreaKind, Commune, DirectoryEntry, EntryCategory, UnitKind
from communes.services.directory import seed_directory
from plans.services.importer import import_plan
from theodoi.demo import play

DEMO_PLAN = Path(settings.BASE_DIR) / "tests" / "fixtures" / "ke-hoach-ktxh-2023-xa-hung-dong.txt"

# username, full name, role, position key, unit keys
ACCOUNTS = [
    ("chutich", "Trần Anh Tấn", Role.CHAIRMAN, "chu-tich", []),
    ("pct.kinhte", "Phó Chủ tịch Kinh tế", Role.VICE_CHAIRMAN, "pct-kinh-te", []),
    ("vanphong", "Nguyễn Thị Thanh Nhân", Role.OFFICE, None, ["van-phong-tk"]),
    ("diachinh", "Công chức Địa chính", Role.UNIT_OFFICER, None, ["cc-dia-chinh"]),
    ("congan", "Trưởng Công an xã", Role.UNIT_OFFICER, None, ["cong-an"]),
    ("xom1", "Trưởng xóm 1", Role.UNIT_OFFICER, None, ["xom-1"]),
    ("kinhte", "Công chức Kinh tế - Nông nghiệp", Role.UNIT_OFFICER, None, ["cc-kinh-te"]),
    ("dothi", "Công chức Đô thị - Xây dựng", Role.UNIT_OFFICER, None, ["cc-do-thi"]),
    ("ketoan", "Công chức Tài chính - Kế toán", Role.UNIT_OFFICER, None, ["cc-ke-toan"]),
    ("tuphap", "Công chức Tư pháp - Hộ tịch", Role.UNIT_OFFICER, None, ["cc-tu-phap"]),
    ("vanhoa", "Công chức Văn hóa - Xã hội", Role.UNIT_OFFICER, None, ["cc-van-hoa-xa-hoi"]),
    ("yte", "Trạm trưởng Trạm Y tế", Role.UNIT_OFFICER, None, ["tram-y-te"]),
    ("quansu", "Chỉ huy trưởng Quân sự xã", Role.UNIT_OFFICER, None, ["quan-su"]),
    ("xem", "Thường trực HĐND (chỉ xem)", Role.VIEWER, None, []),
    ("tp.vinh", "Người xem cấp tỉnh Nghệ An (chỉ xem)", Role.AREA_VIEWER, None, []),
    ("so.tinh", "Cán bộ Văn phòng UBND tỉnh Nghệ An", Role.AREA_OFFICER, None, []),
    ("quantri", "Quản trị hệ thống", Role.SITE_ADMIN, None, []),
]
# Cadres (the Chairman, a Vice-Chairman) and civil servants (the office, Địa chính) get a legal level; the police
# chief, a hamlet head and the viewers do not.
CIVIL_SERVANTS = {"chutich", "pct.kinhte", "vanphong", "diachinh", "kinhte", "dothi", "ketoan", "tuphap", "vanhoa"}
EXTRA_UNITS = [(f"xom-{n}", f"Xóm {n}", UnitKind.HAMLET) for n in range(1, 13)] + [
    ("truong-mam-non", "Trường Mầm non Hưng Đông", UnitKind.SCHOOL),
    ("truong-tieu-hoc", "Trường Tiểu học Hưng Đông", UnitKind.SCHOOL),
    ("truong-thcs", "Trường THCS Hưng Đông", UnitKind.SCHOOL),
    ("htx-nong-nghiep", "HTX Nông nghiệp Hưng Đông", UnitKind.COOPERATIVE),
]


class Command(BaseCommand):
    help = "Tạo dữ liệu mẫu: xã Hưng Đông, kế hoạch năm 2023 và tài khoản mẫu cho từng vai trò."

    def add_arguments(self, parser):
        parser.add_argument("--reset-passwords", action="store_true", help="đặt lại và in mật khẩu mới")

    def handle(self, *args, **options):
        with transaction.atomic():
            province, commune = self._hierarchy()
            seed_directory(commune)
            self._extra_units(commune)
        result = import_plan(commune, DEMO_PLAN.read_bytes(), DEMO_PLAN.name)
        self.stdout.write(f"Kế hoạch mẫu: {result.plan.title} (phiên bản {result.plan.version}).")
        printed = [self._account(commune, province, spec, options["reset_passwords"]) for spec in ACCOUNTS]
        self._play(result.plan)
        self._print_accounts([p for p in printed if p])

    def _play(self, plan) -> None:
        if play.play(plan):
            self.stdout.write("Dữ liệu chạy thử: báo cáo tháng 01–05/2023 (đúng hạn, muộn, bị trả lại, đã chấp nhận), "
                              "số liệu chỉ tiêu, và tháng 06/2023 đang mở với một số bản nháp.")
        else:
            self.stdout.write("Dữ liệu chạy thử đã có từ trước: không ghi thêm.")

    def _extra_units(self, commune) -> None:
        for key, name, kind in EXTRA_UNITS:
            DirectoryEntry.objects.get_or_create(commune=commune, key=key, defaults={
                "name": name, "category": EntryCategory.UNIT, "kind": kind})

    def _hierarchy(self) -> tuple[AdminArea, Commune]:
        """The plan's 2023 shape: tỉnh Nghệ An → thành phố Vinh → xã Hưng Đông (codes left for import_areas).

        A "Vinh" left without a parent by the migration of the former city viewers is attached here, not duplicated.
        """
        province = AdminArea.objects.get_or_create(kind=AreaKind.PROVINCE, name="Nghệ An", parent=None)[0]
        city = (AdminArea.objects.filter(kind=AreaKind.PROVINCIAL_CITY, name="Vinh", parent=province).first()
                or AdminArea.objects.filter(kind=AreaKind.PROVINCIAL_CITY, name="Vinh", parent=None).first()
                or AdminArea(kind=AreaKind.PROVINCIAL_CITY, name="Vinh"))
        if city.parent_id is None:
            city.parent = province
            city.save()
        commune = Commune.objects.filter(name="Hưng Đông", kind="xã", area__in=[city, province]).first()
        return province, commune or Commune.objects.create(name="Hưng Đông", kind="xã", area=city)

    def _account(self, commune, province, spec, reset: bool):
        username, full_name, role, position_key, unit_keys = spec
        user = User.objects.filter(username=username).first()
        if user and not reset:
            return None
        password = secrets.token_urlsafe(9)
        with transaction.atomic():
            user = user or User(username=username)
            user.first_name, user.role = full_name, role
            user.commune = None if role in (Role.SITE_ADMIN, *AREA_ROLES) else commune
            user.area = province if role in AREA_ROLES else None
            user.is_superuser = role == Role.SITE_ADMIN
            user.is_staff = role in (Role.SITE_ADMIN, Role.OFFICE)  # the office edits the directory in the admin
            user.position = commune.entries.filter(key=position_key).first() if position_key else None
            user.is_civil_servant = username in CIVIL_SERVANTS
            user.set_password(password)
            user.save()
            user.units.set(commune.entries.filter(key__in=unit_keys))
        return username, password, role.label

    def _print_accounts(self, rows) -> None:
        if not rows:
            self.stdout.write("Tài khoản mẫu đã có từ trước (mật khẩu chỉ in một lần; "
                              "dùng --reset-passwords để đặt lại).")
            return
        self.stdout.write("\nTÀI KHOẢN MẪU (mật khẩu chỉ in một lần này, hãy ghi lại):")
        for username, password, label in rows:
            self.stdout.write(f"  {username:<12} {password:<16} {label}")
        self.stdout.write("")
