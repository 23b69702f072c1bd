from django.urls import path

from . import views

urlpatterns = [
    path("", views.index, name="periodic_index"),
    path("ke-hoach/<int:plan_pk>/", views.report_list, name="periodic_list"),
    path("ke-hoach/<int:plan_pk>/lap/", views.create, name="periodic_create"),
    path("<int:pk>/", views.detail, name="periodic_detail"),
    path("<int:pk>/phan/<int:narrative_pk>/", views.save_narrative, name="periodic_narrative_save"),
    path("<int:pk>.docx", views.export_docx, name="periodic_docx"),
    path("<int:pk>.xlsx", views.export_xlsx, name="periodic_xlsx"),
]
