import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { call, eventually, LocalNewsroom, newDataDir } from '../support/local-newsroom.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';

const SECRET = 'schedule-secret';
let receiver: WebhookReceiver;
let newsroom: LocalNewsroom;
let reporter: string;
let chief: string;

beforeAll(async () => {
  receiver = await new WebhookReceiver(SECRET).start();
  newsroom = await new LocalNewsroom(newDataDir(), { NEWSROOM_WEBHOOK_URLS: receiver.url, NEWSROOM_WEBHOOK_SECRET: SECRET }).start();
  [reporter, chief] = await Promise.all([newsroom.token('rita', 'reporters'), newsroom.token('carla', 'chief-editors', 'Carla Chief')]);
});
afterAll(async () => {
  await newsroom.stop();
  await receiver.stop();
});

async function inReview(nr = newsroom, headline = 'Embargoed until the minute it lifts') {
  const { body } = await call(`${nr.url}/articles`, { token: reporter, body: { headline, body: 'Embargoed copy.' } });
  await call(`${nr.url}/articles/${body.id}/submit`, { method: 'POST', token: reporter });
  return body.id as string;
}

/** The version inReview() leaves an article at: approving binds to it with If-Match. */
const reviewed = { 'if-match': '"2"' };

const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();

async function whenPublished(nr: LocalNewsroom, id: string, timeoutMs = 10_000) {
  return eventually(
    async () => {
      const { body } = await call(`${nr.url}/articles/${id}`, { token: chief });
      return body.status === 'published' ? body : undefined;
    },
    timeoutMs,
    10,
  );
}

