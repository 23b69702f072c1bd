from django.urls import path

from . import views_chase

urlpatterns = [
    path("don-doc/", views_chase.chase_list, name="chase_list"),
    path("don-doc/cong-van.docx", views_chase.reminder_letter, name="reminder_letter"),
]
