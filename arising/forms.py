"""The office's forms: one arising task from its source document, or a notice to read."""
from __future__ import annotations

from django import forms

from communes.models import DirectoryEntry, EntryCategory
from plans.models import Plan

from .models import SourceKind

DATE_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d"]
REASON_MAX = 500


def _reason_field():
    return forms.CharField(label="Lý do nhập", max_length=REASON_MAX, widget=forms.Textarea(attrs={"rows": 2}),
                           help_text="Bắt buộc; ghi vào nhật ký cùng người nhập và thời điểm nhập.",
                           error_messages={"required": "Cần ghi lý do nhập nhiệm vụ phát sinh."})


class EntryChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} (chờ rà soát)" if obj.needs_review else obj.name


class SourceFields(forms.Form):
    plan: forms.ModelChoiceField[Plan] = forms.ModelChoiceField(label="Đưa vào kế hoạch", queryset=None,
                                                                 empty_label=None)
    kind = forms.ChoiceField(label="Loại văn bản", choices=SourceKind.choices)
    number = forms.CharField(label="Số hiệu (ví dụ 45/TB-UBND)", max_length=60, required=False)
    issued_on = forms.DateField(
        label="Ngày ban hành (ngày/tháng/năm)", input_formats=DATE_FORMATS, required=False,
        error_messages={"invalid": "Ngày ban hành phải viết dạng ngày/tháng/năm, ví dụ 05/7/2023."})
    issuer = forms.CharField(label="Cơ quan ban hành", max_length=200,
                             error_messages={"required": "Cần ghi cơ quan ban hành văn bản."})
    source_title = forms.CharField(label="Trích yếu văn bản", max_length=400, required=False)

    def __init__(self, *args, plans=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = plans


class ArisingTaskForm(SourceFields):
    quoted_text = forms.CharField(label="Nội dung giao việc (trích nguyên văn)",
                                  widget=forms.Textarea(attrs={"rows": 4}),
                                  error_messages={"required": "Cần trích nội dung giao việc từ văn bản."})
    file = forms.FileField(label="Tệp văn bản (không bắt buộc)", required=False)
    title = forms.CharField(label="Nhiệm vụ", widget=forms.Textarea(attrs={"rows": 3}),
                            error_messages={"required": "Cần ghi nội dung nhiệm vụ."})
    leaders = EntryChoice(label="Lãnh đạo chỉ đạo", queryset=None, required=False)
    lead_units = EntryChoice(label="Đơn vị chủ trì", queryset=None,
                             error_messages={"required": "Cần chọn ít nhất một đơn vị chủ trì."})
    coordinating_units = EntryChoice(label="Đơn vị phối hợp", queryset=None, required=False)
    deadline = forms.CharField(label="Thời hạn hoàn thành (ví dụ: trước ngày 15/7/2023, trong tháng 8/2023, "
                                     "thường xuyên)", max_length=300,
                               error_messages={"required": "Cần ghi thời hạn hoàn thành."})
    deadline_seen = forms.CharField(widget=forms.HiddenInput, required=False)
    # The file chosen before the deadline's reading is held (plans.services.staging) until the form is saved.
    file_token = forms.CharField(widget=forms.HiddenInput, required=False)
    file_name = forms.CharField(widget=forms.HiddenInput, required=False)
    output = forms.CharField(label="Sản phẩm dự kiến", widget=forms.Textarea(attrs={"rows": 2}), required=False)
    reason = _reason_field()

    SOURCE = ("plan", "kind", "number", "issued_on", "issuer", "source_title", "quoted_text", "file")
    TASK = ("title", "leaders", "lead_units", "coordinating_units", "deadline", "output", "reason")

    def source_fields(self):
        return [self[name] for name in self.SOURCE]

    def task_fields(self):
        return [self[name] for name in self.TASK]

    def __init__(self, *args, commune=None, **kwargs):
        super().__init__(*args, **kwargs)
        entries = DirectoryEntry.objects.filter(commune=commune)
        self.fields["leaders"].queryset = entries.filter(category__in=(EntryCategory.POSITION, EntryCategory.GROUP))
        self.fields["lead_units"].queryset = entries.exclude(category=EntryCategory.POSITION)
        self.fields["coordinating_units"].queryset = entries.exclude(category=EntryCategory.POSITION)


class NoticeForm(forms.Form):
    plan: forms.ModelChoiceField[Plan] = forms.ModelChoiceField(label="Đưa vào kế hoạch", queryset=None,
                                                                 empty_label=None)
    text = forms.CharField(label="Dán nội dung thông báo", widget=forms.Textarea(attrs={"rows": 12}), required=False)
    file = forms.FileField(label="hoặc chọn tệp (.docx, .pdf hoặc .txt)", required=False)

    def __init__(self, *args, plans=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = plans

    def clean(self):
        data = super().clean()
        if not (data.get("text") or "").strip() and not data.get("file"):
            raise forms.ValidationError("Chưa dán nội dung hoặc chọn tệp thông báo.")
        return data


class NoticeConfirmForm(forms.Form):
    token = forms.CharField(widget=forms.HiddenInput)
    name = forms.CharField(widget=forms.HiddenInput)
    plan = forms.IntegerField(widget=forms.HiddenInput)
    reason = _reason_field()
