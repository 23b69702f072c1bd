from django import forms

from .models import LEVEL_CHOICES, LeaderJudgement, RowAssessment, SubjectKind
from .rules.common import DISCIPLINE_FORMS

_YES_NO = [("", "Chưa đánh giá"), ("true", "Đạt"), ("false", "Không đạt")]
_HAS = [("", "Chưa nhập"), ("false", "Không"), ("true", "Có")]
_BOOLEANS = ("quality_ok", "conduct_ok", "degraded", "corruption_in_body")
# Inputs about a person make no sense for a body, and those about a leader's body none for a civil servant.
_PERSON_ONLY = ("months_worked", "months_off", "degraded", "discipline")
_LEADER_ONLY = ("corruption_in_body", "capacity_percent")


def _choice(label, choices, help_text=""):
    return forms.TypedChoiceField(label=label, choices=choices, required=False, coerce=lambda v: v == "true",
                                  empty_value=None, help_text=help_text)


def _months(label, help_text):
    # localize: officials type "5,5" tháng, the Vietnamese way.
    return forms.DecimalField(label=label, min_value=0, max_value=12, decimal_places=1, required=False,
                              help_text=help_text, localize=True)


class OverrideForm(forms.Form):
    level = forms.ChoiceField(label="Mức xếp loại", choices=LEVEL_CHOICES)
    reason = forms.CharField(label="Lý do điều chỉnh", widget=forms.Textarea(attrs={"rows": 3}),
                             error_messages={"required": "Cần ghi lý do điều chỉnh."})


class JudgementForm(forms.ModelForm):
    quality_ok = _choice("Bảo đảm chất lượng, hiệu quả", _YES_NO)
    conduct_ok = _choice("Tiêu chí chung (chính trị, đạo đức, kỷ luật – Điều 3)", _YES_NO)
    exceeding_percent = forms.IntegerField(label="Tỷ lệ nhiệm vụ vượt mức (%)", min_value=0, max_value=100,
                                           required=False)
    general_points = forms.DecimalField(label="Điểm tiêu chí chung (0–30, Nghị định 335/2025)", min_value=0,
                                        max_value=30, decimal_places=1, required=False)
    months_worked = _months("Số tháng công tác trong năm", "Dưới 6 tháng thì không xếp loại (Nghị định 90/2020).")
    months_off = _months("Số tháng nghỉ không tham gia công tác trong năm",
                         "Từ 3 đến dưới 6 tháng thì không xếp trên Hoàn thành (Nghị định 90/2020).")
    degraded = _choice("Cấp có thẩm quyền kết luận có biểu hiện suy thoái", _HAS)
    discipline = forms.ChoiceField(label="Bị kỷ luật trong năm đánh giá, hình thức", required=False,
                                   choices=[("", "Không bị kỷ luật")] + list(DISCIPLINE_FORMS.items()))
    corruption_in_body = _choice("Cơ quan, đơn vị phụ trách xảy ra tham nhũng, lãng phí và bị xử lý", _HAS)
    capacity_percent = forms.IntegerField(label="Năng lực tổ chức, điều hành (%, Nghị định 335/2025)", min_value=0,
                                          max_value=100, required=False)
    excellent_exception = forms.CharField(
        label="Thành tích xuất sắc, nổi trội được ngoài tỷ lệ 20%", required=False,
        widget=forms.Textarea(attrs={"rows": 2}), help_text="Ghi văn bản công nhận (số, ngày, cơ quan ban hành).")
    note = forms.CharField(label="Nhận xét, căn cứ đánh giá", widget=forms.Textarea(attrs={"rows": 3}),
                           error_messages={"required": "Cần ghi căn cứ đánh giá."})

    class Meta:
        model = LeaderJudgement
        fields = ["quality_ok", "exceeding_percent", "conduct_ok", "general_points", "months_worked", "months_off",
                  "degraded", "discipline", "corruption_in_body", "capacity_percent", "excellent_exception", "note"]

    def __init__(self, *args, kind: str = SubjectKind.OFFICIAL, **kwargs):
        super().__init__(*args, **kwargs)
        for name in _BOOLEANS:
            value = self.initial.get(name)
            self.initial[name] = "" if value is None else ("true" if value else "false")
        dropped = (_PERSON_ONLY + _LEADER_ONLY if kind == SubjectKind.UNIT
                   else () if kind == SubjectKind.LEADER else _LEADER_ONLY)
        for name in dropped:
            del self.fields[name]


class RowAssessmentForm(forms.ModelForm):
    quality_not_met = forms.IntegerField(label="Số lần đánh giá chất lượng không đạt", min_value=0, max_value=12,
                                         help_text="Mỗi lần trừ 25% điểm chất lượng của nhiệm vụ (Nghị định 335/2025).")
    objective_cause = forms.CharField(
        label="Nguyên nhân khách quan của việc chậm", required=False, widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Chỉ ghi khi cấp có thẩm quyền đã xác nhận; khi có, việc chậm không bị trừ điểm tiến độ.")
    note = forms.CharField(label="Căn cứ", widget=forms.Textarea(attrs={"rows": 2}),
                           error_messages={"required": "Cần ghi căn cứ (văn bản, biên bản, ý kiến của lãnh đạo)."})

    class Meta:
        model = RowAssessment
        fields = ["quality_not_met", "objective_cause", "note"]
