"""Arising tasks; theodoi/urls.py includes them under "phat-sinh/"."""
from django.urls import path

from . import views

urlpatterns = [
    path("", views.arising_list, name="arising_list"),
    path("them/", views.arising_add, name="arising_add"),
    path("thong-bao/", views.arising_notice, name="arising_notice"),
    path("thong-bao/xac-nhan/", views.arising_notice_confirm, name="arising_notice_confirm"),
]
