import { readdirSync, readFileSync } from 'node:fs';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { startDynamo } from '../tests/support/dynamo.js';
import { call, eventually, LocalNewsroom, newDataDir } from '../tests/support/local-newsroom.js';
import { WebhookReceiver } from '../tests/support/webhook-receiver.js';
import { p50, p99, pairedRounds } from './stats.js';

async function story(nr: LocalNewsroom, reporter: string, headline: string) {
  const { body } = await call(`${nr.url}/articles`, { token: reporter, body: { headline, body: 'Copy for the benchmark.' } });
  await call(`${nr.url}/articles/${body.id}/submit`, { method: 'POST', token: reporter });
  return body.id as string;
}

/** CPU time, in ms, of every thread of process `pid` so far (Linux's /proc). */
function processCpuMs(pid: number): number {
  let ns = 0;
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    try {
      ns += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // the thread ended meanwhile
    }
  }
  return ns / 1e6;
}

/**
 * Requests completed per CPU second, `concurrency` at a time for `seconds`: the CPU time counted is
 * this process's and that of `servers` (other processes serving the requests), so other programs
 * running on the machine do not count against the figure.
 */
async function throughput(seconds: number, concurrency: number, op: () => Promise<unknown>, servers: number[] = []) {
  const until = Date.now() + seconds * 1000;
  let count = 0;
  const self = process.cpuUsage();
  const others = servers.reduce((t, pid) => t + processCpuMs(pid), 0);
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < until) {
        await op();
        count++;
      }
    }),
  );
  const used = process.cpuUsage(self);
  const cpuMs = (used.user + used.system) / 1000 + servers.reduce((t, pid) => t + processCpuMs(pid), 0) - others;
  return count / (cpuMs / 1000);
}

/**
 * Over HTTP against the local newsroom (a separate process, as `npm start` runs it):
 * approval → webhook delivery, scheduled publishing lateness, and GET throughput.
 * `throughputSeconds` is each side's total time, split into `throughputRounds` bursts.
 */
export async function measureEndToEnd(
  opts = { approvals: 200, scheduled: 200, spreadMs: 10_000, throughputSeconds: 5, throughputRounds: 10 },
  log: (s: string) => void = () => undefined,
) {
  const receiver = await new WebhookReceiver('bench').start();
  const nr = await new LocalNewsroom(newDataDir(), { NEWSROOM_WEBHOOK_URLS: receiver.url, NEWSROOM_WEBHOOK_SECRET: 'bench' }).start();
  try {
    const reporter = await nr.token('bench-reporter', 'reporters');
    const chief = await nr.token('bench-chief', 'chief-editors');

    // Approval → webhook: from the approve request's start to the ArticleApproved delivery.
    const delivery: number[] = [];
    for (let i = 0; i < opts.approvals; i++) {
      const id = await story(nr, reporter, `Approval ${i}`);
      const started = Date.now();
      await call(`${nr.url}/articles/${id}/approve`, { token: chief, body: {}, headers: { 'if-match': '"2"' } });
      const got = await eventually(() => receiver.of(id).find((r) => r.type === 'ArticleApproved'), 10_000, 1);
      delivery.push(got.at - started);
    }
    log(`  ${opts.approvals} approvals delivered`);

    // Scheduled publishing: 200 articles spread over 10 s, lateness from publishedAt.
    const ids: { id: string; publishAt: string }[] = [];
    const prepared = [];
    const preparing = Date.now();
    for (let i = 0; i < opts.scheduled; i++) prepared.push(await story(nr, reporter, `Scheduled ${i}`));
    // Every approval must be in before the first publishAt, or the bench would measure its own
    // slowness: preparing took two requests a story, approving takes one.
    const base = Date.now() + Math.max(3_000, Date.now() - preparing);
    for (let i = 0; i < prepared.length; i++) {
      const publishAt = new Date(base + Math.round((i * opts.spreadMs) / prepared.length)).toISOString();
      await call(`${nr.url}/articles/${prepared[i]}/approve`, { token: chief, body: { publishAt }, headers: { 'if-match': '"2"' } });
      ids.push({ id: prepared[i]!, publishAt });
    }
    await new Promise((r) => setTimeout(r, Math.max(0, base + opts.spreadMs + 1_500 - Date.now())));
    const lateness: number[] = [];
    let missing = 0;
    for (const { id, publishAt } of ids) {
      const { body } = await call(`${nr.url}/articles/${id}`, { token: chief });
      if (body.status !== 'published') missing++;
      else lateness.push(Date.parse(body.publishedAt) - Date.parse(publishAt));
    }
    log(`  ${ids.length} scheduled articles checked`);

    // Throughput per CPU second: GET one article over HTTP, 16 at a time, against raw GetItem on
    // an embedded DynamoDB, in alternating bursts (the order flipped every round).
    const one = ids[0]!.id;
    const server = (nr as unknown as { child: { pid: number } }).child.pid;
    const dynamo = await startDynamo('bench-raw');
    await dynamo.db.send(
      new PutCommand({ TableName: dynamo.tableName, Item: { PK: 'ARTICLE#x', SK: 'ARTICLE', headline: 'x', body: 'Copy' } }),
    );
    const burst = opts.throughputSeconds / opts.throughputRounds;
    const rps = await pairedRounds({
      rounds: opts.throughputRounds,
      warmup: 1,
      a: () => throughput(burst, 16, () => call(`${nr.url}/articles/${one}`, { token: chief }), [server]),
      b: () =>
        throughput(burst, 16, () =>
          dynamo.db.send(new GetCommand({ TableName: dynamo.tableName, Key: { PK: 'ARTICLE#x', SK: 'ARTICLE' }, ConsistentRead: true })),
        ),
    });
    await dynamo.stop();

    return {
      delivery: { p50: p50(delivery), p99: p99(delivery), max: Math.max(...delivery) },
      lateness: { p50: p50(lateness), p99: p99(lateness), max: Math.max(...lateness), missing, count: ids.length },
      throughput: { httpRps: p50(rps.a), rawRps: p50(rps.b), paired: rps },
    };
  } finally {
    await nr.stop();
    await receiver.stop();
  }
}
