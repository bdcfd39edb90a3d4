import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { call, LocalNewsroom, newDataDir } from '../support/local-newsroom.js';

/**
 * Model-based test: random sequences of workflow commands by several reporters, an editor and
 * the chief, some of them racing, against the real API. A small model predicts every status
 * code; after every command the article must be what the model says, and its history must be
 * exactly the transitions that succeeded. `npm run test:model` runs 1,000 sequences.
 */
const RUNS = Number(process.env.MODEL_RUNS ?? 25);

type Status = 'draft' | 'in_review' | 'scheduled' | 'published';
type Group = 'reporters' | 'editors' | 'chief-editors';
interface Person {
  id: string;
  group: Group;
  token: string;
}
interface ModelArticle {
  id: string;
  authorId: string;
  status: Status;
  version: number;
  headline: string;
  history: string[];
}
interface Model {
  articles: ModelArticle[];
}
interface Real {
  url: string;
}

const people: Person[] = [
  { id: 'rep-a', group: 'reporters', token: '' },
  { id: 'rep-b', group: 'reporters', token: '' },
  { id: 'rep-c', group: 'reporters', token: '' },
  { id: 'ed', group: 'editors', token: '' },
  { id: 'chief', group: 'chief-editors', token: '' },
];
const CHIEF = 4;

type Action = 'edit' | 'submit' | 'withdraw' | 'request-changes' | 'approve' | 'approve-later' | 'schedule' | 'unschedule' | 'publish';

/** The workflow in the model's own words: who may ever act, and from which statuses. */
function rule(action: Action, p: Person, a: ModelArticle): Status[] | 'forbidden' {
  const author = p.id === a.authorId;
  const desk = p.group !== 'reporters';
  const chief = p.group === 'chief-editors';
  switch (action) {
    case 'edit':
      return desk ? ['draft', 'in_review'] : author ? ['draft'] : 'forbidden';
    case 'submit':
      return author ? ['draft'] : 'forbidden';
    case 'withdraw':
      return author ? ['in_review'] : 'forbidden';
    case 'request-changes':
      return desk ? ['in_review'] : 'forbidden';
    case 'approve':
    case 'approve-later':
      return chief ? ['in_review'] : 'forbidden';
    case 'schedule':
    case 'unschedule':
    case 'publish':
      return chief ? ['scheduled'] : 'forbidden';
  }
}

/** What the caller sends in If-Match: the version they read, an older one, or nothing. */
type Binding = 'fresh' | 'stale' | 'none';

/** Actions bound to the version read: without If-Match they are refused (428). */
const EXACT: readonly Action[] = ['edit', 'approve', 'approve-later', 'publish'];

function predict(action: Action, p: Person, a: ModelArticle, binding: Binding = 'fresh'): number {
  const visible = a.status === 'published' || p.id === a.authorId || p.group !== 'reporters';
  if (!visible) return 404;
  const from = rule(action, p, a);
  if (from === 'forbidden') return 403;
  if (!from.includes(a.status)) return 409;
  if (binding === 'none' && EXACT.includes(action)) return 428;
  if (binding === 'stale') return 412;
  return 200;
}

function ifMatch(a: ModelArticle, binding: Binding): Record<string, string> {
  return binding === 'none' ? {} : { 'if-match': `"${binding === 'stale' ? a.version - 1 : a.version}"` };
}

const EFFECT: Record<Exclude<Action, 'edit'>, { to: Status; events: string[] }> = {
  submit: { to: 'in_review', events: ['ArticleSubmitted'] },
  withdraw: { to: 'draft', events: ['ArticleWithdrawn'] },
  'request-changes': { to: 'draft', events: ['ChangesRequested'] },
  approve: { to: 'published', events: ['ArticleApproved', 'ArticlePublished'] },
  'approve-later': { to: 'scheduled', events: ['ArticleApproved', 'ArticleScheduled'] },
  schedule: { to: 'scheduled', events: ['ArticleScheduled'] },
  unschedule: { to: 'in_review', events: ['ArticleUnscheduled'] },
  publish: { to: 'published', events: ['ArticlePublished'] },
};

const later = () => new Date(Date.now() + 7 * 86_400_000).toISOString();

function send(real: Real, action: Exclude<Action, 'edit'>, p: Person, a: ModelArticle, binding: Binding) {
  const path = action === 'approve-later' ? 'approve' : action;
  const body =
    action === 'request-changes'
      ? { comment: 'Needs work.' }
      : action === 'approve-later' || action === 'schedule'
        ? { publishAt: later() }
        : {};
  return call(`${real.url}/articles/${a.id}/${path}`, { token: p.token, body, headers: ifMatch(a, binding) });
}

/** The real article must be what the model says, and its history the transitions that happened. */
async function agree(real: Real, a: ModelArticle) {
  const chief = people[CHIEF]!;
  const got = await call(`${real.url}/articles/${a.id}`, { token: chief.token });
  expect({ status: got.body.status, version: got.body.version, headline: got.body.headline }).toEqual({
    status: a.status,
    version: a.version,
    headline: a.headline,
  });
  const history = await call(`${real.url}/articles/${a.id}/history?limit=100`, { token: chief.token });
  expect(history.body.items.map((h: { type: string }) => h.type)).toEqual(a.history);
  expect(history.body.nextCursor).toBeNull();
}

class Create implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly who: number,
    readonly headline: string,
  ) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const p = people[this.who]!;
    const res = await call(`${r.url}/articles`, { token: p.token, body: { headline: this.headline, body: 'Model copy.' } });
    expect(res.status).toBe(201);
    const a: ModelArticle = { id: res.body.id, authorId: p.id, status: 'draft', version: 1, headline: this.headline, history: [] };
    m.articles.push(a);
    await agree(r, a);
  }
  toString = () => `create(${people[this.who]!.id}, ${JSON.stringify(this.headline)})`;
}

