import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { spawn } from 'node:child_process';
import { slugify } from '../lambdas/domain/slug.js';
import { articleFiles } from '../lambdas/site/index.js';
import { call, eventually, LocalNewsroom, newDataDir } from '../tests/support/local-newsroom.js';
import { readFixture } from '../tests/support/fixture-article.js';
import { ms, p50, p99 } from './stats.js';
import { SITE_BUCKET } from '../local/storage.js';

export interface SiteOptions {
  /** Articles approved one after another, each timed from its approval to its page being served. */
  approvals: number;
  /** Articles scheduled for the same second. */
  scheduled: number;
  /** Renders of the fixture article, for the rendering's own time. */
  renders: number;
}

async function inParallel<T>(items: readonly T[], n: number, work: (item: T) => Promise<void>) {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: n }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
    }),
  );
}

/**
 * Over HTTP against the local newsroom, as a reader would see it: how long after an approval its
 * page is served, and how late the pages of many articles scheduled for the same second go live,
 * with the front page and feeds then listing exactly the 50 latest. Also the rendering's own CPU time.
 */
export async function measureSite(opts: SiteOptions, log: (s: string) => void = () => undefined) {
  const nr = await new LocalNewsroom(newDataDir(), { NEWSROOM_LOG: 'quiet' }).start();
  try {
    const reporter = await nr.token('bench-reporter', 'reporters', 'Bench Reporter');
    const chief = await nr.token('bench-chief', 'chief-editors');
    const site = `${nr.url}/site`;
    const file = async (n: number, prefix: string) => {
      const ids: string[] = [];
      await inParallel(
        Array.from({ length: n }, (_, i) => i),
        4,
        async (i) => {
          const { body } = await call(`${nr.url}/articles`, {
            token: reporter,
            body: {
              headline: `${prefix} ${i}`,
              standfirst: 'For the benchmark.',
              body: 'Copy for the benchmark.\n\n## A heading\n\nMore.',
            },
          });
          await call(`${nr.url}/articles/${body.id}/submit`, { method: 'POST', token: reporter });
          ids.push(body.id);
        },
      );
      return ids;
    };

    // Publish → page served.
    const latency: number[] = [];
    for (const id of await file(opts.approvals, 'Published')) {
      const started = performance.now();
      const { body } = await call(`${nr.url}/articles/${id}/approve`, { token: chief, body: {}, headers: { 'if-match': '"2"' } });
      const page = `${site}/articles/${body.slug}/`;
      await eventually(async () => (await fetch(page)).status === 200, 30_000, 5);
      latency.push(performance.now() - started);
    }
    log(`  ${opts.approvals} approvals served`);

    // Many scheduled for the same second.
    const scheduled = await file(opts.scheduled, 'Scheduled');
    const at = new Date(Math.ceil((Date.now() + 5_000 + opts.scheduled * 15) / 1000) * 1000);
    await inParallel(scheduled, 8, async (id) => {
      const r = await call(`${nr.url}/articles/${id}/approve`, {
        token: chief,
        body: { publishAt: at.toISOString() },
        headers: { 'if-match': '"2"' },
      });
      if (r.body.status !== 'scheduled') throw new Error(`not scheduled: ${r.status}`);
    });
    log(`  ${opts.scheduled} scheduled for ${at.toISOString()}`);
    await new Promise((r) => setTimeout(r, Math.max(0, at.getTime() - Date.now())));
    // Each headline is unique, so its slug is known before publication: readers' requests are all there is to poll.
    const slugs = Array.from({ length: opts.scheduled }, (_, i) => slugify(`Scheduled ${i}`));
    const lateness = new Map<string, number>();
    const deadline = Date.now() + 60_000;
    while (lateness.size < slugs.length && Date.now() < deadline) {
      // A few readers at a time, as a reader would: polling harder only measures the polling.
      await inParallel(
        slugs.filter((slug) => !lateness.has(slug)),
        4,
        async (slug) => {
          const res = await fetch(`${site}/articles/${slug}/`);
          // When the page was written, not when this poll came round to it (a round over 1,000
          // pages takes seconds): Last-Modified has whole seconds, so take the end of its second.
          if (res.status === 200)
            lateness.set(slug, Math.min(Date.now(), Date.parse(res.headers.get('last-modified')!) + 1_000) - at.getTime());
        },
      );
      await new Promise((r) => setTimeout(r, 50));
    }
    log(`  ${lateness.size} of ${opts.scheduled} scheduled pages live`);
    // The same pages to the millisecond: when s3rver wrote each page's file (Last-Modified has whole
    // seconds, so the verdict above counts a page live only at the end of its second).
    const written = await Promise.all(
      slugs.map(async (slug) => {
        const file = join(nr.dataDir, 's3', SITE_BUCKET, 'articles', slug, 'index.html._S3rver_object');
        return (await stat(file).catch(() => undefined))?.mtimeMs;
      }),
    );
    const writtenLate = written.every((t) => t !== undefined) ? written.map((t) => t! - at.getTime()) : [];

    // The front page and feeds end with the 50 latest: newest publication first, then by id as the index orders them.
    const all: { id: string; slug: string | null; url: string; publishedAt: string }[] = [];
    await inParallel(scheduled, 16, async (id) => void all.push((await call(`${nr.url}/articles/${id}`, { token: chief })).body));
    const expected = all
      .filter((a) => a.slug)
      .sort((a, b) => (`${b.publishedAt}#${b.id}` > `${a.publishedAt}#${a.id}` ? 1 : -1))
      .slice(0, 50)
      .map((a) => a.url);
    const feedRight = await eventually(
      async () => {
        const items = ((await (await fetch(`${site}/feed.json`)).json()) as { items: { url: string }[] }).items.map((i) => i.url);
        const atom = await (await fetch(`${site}/feed.xml`)).text();
        const front = await (await fetch(`${site}/`)).text();
        return (
          JSON.stringify(items) === JSON.stringify(expected) &&
          expected.every((u) => atom.includes(u) && front.includes(new URL(u).pathname))
        );
      },
      15_000,
      100,
    ).catch(() => false);

    // Rendering alone: the fixture article's page and JSON.
    const fixture = readFixture('tajikistan-border.txt');
    const article = {
      slug: 'border-with-afghanistan',
      headline: fixture.headline,
      standfirst: fixture.standfirst,
      body: fixture.body,
      tags: ['tajikistan'],
      author: { name: 'Killian Jones', bio: 'Correspondent.', function: 'Chief-Editor' },
      publishedAt: '2026-11-25T10:00:00.000Z',
      updatedAt: '2026-11-25T10:00:00.000Z',
      corrections: [],
      media: [],
    };
    const renders: number[] = [];
    for (let i = 0; i < opts.renders; i++) {
      const started = process.cpuUsage();
      articleFiles(article, { baseUrl: 'https://news.example.com', title: 'Newsroom' });
      const used = process.cpuUsage(started);
      renders.push((used.user + used.system) / 1000);
    }

    const late = [...lateness.values()];
    const publishedLate = all.map((a) => Date.parse(a.publishedAt) - at.getTime());
    return {
      published: { p50: p50(publishedLate), p99: p99(publishedLate), max: Math.max(...publishedLate) },
      served: { p50: p50(latency), p99: p99(latency), max: Math.max(...latency), count: latency.length },
      scheduled: { p50: p50(late), p99: p99(late), max: Math.max(...late), live: late.length, count: scheduled.length },
      written: writtenLate.length ? { p50: p50(writtenLate), p99: p99(writtenLate), max: Math.max(...writtenLate) } : undefined,
      feedRight,
      render: { p50: p50(renders), p99: p99(renders) },
    };
  } finally {
    await nr.stop();
  }
}

