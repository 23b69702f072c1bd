"""Plan URLs added since the first release; theodoi/urls.py includes them under "ke-hoach/"."""
from django.urls import path

from . import views

urlpatterns = [
    path("<int:pk>/rut/", views.plan_withdraw, name="plan_withdraw"),
]
