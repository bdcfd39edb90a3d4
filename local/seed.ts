import { parseArgs } from 'node:util';
import type { Group } from '../lambdas/domain/article.js';
// The real article the end-to-end tests carry through review is the newsroom's published sample too.
import { readFixture } from '../tests/support/fixture-article.js';
import { chooseTarget } from './running.js';
import { signToken } from './tokens.js';

/**
 * `npm run seed`: a handful of sample articles, one in every status, loaded into the running
 * newsroom through its HTTP API, as its staff would file and review them. Each run adds another set.
 */

class Failed extends Error {}

async function seed(api: string, dataDir: string) {
  const token = (user: string, group: Group, name: string) => signToken(dataDir, { user, groups: [group], name, ttlSeconds: 600 });
  const fixture = readFixture('tajikistan-border.txt');
  const rita = await token('rita', 'reporters', 'Rita Reporter');
  const author = await token('kjones', 'reporters', fixture.author ?? 'Killian Jones');
  const eddie = await token('eddie', 'editors', 'Eddie Editor');
  const carla = await token('carla', 'chief-editors', 'Carla Chief');

  const call = async (path: string, who: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${api}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${who}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const answer = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    if (!res.ok) throw new Failed(`${path} answered ${res.status}: ${String(answer.detail ?? answer.message ?? answer.reason ?? '')}`);
    return { answer, etag: res.headers.get('etag') ?? '' };
  };
  const file = async (who: string, article: { headline: string; standfirst?: string; body: string; tags?: string[] }) =>
    (await call('/articles', who, article)).answer.id as string;
  const submit = (id: string, who: string) => call(`/articles/${id}/submit`, who, {});
  const approve = async (id: string, body: object) => {
    const { etag } = await call(`/articles/${id}`, carla);
    return call(`/articles/${id}/approve`, carla, body, { 'if-match': etag });
  };

  const seeded: [string, string, string][] = [];
  const note = (id: string, status: string, headline: string) => seeded.push([status, id, headline]);

  const draft = 'Council delays its vote on the river bridge';
  note(await file(rita, { headline: draft, body: 'The vote is now expected next month.', tags: ['council'] }), 'draft', draft);

  const review = 'Schools reopen a week after the floods';
  const inReview = await file(rita, {
    headline: review,
    standfirst: 'Most pupils are back.',
    body: 'Three schools stay closed.',
    tags: ['floods'],
  });
  await submit(inReview, rita);
  note(inReview, 'in review', review);

  const changes = 'Port strike enters its third week';
  const sentBack = await file(rita, { headline: changes, body: 'Dockers and the port authority met again on Monday.', tags: ['port'] });
  await submit(sentBack, rita);
  await call(`/articles/${sentBack}/request-changes`, eddie, { comment: 'Ask the port authority for its side.' });
  note(sentBack, 'changes requested (draft)', changes);

  const later = 'Election night: how the count works';
  const scheduled = await file(rita, {
    headline: later,
    body: 'Polls close at ten; the first results come an hour later.',
    tags: ['election'],
  });
  await submit(scheduled, rita);
  const tomorrow = new Date(Date.now() + 24 * 3600_000);
  tomorrow.setUTCMinutes(0, 0, 0);
  await approve(scheduled, { publishAt: tomorrow.toISOString().replace(/\.000Z$/, 'Z') });
  note(scheduled, `scheduled for ${tomorrow.toISOString().slice(0, 16)}Z`, later);

  const story = await file(author, {
    headline: fixture.headline,
    standfirst: fixture.standfirst,
    body: fixture.body,
    tags: ['tajikistan', 'afghanistan'],
  });
  await submit(story, author);
  await approve(story, {});
  note(story, 'published', fixture.headline);

  return seeded;
}

try {
  const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true });
  if (values.help) {
    process.stdout.write(
      'usage: npm run seed [-- --data-dir dir]\n\nLoads sample articles, one in every status, into the running newsroom (the one NEWSROOM_DATA_DIR\nor --data-dir names, else the one running for you). Each run adds another set.\n',
    );
    process.exit(0);
  }
  const target = chooseTarget(values['data-dir']);
  if (!target.running)
    throw new Failed(`No newsroom is running on ${target.dataDir}: start it with npm start in another terminal, then npm run seed`);
  const seeded = await seed(target.running.url, target.dataDir);
  process.stdout.write(`Seeded ${seeded.length} articles into the newsroom at ${target.running.url} (data directory ${target.dataDir}):\n`);
  for (const [status, id, headline] of seeded) process.stdout.write(`  ${status.padEnd(32)} ${id}  ${headline}\n`);
} catch (err) {
  process.stderr.write(`npm run seed: ${(err as Error).message}\n`);
  process.exitCode = 1;
}
