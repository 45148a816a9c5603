// The labeling page: shows the items the server leased to this annotator one at a time, labels them
// with the class buttons or the keys 1-9 (0 for the tenth class), undoes the last label, and shows
// the round's progress and the learning curve from /status. Every call to /api carries the session's
// CSRF token (rendered into the page), as the server refuses session calls without it.
'use strict';
(() => {
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  const el = (id) => document.getElementById(id);
  const POLL_MILLIS = 1000;
  const STATUS_MILLIS = 5000; // progress of other annotators, and a fitted round's accuracy
  const state = {
    project: null, // the project's name
    classes: [], // its class names, label k is classes[k]
    batch: 1,
    queue: [], // leased items not shown yet
    current: null, // the item on screen
    done: [], // the items this page labeled, last one last (what undo takes back)
    busy: false, // a label or an undo is on its way
    poll: null, // the timer that waits for the next round
  };

  class ApiError extends Error {}

  async function api(method, path, body) {
    const headers = { 'X-CSRF-Token': csrf, Accept: 'application/json' };
    const init = { method, headers, credentials: 'same-origin' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const response = await fetch('/api' + path, init);
    if (response.status === 401) {
      location.assign('/'); // the session ended: the login form
      throw new ApiError('the session ended, log in again');
    }
    if (!response.ok) {
      let error = response.status + ' ' + response.statusText;
      try {
        error = (await response.json()).error || error;
      } catch (notJson) {
        // the status line says it
      }
      throw new ApiError(error);
    }
    return response;
  }

  const projectPath = () => '/projects/' + encodeURIComponent(state.project);

  function say(text) {
    el('message').textContent = text;
  }

  async function start() {
    const projects = await (await api('GET', '/projects')).json();
    const select = el('project');
    for (const p of projects) {
      select.add(new Option(p.name, p.name));
    }
    if (projects.length === 0) {
      say('This token may see no project; ask an admin to add it to one.');
      return;
    }
    const wanted = decodeURIComponent(location.hash.slice(1));
    select.value = projects.some((p) => p.name === wanted) ? wanted : projects[0].name;
    select.addEventListener('change', () => open(select.value).catch(fail));
    await open(select.value);
    setInterval(() => refreshStatus().catch(fail), STATUS_MILLIS);
  }

  async function open(project) {
    clearTimeout(state.poll);
    Object.assign(state, { project, queue: [], current: null, done: [] });
    location.hash = encodeURIComponent(project);
    el('undo').disabled = true;
    el('export').href = '/api' + projectPath() + '/labels?format=csv';
    await refreshStatus();
    await advance();
  }

  async function refreshStatus() {
    const s = await (await api('GET', projectPath() + '/status')).json();
    if (s.classes.join('\n') !== state.classes.join('\n')) {
      state.classes = s.classes;
      drawButtons();
    }
    state.batch = s.batch;
    el('round').textContent = s.round;
    el('progress').max = s.batch;
    el('progress').value = Math.min(s.labelsThisRound, s.batch);
    el('progress-text').textContent = s.labelsThisRound + ' of ' + s.batch + ' labels this round, '
      + s.labels + ' in all';
    el('fitting').hidden = !s.fitting;
    drawCurve(s.rounds);
    return s;
  }

  function drawButtons() {
    const group = el('classes');
    group.replaceChildren();
    state.classes.forEach((name, k) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.label = k;
      if (k < 10) {
        const key = document.createElement('kbd');
        key.textContent = String((k + 1) % 10);
        button.append(key, ' ');
      }
      button.append(name);
      button.addEventListener('click', () => label(k));
      group.append(button);
    });
  }

  // Shows the next leased item, asking the server for more when none is left; while the next round
  // fits (no items come), it asks again every second.
  async function advance() {
    clearTimeout(state.poll);
    if (state.queue.length > 0) {
      await show(state.queue.shift());
      return;
    }
    const next = await (await api('GET', projectPath() + '/next?n=' + state.batch)).json();
    const held = new Set(state.done.concat(state.current === null ? [] : [state.current]));
    state.queue = next.items.map((i) => i.item).filter((i) => !held.has(i));
    const s = await refreshStatus(); // the new items may open a new round
    if (state.queue.length > 0) {
      await show(state.queue.shift());
      return;
    }
    await show(null);
    el('caption').textContent = s.fitting ? 'Waiting for the model to choose the next items…'
      : 'No item is free to label now; asking again shortly…';
    state.poll = setTimeout(() => advance().catch(fail), POLL_MILLIS);
  }

  // Shows item (none when null). It takes labels only once it is on screen: the keys act on
  // state.current, set last, in the same task as the busy flag's release by label() and undo().
  async function show(item) {
    state.current = null;
    if (item === null) {
      el('content').replaceChildren();
      el('item').dataset.item = '';
      return;
    }
    const response = await api('GET', projectPath() + '/items/' + item + '/content');
    const type = response.headers.get('Content-Type') || '';
    let view;
    if (type.startsWith('image/')) {
      view = document.createElement('img');
      view.alt = 'item ' + item;
      view.src = URL.createObjectURL(await response.blob());
      view.onload = () => URL.revokeObjectURL(view.src);
    } else {
      view = featureTable((await response.json()).features);
    }
    el('content').replaceChildren(view);
    el('caption').textContent = 'Item ' + item;
    el('item').dataset.item = item;
    state.current = item;
  }

  function featureTable(features) {
    const table = document.createElement('table');
    const width = 8;
    for (let start = 0; start < features.length; start += width) {
      const row = table.insertRow();
      for (const v of features.slice(start, start + width)) {
        row.insertCell().textContent = Number.isInteger(v) ? v : v.toPrecision(3);
      }
    }
    return table;
  }

  async function label(k) {
    if (state.busy || state.current === null || k >= state.classes.length) {
      return;
    }
    state.busy = true;
    const item = state.current;
    try {
      await api('POST', projectPath() + '/labels', { item, label: k });
      state.done.push(item);
      el('undo').disabled = false;
      say('Item ' + item + ': ' + state.classes[k]);
      await refreshStatus();
      await advance();
    } catch (e) {
      fail(e);
    } finally {
      state.busy = false;
    }
  }

  async function undo() {
    if (state.busy || state.done.length === 0) {
      return;
    }
    state.busy = true;
    const item = state.done[state.done.length - 1];
    try {
      await api('DELETE', projectPath() + '/labels/' + item);
      state.done.pop();
      el('undo').disabled = state.done.length === 0;
      clearTimeout(state.poll); // it waited for items: the undone one is one again
      if (state.current !== null) {
        state.queue.unshift(state.current);
      }
      say('Took back the label of item ' + item);
      await refreshStatus();
      await show(item);
    } catch (e) {
      fail(e);
    } finally {
      state.busy = false;
    }
  }

  function drawCurve(rounds) {
    const svg = el('curve');
    const NS = 'http://www.w3.org/2000/svg';
    const node = (name, attrs, text) => {
      const n = document.createElementNS(NS, name);
      Object.entries(attrs).forEach(([key, value]) => n.setAttribute(key, value));
      if (text !== undefined) {
        n.textContent = text;
      }
      svg.append(n);
      return n;
    };
    svg.replaceChildren();
    const [left, right, top, bottom] = [34, 310, 10, 150];
    node('line', { class: 'axis', x1: left, y1: bottom, x2: right, y2: bottom });
    node('line', { class: 'axis', x1: left, y1: top, x2: left, y2: bottom });
    for (const a of [0, 0.5, 1]) {
      node('text', { x: 4, y: bottom - a * (bottom - top) + 3 }, a.toFixed(1));
    }
    const points = rounds.filter((r) => typeof r.accuracy === 'number');
    if (points.length === 0) {
      node('text', { x: left + 10, y: (top + bottom) / 2 }, 'no accuracy yet');
      return;
    }
    const last = points[points.length - 1].round;
    const first = points[0].round;
    const x = (round) => left + (last === first ? (right - left) / 2 : ((round - first) / (last - first)) * (right - left));
    const y = (accuracy) => bottom - accuracy * (bottom - top);
    node('polyline', { class: 'line', points: points.map((p) => x(p.round) + ',' + y(p.accuracy)).join(' ') });
    for (const p of points) {
      node('circle', { class: 'point', cx: x(p.round), cy: y(p.accuracy), r: 3 }).dataset.round = p.round;
    }
    node('text', { x: left, y: bottom + 14 }, 'round ' + first);
    if (last !== first) {
      node('text', { x: right - 40, y: bottom + 14 }, 'round ' + last);
    }
    node('text', { x: left + 8, y: top + 10 }, 'accuracy ' + points[points.length - 1].accuracy.toFixed(3));
  }

  async function exportCsv(event) {
    event.preventDefault();
    const csv = await (await api('GET', projectPath() + '/labels?format=csv')).blob();
    const link = document.createElement('a');
    link.href = URL.createObjectURL(csv);
    link.download = state.project + '-labels.csv';
    link.click();
    URL.revokeObjectURL(link.href);
  }

  function fail(e) {
    say(e instanceof ApiError ? e.message : 'Error: ' + e);
  }

  document.addEventListener('keydown', (e) => {
    if (e.target instanceof HTMLSelectElement || e.target instanceof HTMLInputElement || e.ctrlKey && e.key !== 'z'
      || e.altKey || e.metaKey) {
      return;
    }
    if (/^[0-9]$/.test(e.key)) {
      e.preventDefault();
      label((Number(e.key) + 9) % 10);
    } else if (e.key === 'u' || e.key === 'U' || e.key === 'Backspace' || (e.ctrlKey && e.key === 'z')) {
      e.preventDefault();
      undo();
    }
  });
  el('undo').addEventListener('click', undo);
  el('export').addEventListener('click', (e) => exportCsv(e).catch(fail));
  start().catch(fail);
})();
