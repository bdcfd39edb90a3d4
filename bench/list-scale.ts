import { randomUUID } from 'node:crypto';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { newDraft, type Actor, type Article } from '../lambdas/domain/article.js';
import { DynamoArticleLists } from '../lambdas/store/list-pages.js';
import { toItem } from '../lambdas/store/article-item.js';
import { listArticles } from '../lambdas/usecases/articles.js';
import { startDynamo } from '../tests/support/dynamo.js';
import { cpuTimed, p50, p99, pairedRounds } from './stats.js';

const editor: Actor = { id: 'bench-editor', name: 'Editor', groups: ['editors'] };

type Shape = { author: (i: number) => string; status: (i: number) => Article['status'] };
const SPREAD: Shape = { author: (i) => `author-${i % 200}`, status: () => 'draft' };

async function fill(
  dynamo: Awaited<ReturnType<typeof startDynamo>>,
  count: number,
  onProgress: (done: number) => void,
  shape: Shape = SPREAD,
) {
  const start = Date.parse('2020-01-01T00:00:00.000Z');
  let done = 0;
  const batches: Record<string, unknown>[][] = [];
  for (let i = 0; i < count; i += 25) {
    batches.push(
      Array.from({ length: Math.min(25, count - i) }, (_, j) => {
        const n = i + j;
        const draft = newDraft({
          id: randomUUID(),
          author: { id: shape.author(n), name: 'A', groups: ['reporters'] },
          now: new Date(start + n * 1000).toISOString(),
          content: { headline: `Story ${n}`, standfirst: '', body: 'Copy.', tags: [] },
        });
        return toItem({ ...draft, status: shape.status(n) });
      }),
    );
  }
  const worker = async () => {
    for (let b = batches.shift(); b; b = batches.shift()) {
      await dynamo.db.send(new BatchWriteCommand({ RequestItems: { [dynamo.tableName]: b.map((Item) => ({ PutRequest: { Item } })) } }));
      done += b.length;
      if (done % 5000 < 25) onProgress(done);
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
}

/**
 * A page of 20 newest drafts, with 1,000 and with 50,000 articles in the table: a query costs the
 * page, not the table. Both tables stay up and are queried alternately, one query each per pair
 * (the order flipped at every pair), in `rounds` rounds of `perRound` pairs after a warm-up; the
 * figure is the median of the per-round ratios (large ÷ small).
 */
export async function measureListScale(
  sizes: [number, number] = [1_000, 50_000],
  rounds = 40,
  perRound = 10,
  log: (s: string) => void = () => undefined,
  clock: (fn: () => Promise<unknown>) => Promise<number> = cpuTimed,
) {
  const [smallSize, largeSize] = sizes;
  const small = await startDynamo(`bench-list-${smallSize}`);
  const large = await startDynamo(`bench-list-${largeSize}`);
  try {
    await fill(small, smallSize, (d) => log(`  filled ${d}/${smallSize}`));
    await fill(large, largeSize, (d) => log(`  filled ${d}/${largeSize}`));
    const smallLists = new DynamoArticleLists(small.db, small.tableName);
    const largeLists = new DynamoArticleLists(large.db, large.tableName);
    const page = (lists: DynamoArticleLists) => () => listArticles(lists, editor, { status: 'draft', limit: '20' });
    const paired = await pairedRounds({
      rounds,
      perRound,
      warmup: 20,
      a: () => clock(page(largeLists)),
      b: () => clock(page(smallLists)),
    });
    return { smallSize, largeSize, paired, p50: p50(paired.a), p99: p99(paired.a), smallP50: p50(paired.b), smallP99: p99(paired.b) };
  } finally {
    await small.stop();
    await large.stop();
  }
}

/**
 * One author with 5,000 drafts and, older than all of them, 40 published stories. Asking for that
 * author's published stories must cost about what asking for their newest 20 costs: the filtered
 * list reads a bounded number of index entries per request (and hands back a cursor), never the
 * author's whole partition. Paired like the list above; the figure is filtered ÷ unfiltered.
 */
export async function measureFilteredList(
  drafts = 5_000,
  rounds = 40,
  perRound = 10,
  log: (s: string) => void = () => undefined,
  clock: (fn: () => Promise<unknown>) => Promise<number> = cpuTimed,
) {
  const published = 40;
  const dynamo = await startDynamo('bench-list-filtered');
  try {
    const author = 'author-with-many-drafts';
    await fill(dynamo, published + drafts, (d) => log(`  filled ${d}/${published + drafts}`), {
      author: () => author,
      status: (i) => (i < published ? 'published' : 'draft'),
    });
    const lists = new DynamoArticleLists(dynamo.db, dynamo.tableName);
    const paired = await pairedRounds({
      rounds,
      perRound,
      warmup: 20,
      a: () => clock(() => listArticles(lists, editor, { author, status: 'published', limit: '20' })),
      b: () => clock(() => listArticles(lists, editor, { author, limit: '20' })),
    });
    return { drafts, paired, p50: p50(paired.a), p99: p99(paired.a), plainP50: p50(paired.b), plainP99: p99(paired.b) };
  } finally {
    await dynamo.stop();
  }
}
