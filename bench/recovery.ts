import { pathToFileURL } from 'node:url';
import { call, eventually, LocalNewsroom, newDataDir } from '../tests/support/local-newsroom.js';
import { WebhookReceiver, type Received } from '../tests/support/webhook-receiver.js';
import { ms, p50, p99 } from './stats.js';

export interface RecoveryOptions {
  /** Articles approved while the receiver is down. */
  outage: number;
  outageMs: number;
  /** Articles approved one after another from the moment the receiver is back. */
  backlog: number;
}

async function inParallel<T>(items: readonly T[], n: number, work: (item: T) => Promise<void>) {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: n }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
    }),
  );
}

/** Articles whose events did not arrive in version order (and, within a version, in the order emitted). */
function outOfOrder(received: readonly Received[]): number {
  const seen = new Map<string, string[]>();
  for (const r of received) seen.set(r.event.articleId, [...(seen.get(r.event.articleId) ?? []), r.type]);
  const expected = ['ArticleCreated', 'ArticleSubmitted', 'ArticleApproved', 'ArticlePublished'];
  let bad = 0;
  for (const types of seen.values()) if (types.some((t, i) => t !== expected[i])) bad++;
  return bad;
}

/**
 * Over HTTP against the local newsroom: `outage` articles are approved while the webhook receiver
 * is down for `outageMs`; then it comes back and `backlog` more are approved while the dispatcher
 * works through what waited. Reports the time from the receiver's return to the last delivery of
 * the outage's events, and each backlog approval's time from its request to its delivery.
 */
export async function measureRecovery(
  opts: RecoveryOptions = { outage: 150, outageMs: 10_000, backlog: 30 },
  log: (s: string) => void = () => undefined,
) {
  const receiver = await new WebhookReceiver('bench').start();
  const nr = await new LocalNewsroom(newDataDir(), { NEWSROOM_WEBHOOK_URLS: receiver.url, NEWSROOM_WEBHOOK_SECRET: 'bench' }).start();
  try {
    const reporter = await nr.token('bench-reporter', 'reporters');
    const chief = await nr.token('bench-chief', 'chief-editors');
    const approve = (id: string) => call(`${nr.url}/articles/${id}/approve`, { token: chief, body: {}, headers: { 'if-match': '"2"' } });

    // Every story is written and submitted (and that delivered) before the outage.
    const stories: string[] = [];
    await inParallel(
      Array.from({ length: opts.outage + opts.backlog }, (_, i) => i),
      4,
      async (i) => {
        const { body } = await call(`${nr.url}/articles`, {
          token: reporter,
          body: { headline: `Recovery ${i}`, body: 'Copy for the benchmark.' },
        });
        await call(`${nr.url}/articles/${body.id}/submit`, { method: 'POST', token: reporter });
        stories.push(body.id);
      },
    );
    // Each story's ArticleCreated and ArticleSubmitted are delivered before the outage.
    await eventually(() => receiver.received.length >= stories.length * 2, 30_000);
    const inOutage = stories.slice(0, opts.outage);
    const inBacklog = stories.slice(opts.outage);

    await receiver.stop();
    const down = Date.now();
    const spacing = (opts.outageMs * 0.6) / opts.outage;
    for (const [i, id] of inOutage.entries()) {
      await approve(id);
      await new Promise((r) => setTimeout(r, Math.max(0, down + i * spacing - Date.now())));
    }
    await new Promise((r) => setTimeout(r, Math.max(0, down + opts.outageMs - Date.now())));
    log(`  ${opts.outage} approvals made during a ${opts.outageMs / 1000} s outage`);

    await receiver.start();
    const up = Date.now();
    const latency: number[] = [];
    const requested = new Map<string, number>();
    for (const id of inBacklog) {
      requested.set(id, Date.now());
      await approve(id);
    }
    const expected = stories.length * 4;
    await eventually(() => receiver.received.length >= expected, 60_000);
    const approvedAt = (id: string) => receiver.received.find((r) => r.event.articleId === id && r.type === 'ArticleApproved')!.at;
    for (const id of inBacklog) latency.push(approvedAt(id) - requested.get(id)!);
    const outageIds = new Set(inOutage);
    const lastOutageDelivery = Math.max(...receiver.received.filter((r) => outageIds.has(r.event.articleId)).map((r) => r.at));
    log(`  all ${expected} events delivered`);

    return {
      recoveryMs: lastOutageDelivery - up,
      backlog: { p50: p50(latency), p99: p99(latency), max: Math.max(...latency), count: latency.length },
      outOfOrder: outOfOrder(receiver.received),
      duplicates: receiver.received.length - new Set(receiver.received.map((r) => r.id)).size,
    };
  } finally {
    await nr.stop();
    await receiver.stop();
  }
}

/** The report's rows for this scenario: [measure, Newsroom, baseline, budget, met]. */
export function recoveryRows(r: Awaited<ReturnType<typeof measureRecovery>>, opts: RecoveryOptions) {
  return [
    {
      measure: `recovery: ${opts.outage} approved in ${opts.outageMs / 1000} s outage → last delivery`,
      value: ms(r.recoveryMs),
      baseline: `${r.outOfOrder} articles out of order`,
      budget: '≤ 2 s, in order',
      ok: r.recoveryMs <= 2_000 && r.outOfOrder === 0,
    },
    {
      measure: `recovery: ${r.backlog.count} approved in backlog → webhook p50 (p99, max)`,
      value: `${ms(r.backlog.p50)} (${ms(r.backlog.p99)}, ${ms(r.backlog.max)})`,
      baseline: '',
      budget: 'p99 ≤ 1 s',
      ok: r.backlog.p99 <= 1_000,
    },
  ];
}

// `npm run bench:recovery`: this scenario alone.
if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const opts: RecoveryOptions = { outage: 150, outageMs: 10_000, backlog: 30 };
  const result = await measureRecovery(opts, (s) => process.stderr.write(`${s}\n`));
  let missed = 0;
  for (const row of recoveryRows(result, opts)) {
    if (!row.ok) missed++;
    console.log(`| ${row.measure} | ${row.value} | ${row.baseline} | | | ${row.budget} | ${row.ok ? 'met' : 'MISSED'} |`);
  }
  if (result.duplicates > 0) console.log(`(${result.duplicates} duplicate deliveries)`);
  process.exit(missed ? 1 : 0);
}
