import { randomUUID } from 'node:crypto';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { newDraft, type Actor } from '../lambdas/domain/article.js';
import { DynamoArticleLists } from '../lambdas/store/list-pages.js';
import { toItem } from '../lambdas/store/article-item.js';
import { listArticles } from '../lambdas/usecases/articles.js';
import { startDynamo } from '../tests/support/dynamo.js';
import { p50, p99, timeEach } from './stats.js';

const editor: Actor = { id: 'bench-editor', name: 'Editor', groups: ['editors'] };

async function fill(dynamo: Awaited<ReturnType<typeof startDynamo>>, count: number, onProgress: (done: number) => void) {
  const start = Date.parse('2020-01-01T00:00:00.000Z');
  let done = 0;
  const batches: Record<string, unknown>[][] = [];
  for (let i = 0; i < count; i += 25) {
    batches.push(
      Array.from({ length: Math.min(25, count - i) }, (_, j) =>
        toItem(
          newDraft({
            id: randomUUID(),
            author: { id: `author-${(i + j) % 200}`, name: 'A', groups: ['reporters'] },
            now: new Date(start + (i + j) * 1000).toISOString(),
            content: { headline: `Story ${i + j}`, standfirst: '', body: 'Copy.', tags: [] },
          }),
        ),
      ),
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

/** A page of 20 newest drafts, with 1,000 and with 50,000 articles in the table: a query costs the page, not the table. */
export async function measureListScale(sizes = [1_000, 50_000], n = 200, log: (s: string) => void = () => undefined) {
  const rows = [];
  for (const size of sizes) {
    const dynamo = await startDynamo(`bench-list-${size}`);
    await fill(dynamo, size, (d) => log(`  filled ${d}/${size}`));
    const lists = new DynamoArticleLists(dynamo.db, dynamo.tableName);
    await listArticles(lists, editor, { status: 'draft', limit: '20' });
    const times = await timeEach(n, () => listArticles(lists, editor, { status: 'draft', limit: '20' }));
    rows.push({ size, p50: p50(times), p99: p99(times) });
    await dynamo.stop();
  }
  return rows;
}
