// Behaviour that pages used to write inline (onclick=...), which the Content-Security-Policy no longer runs:
//   <button type="button" data-print>In</button>               prints the page;
//   <button type="submit" data-confirm="Khóa kỳ ...?">          asks before its form is sent;
//   <form enctype="multipart/form-data" data-files-optional>     is sent url-encoded when no file is chosen.
document.addEventListener("click", function (event) {
  var printer = event.target.closest("[data-print]");
  if (printer) {
    event.preventDefault();
    window.print();
    return;
  }
  var asking = event.target.closest("[data-confirm]");
  if (asking && !window.confirm(asking.getAttribute("data-confirm"))) {
    event.preventDefault();
  }
});

// A report form holds a file input on every row, so it must be multipart, yet most saves attach no file; Django
// reads a url-encoded body several times faster than a multipart one with dozens of parts (issue 15, the peak
// day). The submit event comes before the browser reads the form's enctype, so the choice made here is the one
// sent; a page without this script still sends multipart, which the server reads just the same.
document.addEventListener("submit", function (event) {
  var form = event.target;
  if (!form.hasAttribute("data-files-optional")) {
    return;
  }
  var chosen = Array.prototype.some.call(form.querySelectorAll("input[type=file]"), function (input) {
    return input.files && input.files.length > 0;
  });
  form.enctype = chosen ? "multipart/form-data" : "application/x-www-form-urlencoded";
});
