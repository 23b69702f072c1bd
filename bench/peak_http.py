"""The HTTP side of bench/peak.py: a signed-in client, the report page's form read as a browser reads it, and the
CPU the server's processes use. Standard library only, as the bench's clients are no Django."""
import http.client
import os
import re
import secrets
import threading
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode


class PageForm(HTMLParser):
    """The fields a browser sends from the report page's form (#report-form): inputs, selects, textareas, and the
    file inputs, which it sends as empty file parts in a multipart body; unless the form is marked
    data-files-optional, which static/js/theodoi.js sends url-encoded when no file is chosen."""

    def __init__(self):
        super().__init__()
        self.inside = False
        self.files_optional = False
        self.fields: dict[str, str] = {}
        self.files: list[str] = []
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.inside = a.get("id") == "report-form"
            self.files_optional = self.files_optional or (self.inside and "data-files-optional" in a)
        if not self.inside or "disabled" in a:
            return
        if tag == "input" and a.get("name"):
            self._input(a)
        elif tag == "select":
            self._select = a.get("name")
        elif tag == "option" and self._select and (self._select not in self.fields or "selected" in a):
            self.fields[self._select] = a.get("value") or ""  # the first option unless one is selected
        elif tag == "textarea":
            self._textarea = a.get("name")
            self.fields[self._textarea or ""] = ""

    def _input(self, a: dict) -> None:
        kind = a.get("type", "text")
        if kind == "file":
            self.files.append(a["name"])
        elif kind not in ("submit", "button", "checkbox", "radio") or "checked" in a:
            self.fields[a["name"]] = a.get("value") or ""

    def handle_data(self, data):
        if self._textarea:
            self.fields[self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


def multipart(fields: dict[str, str], files: list[str]) -> tuple[bytes, str]:
    """A multipart/form-data body as a browser builds it (RFC 7578), file inputs left empty."""
    boundary = "----theodoi-peak-" + secrets.token_hex(8)
    parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
             for name, value in fields.items()]
    parts += [f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename=""\r\n'
              f"Content-Type: application/octet-stream\r\n\r\n\r\n" for name in files]
    return ("".join(parts) + f"--{boundary}--\r\n").encode("utf-8"), f"multipart/form-data; boundary={boundary}"


class Client:
    def __init__(self, port: int):
        self.port, self.cookies, self.lock = port, {}, threading.Lock()  # two threads may share an officer

    def request(self, method: str, path: str, form: dict | None = None,
                body: tuple[bytes, str] | None = None) -> tuple[int, dict, str]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        with self.lock:
            headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if form is not None:
            body = urlencode(form).encode(), "application/x-www-form-urlencoded"
        if body is not None:
            headers["Content-Type"] = body[1]
        connection.request(method, path, body=body[0] if body else None, headers=headers)
        response = connection.getresponse()
        text = response.read().decode("utf-8", "replace")
        with self.lock:
            self._keep(response.headers.get_all("Set-Cookie") or [])
        connection.close()
        return response.status, dict(response.getheaders()), text

    def _keep(self, lines: list[str]) -> None:
        for line in lines:
            for name, morsel in SimpleCookie(line).items():
                if name == "messages":
                    continue  # shown by the page after the redirect, which a save's timing leaves out
                if morsel.value and morsel["max-age"] != "0":
                    self.cookies[name] = morsel.value
                else:
                    self.cookies.pop(name, None)

    def sign_in(self, cookie: str) -> None:
        name, value = cookie.split("=", 1)
        self.cookies[name] = value
        status, _, _ = self.request("GET", "/suc-khoe/")
        if status != 200:
            raise RuntimeError(f"the session made for the bench was refused ({status})")

    def page_form(self, path: str) -> PageForm:
        status, _, text = self.request("GET", path)
        form = PageForm()
        form.feed(text)
        if status != 200 or "version" not in form.fields:
            raise RuntimeError(f"GET {path} answered {status} without the report form")
        return form


def first_error(page: str) -> str:
    found = re.search(r'class="errorlist"[^>]*>\s*<li>(.*?)</li>', page, re.S)
    return found.group(1).strip()[:200] if found else ""


def cpu_of(pid: int | None) -> float | None:
    """CPU seconds (user + system) used so far by a process and its children, gunicorn's master and workers; None
    without Linux's /proc. On a machine others share, throughput moves with their load, CPU per request less so."""
    if pid is None or not Path("/proc", str(pid)).exists():
        return None
    ticks = 0
    for entry in Path("/proc").iterdir():
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # not a process, or one that ended meanwhile
        if entry.name == str(pid) or fields[1] == str(pid):
            ticks += int(fields[11]) + int(fields[12])  # utime, stime (proc(5))
    return ticks / os.sysconf("SC_CLK_TCK")
