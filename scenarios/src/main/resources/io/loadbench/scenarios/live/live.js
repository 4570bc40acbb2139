// Polls live.json every second and draws the run's rate, latency and failures with Chart.js. Each canvas is
// marked with data-points (points drawn), data-updates (redraws that added points) and data-painted-pixels
// (pixels not blank after the last redraw), and the body with data-state and data-verdict, so that a headless
// browser can tell the charts were drawn and kept updating.
(function () {
  'use strict';
  var MAX_POINTS = 900;
  var POLL_MS = 1000;
  // a request that hangs (a busy machine, a server going away) is abandoned, so polling never stops on it
  var REQUEST_TIMEOUT_MS = 5000;
  var lastSeq = 0;
  var planShown = false;
  var modelShown = false;
  var finished = false;
  var misses = 0;

  function line(label, color, dashed, axis) {
    return { label: label, data: [], borderColor: color, backgroundColor: color, borderWidth: 2, pointRadius: 0,
             borderDash: dashed ? [6, 4] : [], spanGaps: false, yAxisID: axis || 'y' };
  }

  function chart(id, title, yTitle, datasets, extraScales) {
    var scales = { x: { title: { display: true, text: 'seconds since the first arrival' } },
                   y: { beginAtZero: true, title: { display: true, text: yTitle } } };
    Object.keys(extraScales || {}).forEach(function (k) { scales[k] = extraScales[k]; });
    var made = new Chart(document.getElementById(id), {
      type: 'line',
      data: { labels: [], datasets: datasets },
      options: { responsive: false, animation: false, scales: scales,
                 plugins: { title: { display: true, text: title },
                            // a line the run's model does not have (users of an open model) is hidden, not listed
                            legend: { labels: { filter: function (item, data) { return !data.datasets[item.datasetIndex].hidden; } } } } }
    });
    made.canvas.setAttribute('data-updates', '0');
    made.canvas.setAttribute('data-points', '0');
    return made;
  }

  var rate = chart('chart-rate', 'Rate', 'per second', [
    line('requests/s', '#1f77b4'), line('arrivals/s', '#2ca02c'), line('target arrivals/s', '#2ca02c', true),
    line('users', '#9467bd', false, 'users'), line('target users', '#9467bd', true, 'users')
  ], { users: { position: 'right', beginAtZero: true, display: 'auto', title: { display: true, text: 'users' },
                grid: { drawOnChartArea: false } } });
  var latency = chart('chart-latency', 'Latency (all requests, each second)', 'ms', [
    line('intended p50', '#ff7f0e'), line('intended p99', '#d62728'),
    line('service p50', '#17becf', true), line('service p99', '#8c564b', true)
  ]);
  var failures = chart('chart-failures', 'Failures', 'per second', [
    line('failures/s', '#d62728'), line('drops/s', '#7f7f7f')
  ]);

  var series = [
    [rate, ['requestsPerSec', 'arrivalsPerSec', 'targetArrivalsPerSec', 'activeUsers', 'targetUsers']],
    [latency, ['intendedP50Ms', 'intendedP99Ms', 'serviceP50Ms', 'serviceP99Ms']],
    [failures, ['failuresPerSec', 'dropsPerSec']]
  ];

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

  function rows(tableId, entries) {
    var body = document.querySelector('#' + tableId + ' tbody');
    body.textContent = '';
    entries.forEach(function (cells) {
      var tr = document.createElement('tr');
      cells.forEach(function (text) {
        var td = document.createElement('td');
        td.textContent = String(text);
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
  }

  function showPlan(live) {
    var plan = live.plan;
    document.getElementById('title').textContent = plan.simulation + ' (' + plan.preset + ')';
    document.getElementById('subtitle').textContent = 'run folder ' + plan.runFolder;
    document.title = 'loadbench live: ' + plan.simulation;
    rows('plan', Object.keys(plan.plan).sort().map(function (k) { return [k, plan.plan[k]]; }));
    rows('options', Object.keys(plan.options).sort().map(function (k) { return [k, plan.options[k]]; }));
    planShown = true;
  }

  // once the load is set up: an open model has no users to draw, a closed one no target rate
  function showModel(load) {
    var users = load.targetUsers > 0;
    rate.data.datasets[2].hidden = !load.openModel;
    rate.data.datasets[3].hidden = !users;
    rate.data.datasets[4].hidden = !users;
    rate.options.scales.users.display = users;
    modelShown = true;
  }

  function showStatus(live) {
    var status = document.getElementById('status');
    document.body.setAttribute('data-state', live.state);
    if (live.verdict) {
      status.textContent = 'verdict: ' + live.verdict.status;
      status.className = live.verdict.status;
      document.body.setAttribute('data-verdict', live.verdict.status);
      var list = document.getElementById('failures');
      list.textContent = '';
      live.verdict.failures.forEach(function (f) {
        var li = document.createElement('li');
        li.textContent = f;
        list.appendChild(li);
      });
      finished = true;
      return;
    }
    var last = live.samples.length ? live.samples[live.samples.length - 1] : null;
    if (live.state === 'preparing') {
      status.textContent = 'preparing the dataset and the target';
    } else if (last) {
      var planned = live.load && live.load.plannedSec > 0 ? ' of ' + Math.round(live.load.plannedSec) + ' s' : '';
      status.textContent = (last.warmup ? 'warming up, ' : 'measuring, ') + Math.round(last.elapsedSec) + ' s' + planned
          + ', ' + last.failures + ' failures, ' + last.drops + ' drops';
    }
  }

  function append(samples) {
    samples.forEach(function (s) {
      series.forEach(function (entry) {
        var target = entry[0];
        target.data.labels.push(Math.round(s.elapsedSec));
        entry[1].forEach(function (field, i) {
          var value = s[field];
          // a closed model has no target rate, an open one no users: those lines stay empty
          target.data.datasets[i].data.push(value === null || ((field === 'activeUsers' || field === 'targetUsers')
              && s.targetUsers === 0) ? null : value);
        });
        while (target.data.labels.length > MAX_POINTS) {
          target.data.labels.shift();
          target.data.datasets.forEach(function (d) { d.data.shift(); });
        }
      });
      lastSeq = Math.max(lastSeq, s.seq);
    });
    if (samples.length) {
      series.forEach(function (entry) {
        var target = entry[0];
        target.update('none');
        var canvas = target.canvas;
        canvas.setAttribute('data-points', String(target.data.labels.length));
        canvas.setAttribute('data-updates', String(Number(canvas.getAttribute('data-updates')) + 1));
        canvas.setAttribute('data-painted-pixels', String(paintedPixels(canvas)));
      });
    }
  }

  function render(live) {
    if (!planShown) {
      showPlan(live);
    }
    if (!modelShown && live.load) {
      showModel(live.load);
    }
    append(live.samples);
    rows('requests', Object.keys(live.requests).sort().map(function (name) {
      var c = live.requests[name];
      return [name, c.ok, c.ko, c.crashed];
    }));
    showStatus(live);
  }

  function poll() {
    var abort = new AbortController();
    var timer = setTimeout(function () { abort.abort(); }, REQUEST_TIMEOUT_MS);
    fetch('live.json?after=' + lastSeq, { cache: 'no-store', signal: abort.signal })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.json();
      })
      .then(function (live) {
        misses = 0;
        render(live);
      })
      .catch(function (e) {
        misses++;
        document.body.setAttribute('data-last-error', String(e));
        if (!finished) {
          document.getElementById('status').textContent = 'no answer from the run (' + e.message + '); it may have ended';
        }
      })
      .then(function () {
        clearTimeout(timer);
        // the run's server goes away soon after its verdict: stop asking then, or after a minute without answer
        if (!finished && misses < 60) {
          setTimeout(poll, POLL_MS);
        }
      });
  }

  poll();
})();
