import { randomUUID } from 'node:crypto';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { CONTENT_FIELDS, newDraft, type Actor } from '../lambdas/domain/article.js';
import { encodeBody, toItem } from '../lambdas/store/article-item.js';
import { DynamoArticleRepository } from '../lambdas/store/article-repository.js';
import { keys } from '../lambdas/store/keys.js';
import { DynamoRevisions } from '../lambdas/store/revisions.js';
import { listRevisions, type RevisionDeps } from '../lambdas/usecases/revisions.js';
import { startDynamo } from '../tests/support/dynamo.js';
import { cpuTimed, p50, p99, pairedRounds } from './stats.js';

const editor: Actor = { id: 'bench-editor', name: 'Editor', groups: ['editors'] };

/** An article at revision `count`, with its earlier revisions as items of their own, written in batches. */
async function articleWithRevisions(dynamo: Awaited<ReturnType<typeof startDynamo>>, count: number): Promise<string> {
  const id = randomUUID();
  const now = new Date().toISOString();
  const draft = newDraft({
    id,
    author: { id: 'bench', name: 'Bench', groups: ['reporters'] },
    now,
    content: { headline: 'H', standfirst: '', body: 'Copy.', tags: [] },
  });
  const revision = (n: number) => ({
    revision: n,
    version: n,
    kind: n === 1 ? 'created' : 'edited',
    actor: { id: 'bench', name: 'Bench' },
    at: now,
    fields: n === 1 ? [...CONTENT_FIELDS] : ['body'],
  });
  const items: Record<string, unknown>[] = [{ ...toItem(draft), version: count, revision: count, lastRevision: revision(count) }];
  for (let n = 1; n < count; n++)
    items.push({ ...keys.revision(id, n), ...revision(n), headline: 'H', standfirst: '', tags: [], bodyZ: encodeBody(`Copy ${n}.`) });
  for (let i = 0; i < items.length; i += 25) {
    await dynamo.db.send(
      new BatchWriteCommand({ RequestItems: { [dynamo.tableName]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) } }),
    );
  }
  return id;
}

/**
 * The newest page of an article's revisions with `sizes[1]` revisions against one with `sizes[0]`:
 * a page is one query from the newest down, so the count behind it must not matter.
 */
export async function measureRevisionsScale(sizes: [number, number] = [10, 1_000], rounds = 40, perRound = 10) {
  const dynamo = await startDynamo('bench-revisions');
  try {
    const deps: RevisionDeps = {
      articles: new DynamoArticleRepository(dynamo.db, dynamo.tableName),
      revisions: new DynamoRevisions(dynamo.db, dynamo.tableName),
      now: () => new Date(),
      newId: randomUUID,
    };
    const [few, many] = [await articleWithRevisions(dynamo, sizes[0]), await articleWithRevisions(dynamo, sizes[1])];
    const page = (id: string) => () => cpuTimed(() => listRevisions(deps, editor, id, { limit: '20' }));
    const paired = await pairedRounds({ rounds, perRound, warmup: 10, a: page(many), b: page(few) });
    return { sizes, paired, p50: p50(paired.a), p99: p99(paired.a), fewP50: p50(paired.b), fewP99: p99(paired.b) };
  } finally {
    await dynamo.stop();
  }
}
