// Behaviour that pages used to write inline (onclick=...), which the Content-Security-Policy no longer runs:
//   <button type="button" data-print>In</button>               prints the page;
//   <button type="submit" data-confirm="Khóa kỳ ...?">          asks before its form is sent.
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
