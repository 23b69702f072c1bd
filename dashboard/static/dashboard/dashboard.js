// Draws the dashboard's two charts from the numbers the tables already show; without JavaScript the tables remain.
(function () {
  var source = document.getElementById("dashboard-chart-data");
  if (!source || !window.Chart) return;
  var data = JSON.parse(source.textContent);
  var colours = ["#1f7a3a", "#a86400", "#14508c", "#b3261e"];
  var overall = document.getElementById("chart-overall");
  if (overall) {
    new Chart(overall, {type: "doughnut", data: {labels: data.labels,
      datasets: [{data: data.overall, backgroundColor: colours}]},
      options: {maintainAspectRatio: false, animation: false, plugins: {legend: {position: "bottom"}}}});
  }
  var leaders = document.getElementById("chart-leaders");
  if (leaders && data.leaders.length) {
    new Chart(leaders, {type: "bar", data: {labels: data.leaders,
      datasets: data.labels.map(function (label, i) {
        return {label: label, data: data.by_leader[i], backgroundColor: colours[i]};
      })},
      options: {indexAxis: "y", maintainAspectRatio: false, animation: false,
        scales: {x: {stacked: true, ticks: {precision: 0}}, y: {stacked: true}}}});
  }
})();
// Long sections fold on a phone; every folded section opens for printing and closes again afterwards.
(function () {
  var folds = document.querySelectorAll("details[data-fold]");
  if (window.matchMedia && window.matchMedia("(max-width: 640px)").matches) {
    folds.forEach(function (fold) { fold.removeAttribute("open"); });
  }
  var closed = [];
  window.addEventListener("beforeprint", function () {
    closed = Array.prototype.filter.call(folds, function (fold) { return !fold.open; });
    closed.forEach(function (fold) { fold.open = true; });
  });
  window.addEventListener("afterprint", function () {
    closed.forEach(function (fold) { fold.open = false; });
  });
})();
