"""The province dashboard page and its workbook. Thin: the data comes from provinces.board."""
from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from theodoi import clock
from theodoi.exports import XLSX_TYPE, download

from . import board, scope, xlsx


def _context(request, area_pk) -> dict:
    area = scope.area_for(request.user, area_pk)
    today = clock.today()
    year, month = board.month_asked(request.GET.get("ky"), today)
    context = board.board(area, year, month, today, board.Filters.from_params(request.GET),
                          scope.communes_in(request.user, area))
    context.update(districts=board.districts_of(area), months=board.months_offered(today, context["period"]))
    return context


@login_required
def province_dashboard(request, area_pk):
    return render(request, "provinces/dashboard.html", _context(request, area_pk))


@login_required
def province_dashboard_xlsx(request, area_pk):
    context = _context(request, area_pk)
    name = f"theo-doi-{context['area'].pk}-{context['period'].file_words}.xlsx"
    return download(xlsx.workbook(context), name, XLSX_TYPE)
