"""The directory pages: every leader, unit and group of the commune, and the current plans' rows each one carries.

They live in plans, not communes, because they list plan rows and scope by tenancy: communes sits below accounts
and plans and never imports them.
The templates keep their names (communes/directory.html, communes/entry_detail.html).
"""
from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from accounts import tenancy

from .. import queries


@login_required
def directory(request):
    query = request.GET.get("q", "").strip()
    sections = queries.directory_sections(request.user, query)
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
