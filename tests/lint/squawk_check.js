// Every squawk finding (one JSON object a line: case, file, line, rule,
// message) against the allow-list: the rule must be listed ("why"), and when
// its entry names hazards, the step of the up file that holds the finding must
// carry one of them ("--   <hazard>: ..." under the step's "-- <summary>"
// line); in a down file such a rule needs its own reason ("down").
// Prints each finding that is not explained, and the allow-list entries no
// finding needed (stale explanations), and exits 1 if there are any.
const fs = require("fs");
const [findingsPath, allowPath] = process.argv.slice(2);
const allow = JSON.parse(fs.readFileSync(allowPath, "utf8"));
const findings = fs.readFileSync(findingsPath, "utf8").split("\n").filter(Boolean).map(JSON.parse);
const files = new Map();
const lines = (file) => {
  if (!files.has(file)) files.set(file, fs.readFileSync(file, "utf8").split("\n"));
  return files.get(file);
};
// The hazard labels of the step holding 0-based line `at`: the comment lines
// between the step's summary and its first statement.
function hazardsAt(file, at) {
  const text = lines(file);
  let start = at;
  while (start > 0 && !(text[start].startsWith("-- ") && !text[start].startsWith("--   "))) start--;
  const labels = new Set();
  for (let i = start + 1; i < text.length && text[i].startsWith("--   "); i++) {
    const m = /^--   ([a-z-]+):/.exec(text[i]);
    if (m) labels.add(m[1]);
  }
  return labels;
}
const used = new Set();
const bad = [];
for (const f of findings) {
  const entry = allow[f.rule];
  const where = `${f.case}: ${f.file.replace(/.*\/generated\/migrations\//, "")}:${f.line + 1}: ${f.rule}: ${f.message}`;
  if (!entry) { bad.push(`${where}\n    (no allow-list entry for ${f.rule})`); continue; }
  // Down files carry no hazard labels: a rule that needs one in an up file
  // needs an explanation of its own for down files.
  const down = f.file.endsWith(".down.sql");
  const need = entry.hazards;
  if (down && need && !entry.down) { bad.push(`${where}\n    (in a down file, and the entry for ${f.rule} has no "down" reason)`); continue; }
  if (!down && need && need.length) {
    const labels = hazardsAt(f.file, f.line);
    if (!need.some((h) => labels.has(h))) {
      bad.push(`${where}\n    (the step carries ${[...labels].join(", ") || "no hazard"}; the allow-list wants one of ${need.join(", ")})`);
      continue;
    }
  }
  used.add(f.rule);
}
const stale = Object.keys(allow).filter((r) => !used.has(r));
for (const b of bad) console.log("UNEXPLAINED " + b);
for (const r of stale) console.log(`STALE allow-list entry ${r}: no finding needs it any more`);
process.exit(bad.length || stale.length ? 1 : 0);
