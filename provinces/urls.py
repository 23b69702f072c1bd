from django.urls import path

from . import views

urlpatterns = [
    path("<int:area_pk>/", views.province_dashboard, name="province_dashboard"),
    path("<int:area_pk>/theo-doi.xlsx", views.province_dashboard_xlsx, name="province_dashboard_xlsx"),
]
