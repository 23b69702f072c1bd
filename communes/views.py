"""The directory: every leader, unit and group, and the rows each one carries."""
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.shortcuts import render

from accounts import tenancy as access
from planparser.textutil import fold
from plans.services import reading

from .models import DirectoryEntry, EntryCategory


@login_required
def directory(request):
    query = request.GET.get("q", "").strip()
    entries = (DirectoryEntry.objects.filter(commune__in=access.communes_for(request.user))
               .annotate(row_count=Count("refs__assignment", filter=Q(refs__assignment__node__plan__is_current=True),
                                         distinct=True)))
    if query:
        needle = fold(query)
        entries = [e for e in entries if needle in fold(e.name) or needle in e.key]
    sections = [(label, [e for e in entries if e.category == value]) for value, label in EntryCategory.choices]
    return render(request, "communes/directory.html", {"sections": sections, "query": query})


@login_required
def entry_detail(request, pk):
    entry = access.entry_for(request.user, pk)
    by_role = reading.entry_rows(entry)
    return render(request, "communes/entry_detail.html", {
        "entry": entry, "aliases": entry.aliases.all(),
        "roles": [("Phân công chỉ đạo", by_role["leader"]), ("Chủ trì", by_role["lead"]),
                  ("Phối hợp", by_role["coordinating"])],
    })
