from django import forms

from .models import LEVEL_CHOICES, LeaderJudgement

_YES_NO = [("", "Chưa đánh giá"), ("true", "Đạt"), ("false", "Không đạt")]


class OverrideForm(forms.Form):
    level = forms.ChoiceField(label="Mức xếp loại", choices=LEVEL_CHOICES)
    reason = forms.CharField(label="Lý do điều chỉnh", widget=forms.Textarea(attrs={"rows": 3}),
                             error_messages={"required": "Cần ghi lý do điều chỉnh."})


class JudgementForm(forms.ModelForm):
    quality_ok = forms.TypedChoiceField(label="Bảo đảm chất lượng, hiệu quả", choices=_YES_NO, required=False,
                                        coerce=lambda v: v == "true", empty_value=None)
    conduct_ok = forms.TypedChoiceField(label="Tiêu chí chung (chính trị, đạo đức, kỷ luật)", choices=_YES_NO,
                                        required=False, coerce=lambda v: v == "true", empty_value=None)
    exceeding_percent = forms.IntegerField(label="Tỷ lệ nhiệm vụ vượt mức (%)", min_value=0, max_value=100,
                                           required=False)
    general_points = forms.DecimalField(label="Điểm tiêu chí chung (0–30, Nghị định 335/2025)", min_value=0,
                                        max_value=30, decimal_places=1, required=False)
    note = forms.CharField(label="Nhận xét, căn cứ đánh giá", widget=forms.Textarea(attrs={"rows": 3}),
                           error_messages={"required": "Cần ghi căn cứ đánh giá."})

    class Meta:
        model = LeaderJudgement
        fields = ["quality_ok", "exceeding_percent", "conduct_ok", "general_points", "note"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("quality_ok", "conduct_ok"):
            value = self.initial.get(name)
            self.initial[name] = "" if value is None else ("true" if value else "false")
