"""The value entry form: Vietnamese-style numbers, and an explanation demanded when the value turns red."""
from datetime import date
from decimal import Decimal
from typing import cast

from django import forms

from communes.models import EntryCategory
from planparser.vinumbers import ViNumberError, decimal_places, parse_vi_number
from theodoi import clock
from theodoi import evidence as evidence_files
from theodoi.form_text import typed_text
from theodoi.formatting import number
from theodoi.periods import MONTH, Period, month_containing, periods_of_year

from . import rules
from .models import Indicator
from .services.recording import Reading, verdict_for

MAX_DECIMALS = 6
MAX_INTEGER_DIGITS = 18
RATE_UNITS = ("%", "‰")
VALUE_LABEL = "Giá trị thực hiện"
MET_CHOICES = [("", "— chọn —"), ("yes", "Đạt"), ("no", "Chưa đạt")]
SOURCE_MAX, NOTE_MAX, EXPLANATION_MAX = 300, 2000, 4000


class TypedText(forms.CharField):
    """Counted as the browser's maxlength counts it (theodoi.form_text)."""

    def to_python(self, value):
        return typed_text(super().to_python(value))


def _limited(label: str, limit: int) -> dict:
    """A text field's limit: maxlength on the page, the limit in its help, and a message naming the field."""
    shown = number(limit)
    return {"max_length": limit, "help_text": f"Tối đa {shown} ký tự.",
            "error_messages": {"max_length": f"{label}: dài quá {shown} ký tự; hãy rút gọn."}}


def check_number(value: Decimal, unit: str, label: str = VALUE_LABEL) -> Decimal:
    """Refuse what a value can never be; messages name the field, for the form and the Excel import alike."""
    if value < 0:
        kind = "tỷ lệ" if unit in RATE_UNITS else "giá trị thực hiện"
        raise ViNumberError(f"{label}: {kind} không được là số âm (đơn vị tính: {unit or 'không ghi'})")
    if decimal_places(value) > MAX_DECIMALS:
        raise ViNumberError(f"{label}: tối đa {MAX_DECIMALS} chữ số thập phân")
    if value.adjusted() >= MAX_INTEGER_DIGITS:
        raise ViNumberError(f"{label}: số quá lớn")
    return value


def met_choice(met: bool | None) -> str:
    """A stored attainment as the form's choice: the inverse of ValueForm.clean_met."""
    if met is None:
        return ""
    return "yes" if met else "no"


def default_period(year: int, today: date | None = None) -> Period:
    """The month being reported now, or the plan year's last month once that year has closed."""
    current = month_containing(today or clock.today())
    if current.year == year:
        return current
    return Period(MONTH, year, 12 if current.year > year else 1)


class ValueForm(forms.Form):
    period = forms.ChoiceField(label="Kỳ báo cáo")
    value = forms.CharField(label=VALUE_LABEL, required=False, max_length=40,
                            help_text="Viết kiểu Việt Nam: dấu phẩy là dấu thập phân, ví dụ 10,8 hoặc 1.234,5.")
    met = forms.ChoiceField(label="Kết quả", choices=MET_CHOICES, required=False)
    is_cumulative = forms.BooleanField(label="Số lũy kế từ đầu năm", required=False,
                                       help_text="Bỏ chọn nếu là số tại thời điểm báo cáo (ví dụ một tỷ lệ).")
    source = TypedText(label="Nguồn số liệu / văn bản", required=False,
                       **_limited("Nguồn số liệu / văn bản", SOURCE_MAX))
    note = TypedText(label="Ghi chú", required=False, widget=forms.Textarea(attrs={"rows": 2}),
                     **_limited("Ghi chú", NOTE_MAX))
    evidence = forms.FileField(label="Tệp minh chứng", required=False,
                               widget=forms.ClearableFileInput(attrs={"accept": evidence_files.ACCEPT}))
    explanation = TypedText(label="Giải trình (bắt buộc khi chỉ tiêu chuyển đỏ)", required=False,
                            widget=forms.Textarea(attrs={"rows": 3}), **_limited("Giải trình", EXPLANATION_MAX))

    def __init__(self, *args, indicator: Indicator, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicator = indicator
        self.target = indicator.primary_target
        self.qualitative = self.target is not None and self.target.comparator == "achieve"
        self.unit = self.target.unit if self.target else ""
        self.demands_explanation = False
        self.verdict = None
        period_field = cast(forms.ChoiceField, self.fields["period"])  # declared above; stubs type the dict as Field
        period_field.choices = [(p.key, p.label) for p in periods_of_year(indicator.plan.year)]
        if self.unit:
            self.fields["value"].label = f"{VALUE_LABEL} ({self.unit})"
        self.fields["evidence"].help_text = evidence_files.help_text()

    def clean_period(self) -> Period:
        return Period.from_key(self.cleaned_data["period"])

    def clean_value(self) -> Decimal | None:
        text = self.cleaned_data["value"].strip()
        if self.qualitative and not text:
            return None
        if not text:
            raise forms.ValidationError(f"{VALUE_LABEL}: chưa nhập số.")
        try:
            return check_number(parse_vi_number(text), self.unit)
        except ViNumberError as exc:
            message = str(exc)
            raise forms.ValidationError(message if message.startswith(VALUE_LABEL) else f"{VALUE_LABEL}: {message}")

    def clean_met(self) -> bool | None:
        choice = self.cleaned_data["met"]
        if self.qualitative and not choice:
            raise forms.ValidationError("Kết quả: chọn «Đạt» hoặc «Chưa đạt» cho chỉ tiêu định tính.")
        return {"yes": True, "no": False}.get(choice)

    def clean_evidence(self):
        upload = self.cleaned_data.get("evidence")
        if not upload:
            return upload
        try:
            upload.name = evidence_files.check(upload).name
        except evidence_files.EvidenceRefused as exc:
            raise forms.ValidationError(str(exc)) from None
        return upload

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        self.verdict = verdict_for(self.indicator, self.reading())
        if self.verdict.colour == rules.RED and not data.get("explanation", "").strip():
            self.demands_explanation = True
            self.add_error("explanation", "Với số liệu này chỉ tiêu chuyển màu đỏ (có nguy cơ không đạt). Đơn vị "
                                          "cần nhập giải trình (nguyên nhân, giải pháp khắc phục) trước khi lưu.")
        return data

    def reading(self) -> Reading:
        data = self.cleaned_data
        return Reading(period=data["period"], value=data.get("value"), met=data.get("met"),
                       cumulative=data.get("is_cumulative", False), source=data.get("source", "").strip(),
                       note=data.get("note", "").strip(), explanation=data.get("explanation", "").strip())


class LeadUnitForm(forms.ModelForm):
    class Meta:
        model = Indicator
        fields = ["lead_unit"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        units = self.instance.plan.commune.entries.filter(category=EntryCategory.UNIT)
        self.fields["lead_unit"].queryset = units
        self.fields["lead_unit"].label = "Giao cho đơn vị"
        self.fields["lead_unit"].empty_label = "— theo chỉ tiêu cha / chưa giao —"


def suggests_cumulative(indicator: Indicator) -> bool:
    """Amounts of money are usually reported year to date; rates and per-head figures at a point in time."""
    target = indicator.primary_target
    return bool(target and target.comparator in (">=", ">") and "đồng" in target.unit and "/" not in target.unit)
