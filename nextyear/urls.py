from django.urls import path

from . import views

urlpatterns = [
    path("<int:pk>/", views.preview, name="nextyear_preview"),
    path("<int:pk>/tai-ve/", views.draft_docx, name="nextyear_docx"),
]
