from django import forms

from .services.versions import REASON_MAX_LENGTH


class PlanUploadForm(forms.Form):
    # Django's own Vietnamese says "tập tin"; the app says "tệp" everywhere.
    file = forms.FileField(label="Tệp kế hoạch (.docx, .pdf hoặc .txt)", error_messages={
        "required": "Chưa chọn tệp kế hoạch.",
        "missing": "Chưa chọn tệp kế hoạch.",
        "empty": "Tệp đã chọn trống.",
        "invalid": "Không nhận được tệp: hãy chọn lại tệp kế hoạch.",
    })


class PlanConfirmForm(forms.Form):
    token = forms.CharField(widget=forms.HiddenInput)
    name = forms.CharField(widget=forms.HiddenInput)


class PlanWithdrawForm(forms.Form):
    reason = forms.CharField(
        label="Lý do rút phiên bản", max_length=REASON_MAX_LENGTH,
        help_text=f"Bắt buộc; tối đa {REASON_MAX_LENGTH} ký tự. Ghi vào nhật ký cùng người rút và thời điểm rút.",
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": REASON_MAX_LENGTH}),
        error_messages={"required": "Cần ghi lý do rút phiên bản kế hoạch.",
                        "max_length": "Lý do rút dài quá %(limit_value)d ký tự (hiện có %(show_value)d)."},
    )
