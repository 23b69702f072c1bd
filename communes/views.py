"""The province officer's upload of the official list of administrative units (communes.services.areas)."""
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from .area_csv import size_refusal
from .services.areas import import_areas


@login_required
def area_import(request):
    scope = _scope(request.user)
    result, refusal, status = None, "", 200
    if request.method == "POST":
        upload = request.FILES.get("file")
        refusal = _refusal(upload)
        if not refusal:
            result = import_areas(upload.read(), user=request.user, scope=scope, file_name=upload.name)
        status = 400 if refusal or (result and result.errors) else 200
    return render(request, "communes/area_import.html", {"result": result, "refusal": refusal, "scope": scope},
                  status=status)


def _scope(user):
    """The site admin imports for any province (None: no limit); a province's officer only for its own province
    (accounts.models.User.can_import_areas, the rule the menu link follows too)."""
    if user.is_site_wide:
        return None
    if user.can_import_areas:
        return user.area
    raise PermissionDenied("Chỉ cán bộ cấp tỉnh (Sở) và quản trị hệ thống được nhập danh mục đơn vị hành chính.")


def _refusal(upload) -> str:
    if upload is None:
        return "Chưa chọn tệp: hãy chọn tệp .csv của danh mục đơn vị hành chính."
    if not upload.name.lower().endswith(".csv"):
        return f"«{upload.name}» không phải tệp .csv: trong Excel chọn «Lưu thành» → «CSV UTF-8»."
    return size_refusal(upload.name, upload.size)
