"""manage.py generate_scale --communes N --months M: national-size data for the benchmarks (provinces/scale.py)."""
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from provinces import scale
from theodoi import clock
from theodoi import formatting as fmt

# The sample plan every generated commune copies: the demo's plan, as seed_demo imports it.
SAMPLE_PATH = Path(settings.BASE_DIR) / "tests" / "fixtures" / "ke-hoach-ktxh-2023-xa-hung-dong.txt"


class Command(BaseCommand):
    help = "Tạo dữ liệu quy mô toàn quốc (34 tỉnh, N xã/phường, M tháng báo cáo) bằng ghi hàng loạt, để đo hiệu năng."

    def add_arguments(self, parser):
        parser.add_argument("--communes", type=int, default=3321, help="số xã/phường (mặc định 3.321)")
        parser.add_argument("--months", type=int, default=12, help="số tháng báo cáo của năm kế hoạch, 1–12")
        parser.add_argument("--seed", type=int, default=2025, help="hạt giống ngẫu nhiên: cùng hạt, cùng dữ liệu")

    verbosity = 1

    def _progress(self, done: int, total: int) -> None:
        if self.verbosity > 1 or (self.verbosity == 1 and done % 500 < scale.BATCH_COMMUNES):
            self.stdout.write(f"… {done}/{total} xã/phường")

    def handle(self, *args, communes: int, months: int, seed: int, **options):
        if communes < 1:
            raise CommandError(f"--communes phải từ 1 trở lên (đang là {communes}).")
        if not 1 <= months <= 12:
            raise CommandError(f"--months phải từ 1 đến 12 (đang là {months}).")
        self.verbosity = options["verbosity"]
        started = time.perf_counter()
        try:
            summary = scale.generate(communes, months, (SAMPLE_PATH.read_bytes(), SAMPLE_PATH.name), clock.today(),
                                     seed, self._progress)
        except scale.AlreadyGenerated as exc:
            raise CommandError(str(exc)) from exc
        rows = sum(summary.counts.values())
        self.stdout.write(f"Đã tạo {fmt.number(summary.communes)} xã/phường thuộc {summary.provinces} tỉnh/thành "
                          f"phố, {fmt.number(rows)} dòng dữ liệu trong {fmt.number(time.perf_counter() - started, 0)} "
                          "giây.")
