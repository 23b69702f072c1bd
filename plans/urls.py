"""Every plan URL, and the directory pages (which list plan rows); theodoi/urls.py includes this once, at the root."""
from django.urls import path

from .views import corrections, directory, plans

urlpatterns = [
    path("", plans.home, name="home"),
    path("ke-hoach/", plans.plan_list, name="plan_list"),
    path("ke-hoach/nhap/", plans.plan_upload, name="plan_upload"),
    path("ke-hoach/nhap/xac-nhan/", plans.plan_confirm, name="plan_confirm"),
    path("ke-hoach/<int:pk>/", plans.plan_detail, name="plan_detail"),
    path("ke-hoach/<int:pk>/thay-doi/", plans.plan_changes, name="plan_changes"),
    path("ke-hoach/<int:pk>/nhiem-vu/<str:code>/", plans.task_detail, name="task_detail"),
    path("ke-hoach/<int:pk>/rut/", plans.plan_withdraw, name="plan_withdraw"),
    path("ke-hoach/<int:pk>/dong/<int:row_pk>/sua/<slug:field>/", corrections.row_correct, name="plan_row_correct"),
    path("ke-hoach/<int:pk>/nhiem-vu/<str:code>/sua/<slug:field>/", corrections.task_correct,
         name="plan_task_correct"),
    path("ke-hoach/<int:pk>/chi-tieu/<int:indicator_pk>/sua/", corrections.indicator_correct,
         name="plan_indicator_correct"),
    path("ke-hoach/<int:pk>/thay-doi/xu-ly/", corrections.conflict_choose, name="plan_conflict_choose"),
    path("danh-ba/", directory.directory, name="directory"),
    path("danh-ba/<int:pk>/", directory.entry_detail, name="entry_detail"),
]
