"""Plan URLs added since the first release; theodoi/urls.py includes them under "ke-hoach/", and the directory
pages (which list plan rows) under "danh-ba/"."""
from django.urls import path

from . import views, views_corrections, views_directory

urlpatterns = [
    path("<int:pk>/rut/", views.plan_withdraw, name="plan_withdraw"),
    path("<int:pk>/dong/<int:row_pk>/sua/<slug:field>/", views_corrections.row_correct, name="plan_row_correct"),
    path("<int:pk>/nhiem-vu/<str:code>/sua/<slug:field>/", views_corrections.task_correct, name="plan_task_correct"),
    path("<int:pk>/chi-tieu/<int:indicator_pk>/sua/", views_corrections.indicator_correct,
         name="plan_indicator_correct"),
    path("<int:pk>/thay-doi/xu-ly/", views_corrections.conflict_choose, name="plan_conflict_choose"),
]

directory_urlpatterns = [
    path("", views_directory.directory, name="directory"),
    path("<int:pk>/", views_directory.entry_detail, name="entry_detail"),
]
