// The page: input, rendering, and the worker that runs ztp-explain. Nothing
// of the explanation is computed here: every value shown comes from the
// JSON that ztp-explain writes (the JSON lines of `ztp explain --json`, the
// summary of `ztp explain --summary --json`).
'use strict';

(() => {
  const $ = (id) => document.getElementById(id);
  const PAGE = 50;
  const SVG = 'http://www.w3.org/2000/svg';

  // --- the worker -------------------------------------------------------
  const workerUrl = URL.createObjectURL(new Blob([$('worker').textContent], { type: 'text/javascript' }));
  const worker = new Worker(workerUrl);
  const waiting = new Map();
  let nextId = 1;
  const ask = (message, transfer) => new Promise((resolve, reject) => {
    const id = nextId++;
    waiting.set(id, { resolve, reject });
    worker.postMessage(Object.assign({ id }, message), transfer || []);
  });
  worker.onmessage = (e) => {
    const m = e.data;
    if (m.type === 'progress') return showProgress(m.loaded, m.total);
    const w = waiting.get(m.id);
    if (!w) return;
    waiting.delete(m.id);
    if (m.type === 'error') w.reject(new Error(m.message));
    else w.resolve(m);
  };
  worker.onerror = (e) => say('The worker failed: ' + e.message, true);
  const wasmBase64 = $('wasm').textContent.trim();
  const wasm = Uint8Array.from(atob(wasmBase64), (c) => c.charCodeAt(0));
  const ready = ask({ type: 'init', wasm: wasm.buffer }, [wasm.buffer]);

  // --- small DOM helpers --------------------------------------------------
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'text') e.textContent = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  }
  function svg(tag, attrs, ...children) {
    const e = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'text') e.textContent = v;
      else e.setAttribute(k, v);
    }
    for (const c of children.flat()) if (c) e.append(c);
    return e;
  }
  function say(text, error) {
    $('status').textContent = text;
    $('status').className = error ? 'error' : '';
  }
  const result = $('result');
  function show(...nodes) {
    result.replaceChildren(...nodes);
  }
  const fmtBytes = (n) => (n >= 1 << 20 ? (n / (1 << 20)).toFixed(1) + ' MiB' : n >= 1024 ? (n / 1024).toFixed(1) + ' KiB' : n + ' B');

  // --- a report -------------------------------------------------------------
  function field(name, value, label) {
    if (value === null || value === undefined || value === '' || (Array.isArray(value) && !value.length)) return null;
    const dd = el('dd', { 'data-field': name });
    if (value instanceof Node) dd.append(value);
    else dd.textContent = Array.isArray(value) ? value.join(', ') : String(value);
    return [el('dt', { text: label || name }), dd];
  }
  function generic(value) {
    if (value === null || value === undefined) return null;
    if (typeof value !== 'object') return document.createTextNode(String(value));
    if (Array.isArray(value)) {
      if (!value.length) return null;
      return el('ul', {}, value.map((v) => el('li', {}, generic(v))));
    }
    const dl = el('dl', { class: 'generic' });
    for (const [k, v] of Object.entries(value)) {
      const g = generic(v);
      if (g) dl.append(el('dt', { text: k }), el('dd', {}, g));
    }
    return dl.childNodes.length ? dl : null;
  }
  function target(t) {
    if (!t) return null;
    return el('span', {}, el('code', { text: t.name }), t.url ? [' → ', el('code', { class: 'url', text: t.url })] : null, t.error ? [' ', el('span', { class: 'error', text: t.error })] : null);
  }
  function statusBadge(status) {
    return el('span', { class: 'badge ' + (status === 'ok' ? 'ok' : status === 'cannot-proceed' ? 'bad' : 'warn'), 'data-field': 'status', text: status });
  }
  function report(r) {
    const j = r.json;
    const v = j.vendor || {};
    const c = j.client || {};
    const who = [c.chaddr, c.duid ? 'duid ' + c.duid : null].filter(Boolean).join(' ');
    const vendor = v.name ? el('span', {}, el('strong', { 'data-field': 'vendor', text: v.name }),
      ' (decided by ' + v.decided_by + (v.rule ? ', ' + v.rule : '') + (v.confidence ? ', ' + v.confidence : '') + ')', v.clue ? [': ', v.clue] : null) : null;
    const head = el('h3', {}, j.family + ' ' + j.message + (j.xid ? ' ' + j.xid : ''), j.frame ? ' · frame ' + j.frame : '', ' ', j.status ? statusBadge(j.status) : null);
    const dl = el('dl', { class: 'fields' },
      field('vendor-decision', vendor, 'vendor'),
      field('client', who, 'client'),
      field('vendor-class', c.vendor_class, 'vendor class'),
      field('identity', generic(j.identity), 'identity'),
      field('reason', j.reason ? el('span', {}, el('span', { class: 'rule', text: j.reason.rule }), ' ', j.reason.message) : null, 'why not'),
      field('transfer-mode', j.transfer_mode, 'transfer mode'),
      field('file-server', j.file_server, 'file server'),
      field('image', target(j.image), 'image'),
      field('config', target(j.config), 'config'),
      field('sztp-redirect', j.sztp_redirect ? generic(j.sztp_redirect) : null, 'SZTP redirect'),
      field('ntp', j.ntp_servers, 'NTP servers'),
      field('syslog', j.syslog_servers, 'syslog servers'),
      field('hostname', j.hostname, 'host name'),
      field('proxy', j.proxy, 'proxy'),
    );
    const parts = [head, dl];
    const decisions = (list, fieldName) => el('table', { class: 'decisions' },
      el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: 'rule' }), el('th', { scope: 'col', text: 'decision' }), el('th', { scope: 'col', text: 'why' }))),
      el('tbody', {}, list.map((d) => el('tr', {}, el('td', {}, el('span', { class: 'rule', 'data-field': fieldName, text: d.rule })), el('td', { text: d.kind }), el('td', { text: d.message })))));
    if (j.vendor_plan) {
      const rest = Object.assign({}, j.vendor_plan);
      delete rest.decisions;
      parts.push(el('h4', { text: 'Plan (' + (v.name || 'vendor') + ')' }), el('div', { 'data-field': 'vendor-plan' }, generic(rest)));
      if (j.vendor_plan.decisions && j.vendor_plan.decisions.length) {
        parts.push(el('h4', { text: 'Decision log (' + (v.name || 'vendor') + ')' }), decisions(j.vendor_plan.decisions, 'plan-rule'));
      }
    }
    if (j.decisions && j.decisions.length) {
      parts.push(el('h4', { text: 'Decision log' }), decisions(j.decisions, 'rule'));
    }
    if (j.warnings && j.warnings.length) {
      parts.push(el('h4', { text: 'Warnings' }), el('ul', {}, j.warnings.map((w) => el('li', {}, w.rule ? [el('span', { class: 'rule', text: w.rule }), ' '] : null, w.message || generic(w)))));
    }
    if (j.diagnoses && j.diagnoses.length) {
      parts.push(el('h4', { text: 'Diagnoses: what to change on the server' }), ...j.diagnoses.map((d) => el('div', { class: 'diagnosis' },
        el('p', {}, el('strong', { class: 'rule', 'data-field': 'diagnosis', text: d.id }), ' ', d.message),
        Object.entries(d.fixes || {}).map(([server, fix]) => el('details', {}, el('summary', { text: 'fix for ' + server }), el('pre', { text: fix }))))));
    }
    parts.push(el('details', { class: 'text' }, el('summary', { text: 'As ztp explain prints it' }), el('pre', { text: r.text })));
    return el('article', { class: 'report', 'data-status': j.status || '', 'data-message': j.message }, parts);
  }

  // --- the exchange over time ----------------------------------------------
  function timeline(steps, title) {
    if (!steps.length) return el('p', { text: 'No message of this client was seen.' });
    const lanes = [];
    for (const s of steps) {
      const lane = s.family + (s.sender === 'client' ? ' client' : ' server');
      if (!lanes.includes(lane)) lanes.push(lane);
    }
    lanes.sort();
    const laneH = 46;
    const left = 92;
    const step = Math.max(56, Math.min(110, 640 / steps.length));
    const width = left + step * steps.length + 30;
    const height = 30 + laneH * lanes.length + 26;
    const t0 = steps.find((s) => s.time !== null && s.time !== undefined);
    const g = svg('svg', { class: 'timeline', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title });
    g.append(svg('title', { text: title }));
    lanes.forEach((lane, i) => {
      const y = 30 + laneH * i + laneH / 2;
      g.append(svg('text', { x: 4, y: y + 4, class: 'lane', text: lane }), svg('line', { x1: left - 8, x2: width - 10, y1: y, y2: y, class: 'laneline' }));
    });
    const seen = new Map();
    let prev = null;
    steps.forEach((s, i) => {
      const x = left + step * i + step / 2;
      const lane = s.family + (s.sender === 'client' ? ' client' : ' server');
      const y = 30 + laneH * lanes.indexOf(lane) + laneH / 2;
      const key = s.family + s.message + s.xid;
      const retry = s.sender === 'client' && seen.has(key);
      seen.set(key, true);
      if (prev) g.append(svg('line', { x1: prev[0], y1: prev[1], x2: x, y2: y, class: 'flow' }));
      prev = [x, y];
      const cls = 'dot ' + s.sender + (retry ? ' retry' : '');
      const dt = t0 && s.time !== null ? '+' + (s.time - t0.time).toFixed(3) + ' s' : 'frame ' + (s.frame || i + 1);
      const dot = svg('circle', { cx: x, cy: y, r: 7, class: cls });
      dot.append(svg('title', { text: `${s.message}${retry ? ' (retry)' : ''} ${s.xid || ''} ${dt}` }));
      g.append(dot, svg('text', { x, y: y - 12, class: 'label', 'text-anchor': 'middle', text: s.message + (retry ? ' ↻' : '') }),
        svg('text', { x, y: height - 8, class: 'time', 'text-anchor': 'middle', text: dt }));
    });
    return el('figure', { class: 'timeline-box' }, g, el('figcaption', { text: 'Client messages above or below server messages, in the order captured; ↻ is a client message sent again (a retry).' }));
  }

  // --- the outcome chart ----------------------------------------------------
  function outcomeText(o) {
    const what = o.status === 'ok'
      ? [o.transfer_mode, o.file_server ? 'from ' + o.file_server : null, o.image ? 'image ' + (o.image.url || o.image.name) : null, o.config ? 'config ' + (o.config.url || o.config.name) : null].filter(Boolean).join(', ')
      : '[' + (o.rule || '?') + '] ' + (o.reason || '');
    return `${o.vendor}: ${o.status} (${o.family}): ${what}`;
  }
  function chart(outcomes) {
    const max = Math.max(1, ...outcomes.map((o) => o.clients));
    const rowH = 26;
    const width = 1040;
    const barMax = 260;
    const g = svg('svg', { class: 'chart', width, height: rowH * outcomes.length + 8, viewBox: `0 0 ${width} ${rowH * outcomes.length + 8}`, role: 'img', 'aria-label': 'Clients by outcome' });
    g.append(svg('title', { text: 'Clients by the outcome of their last reply' }));
    outcomes.forEach((o, i) => {
      const y = 4 + rowH * i;
      const w = Math.max(2, (o.clients / max) * barMax);
      const cls = 'bar ' + (o.status === 'ok' ? 'ok' : o.status === 'cannot-proceed' ? 'bad' : 'warn');
      const bar = svg('rect', { x: 0, y, width: w, height: rowH - 6, class: cls });
      bar.append(svg('title', { text: `${o.clients} clients: ${outcomeText(o)}` }));
      g.append(bar, svg('text', { x: barMax + 8, y: y + 15, class: 'count', text: o.clients.toLocaleString('en') }),
        svg('text', { x: barMax + 80, y: y + 15, class: 'what', text: outcomeText(o).slice(0, 110) }));
    });
    return g;
  }

  // --- pasted hex ----------------------------------------------------------
  async function explainHex(text) {
    await ready;
    const m = await ask({ type: 'hex', text });
    const r = m.result;
    if (r.error) {
      say(r.error, true);
      show();
      $('link').hidden = true;
      return;
    }
    const link = '#hex=' + r.hex;
    $('link').href = link;
    $('link').hidden = false;
    if (location.hash !== link) history.replaceState(null, '', link);
    say(`Read ${r.form}${r.headers ? ' as a frame: ' + r.headers : ''}; ${r.reports.length} report${r.reports.length === 1 ? '' : 's'}.`);
    show(el('div', { id: 'hex-result' }, r.reports.map(report)));
  }
  $('explain').addEventListener('click', () => explainHex($('hex').value));
  $('hex').addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      explainHex($('hex').value);
    }
  });

  // --- captures ------------------------------------------------------------
  function showProgress(loaded, total) {
    const pct = total ? Math.floor((loaded / total) * 100) : 0;
    $('progress-box').hidden = false;
    $('progress').value = pct;
    $('progress').setAttribute('aria-valuetext', pct + '%');
    $('progress-text').textContent = `${fmtBytes(loaded)} of ${fmtBytes(total)} (${pct}%)`;
  }
  let query = { text: '', status: '', outcome: '' };
  let offset = 0;
  let summary = null;
  async function readCapture(file) {
    await ready;
    say('Reading ' + file.name + ' (' + fmtBytes(file.size) + ')…');
    $('progress').removeAttribute('data-done');
    $('progress-label').textContent = 'Reading the capture';
    show();
    let m;
    try {
      m = await ask({ type: 'capture', file });
    } catch (e) {
      say(String(e.message || e), true);
      return;
    }
    $('progress').setAttribute('data-done', 'true');
    $('progress-label').textContent = 'Capture read';
    if (m.end.error) {
      say(file.name + ': ' + m.end.error, true);
      return;
    }
    summary = m.summary;
    const s = summary;
    say(`${file.name}: ${m.end.frames} frames, ${m.end.messages} DHCP messages, read in ${m.seconds.toFixed(1)} s` + (m.end.damaged ? '; ' + m.end.damaged : ''));
    query = { text: '', status: '', outcome: '' };
    offset = 0;
    const filterText = el('input', { id: 'filter-text', type: 'search', placeholder: 'MAC or DUID', oninput: (e) => { query.text = e.target.value; offset = 0; page(); } });
    const filterStatus = el('select', { id: 'filter-status', onchange: (e) => { query.status = e.target.value; offset = 0; page(); } },
      el('option', { value: '', text: 'any outcome status' }), el('option', { value: 'ok', text: 'ok' }), el('option', { value: 'cannot-proceed', text: 'cannot proceed' }), el('option', { value: 'undecodable', text: 'does not decode' }));
    const filterOutcome = el('select', { id: 'filter-outcome', onchange: (e) => { query.outcome = e.target.value; offset = 0; page(); } },
      el('option', { value: '', text: 'any outcome' }), s.outcomes.map((o, i) => el('option', { value: String(i), text: `${o.clients} · ${outcomeText(o).slice(0, 80)}` })));
    show(el('div', { id: 'capture-result' },
      el('h2', { id: 'summary-title', text: 'Summary' }),
      el('p', { id: 'summary-counts' }, el('span', { 'data-field': 'replies', text: s.replies }), ' replies from ', el('span', { 'data-field': 'clients', text: s.clients }), ' clients', s.undecodable ? `, ${s.undecodable} did not decode` : ''),
      chart(s.outcomes),
      el('table', { id: 'outcomes', class: 'outcomes' },
        el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: 'clients' }), el('th', { scope: 'col', text: 'replies' }), el('th', { scope: 'col', text: 'outcome of the last reply' }))),
        el('tbody', {}, s.outcomes.map((o, i) => el('tr', { 'data-outcome': i },
          el('td', { 'data-field': 'clients', text: o.clients }), el('td', { 'data-field': 'replies', text: o.replies }),
          el('td', {}, statusBadge(o.status), ' ', el('span', { 'data-field': 'vendor', text: o.vendor }), ' ', outcomeText(o).split(': ').slice(2).join(': '), o.diagnoses && o.diagnoses.length ? [' ', el('span', { class: 'rule', text: o.diagnoses.join(' ') })] : null))))),
      el('h2', { text: 'Clients' }),
      el('div', { class: 'filters row' },
        el('label', { for: 'filter-text', text: 'Client' }), filterText,
        el('label', { for: 'filter-status', text: 'Status' }), filterStatus,
        el('label', { for: 'filter-outcome', text: 'Outcome' }), filterOutcome),
      el('div', { id: 'clients' }),
      el('div', { id: 'client-detail', tabindex: '-1' }),
      el('details', { class: 'text' }, el('summary', { text: 'As ztp explain --summary prints it' }), el('pre', { text: m.text }))));
    await page();
  }
  async function page() {
    const m = await ask({ type: 'page', query, offset, limit: PAGE });
    const rows = m.rows.map((c) => el('tr', {},
      el('td', {}, el('button', { type: 'button', class: 'link', 'data-client': c.client, onclick: () => clientDetail(c.client), text: c.client })),
      el('td', { text: c.family }), el('td', {}, statusBadge(c.status)), el('td', { text: c.replies }), el('td', { text: c.frame ?? '' }),
      el('td', { text: summary && summary.outcomes[c.outcome] ? summary.outcomes[c.outcome].vendor : '' })));
    const nav = el('div', { class: 'row pager' },
      el('button', { type: 'button', id: 'prev', disabled: offset === 0, onclick: () => { offset = Math.max(0, offset - PAGE); page(); }, text: '← previous' }),
      el('span', { id: 'page-info', text: m.total ? `clients ${offset + 1}–${Math.min(offset + PAGE, m.total)} of ${m.total}` : 'no client matches' }),
      el('button', { type: 'button', id: 'next', disabled: offset + PAGE >= m.total, onclick: () => { offset += PAGE; page(); }, text: 'next →' }));
    $('clients').replaceChildren(el('table', { class: 'clients' },
      el('caption', { text: 'Each client\'s last reply; choose a client for its exchange, plan and decision log.' }),
      el('thead', {}, el('tr', {}, ['client', 'family', 'status', 'replies', 'last frame', 'vendor'].map((h) => el('th', { scope: 'col', text: h })))),
      el('tbody', {}, rows)), nav);
  }
  async function clientDetail(client) {
    const box = $('client-detail');
    box.replaceChildren(el('p', { text: 'Reading ' + client + '…' }));
    const m = await ask({ type: 'client', client });
    box.replaceChildren(el('h2', { id: 'client-title', text: client }),
      el('h3', { text: 'Exchange over time' }), timeline(m.timeline, 'Exchange of ' + client),
      el('h3', { text: 'Replies, explained' }),
      ...(m.reports.error ? [el('p', { class: 'error', text: m.reports.error })] : m.reports.map(report)));
    box.focus();
  }

  const drop = $('drop');
  $('file').addEventListener('change', (e) => { if (e.target.files[0]) readCapture(e.target.files[0]); });
  for (const t of ['dragenter', 'dragover']) document.addEventListener(t, (e) => { e.preventDefault(); drop.classList.add('over'); });
  document.addEventListener('dragleave', () => drop.classList.remove('over'));
  document.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    const f = e.dataTransfer && e.dataTransfer.files[0];
    if (f) readCapture(f);
  });

  // --- a link to a pasted message ---------------------------------------------
  function fromHash() {
    const m = /^#hex=([0-9a-fA-F]+)$/.exec(location.hash);
    if (m) {
      $('hex').value = m[1];
      explainHex(m[1]);
    }
  }
  window.addEventListener('hashchange', fromHash);
  ready.then(() => { document.body.setAttribute('data-ready', 'true'); fromHash(); }, (e) => say('The WebAssembly did not load: ' + e.message, true));
})();
