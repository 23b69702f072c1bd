// Keeps what a person types into a form in this browser until the server has stored it, so that an expired session,
// a stale CSRF token (a login in another tab) or a closed tab loses nothing. Attributes on the <form>:
//   data-draft="report"      the form's name within its page; the storage key adds the account and the page's path;
//   data-draft-user="12"     one account's drafts are never offered to another on a shared office computer;
//   data-draft-version="3"   changes each time the server stores this form's data: a sent draft older than that
//                            went through and is dropped; one that did not (the same version) is offered back;
//   data-draft-unsaved       the page shows typing the server has not stored (a refused save, a draft kept through
//                            a login): that becomes the draft, with no message.
// Files are not kept (a page cannot put a file back into a file input); their names are, to say what to choose again.
// Every textarea with a maxlength also shows how many characters are left.
(function () {
  "use strict";
  var PREFIX = "theodoi.draft|";
  var MAX_AGE_MS = 14 * 24 * 60 * 60 * 1000;  // a shared computer should not keep a forgotten report for ever
  var NOT_TYPED = /^(hidden|file|submit|button|reset|password|image)$/;

  function keyOf(form) {
    return PREFIX + form.getAttribute("data-draft-user") + "|" + location.pathname + "|" +
      form.getAttribute("data-draft");
  }

  function typed(form) {
    var values = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || NOT_TYPED.test(el.type)) return;
      if (el.type === "checkbox") values[el.name] = el.checked ? "on" : "";
      else if (el.type === "radio") { if (el.checked || !(el.name in values)) values[el.name] = el.checked ? el.value : ""; }
      else values[el.name] = el.value;
    });
    return values;
  }

  function chosenFiles(form) {
    var names = [];
    form.querySelectorAll("input[type=file]").forEach(function (input) {
      Array.prototype.forEach.call(input.files || [], function (file) { names.push(file.name); });
    });
    return names;
  }

  // The server stores text trimmed, in NFC and with LF line breaks: the same text must compare equal.
  function plain(value) {
    return String(value === undefined || value === null ? "" : value).replace(/\r\n/g, "\n").normalize("NFC").trim();
  }

  function sameAs(saved, shown) {
    return Object.keys(saved).every(function (name) { return !(name in shown) || plain(saved[name]) === plain(shown[name]); });
  }

  function fill(form, values, version) {
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || NOT_TYPED.test(el.type) || !(el.name in values)) return;
      if (el.type === "checkbox") el.checked = values[el.name] === "on";
      else if (el.type === "radio") el.checked = el.value === values[el.name];
      else el.value = values[el.name];
    });
    var hidden = form.querySelector("input[type=hidden][name=version]");
    // The version the typing started from: saving over someone else's newer save then shows a conflict, not a loss.
    if (hidden && version) hidden.value = version;
    form.querySelectorAll("textarea[maxlength]").forEach(count);
  }

  function read(key) {
    try { return JSON.parse(window.localStorage.getItem(key)); } catch (e) { return null; }
  }

  function write(key, draft) {
    try { window.localStorage.setItem(key, JSON.stringify(draft)); } catch (e) { /* full or private mode */ }
  }

  function forget(key) {
    try { window.localStorage.removeItem(key); } catch (e) { /* private mode */ }
  }

  function sweep() {
    try {
      Object.keys(window.localStorage).forEach(function (key) {
        var draft = key.indexOf(PREFIX) === 0 ? read(key) : null;
        if (key.indexOf(PREFIX) === 0 && (!draft || !draft.at || Date.now() - draft.at > MAX_AGE_MS)) forget(key);
      });
    } catch (e) { /* storage unavailable: nothing to sweep */ }
  }

  function two(n) { return (n < 10 ? "0" : "") + n; }

  function when(at) {
    var d = new Date(at);
    return two(d.getHours()) + ":" + two(d.getMinutes()) + " ngày " + two(d.getDate()) + "/" + two(d.getMonth() + 1) +
      "/" + d.getFullYear();
  }

  function notice(form, draft, discard) {
    var box = document.createElement("div");
    box.className = "messages msg-info draft-notice";
    box.id = "draft-restored-" + form.getAttribute("data-draft");
    box.setAttribute("role", "status");
    var text = document.createElement("p");
    text.textContent = "Đã khôi phục nội dung bạn đang nhập dở lúc " + when(draft.at) + " (chưa được lưu lên máy chủ). " +
      "Hãy kiểm tra rồi bấm lưu.";
    box.appendChild(text);
    if (draft.files && draft.files.length) {
      var files = document.createElement("p");
      files.textContent = "Tệp đính kèm không giữ được, cần chọn lại: «" + draft.files.join("», «") + "».";
      box.appendChild(files);
    }
    var button = document.createElement("button");
    button.type = "button";
    button.className = "secondary";
    button.textContent = "Bỏ nội dung khôi phục";
    button.addEventListener("click", function () { discard(); box.remove(); });
    box.appendChild(button);
    form.parentNode.insertBefore(box, form);
  }

  function setUp(form) {
    var key = keyOf(form);
    var page = form.getAttribute("data-draft-version") || "";
    var hidden = form.querySelector("input[type=hidden][name=version]");
    var shown = typed(form);
    var shownVersion = hidden ? hidden.value : "";
    var unsaved = form.hasAttribute("data-draft-unsaved");
    var startedFrom = shownVersion;

    function snapshot(sent) {
      return {fields: typed(form), files: chosenFiles(form), version: startedFrom, page: page, at: Date.now(), sent: sent};
    }

    var draft = read(key);
    if (unsaved) {
      write(key, snapshot(false));
    } else if (draft && draft.fields) {
      if (sameAs(draft.fields, shown) || (draft.sent && draft.page !== page)) {
        forget(key);
      } else {
        startedFrom = draft.version || shownVersion;
        fill(form, draft.fields, draft.version);
        notice(form, draft, function () {
          fill(form, shown, shownVersion);
          startedFrom = shownVersion;
          forget(key);
        });
      }
    }

    function keep() {
      var now = typed(form);
      if (!unsaved && startedFrom === shownVersion && sameAs(now, shown) && sameAs(shown, now) &&
          !chosenFiles(form).length) forget(key);
      else write(key, snapshot(false));
    }
    form.addEventListener("input", keep);
    form.addEventListener("change", keep);
    form.addEventListener("submit", function () { write(key, snapshot(true)); });
  }

  function count(area) {
    var note = area.nextElementSibling;
    if (!note || !note.classList.contains("char-count")) {
      note = document.createElement("small");
      note.className = "muted char-count";
      area.parentNode.insertBefore(note, area.nextSibling);
    }
    var max = parseInt(area.getAttribute("maxlength"), 10);
    note.textContent = "Còn " + (max - area.value.length).toLocaleString("vi-VN") + " / " +
      max.toLocaleString("vi-VN") + " ký tự";
  }

  function start() {
    sweep();
    document.querySelectorAll("textarea[maxlength]").forEach(function (area) {
      count(area);
      area.addEventListener("input", function () { count(area); });
    });
    document.querySelectorAll("form[data-draft]").forEach(setUp);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
