"""The office's page for next year's draft: what will be carried over, and the DOCX download. Thin on purpose."""
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from theodoi import clock
from theodoi.exports import DOCX_TYPE, download

from .services import drafts as services


@login_required
def preview(request, pk):
    draft = services.draft_for(request.user, pk, clock.today())
    return render(request, "nextyear/preview.html", {"plan": draft.selection.plan, "draft": draft})


# A POST: the export is recorded as the office's act (plan.next_year_drafted), and no GET may write (issue 12, item 7).
# A GET (a link saved before the button was a form) is led to the preview, whose button downloads it.
@login_required
def draft_docx(request, pk):
    if request.method != "POST":
        return redirect("nextyear_preview", pk=pk)
    draft = services.draft_for(request.user, pk, clock.today())
    content = services.export(draft, request.user, clock.today())
    return download(content, f"du-thao-ke-hoach-{draft.selection.year}.docx", DOCX_TYPE)
