from __future__ import annotations

from django import forms
from django.contrib.auth.validators import UnicodeUsernameValidator

from communes.models import DirectoryEntry, EntryCategory

from .models import User
from .permissions import COMMUNE_ROLES

CIVIL_SERVANT_LABEL = "Là cán bộ, công chức"
CIVIL_SERVANT_HELP = ("Chỉ cán bộ, công chức được đánh giá, xếp loại theo Nghị định; trưởng xóm, giáo viên, "
                      "Công an, quân sự, hợp tác xã vẫn báo cáo nhưng không được xếp loại.")


class _EntryChoices(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple


def _units(commune):
    return commune.entries.filter(category=EntryCategory.UNIT).order_by("name")


class AccountCreateForm(forms.Form):
    username = forms.CharField(label="Tên đăng nhập", max_length=150, validators=[UnicodeUsernameValidator()],
                               help_text="Chữ không dấu, số và . @ + - _ ; ví dụ: diachinh.hungdong")
    full_name = forms.CharField(label="Họ và tên", max_length=150)
    email = forms.EmailField(label="Thư điện tử (để tự đặt lại mật khẩu)", required=False)
    role = forms.ChoiceField(label="Vai trò", choices=[(r.value, r.label) for r in COMMUNE_ROLES])
    position: forms.ModelChoiceField[DirectoryEntry] = forms.ModelChoiceField(
        label="Chức vụ lãnh đạo (với Chủ tịch, Phó Chủ tịch)", queryset=None, required=False)
    units = _EntryChoices(label="Đơn vị phụ trách", queryset=None, required=False)
    is_civil_servant = forms.BooleanField(label=CIVIL_SERVANT_LABEL, help_text=CIVIL_SERVANT_HELP, required=False)

    def __init__(self, *args, commune, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["units"].queryset = _units(commune)
        self.fields["position"].queryset = commune.entries.filter(category=EntryCategory.POSITION)

    def clean_username(self):
        username = self.cleaned_data["username"]
        if User.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError("Tên đăng nhập này đã có người dùng.")
        return username


class AccountUnitsForm(forms.Form):
    units = _EntryChoices(label="Đơn vị phụ trách", queryset=None, required=False)
    is_civil_servant = forms.BooleanField(label=CIVIL_SERVANT_LABEL, help_text=CIVIL_SERVANT_HELP, required=False)

    def __init__(self, *args, commune, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["units"].queryset = _units(commune)
