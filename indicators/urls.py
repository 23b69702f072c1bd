from django.urls import path

from . import views

urlpatterns = [
    path("", views.indicator_list, name="indicator_list"),
    path("<int:pk>/", views.indicator_detail, name="indicator_detail"),
    path("<int:pk>/nhap-so-lieu/", views.indicator_value_entry, name="indicator_value_entry"),
    path("<int:pk>/don-vi-chu-tri/", views.indicator_lead_unit, name="indicator_lead_unit"),
    path("so-lieu/<int:value_pk>/minh-chung/", views.indicator_evidence, name="indicator_evidence"),
    path("ke-hoach/<int:plan_pk>/xuat-excel/", views.indicator_export, name="indicator_export"),
    path("ke-hoach/<int:plan_pk>/nhap-excel/", views.indicator_import, name="indicator_import"),
]
