// Charts of the annual report partial: the outcome mix and the applications received per year, drawn with the
// vendored ECharts from the JSON block the partial writes. Served from the platform (CSP script-src 'self'); tooltips
// are drawn on the canvas (richText) so that no inline style attribute is needed.
(function () {
  'use strict';

  function outcomes(data) {
    return {
      tooltip: { trigger: 'item', renderMode: 'richText' },
      legend: { bottom: 0, type: 'scroll' },
      series: [{
        type: 'pie',
        radius: ['35%', '65%'],
        data: data.outcomes.map(function (s) { return { name: s.name, value: s.value }; }),
        label: { formatter: '{b}：{c}件' }
      }]
    };
  }

  function trend(data) {
    return {
      tooltip: { trigger: 'axis', renderMode: 'richText' },
      xAxis: { type: 'category', data: data.trend.map(function (p) { return p.year + '年'; }) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', name: '本年新收申请', data: data.trend.map(function (p) { return p.received; }), label: { show: true, position: 'top' } }]
    };
  }

  function draw(area) {
    var source = document.getElementById(area.getAttribute('data-report-charts'));
    if (!source || !window.echarts) {
      return;
    }
    var data = JSON.parse(source.textContent);
    area.hidden = false;
    area.querySelectorAll('[data-chart]').forEach(function (element) {
      var chart = window.echarts.init(element);
      chart.setOption(element.getAttribute('data-chart') === 'trend' ? trend(data) : outcomes(data));
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }

  document.querySelectorAll('[data-report-charts]').forEach(draw);
})();
