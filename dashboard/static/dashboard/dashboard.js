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
