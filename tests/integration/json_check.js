// Checks that a file holds exactly one JSON document, strictly valid UTF-8,
// with the given members. Usage: node json_check.js FILE [PATH=VALUE|PATH]...
// PATH is dotted ("steps.0.hazards"); "*" matches any array element
// ("steps.*.hazards.*.kind=data-loss": some element has that value).
// Prints what is wrong and exits 1.
'use strict';
const fs = require('fs');
const [file, ...wanted] = process.argv.slice(2);
const bytes = fs.readFileSync(file);
let text;
try {
  text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
} catch (e) {
  console.error(`${file}: not valid UTF-8`);
  process.exit(1);
}
if (!text.endsWith('\n') || text.slice(0, -1).includes('\n')) {
  console.error(`${file}: not one line ending in a newline: ${JSON.stringify(text.slice(0, 200))}`);
  process.exit(1);
}
let doc;
try {
  doc = JSON.parse(text);
} catch (e) {
  console.error(`${file}: not JSON (${e.message}): ${text.slice(0, 300)}`);
  process.exit(1);
}
// Every value reached by `parts` from `v`.
function reach(v, parts) {
  if (parts.length === 0) return [v];
  const [head, ...rest] = parts;
  if (v === null || typeof v !== 'object') return [];
  if (head === '*') return Array.isArray(v) ? v.flatMap((x) => reach(x, rest)) : [];
  return Object.prototype.hasOwnProperty.call(v, head) ? reach(v[head], rest) : [];
}
let ok = true;
for (const w of wanted) {
  const eq = w.indexOf('=');
  const path = eq < 0 ? w : w.slice(0, eq);
  const found = reach(doc, path.split('.'));
  const good = eq < 0 ? found.length > 0 : found.some((x) => String(x) === w.slice(eq + 1));
  if (!good) {
    console.error(`${file}: no ${w} in ${text.slice(0, 600)}`);
    ok = false;
  }
}
process.exit(ok ? 0 : 1);