export const siteOptions = (quick: boolean): SiteOptions =>
  quick ? { approvals: 50, scheduled: 200, renders: 50 } : { approvals: 200, scheduled: 1_000, renders: 200 };

/**
 * The scenario in a process of its own, as `npm run bench` runs it: the scenarios before it leave
 * the bench process a large heap (50,000 articles for the list pages), whose garbage collection
 * would take CPU from the newsroom under measurement. Progress goes to stderr as it comes.
 */
export async function measureSiteApart(quick: boolean): Promise<Awaited<ReturnType<typeof measureSite>>> {
  const args = ['--import', 'tsx', fileURLToPath(import.meta.url), '--json', ...(quick ? ['--quick'] : [])];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise<number | null>((ok) => child.once('exit', ok));
  if (code !== 0) throw new Error(`the site scenario exited with ${code}`);
  return JSON.parse(out.trim().split('\n').at(-1)!);
}

/** The report's rows for this scenario. */
export function siteRows(r: Awaited<ReturnType<typeof measureSite>>) {
  return [
    {
      measure: `site: ${r.served.count} approvals → page served p50 (p99, max)`,
      value: `${ms(r.served.p50)} (${ms(r.served.p99)}, ${ms(r.served.max)})`,
      baseline: '',
      budget: 'p99 ≤ 1 s',
      ok: r.served.p99 <= 1_000,
    },
    {
      measure: `site: ${r.scheduled.count} scheduled for one second → page live, lateness p50 (p99, max)`,
      value: `${ms(r.scheduled.p50)} (${ms(r.scheduled.p99)}, ${ms(r.scheduled.max)})`,
      baseline: `${r.scheduled.count - r.scheduled.live} not live; front page and feeds ${r.feedRight ? 'right' : 'WRONG'}`,
      budget: 'p99 ≤ 5 s, all live, right 50',
      ok: r.scheduled.p99 <= 5_000 && r.scheduled.live === r.scheduled.count && r.feedRight,
    },
    {
      measure: `site: those ${r.scheduled.count} pages' files written, lateness p50 (p99, max)`,
      value: r.written ? `${ms(r.written.p50)} (${ms(r.written.p99)}, ${ms(r.written.max)})` : 'not found',
      baseline: 'the same pages to the millisecond',
      budget: 'reported',
      ok: undefined,
    },
    {
      measure: `site: those ${r.scheduled.count} published (publishedAt), lateness p50 (p99, max)`,
      value: `${ms(r.published.p50)} (${ms(r.published.p99)}, ${ms(r.published.max)})`,
      baseline: 'what the page lateness includes',
      budget: 'reported',
      ok: undefined,
    },
    {
      measure: 'site: render one article (page and JSON) CPU p50 (p99)',
      value: `${ms(r.render.p50)} (${ms(r.render.p99)})`,
      baseline: 'the fixture article',
      budget: 'reported',
      ok: undefined,
    },
  ];
}

// `npm run bench:site`: this scenario alone.
if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const quick = process.argv.includes('--quick');
  const result = await measureSite(siteOptions(quick), (s) => process.stderr.write(`${s}\n`));
  // `npm run bench` runs this scenario in a process of its own and reads its result from stdout.
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(result));
    process.exit(0);
  }
  let missed = 0;
  for (const row of siteRows(result)) {
    if (row.ok === false) missed++;
    console.log(
      `| ${row.measure} | ${row.value} | ${row.baseline} | | | ${row.budget} | ${row.ok === undefined ? '' : row.ok ? 'met' : 'MISSED'} |`,
    );
  }
  process.exit(missed ? 1 : 0);
}
