// Draws the values against the target or its pace; the table beside it carries the same numbers for everyone.
(function () {
  var source = document.getElementById("indicator-chart-data");
  var canvas = document.getElementById("indicator-chart");
  if (!source || !canvas || typeof Chart === "undefined") { return; }
  var data = JSON.parse(source.textContent);
  var toNumber = function (text) { return text === null ? null : Number(text); };
  var viNumber = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 6 });
  var suffix = data.unit ? " " + data.unit : "";
  new Chart(canvas, {
    type: "line",
    data: {
      labels: data.labels,
      datasets: [
        { label: "Thực hiện", data: data.values.map(toNumber), borderColor: "#14508c", backgroundColor: "#14508c",
          pointRadius: 5, tension: 0 },
        { label: "Mục tiêu / tiến độ", data: data.benchmarks.map(toNumber), borderColor: "#a51c1c",
          borderDash: [6, 4], pointRadius: 2, spanGaps: true, tension: 0 }
      ]
    },
    options: {
      maintainAspectRatio: false, animation: false,
      scales: { y: { ticks: { callback: function (v) { return viNumber.format(v); } } } },
      plugins: { tooltip: { callbacks: { label: function (ctx) {
        return ctx.dataset.label + ": " + viNumber.format(ctx.parsed.y) + suffix; } } } }
    }
  });
})();
