// Draws the charts described in #loadbench-charts with Chart.js, then marks every canvas with
// data-rendered (its drawn size) and data-painted-pixels (how many pixels are not blank), and the body
// with data-charts-rendered, so a headless browser can tell that the charts were really drawn.
(function () {
  'use strict';
  var spec = JSON.parse(document.getElementById('loadbench-charts').textContent);
  var colors = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf'];
  var rendered = 0;

  // 1/(1-p) -> the percentile it stands for: 2 -> 50%, 10 -> 90%, 1000 -> 99.9%
  function percentileLabel(x) {
    var p = 100 - 100 / x;
    return (Math.round(p * 10000) / 10000) + '%';
  }

  function isLabelled(x) {
    var exponent = Math.log10(x);
    return x === 2 || Math.abs(exponent - Math.round(exponent)) < 1e-9;
  }

  function title(chart) {
    return { display: true, text: chart.title };
  }

  // The value and the error of point i of a dataset: bars hold numbers (errors beside them), curves hold points.
  function valueAt(dataset, i) {
    var datum = dataset.data[i];
    return datum === null || datum === undefined ? null : typeof datum === 'number' ? datum : datum.y;
  }

  function errorAt(dataset, i) {
    if (dataset.errors) {
      return dataset.errors[i];
    }
    var datum = dataset.data[i];
    return datum && typeof datum === 'object' && typeof datum.error === 'number' ? datum.error : null;
  }

  // The y axis must reach the top of every error bar, or the bar is cut off.
  function highestWithError(datasets) {
    var highest = 0;
    datasets.forEach(function (dataset) {
      dataset.data.forEach(function (datum, i) {
        var value = valueAt(dataset, i), error = errorAt(dataset, i);
        if (value !== null) {
          highest = Math.max(highest, value + (error || 0));
        }
      });
    });
    return highest;
  }

  // Draws each JMH score's 99.9% interval (score - error to score + error) as a whisker over its bar or point, in
  // its run's colour (on a curve the runs' whiskers at one x are set a few pixels apart), and counts them on the
  // canvas (data-error-bars), so a headless browser can tell that they were drawn.
  var errorBars = {
    id: 'loadbenchErrorBars',
    afterDatasetsDraw: function (chart) {
      var ctx = chart.ctx, y = chart.scales.y, drawn = 0, count = chart.data.datasets.length;
      chart.data.datasets.forEach(function (dataset, d) {
        var meta = chart.getDatasetMeta(d);
        var shift = meta.type === 'line' ? (d - (count - 1) / 2) * 4 : 0;
        meta.data.forEach(function (element, i) {
          var value = valueAt(dataset, i), error = errorAt(dataset, i);
          if (value === null || error === null || error === undefined || meta.hidden) {
            return;
          }
          var x = element.x + shift;
          var top = y.getPixelForValue(value + error);
          var bottom = y.getPixelForValue(Math.max(value - error, y.min));
          var half = 5;
          ctx.save();
          ctx.strokeStyle = meta.type === 'line' ? dataset.borderColor : '#222';
          ctx.lineWidth = 1.5;
          ctx.beginPath();
          ctx.moveTo(x, top);
          ctx.lineTo(x, bottom);
          ctx.moveTo(x - half, top);
          ctx.lineTo(x + half, top);
          ctx.moveTo(x - half, bottom);
          ctx.lineTo(x + half, bottom);
          ctx.stroke();
          ctx.restore();
          drawn++;
        });
      });
      chart.canvas.setAttribute('data-error-bars', String(drawn));
    }
  };

  function lineConfig(chart, xAxis) {
    var datasets = chart.series.map(function (s) {
      return { data: s.points };
    });
    return {
      type: 'line',
      plugins: chart.kind === 'batch' ? [errorBars] : [],
      data: {
        datasets: chart.series.map(function (s) {
          return {
            label: s.name,
            data: s.points,
            borderColor: colors[s.run % colors.length],
            backgroundColor: colors[s.run % colors.length],
            borderDash: s.dashed ? [6, 4] : [],
            pointRadius: chart.kind === 'batch' ? 3 : 0,
            borderWidth: 2
          };
        })
      },
      options: {
        responsive: false,
        animation: false,
        parsing: false,
        plugins: { title: title(chart) },
        scales: {
          x: xAxis,
          y: { type: 'linear', beginAtZero: true,
               suggestedMax: chart.kind === 'batch' ? highestWithError(datasets) : undefined,
               title: { display: true, text: chart.yLabel } }
        }
      }
    };
  }

  function config(chart) {
    if (chart.kind === 'percentiles') {
      return lineConfig(chart, {
        type: 'logarithmic', min: 1,
        title: { display: true, text: 'percentile (axis: 1/(1-p))' },
        ticks: { callback: function (value) { return isLabelled(value) ? percentileLabel(value) : ''; } }
      });
    }
    if (chart.kind === 'batch') {
      return lineConfig(chart, {
        type: 'logarithmic',
        title: { display: true, text: chart.xLabel || 'batch size' },
        // 1, 2, 5, 10, 20, 50 ...: Chart.js labels every minor tick of a log axis, which overlap near a decade
        ticks: { callback: function (value) {
          var mantissa = value / Math.pow(10, Math.floor(Math.log10(value) + 1e-9));
          return [1, 2, 5].some(function (m) { return Math.abs(mantissa - m) < 1e-6; }) ? value.toLocaleString('en-US') : '';
        } }
      });
    }
    var bars = chart.series.map(function (s) {
      return { label: s.name, data: s.values, errors: s.errors, backgroundColor: colors[s.run % colors.length] };
    });
    return {
      type: 'bar',
      plugins: [errorBars],
      data: { labels: chart.labels, datasets: bars },
      options: {
        responsive: false,
        animation: false,
        plugins: { title: title(chart) },
        scales: { y: { beginAtZero: true, suggestedMax: highestWithError(bars),
                       title: { display: true, text: chart.yLabel } } }
      }
    };
  }

  function paintedPixels(canvas) {
    var pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    var painted = 0;
    for (var i = 3; i < pixels.length; i += 4) {
      if (pixels[i] !== 0) {
        painted++;
      }
    }
    return painted;
  }

  spec.charts.forEach(function (chart) {
    var canvas = document.getElementById(chart.id);
    try {
      var drawn = new Chart(canvas, config(chart));
      canvas.setAttribute('data-rendered', drawn.width + 'x' + drawn.height);
      canvas.setAttribute('data-painted-pixels', String(paintedPixels(canvas)));
      rendered++;
    } catch (e) {
      canvas.setAttribute('data-error', String(e));
    }
  });
  document.body.setAttribute('data-charts-rendered', String(rendered));
})();
