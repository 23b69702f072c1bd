"""The directory pages: every leader, unit and group of the commune, and the current plans' rows each one carries.

They live in plans, not communes, because they list plan rows and scope by tenancy: communes sits below accounts
and plans and never imports them.
The templates keep their names (communes/directory.html, communes/entry_detail.html).
"""
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.shortcuts import render

from accounts import tenancy
from communes.models import DirectoryEntry, EntryCategory
from planparser.textutil import fold

from .. import queries


@login_required
def directory(request):
    query = request.GET.get("q", "").strip()
    entries = (DirectoryEntry.objects.filter(commune__in=tenancy.communes_for(request.user))
               .annotate(row_count=Count("refs__assignment", filter=Q(refs__assignment__node__plan__is_current=True),
                                         distinct=True)))
    if query:
        needle = fold(query)
        entries = [e for e in entries if needle in fold(e.name) or needle in e.key]
    sections = [(label, [e for e in entries if e.category == value]) for value, label in EntryCategory.choices]
    return render(request, "communes/directory.html", {"sections": sections, "query": query})


@login_required
def entry_detail(request, pk):
    entry = tenancy.entry_for(request.user, pk)
    by_role = queries.entry_rows(entry)
    return render(request, "communes/entry_detail.html", {
        "entry": entry, "aliases": entry.aliases.all(),
        "roles": [("Phân công chỉ đạo", by_role["leader"]), ("Chủ trì", by_role["lead"]),
                  ("Phối hợp", by_role["coordinating"])],
    })
