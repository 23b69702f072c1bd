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


class CorrectionForm(forms.Form):
    """One correction: the new value (fields added per kind by views/corrections.py) and the reason, always."""
    reason = forms.CharField(
        label="Lý do sửa", max_length=REASON_MAX_LENGTH,
        help_text="Bắt buộc; ghi vào nhật ký cùng người sửa và thời điểm sửa.",
        widget=forms.Textarea(attrs={"rows": 2, "maxlength": REASON_MAX_LENGTH}),
        error_messages={"required": "Cần ghi lý do sửa.",
                        "max_length": "Lý do sửa dài quá %(limit_value)d ký tự (hiện có %(show_value)d)."})
    # What the preview showed: saving what was not previewed shows the reading again instead.
    previewed = forms.CharField(widget=forms.HiddenInput, required=False)


def text_correction_form(label: str, initial: str, multiline: bool = False, **kwargs) -> CorrectionForm:
    form = CorrectionForm(**kwargs)
    widget = forms.Textarea(attrs={"rows": 5}) if multiline else forms.TextInput(attrs={"size": 60})
    form.fields = {"value": forms.CharField(label=label, initial=initial, widget=widget, required=not multiline,
                                            error_messages={"required": f"Chưa ghi «{label}»."}), **form.fields}
    return form


def refs_correction_form(label: str, entries, chosen: list, **kwargs) -> CorrectionForm:
    form = CorrectionForm(**kwargs)
    field = forms.ModelMultipleChoiceField(
        label=label, queryset=entries, required=False, initial=chosen,
        help_text="Chọn từ danh bạ của xã/phường: chọn nhiều mục để tách một tên bị nối, một mục để gộp tên bị tách.",
        widget=forms.SelectMultiple(attrs={"size": 12}),
        error_messages={"invalid_choice": "Mục «%(value)s» không có trong danh bạ của xã/phường.",
                        "invalid_pk_value": "Mục «%(pk)s» không có trong danh bạ của xã/phường."})
    form.fields = {"entries": field, **form.fields}
    return form


def place_correction_form(parents: list, node, **kwargs) -> CorrectionForm:
    form = CorrectionForm(**kwargs)
    choices = [("", "(gốc cây)")] + [(n.code, f"{n.number or n.code} {n.title[:80]}") for n in parents]
    form.fields = {
        "parent": forms.ChoiceField(label="Thuộc nhóm/phần", choices=choices, required=False,
                                    initial=node.parent.code if node.parent_id else "",
                                    error_messages={"invalid_choice": "Nhóm «%(value)s» không có trong kế hoạch."}),
        "number": forms.CharField(label="Số thứ tự mới", max_length=20, initial=node.number,
                                  error_messages={"required": "Cần ghi số thứ tự mới (ví dụ «4.6»)."}),
        **form.fields}
    return form


class ConflictChoiceForm(forms.Form):
    correction = forms.IntegerField(widget=forms.HiddenInput)
    choice = forms.ChoiceField(label="Chọn", choices=[("keep", "Giữ bản sửa"), ("take_new", "Lấy nội dung bản mới")],
                               widget=forms.RadioSelect, error_messages={"required": "Cần chọn giữ bản sửa hay lấy "
                                                                                     "nội dung bản mới."})
    reason = forms.CharField(label="Lý do", max_length=REASON_MAX_LENGTH, error_messages={
        "required": "Cần ghi lý do chọn."})
