"""The report as a person sees it: converted by LibreOffice, rendered by poppler. Needs both (they are in .ci/run)."""
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import time_machine
from django.urls import reverse

from tests import seeds


def tool(name: str) -> str:
    path = shutil.which(name)
    # A missing tool fails the test on purpose: a skipped check would pass CI with an unreadable report.
    assert path, f"{name} is missing: apt-get install -y --no-install-recommends libreoffice-writer-nogui poppler-utils"
    return path


def test_report_converts_to_a_pdf_of_at_least_two_pages(client, plan, personas, tmp_path):
    soffice, pdftoppm = tool("soffice"), tool("pdftoppm")
    may = seeds.seed_may_2023(plan, personas["office"])
    client.force_login(personas["chairman"])
    with time_machine.travel("2023-05-25 09:00 +0700", tick=False):
        response = client.get(reverse("monthly_report_docx", kwargs={"pk": may["may"].pk}))
    assert response.status_code == 200
    source = tmp_path / "bao-cao.docx"
    source.write_bytes(response.getvalue())
    env = {**os.environ, "HOME": tempfile.mkdtemp(dir=tmp_path)}
    subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                   check=True, env=env, timeout=180, capture_output=True)
    pdf = tmp_path / "bao-cao.pdf"
    assert pdf.exists() and pdf.stat().st_size > 5000
    subprocess.run([pdftoppm, "-png", "-r", "40", str(pdf), str(tmp_path / "page")], check=True, timeout=120)
    pages = sorted(Path(tmp_path).glob("page*.png"))
    assert len(pages) >= 2
    assert all(page.stat().st_size > 1000 for page in pages)
