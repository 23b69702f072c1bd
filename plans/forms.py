from django import forms


class PlanUploadForm(forms.Form):
    file = forms.FileField(label="Tệp kế hoạch (.docx, .pdf hoặc .txt)")


class PlanConfirmForm(forms.Form):
    token = forms.CharField(widget=forms.HiddenInput)
    name = forms.CharField(widget=forms.HiddenInput)
