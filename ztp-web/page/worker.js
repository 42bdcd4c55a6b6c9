// The page's worker: wasm-bindgen's glue (--target no-modules, written just
// before this by build.sh) and ztp-explain in WebAssembly. It explains pasted
// hex, streams a dropped capture slice by slice (FileReaderSync: the File is
// read, never copied whole), and answers the page's questions about the
// capture's clients (a page of the list, one client's timeline and reports).
'use strict';
/* global wasm_bindgen */

const CHUNK = 1 << 20;
let capture = null;
let file = null;
let perClient = [];
let outcomes = [];

// A Source (ztp-web): the file read one slice of at most CHUNK bytes at a
// time, with the progress told to the page.
function source(f, report) {
  const reader = new FileReaderSync();
  let pos = 0;
  let chunk = new Uint8Array(0);
  let at = 0;
  return {
    read(max) {
      if (at >= chunk.length) {
        if (pos >= f.size) return new Uint8Array(0);
        const end = Math.min(f.size, pos + CHUNK);
        chunk = new Uint8Array(reader.readAsArrayBuffer(f.slice(pos, end)));
        pos = end;
        at = 0;
      }
      const n = Math.min(max, chunk.length - at);
      const out = chunk.subarray(at, at + n);
      at += n;
      return out;
    },
    progress(position) {
      if (report) postMessage({ type: 'progress', loaded: position, total: f.size });
    },
  };
}

function matches(c, q) {
  if (q.status && c.status !== q.status) return false;
  if (q.outcome !== undefined && q.outcome !== null && q.outcome !== '' && c.outcome !== Number(q.outcome)) return false;
  if (q.text && !c.client.toLowerCase().includes(q.text.toLowerCase())) return false;
  return true;
}

const handlers = {
  init(m) {
    wasm_bindgen.initSync({ module: m.wasm });
    return { type: 'ready' };
  },
  hex(m) {
    return { type: 'hex', result: JSON.parse(wasm_bindgen.explain_hex(m.text)) };
  },
  capture(m) {
    if (capture) capture.free();
    file = m.file;
    capture = new wasm_bindgen.Capture();
    const started = performance.now();
    postMessage({ type: 'progress', loaded: 0, total: file.size });
    const end = JSON.parse(capture.read(source(file, true)));
    postMessage({ type: 'progress', loaded: file.size, total: file.size });
    const summary = JSON.parse(capture.summary_json());
    perClient = summary.per_client;
    outcomes = summary.outcomes;
    delete summary.per_client;
    return {
      type: 'capture',
      name: file.name,
      size: file.size,
      seconds: (performance.now() - started) / 1000,
      end,
      summary,
      text: capture.summary_text(),
    };
  },
  page(m) {
    const rows = perClient.filter((c) => matches(c, m.query));
    return { type: 'page', total: rows.length, offset: m.offset, rows: rows.slice(m.offset, m.offset + m.limit) };
  },
  client(m) {
    const timeline = JSON.parse(capture.timeline(m.client));
    const reports = JSON.parse(wasm_bindgen.Capture.client_reports(source(file, false), m.client));
    const row = perClient.find((c) => c.client === m.client) || null;
    return { type: 'client', client: m.client, row, outcome: row ? outcomes[row.outcome] : null, timeline, reports };
  },
};

onmessage = (e) => {
  const m = e.data;
  let answer;
  try {
    answer = handlers[m.type](m);
  } catch (err) {
    answer = { type: 'error', message: String(err && err.message ? err.message : err) };
  }
  answer.id = m.id;
  postMessage(answer);
};
