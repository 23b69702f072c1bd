from django.urls import path

from . import views

urlpatterns = [
    path("", views.evaluation_index, name="evaluation_index"),
    path("<int:plan_pk>/", views.evaluation_plan, name="evaluation_plan"),
    path("<int:plan_pk>/xep-hang/", views.evaluation_ranking, name="evaluation_ranking"),
    path("<int:plan_pk>/de-xuat.docx", views.evaluation_docx, name="evaluation_docx"),
    path("<int:plan_pk>/de-xuat.xlsx", views.evaluation_xlsx, name="evaluation_xlsx"),
    path("<int:plan_pk>/nhiem-vu/<int:row_pk>/danh-gia/", views.evaluation_row, name="evaluation_row"),
    path("<int:plan_pk>/<slug:kind>/<int:subject_pk>/", views.evaluation_subject, name="evaluation_subject"),
    path("<int:plan_pk>/<slug:kind>/<int:subject_pk>/dieu-chinh/", views.evaluation_override,
         name="evaluation_override"),
    path("<int:plan_pk>/<slug:kind>/<int:subject_pk>/danh-gia-lanh-dao/", views.evaluation_judgement,
         name="evaluation_judgement"),
]
