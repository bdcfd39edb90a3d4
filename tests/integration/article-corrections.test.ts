import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Actor } from '../../lambdas/domain/article.js';
import { ProblemError } from '../../lambdas/domain/errors.js';
import { DynamoArticleRepository } from '../../lambdas/store/article-repository.js';
import { DynamoRevisions } from '../../lambdas/store/revisions.js';
import { correctArticle, createArticle, editArticle, transitionArticle, type Deps } from '../../lambdas/usecases/articles.js';
import { startDynamo } from '../support/dynamo.js';

const chief: Actor = { id: 'carla', name: 'Carla', groups: ['chief-editors'] };
const editor: Actor = { id: 'eddie', name: 'Eddie Editor', groups: ['editors'] };
const rita: Actor = { id: 'rita', name: 'Rita', groups: ['reporters'] };

let dynamo: Awaited<ReturnType<typeof startDynamo>>;
let deps: Deps;
let revisions: DynamoRevisions;

beforeAll(async () => {
  dynamo = await startDynamo('newsroom-corrections');
  deps = {
    articles: new DynamoArticleRepository(dynamo.db, dynamo.tableName),
    now: () => new Date('2026-11-26T09:00:00.000Z'),
    newId: randomUUID,
  };
  revisions = new DynamoRevisions(dynamo.db, dynamo.tableName);
});
afterAll(() => dynamo.stop());

async function refusal(p: Promise<unknown>): Promise<{ status: number; detail: string; errors: unknown }> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ProblemError) return { status: err.statusCode, detail: err.message, errors: err.extra.errors };
    throw err;
  }
  return { status: 200, detail: '', errors: undefined };
}

/** A published article at version 3 (created, submitted, approved). */
async function published() {
  const a = await createArticle(deps, rita, () => ({ headline: 'Ferry strike', body: 'Copy.', tags: ['ferries'] }));
  await transitionArticle(deps, rita, a.id, 'submit', () => ({}), undefined);
  return transitionArticle(deps, chief, a.id, 'approve', () => ({}), '"2"');
}

describe('correcting a published article', () => {
  it('records the public note with its kind, who made it and when, as a new revision of kind corrected', async () => {
    const a = await published();
    expect(a.version).toBe(3);
    const corrected = await correctArticle(deps, editor, a.id, () => ({ body: 'Corrected copy.', note: 'The strike ends Friday.' }), '"3"');
    expect(corrected.version).toBe(4);
    expect(corrected.body).toBe('Corrected copy.');
    expect(corrected.corrections).toEqual([
      {
        revision: 2,
        kind: 'correction',
        note: 'The strike ends Friday.',
        at: '2026-11-26T09:00:00.000Z',
        by: { id: 'eddie', name: 'Eddie Editor' },
      },
    ]);
    const again = await correctArticle(
      deps,
      editor,
      a.id,
      () => ({ headline: 'Ferry strike ends', note: 'Talks concluded.', kind: 'update' }),
      '"4"',
    );
    expect(again.corrections.map((c) => [c.revision, c.kind, c.note])).toEqual([
      [2, 'correction', 'The strike ends Friday.'],
      [3, 'update', 'Talks concluded.'],
    ]);
    const revision = await revisions.get(a.id, 2);
    expect(revision).toMatchObject({
      revision: 2,
      version: 4,
      kind: 'corrected',
      actor: { id: 'eddie', name: 'Eddie Editor' },
      fields: ['body'],
    });
  });

  it('de-duplicates the corrected tags', async () => {
    const a = await published();
    const corrected = await correctArticle(deps, editor, a.id, () => ({ tags: [' ports', 'ports ', 'ferries'], note: 'Tagged.' }), '"3"');
    expect(corrected.tags).toEqual(['ports', 'ferries']);
  });

  it('a correction that changes nothing is 400 and writes nothing', async () => {
    const a = await published();
    const r = await refusal(
      correctArticle(deps, editor, a.id, () => ({ headline: 'Ferry strike', tags: ['ferries'], note: 'Nothing.' }), '"3"'),
    );
    expect(r.status).toBe(400);
    expect(r.detail).toMatch(/^Nothing to correct/);
    expect((await deps.articles.get(a.id))!.version).toBe(3);
  });

  it('needs the version read in If-Match: * names none (428); a reporter may not correct (403)', async () => {
    const a = await published();
    const star = await refusal(correctArticle(deps, editor, a.id, () => ({ body: 'New.', note: 'n' }), '*'));
    expect(star.status).toBe(428);
    expect(star.detail).toContain('correct');
    const byReporter = await refusal(correctArticle(deps, rita, a.id, () => ({ body: 'New.', note: 'n' }), '"3"'));
    expect(byReporter.status).toBe(403);
    expect(byReporter.detail).toBe('Only editors and chief editors may correct published articles.');
    expect((await deps.articles.get(a.id))!.version).toBe(3);
  });
});

describe('If-Match on an edit', () => {
  it('takes * as any version of a draft', async () => {
    const a = await createArticle(deps, rita, () => ({ headline: 'Draft', body: 'Copy.' }));
    expect((await editArticle(deps, rita, a.id, () => ({ body: 'More copy.' }), '*')).version).toBe(2);
  });

  it('refuses an entity tag with anything before or after its quotes (400), even if it holds the version', async () => {
    const a = await createArticle(deps, rita, () => ({ headline: 'Draft', body: 'Copy.' }));
    for (const tag of ['x"1"', '"1"x']) {
      const r = await refusal(editArticle(deps, rita, a.id, () => ({ body: 'More copy.' }), tag));
      expect(r.status).toBe(400);
      expect(r.errors).toEqual([{ pointer: '/headers/If-Match', message: expect.stringContaining('ETags are quoted') }]);
    }
  });
});
