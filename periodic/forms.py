from django import forms

from .models import NARRATIVE_MAX, ReportKind


class CreateForm(forms.Form):
    kind = forms.ChoiceField(label="Loại báo cáo", choices=ReportKind.choices)


class NarrativeForm(forms.Form):
    text = forms.CharField(label="Nội dung", required=False, max_length=NARRATIVE_MAX, strip=False,
                           widget=forms.Textarea(attrs={"rows": 8}))
    version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
