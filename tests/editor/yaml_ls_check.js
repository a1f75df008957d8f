// Validates YAML files against a JSON Schema the way an editor does: starts
// yaml-language-server over stdio, configures the schema for the files through
// yaml.schemas, opens each file and prints the diagnostics the server
// publishes, one per line: FILE:LINE:COL: MESSAGE (1-based), sorted. A file
// given as FILE@LINE:COL also gets what the editor shows at that place: the
// hover text and the completion labels, as FILE:LINE:COL: hover|completion: ...
// Usage: node yaml_ls_check.js SERVER_JS SCHEMA_JSON FILE[@LINE:COL]...
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');

const [serverJs, schemaPath, ...args] = process.argv.slice(2);
const probes = args.filter((a) => a.includes('@')).map((a) => {
  const [file, where] = a.split('@');
  const [line, col] = where.split(':').map(Number);
  return { file, line, col };
});
const files = [...new Set(args.map((a) => a.split('@')[0]))];
if (!serverJs || !schemaPath || files.length === 0) {
  console.error('usage: node yaml_ls_check.js SERVER_JS SCHEMA_JSON FILE...');
  process.exit(2);
}
const schemaUri = pathToFileURL(path.resolve(schemaPath)).href;
const uris = new Map(files.map((f) => [pathToFileURL(path.resolve(f)).href, f]));
const settings = {
  yaml: { validate: true, hover: true, completion: true, schemaStore: { enable: false },
          schemas: { [schemaUri]: [...uris.keys()].map((u) => new URL(u).pathname) } },
};

const server = spawn(process.execPath, [serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
let nextId = 1;
const pending = new Map();
function send(msg) {
  const body = JSON.stringify({ jsonrpc: '2.0', ...msg });
  server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}
function request(method, params) {
  const id = nextId++;
  send({ id, method, params });
  return new Promise((resolve) => pending.set(id, resolve));
}

const diagnostics = new Map();   // uri -> latest published list
let settleTimer = null;
function maybeFinish() {
  if (diagnostics.size < uris.size) return;
  clearTimeout(settleTimer);
  // The server may publish again once the schema has loaded: wait for quiet.
  settleTimer = setTimeout(finish, 1500);
}
async function probe({ file, line, col }) {
  const params = { textDocument: { uri: pathToFileURL(path.resolve(file)).href },
                   position: { line: line - 1, character: col - 1 } };
  const at = `${file}:${line}:${col}`;
  const hover = await request('textDocument/hover', params);
  const text = hover ? [].concat(hover.contents).map((c) => c.value ?? c).join(' ') : '';
  const completion = await request('textDocument/completion', params);
  const labels = (completion ? completion.items ?? completion : []).map((i) => i.label).sort();
  const shown = text.replace(/Source: \[.*$/s, '').replace(/\s+/g, ' ').trim();   // not the schema's path
  return [`${at}: hover: ${shown}`, `${at}: completion: ${labels.join(' ')}`];
}
async function finish() {
  const lines = [];
  for (const p of probes) lines.push(...(await probe(p)));
  for (const [uri, list] of diagnostics) {
    for (const d of list) {
      const msg = d.message.replace(/\s+/g, ' ').trim();
      lines.push(`${uris.get(uri)}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${msg}`);
    }
  }
  lines.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  if (lines.length) process.stdout.write(lines.join('\n') + '\n');
  server.kill();
  process.exit(0);
}
setTimeout(() => { console.error('yaml-language-server gave no diagnostics within 60 s'); server.kill(); process.exit(1); }, 60000);

function onMessage(msg) {
  if (msg.id !== undefined && msg.method === undefined) {   // a response to us
    const resolve = pending.get(msg.id);
    pending.delete(msg.id);
    if (resolve) resolve(msg.result);
  } else if (msg.id !== undefined) {                          // a request from the server
    const result = msg.method === 'workspace/configuration'
      ? msg.params.items.map((item) => (item.section ? settings[item.section] ?? null : settings))
      : null;
    send({ id: msg.id, result });
  } else if (msg.method === 'textDocument/publishDiagnostics' && uris.has(msg.params.uri)) {
    diagnostics.set(msg.params.uri, msg.params.diagnostics);
    maybeFinish();
  }
}

let buffer = Buffer.alloc(0);
server.stdout.on('data', (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const end = buffer.indexOf('\r\n\r\n');
    if (end < 0) return;
    const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, end).toString())[1]);
    if (buffer.length < end + 4 + length) return;
    onMessage(JSON.parse(buffer.subarray(end + 4, end + 4 + length).toString()));
    buffer = buffer.subarray(end + 4 + length);
  }
});

(async () => {
  await request('initialize', { processId: process.pid, rootUri: null, capabilities: {
    workspace: { configuration: true }, textDocument: { publishDiagnostics: {} } } });
  send({ method: 'initialized', params: {} });
  send({ method: 'workspace/didChangeConfiguration', params: { settings } });
  for (const [uri, file] of uris) {
    send({ method: 'textDocument/didOpen',
           params: { textDocument: { uri, languageId: 'yaml', version: 1, text: fs.readFileSync(file, 'utf8') } } });
  }
})();
