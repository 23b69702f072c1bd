from django.urls import path

from .views import pages as views
from .views.api import api_urls

urlpatterns = [
    path("", views.index, name="public_index"),
    path("dia-ban/<int:area_pk>/", views.area, name="public_area"),
    path("<int:commune_pk>/", views.commune, name="public_commune"),
    path("<int:commune_pk>/<int:year>/<int:month>/", views.release, name="public_release"),
    path("quan-ly/", views.manage, name="public_manage"),
    path("quan-ly/<int:commune_pk>/bat-tat/", views.toggle, name="public_toggle"),
    path("quan-ly/ky/<int:pk>/cong-khai/", views.release_month, name="public_release_month"),
    path("quan-ly/da-cong-khai/<int:pk>/thoi/", views.withdraw, name="public_withdraw"),
    path("api/", api_urls()),
]
