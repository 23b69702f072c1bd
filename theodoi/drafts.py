"""Typing is never lost to an expired session: a form posted without a login keeps its fields for after the login.

login_required alone answers such a POST with a redirect to the login page, and the text typed in a unit's
report or an indicator value is gone. Here the posted fields (never the files: only their names, to say which to
choose again) go into the session, which survives the login (django.contrib.auth.login keeps an anonymous
session's data), and the form page puts them back once, with a message. The CSRF check has already passed by the
time a view runs, so another site cannot plant a draft. The browser keeps its own copy too (static/js/drafts.js),
which also covers a stale CSRF token, where no view runs at all.
"""
from dataclasses import dataclass
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import QueryDict

SESSION_KEY = "theodoi_drafts"
NOT_KEPT = ("csrfmiddlewaretoken", "action")  # never replay a "submit": the person decides again after the login
MAX_CHARS = 100_000  # more than any form here holds within its limits; a flood is not worth a session row
MAX_FORMS = 5

EXPIRED = ("Phiên đăng nhập đã hết hạn nên nội dung bạn vừa nhập chưa được lưu. Nội dung đó đã được giữ lại: "
           "hãy đăng nhập lại, trang sẽ mở lại với nội dung của bạn để kiểm tra rồi bấm lưu.")
RESTORED = ("Đã khôi phục nội dung bạn đang nhập dở trước khi phiên đăng nhập hết hạn. Nội dung này CHƯA được lưu: "
            "hãy kiểm tra rồi bấm lưu.")


@dataclass
class Draft:
    fields: QueryDict
    files: list[str]  # names of files that were attached and must be chosen again


def login_keeping_draft(view=None, *, shown_at=None):
    """login_required, except that a POST without a login first keeps its fields for after the login.

    `shown_at(*args, **kwargs)`: the URL of the page that shows the form, for a view that only receives posts (a
    periodic report's section): the login then leads back there, since a GET of the post's own URL is refused, and
    that page takes the draft by the post's path (take(request, path=...)).
    """
    def decorate(view):
        guarded = login_required(view)

        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method == "POST" and not request.user.is_authenticated:
                keep(request)
                if shown_at is not None:
                    return redirect_to_login(shown_at(*args, **kwargs))
            return guarded(request, *args, **kwargs)
        return wrapper
    return decorate(view) if view is not None else decorate


def keep(request) -> None:
    fields = {name: values for name, values in request.POST.lists() if name not in NOT_KEPT}
    if not fields or sum(len(v) for values in fields.values() for v in values) > MAX_CHARS:
        return
    drafts = dict(request.session.get(SESSION_KEY, {}))
    drafts.pop(request.path, None)
    drafts[request.path] = {"fields": fields, "files": [f.name for f in request.FILES.values()]}
    request.session[SESSION_KEY] = dict(list(drafts.items())[-MAX_FORMS:])
    messages.warning(request, EXPIRED + _files_note(drafts[request.path]["files"]))


def take(request, path: str | None = None) -> Draft | None:
    """The draft kept for this page (or for the form posting to `path`), once: it is removed from the session as it
    is returned."""
    drafts = dict(request.session.get(SESSION_KEY, {}))
    kept = drafts.pop(path or request.path, None)
    if kept is None:
        return None
    request.session[SESSION_KEY] = drafts
    fields = QueryDict(mutable=True)
    for name, values in kept["fields"].items():
        fields.setlist(name, values)
    messages.info(request, RESTORED + _files_note(kept["files"]))
    return Draft(fields=fields, files=kept["files"])


def _files_note(names: list[str]) -> str:
    if not names:
        return ""
    return " Tệp đính kèm không giữ được, cần chọn lại: " + ", ".join(f"«{n}»" for n in names) + "."
