from django.contrib.auth import views as auth
from django.urls import path

from . import views

_RESET_MAIL = {
    "subject_template_name": "accounts/email/password_reset_subject.txt",
    "email_template_name": "accounts/email/password_reset.txt",
    "html_email_template_name": "accounts/email/password_reset.html",
}

urlpatterns = [
    path("dang-nhap/", auth.LoginView.as_view(template_name="accounts/login.html"), name="login"),
    path("dang-xuat/", auth.LogoutView.as_view(), name="logout"),
    path("doi-mat-khau/", auth.PasswordChangeView.as_view(template_name="accounts/password_change.html"),
         name="password_change"),
    path("doi-mat-khau/xong/", auth.PasswordChangeDoneView.as_view(template_name="accounts/password_change_done.html"),
         name="password_change_done"),
    path("quen-mat-khau/", auth.PasswordResetView.as_view(template_name="accounts/password_reset.html", **_RESET_MAIL),
         name="password_reset"),
    path("quen-mat-khau/da-gui/", auth.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
         name="password_reset_done"),
    path("dat-lai-mat-khau/<uidb64>/<token>/",
         auth.PasswordResetConfirmView.as_view(template_name="accounts/password_reset_confirm.html"),
         name="password_reset_confirm"),
    path("dat-lai-mat-khau/xong/",
         auth.PasswordResetCompleteView.as_view(template_name="accounts/password_reset_complete.html"),
         name="password_reset_complete"),
    path("tai-khoan/", views.account_list, name="account_list"),
    path("tai-khoan/tao/", views.account_create, name="account_create"),
    path("tai-khoan/<int:pk>/", views.account_detail, name="account_detail"),
    path("tai-khoan/<int:pk>/kich-hoat/", views.account_toggle_active, name="account_toggle_active"),
    path("tai-khoan/<int:pk>/mat-khau-moi/", views.account_reset_password, name="account_reset_password"),
    path("tai-khoan/<int:pk>/mo-khoa/", views.account_unlock, name="account_unlock"),
    path("suc-khoe/", views.health, name="health"),
]