describe('scheduled publishing on the local newsroom', () => {
  it('schedules on approval with a future time and publishes within a second of it', async () => {
    const id = await inReview();
    const publishAt = inMs(2_000);
    const approved = await call(`${newsroom.url}/articles/${id}/approve`, { token: chief, body: { publishAt }, headers: reviewed });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'scheduled', publishAt, allowedActions: ['schedule', 'unschedule', 'publish', 'kill'] });

    const published = await whenPublished(newsroom, id);
    const late = Date.parse(published.publishedAt) - Date.parse(publishAt);
    expect(late).toBeGreaterThanOrEqual(0);
    expect(late).toBeLessThan(1_000);

    const events = await eventually(() => (receiver.of(id).some((r) => r.type === 'ArticlePublished') ? receiver.of(id) : undefined));
    expect(events.map((r) => r.type)).toEqual([
      'ArticleCreated',
      'ArticleSubmitted',
      'ArticleApproved',
      'ArticleScheduled',
      'ArticlePublished',
    ]);
    const event = events.at(-1)!.event;
    expect(event).toMatchObject({ actor: { id: 'newsroom-scheduler' }, article: { publishAt, publishedAt: published.publishedAt } });
    expect(event.lateByMs).toBe(late);
  });

  it('stores times in UTC, refuses times without an offset or more than a year ahead', async () => {
    const id = await inReview();
    const noOffset = await call(`${newsroom.url}/articles/${id}/approve`, {
      token: chief,
      body: { publishAt: '2031-01-01T06:00:00' },
      headers: reviewed,
    });
    expect(noOffset.status).toBe(400);
    const tooFar = await call(`${newsroom.url}/articles/${id}/approve`, {
      token: chief,
      headers: reviewed,
      body: { publishAt: new Date(Date.now() + 400 * 86_400_000).toISOString() },
    });
    expect(tooFar.status).toBe(400);
    const local = new Date(Date.now() + 86_400_000);
    const withOffset = `${local.toISOString().slice(0, 19)}+02:00`;
    const ok = await call(`${newsroom.url}/articles/${id}/approve`, { token: chief, body: { publishAt: withOffset }, headers: reviewed });
    expect(ok.body.publishAt).toBe(new Date(withOffset).toISOString());
  });

  it('approving with a time in the past publishes now', async () => {
    const id = await inReview();
    const res = await call(`${newsroom.url}/articles/${id}/approve`, {
      token: chief,
      body: { publishAt: inMs(-60_000) },
      headers: reviewed,
    });
    expect(res.body).toMatchObject({ status: 'published', publishAt: null });
  });

  it('follows a reschedule: not at the old time, at the new one', async () => {
    const id = await inReview();
    await call(`${newsroom.url}/articles/${id}/approve`, { token: chief, body: { publishAt: inMs(800) }, headers: reviewed });
    const later = inMs(2_500);
    const moved = await call(`${newsroom.url}/articles/${id}/schedule`, { token: chief, body: { publishAt: later } });
    expect(moved.body).toMatchObject({ status: 'scheduled', publishAt: later });
    await new Promise((r) => setTimeout(r, 1_300));
    expect((await call(`${newsroom.url}/articles/${id}`, { token: chief })).body.status).toBe('scheduled');
    const published = await whenPublished(newsroom, id);
    expect(Date.parse(published.publishedAt) - Date.parse(later)).toBeLessThan(1_000);
    expect(Date.parse(published.publishedAt)).toBeGreaterThanOrEqual(Date.parse(later));
  });

  it('unscheduling returns the article to review and it is never published', async () => {
    const id = await inReview();
    await call(`${newsroom.url}/articles/${id}/approve`, { token: chief, body: { publishAt: inMs(1_000) }, headers: reviewed });
    const back = await call(`${newsroom.url}/articles/${id}/unschedule`, { method: 'POST', token: chief });
    expect(back.body).toMatchObject({ status: 'in_review', publishAt: null, approvedBy: null });
    await new Promise((r) => setTimeout(r, 1_500));
    expect((await call(`${newsroom.url}/articles/${id}`, { token: chief })).body.status).toBe('in_review');
  });

  it('an unschedule racing the due time either wins or finds it published: never both', async () => {
    for (let i = 0; i < 5; i++) {
      const id = await inReview();
      const publishAt = inMs(400);
      await call(`${newsroom.url}/articles/${id}/approve`, { token: chief, body: { publishAt }, headers: reviewed });
      await new Promise((r) => setTimeout(r, Math.max(0, Date.parse(publishAt) - Date.now() - 2 + i)));
      const race = await call(`${newsroom.url}/articles/${id}/unschedule`, { method: 'POST', token: chief });
      await new Promise((r) => setTimeout(r, 300));
      const final = (await call(`${newsroom.url}/articles/${id}`, { token: chief })).body;
      const history = (await call(`${newsroom.url}/articles/${id}/history`, { token: chief })).body.items.map((h: any) => h.type);
      if (race.status === 200) {
        expect(final.status).toBe('in_review');
        expect(history).not.toContain('ArticlePublished');
      } else {
        expect(race.status).toBe(409);
        expect(final.status).toBe('published');
        expect(history.filter((t: string) => t === 'ArticlePublished')).toHaveLength(1);
      }
    }
  });

  it('publishes on start what fell due while the newsroom was down', async () => {
    const dataDir = newDataDir();
    const first = await new LocalNewsroom(dataDir).start();
    const t = { reporter: await first.token('rita', 'reporters'), chief: await first.token('carla', 'chief-editors') };
    const { body } = await call(`${first.url}/articles`, { token: t.reporter, body: { headline: 'Due while down', body: 'Copy.' } });
    await call(`${first.url}/articles/${body.id}/submit`, { method: 'POST', token: t.reporter });
    const publishAt = inMs(1_500);
    await call(`${first.url}/articles/${body.id}/approve`, { token: t.chief, body: { publishAt }, headers: reviewed });
    await first.stop();
    await new Promise((r) => setTimeout(r, Math.max(0, Date.parse(publishAt) - Date.now() + 500)));

    const second = await new LocalNewsroom(dataDir).start();
    const startedAt = Date.now();
    try {
      const published = await eventually(
        async () => {
          const { body: a } = await call(`${second.url}/articles/${body.id}`, { token: t.chief });
          return a.status === 'published' ? a : undefined;
        },
        5_000,
        10,
      );
      expect(Date.parse(published.publishedAt) - startedAt).toBeLessThan(1_000);
      const history = (await call(`${second.url}/articles/${body.id}/history`, { token: t.chief })).body.items;
      expect(history.filter((h: any) => h.type === 'ArticlePublished')).toHaveLength(1);
    } finally {
      await second.stop();
    }
  });
});
