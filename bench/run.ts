import { cpus, totalmem } from 'node:os';
import { measureBundles } from './bundles.js';
import { measureEndToEnd } from './end-to-end.js';
import { measureLatency } from './latency.js';
import { measureRecovery, recoveryRows, type RecoveryOptions } from './recovery.js';
import { measureFilteredList, measureListScale } from './list-scale.js';
import { measureRevisionsScale } from './revisions.js';
import { measureSiteApart, siteRows } from './site.js';
import { kb, ms, type PairedResult } from './stats.js';

/**
 * `npm run bench`: sizes, start-up, latency and delivery, each against a baseline measured in
 * the same run, with the budgets the newsroom holds itself to. Exits non-zero if any is missed.
 *
 * Figures with a baseline are measured in alternating paired rounds (see `pairedRounds`) and
 * judged by the median of the per-round ratios; the IQR column gives those ratios' spread.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const quick = process.argv.includes('--quick');
const log = (s: string) => process.stderr.write(`${s}\n`);
const rows: string[][] = [];
let met = 0;
let missed = 0;
const iqr = (p: PairedResult) => `${p.q1.toFixed(2)}–${p.q3.toFixed(2)}`;
function row(
  measure: string,
  value: string,
  baseline: string,
  ratio: number | undefined,
  spread: string,
  budget: string,
  ok: boolean | undefined,
) {
  if (ok !== undefined) ok ? met++ : missed++;
  rows.push([
    measure,
    value,
    baseline,
    ratio === undefined ? '' : `${ratio.toFixed(2)}×`,
    spread,
    budget,
    ok === undefined ? 'report' : ok ? 'met' : 'MISSED',
  ]);
}
const started = performance.now();

log(`machine: ${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);

log('bundles and init…');
for (const b of await measureBundles(quick ? 10 : 20)) {
  row(`bundle ${b.name}`, kb(b.ours), kb(b.bare), b.ours / b.bare, '', '≤ 1.15×', b.ours / b.bare <= 1.15);
  row(
    `init ${b.name} (import CPU) p50 (p99)`,
    `${ms(b.oursInit)} (${ms(b.oursInitP99)})`,
    `${ms(b.bareInit)} (${ms(b.bareInitP99)})`,
    b.init.ratio,
    iqr(b.init),
    '≤ 1.25×',
    b.init.ratio <= 1.25,
  );
}

log('handler latency…');
// A short pass has fewer rounds, so it warms up longer: cold rounds would weigh more in its median.
for (const l of await measureLatency(quick ? 20 : 50, quick ? 10 : 20, quick ? 100 : 20)) {
  row(
    `${l.name} in-process CPU p50 (p99)`,
    `${ms(l.p50)} (${ms(l.p99)})`,
    `${ms(l.rawP50)} (${ms(l.rawP99)})`,
    l.paired.ratio,
    iqr(l.paired),
    '≤ 1.5×',
    l.paired.ratio <= 1.5,
  );
}

log('list scale…');
const list = await measureListScale(quick ? [1_000, 10_000] : [1_000, 50_000], quick ? 10 : 40, 10, log);
row(
  `list 20 of ${list.largeSize} CPU p50 (p99)`,
  `${ms(list.p50)} (${ms(list.p99)})`,
  `${ms(list.smallP50)} (${ms(list.smallP99)}) with ${list.smallSize}`,
  list.paired.ratio,
  iqr(list.paired),
  '≤ 1.2×',
  list.paired.ratio <= 1.2,
);

const filtered = await measureFilteredList(quick ? 1_000 : 5_000, quick ? 10 : 40, 10, log);
row(
  `list 20 published of an author with ${filtered.drafts} drafts CPU p50 (p99)`,
  `${ms(filtered.p50)} (${ms(filtered.p99)})`,
  `${ms(filtered.plainP50)} (${ms(filtered.plainP99)}) unfiltered`,
  filtered.paired.ratio,
  iqr(filtered.paired),
  '≤ 1.2×',
  filtered.paired.ratio <= 1.2,
);

log('revisions…');
const revisions = await measureRevisionsScale([10, 1_000], quick ? 10 : 40);
row(
  `revisions page of 20 with ${revisions.sizes[1]} revisions CPU p50 (p99)`,
  `${ms(revisions.p50)} (${ms(revisions.p99)})`,
  `${ms(revisions.fewP50)} (${ms(revisions.fewP99)}) with ${revisions.sizes[0]}`,
  revisions.paired.ratio,
  iqr(revisions.paired),
  '≤ 1.2×',
  revisions.paired.ratio <= 1.2,
);

log('end to end over HTTP…');
const e2e = await measureEndToEnd(
  quick
    ? { approvals: 50, scheduled: 50, spreadMs: 5_000, throughputSeconds: 2, throughputRounds: 4 }
    : { approvals: 200, scheduled: 200, spreadMs: 10_000, throughputSeconds: 10, throughputRounds: 20 },
  log,
);
row(
  'approval → webhook p50 (p99, max)',
  `${ms(e2e.delivery.p50)} (${ms(e2e.delivery.p99)}, ${ms(e2e.delivery.max)})`,
  '',
  undefined,
  '',
  'p99 ≤ 1 s',
  e2e.delivery.p99 <= 1000,
);
row(
  `scheduled publish lateness, ${e2e.lateness.count} over 10 s: p50 (p99, max)`,
  `${ms(e2e.lateness.p50)} (${ms(e2e.lateness.p99)}, ${ms(e2e.lateness.max)})`,
  `${e2e.lateness.missing} not published`,
  undefined,
  '',
  'p99 ≤ 1 s, none missed',
  e2e.lateness.p99 <= 1000 && e2e.lateness.missing === 0,
);
row(
  'HTTP GET /articles/{id}, 16 concurrent, per CPU second',
  `${e2e.throughput.httpRps.toFixed(0)} req`,
  `${e2e.throughput.rawRps.toFixed(0)} GetItem raw`,
  e2e.throughput.paired.ratio,
  iqr(e2e.throughput.paired),
  'reported',
  undefined,
);

log('recovery after a receiver outage…');
const recoveryOptions: RecoveryOptions = { outage: 150, outageMs: 10_000, backlog: quick ? 15 : 30 };
for (const r of recoveryRows(await measureRecovery(recoveryOptions, log), recoveryOptions)) {
  row(r.measure, r.value, r.baseline, undefined, '', r.budget, r.ok);
}

log('the public site (in a process of its own)…');
const siteResult = await measureSiteApart(quick);
for (const r of siteRows(siteResult)) row(r.measure, r.value, r.baseline, undefined, '', r.budget, r.ok);

const header = ['measure', 'Newsroom', 'baseline (same run)', 'ratio', 'IQR', 'budget', 'result'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
console.log(
  `Node ${process.version} on ${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB${quick ? ' (quick run)' : ''}\n`,
);
console.log(line(header));
console.log(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
for (const r of rows) console.log(line(r));
console.log(`\nbudgets: ${met} met, ${missed} missed`);
log(`took ${((performance.now() - started) / 1000).toFixed(0)} s`);
process.exit(missed > 0 ? 1 : 0);