class Edit implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly who: number,
    readonly which: number,
    readonly headline: string,
    readonly stale: boolean,
  ) {}
  check = (m: Readonly<Model>) => m.articles.length > 0;
  async run(m: Model, r: Real) {
    const a = m.articles[this.which % m.articles.length]!;
    const p = people[this.who]!;
    const etag = `"${this.stale ? a.version - 1 : a.version}"`;
    const res = await call(`${r.url}/articles/${a.id}`, {
      method: 'PATCH',
      token: p.token,
      body: { headline: this.headline },
      headers: { 'if-match': etag },
    });
    const expected = predict('edit', p, a, this.stale ? 'stale' : 'fresh');
    expect(res.status).toBe(expected);
    if (expected === 200) {
      a.version++;
      a.headline = this.headline;
    }
    await agree(r, a);
  }
  toString = () => `edit(${people[this.who]!.id}, #${this.which}, stale=${this.stale})`;
}

class Transition implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly who: number,
    readonly which: number,
    readonly action: Exclude<Action, 'edit'>,
    readonly binding: Binding,
  ) {}
  check = (m: Readonly<Model>) => m.articles.length > 0;
  async run(m: Model, r: Real) {
    const a = m.articles[this.which % m.articles.length]!;
    const p = people[this.who]!;
    const res = await send(r, this.action, p, a, this.binding);
    const expected = predict(this.action, p, a, this.binding);
    expect(res.status).toBe(expected);
    if (expected === 200) {
      a.status = EFFECT[this.action].to;
      a.version++;
      a.history.push(...EFFECT[this.action].events);
    }
    await agree(r, a);
  }
  toString = () => `${this.action}(${people[this.who]!.id}, #${this.which}, If-Match ${this.binding})`;
}

/** Two callers race the same transition: at most one may win. */
class Race implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly which: number,
    readonly action: Exclude<Action, 'edit'>,
    readonly who: [number, number],
  ) {}
  check = (m: Readonly<Model>) => m.articles.length > 0;
  async run(m: Model, r: Real) {
    const a = m.articles[this.which % m.articles.length]!;
    const [p, q] = this.who.map((i) => people[i]!) as [Person, Person];
    const results = await Promise.all([send(r, this.action, p, a, 'fresh'), send(r, this.action, q, a, 'fresh')]);
    const wins = results.filter((x) => x.status === 200).length;
    const possible = [predict(this.action, p, a), predict(this.action, q, a)];
    expect(wins).toBe(possible.includes(200) ? 1 : 0);
    // The loser finds the article moved on: 409 when the action no longer fits its status,
    // 412 when it still does (rescheduling) but the version the loser read is gone.
    const after: ModelArticle = { ...a, status: EFFECT[this.action].to };
    const stillFits = (who: Person) => {
      const from = rule(this.action, who, after);
      return from !== 'forbidden' && from.includes(after.status);
    };
    for (const [i, res] of results.entries()) {
      const who = i === 0 ? p : q;
      if (res.status !== 200) expect(res.status).toBe(possible[i] === 200 ? (stillFits(who) ? 412 : 409) : possible[i]);
    }
    if (wins === 1) {
      a.status = EFFECT[this.action].to;
      a.version++;
      a.history.push(...EFFECT[this.action].events);
    }
    await agree(r, a);
  }
  toString = () => `race ${this.action}(#${this.which}, ${this.who.map((i) => people[i]!.id).join(' vs ')})`;
}

let newsroom: LocalNewsroom;
beforeAll(async () => {
  newsroom = await new LocalNewsroom(newDataDir()).start();
  for (const p of people) p.token = await newsroom.token(p.id, p.group);
});
afterAll(() => newsroom.stop());

describe('the workflow, against a model', () => {
  it(
    `keeps every promise over ${RUNS} random command sequences`,
    async () => {
      const person = fc.integer({ min: 0, max: people.length - 1 });
      const article = fc.nat(20);
      const action = fc.constantFrom<Exclude<Action, 'edit'>>(
        'submit',
        'withdraw',
        'request-changes',
        'approve',
        'approve-later',
        'schedule',
        'unschedule',
        'publish',
      );
      const binding = fc.constantFrom<Binding>('fresh', 'fresh', 'fresh', 'fresh', 'stale', 'none');
      const commands = [
        fc
          .tuple(
            fc.integer({ min: 0, max: 4 }),
            fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim().length > 0),
          )
          .map(([w, h]) => new Create(w, h)),
        fc
          .tuple(
            person,
            article,
            fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim().length > 0),
            fc.boolean(),
          )
          .map(([w, i, h, s]) => new Edit(w, i, h, s)),
        fc.tuple(person, article, action, binding).map(([w, i, a, b]) => new Transition(w, i, a, b)),
        fc.tuple(person, article, action, binding).map(([w, i, a, b]) => new Transition(w, i, a, b)),
        fc.tuple(article, action, fc.tuple(person, person)).map(([i, a, w]) => new Race(i, a, w)),
      ];
      await fc.assert(
        fc.asyncProperty(fc.commands(commands, { maxCommands: 25 }), (cmds) =>
          fc.asyncModelRun(() => ({ model: { articles: [] }, real: { url: newsroom.url } }), cmds),
        ),
        { numRuns: RUNS, seed: process.env.MODEL_SEED ? Number(process.env.MODEL_SEED) : undefined, endOnFailure: true },
      );
    },
    30 * 60_000,
  );
});
