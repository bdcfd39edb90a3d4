import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DeleteCommand, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { backfillTagItems } from '../../bin/backfill-tag-items.js';
import type { Actor, Article } from '../../lambdas/domain/article.js';
import { DynamoArticleRepository } from '../../lambdas/store/article-repository.js';
import { DynamoArticleLists, LIST_READ_CAP } from '../../lambdas/store/list-pages.js';
import { TagItems } from '../../lambdas/store/tag-items.js';
import { WriteConflict } from '../../lambdas/usecases/ports.js';
import { createArticle, editArticle, listArticles, type Deps } from '../../lambdas/usecases/articles.js';
import { startDynamo } from '../support/dynamo.js';

const rita: Actor = { id: 'rita', name: 'Rita', groups: ['reporters'] };
const omar: Actor = { id: 'omar', name: 'Omar', groups: ['reporters'] };
const editor: Actor = { id: 'eddie', name: 'Eddie', groups: ['editors'] };

let dynamo: Awaited<ReturnType<typeof startDynamo>>;
let deps: Deps;
let repo: DynamoArticleRepository;
let lists: DynamoArticleLists;
let tick = Date.parse('2026-11-25T08:00:00.000Z');

beforeAll(async () => {
  dynamo = await startDynamo('newsroom-tag-lists');
  repo = new DynamoArticleRepository(dynamo.db, dynamo.tableName);
  deps = { articles: repo, now: () => new Date((tick += 1000)), newId: randomUUID };
  lists = new DynamoArticleLists(dynamo.db, dynamo.tableName);
});
afterAll(() => dynamo.stop());

const create = (actor: Actor, headline: string, tags: string[]) => createArticle(deps, actor, () => ({ headline, body: 'Copy.', tags }));

async function everyPage(actor: Actor, query: Record<string, string>, limit = 20): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let pages = 1; pages <= 50; pages++) {
    const page = await listArticles(lists, actor, { ...query, limit: String(limit), cursor });
    ids.push(...page.items.map((a) => a.id));
    if (!page.nextCursor) return { ids, pages };
    cursor = page.nextCursor;
  }
  throw new Error('the list never ended');
}

describe('tag items around the article’s one conditional write', () => {
  it('a write that loses its race leaves a claimed tag item that no list shows', async () => {
    const a = await create(rita, 'Tram line extended', ['transport']);
    const seen = (await repo.get(a.id))!;
    // Someone else edits first: the write based on `seen` loses, after claiming its new tag.
    await editArticle(deps, rita, a.id, () => ({ headline: 'Tram line extended to the port' }), '"1"');
    const change = {
      revision: { revision: 2, version: 2, kind: 'edited' as const, actor: rita, at: new Date().toISOString(), fields: ['tags' as const] },
      events: [],
    };
    await expect(repo.saveContent(seen, { tags: ['transport', 'Port'] }, new Date().toISOString(), change)).rejects.toThrow(WriteConflict);

    const claimed = await dynamo.db.send(new GetCommand({ TableName: dynamo.tableName, Key: { PK: `ARTICLE#${a.id}`, SK: 'TAG#port' } }));
    expect(claimed.Item).toMatchObject({ GSI7PK: 'TAG#port' });
    expect((await everyPage(editor, { tag: 'port' })).ids).toEqual([]);
    expect((await everyPage(editor, { tag: 'transport' })).ids).toEqual([a.id]);
  });

  it('a release never takes out a tag a later write claimed again', async () => {
    const a = await create(rita, 'Cycle lanes', ['cycling']);
    const tags = new TagItems(dynamo.db, dynamo.tableName);
    // Version 3 puts the tag back before version 2's release of it arrives.
    await tags.claim(a, ['cycling'], 3);
    await tags.release(a.id, ['cycling'], 2);
    expect((await everyPage(editor, { tag: 'cycling' })).ids).toEqual([a.id]);
    // And a claim that arrives after a later release does not undo it.
    await tags.release(a.id, ['cycling'], 5);
    await tags.claim(a, ['cycling'], 4);
    const item = await dynamo.db.send(new GetCommand({ TableName: dynamo.tableName, Key: { PK: `ARTICLE#${a.id}`, SK: 'TAG#cycling' } }));
    expect(item.Item?.GSI7PK).toBeUndefined();
  });

  it('a tag list whose read cap stops on the one article the caller may see still hands it out', async () => {
    await create(omar, 'Older draft', ['capped']);
    const mine = await create(rita, 'Rita’s draft', ['capped']);
    for (let n = 1; n < LIST_READ_CAP; n++) await create(omar, `Omar’s draft ${n}`, ['capped']);
    const { ids, pages } = await everyPage(rita, { tag: 'capped' });
    expect(ids).toEqual([mine.id]);
    expect(pages).toBeLessThanOrEqual(2);
    expect((await everyPage(editor, { tag: 'capped' }, 7)).ids).toHaveLength(LIST_READ_CAP + 1);
  });

  it('shows the tagged articles’ summaries, newest first, never their bodies', async () => {
    const many: Article[] = [];
    for (let n = 0; n < 30; n++) many.push(await create(n % 3 ? rita : omar, `Budget ${n}`, ['budget-2027']));
    const page = await listArticles(lists, editor, { tag: 'Budget-2027', limit: '25' });
    expect(page.items.map((a) => a.id)).toEqual(
      many
        .map((a) => a.id)
        .reverse()
        .slice(0, 25),
    );
    expect(page.items[0]).toMatchObject({ headline: 'Budget 29', tags: ['budget-2027'], authorId: 'rita', status: 'draft' });
    expect(page.items[0]!.body).toBeUndefined();
  });

  it('the one-off backfill gives articles from before tag lists their tag items, and running it again changes nothing', async () => {
    const old = await create(omar, 'Written before tag lists', ['Archive', 'archive-2025']);
    // As an article from before: its tag items never written.
    const { Items = [] } = await dynamo.db.send(
      new QueryCommand({
        TableName: dynamo.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :tag)',
        ExpressionAttributeValues: { ':pk': `ARTICLE#${old.id}`, ':tag': 'TAG#' },
      }),
    );
    expect(Items).toHaveLength(2);
    for (const i of Items) await dynamo.db.send(new DeleteCommand({ TableName: dynamo.tableName, Key: { PK: i.PK, SK: i.SK } }));
    expect((await everyPage(editor, { tag: 'archive' })).ids).toEqual([]);

    expect(await backfillTagItems(dynamo.db, dynamo.tableName)).toBeGreaterThan(1);
    expect((await everyPage(editor, { tag: 'archive' })).ids).toEqual([old.id]);
    expect((await everyPage(editor, { tag: 'ARCHIVE-2025' })).ids).toEqual([old.id]);
    await backfillTagItems(dynamo.db, dynamo.tableName);
    expect((await everyPage(editor, { tag: 'archive' })).ids).toEqual([old.id]);
  });

  it('a tag whose normalised form outgrows a DynamoDB sort key still lists, and only under itself', async () => {
    // U+FDFA is one character that NFKC spells as 18: 50 of them are 1,650 bytes, over the 1,024 a sort key takes.
    const long = '\ufdfa'.repeat(50);
    const a = await create(rita, 'A long tag', [long]);
    const b = await create(rita, 'Almost the same long tag', [`${'\ufdfa'.repeat(49)}x`]);
    expect((await everyPage(editor, { tag: long })).ids).toEqual([a.id]);
    expect((await everyPage(editor, { tag: `${'\ufdfa'.repeat(49)}X` })).ids).toEqual([b.id]);
  });
});
