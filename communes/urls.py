from django.urls import path

from . import views

urlpatterns = [
    path("nhap/", views.area_import, name="area_import"),
]
