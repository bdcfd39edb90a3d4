import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Actor } from '../../lambdas/domain/article.js';
import type { Comment } from '../../lambdas/domain/comments.js';
import { ProblemError } from '../../lambdas/domain/errors.js';
import { DynamoArticleRepository } from '../../lambdas/store/article-repository.js';
import { DynamoCommentRepository } from '../../lambdas/store/comment-store.js';
import { DynamoOutbox } from '../../lambdas/store/outbox-store.js';
import { createArticle, type Deps } from '../../lambdas/usecases/articles.js';
import { addComment, deleteComment, listComments, resolveComment, type CommentDeps } from '../../lambdas/usecases/comments.js';
import type { EventPublisher } from '../../lambdas/usecases/ports.js';
import { dispatchArticle } from '../../lambdas/workers/dispatch.js';
import { startDynamo } from '../support/dynamo.js';

const rita: Actor = { id: 'rita', name: 'Rita', groups: ['reporters'] };
const eddie: Actor = { id: 'eddie', name: 'Eddie', groups: ['editors'] };

let dynamo: Awaited<ReturnType<typeof startDynamo>>;
let deps: Deps;
let repo: DynamoCommentRepository;
let comments: CommentDeps;
let outbox: DynamoOutbox;
const publisher: EventPublisher = { publish: async () => undefined };

/** The comments' clock and id source, set by each test. */
let clock = Date.parse('2026-11-26T09:00:00.000Z');
let ids: string[] = [];

beforeAll(async () => {
  dynamo = await startDynamo('newsroom-comment-pages');
  deps = { articles: new DynamoArticleRepository(dynamo.db, dynamo.tableName), now: () => new Date(), newId: randomUUID };
  repo = new DynamoCommentRepository(dynamo.db, dynamo.tableName);
  comments = { articles: repo, now: () => new Date(clock), newId: () => ids.shift() ?? randomUUID() };
  outbox = new DynamoOutbox(dynamo.db, dynamo.tableName);
});
afterAll(() => dynamo.stop());

const draft = async () => (await createArticle(deps, rita, () => ({ headline: 'Floods', body: 'Rivers rose.' }))).id;

/** Adds a comment one second after the last one. */
async function comment(id: string, text: string): Promise<Comment> {
  clock += 1000;
  return addComment(comments, eddie, id, () => ({ text }));
}

/** The thread, read `limit` at a time: the texts of each page. */
async function pages(id: string, limit: number): Promise<string[][]> {
  const out: string[][] = [];
  let cursor: string | undefined;
  for (let n = 0; n < 20; n++) {
    const page = await listComments(comments, rita, id, { limit: String(limit), cursor });
    out.push(page.items.map((c) => c.text));
    if (page.nextCursor === null) return out;
    expect(page.nextCursor).toEqual(expect.any(String));
    cursor = page.nextCursor;
  }
  throw new Error('the thread never ended');
}

async function problemOf(p: Promise<unknown>): Promise<{ status: number; errors?: unknown }> {
  try {
    await p;
    return { status: 200 };
  } catch (err) {
    if (err instanceof ProblemError) return { status: err.statusCode, errors: err.extra.errors };
    throw err;
  }
}

describe('a comment thread, page by page', () => {
  it('hands out every recorded comment once, oldest first, skipping deleted ones, at any page size', async () => {
    const id = await draft();
    for (const text of ['one', 'two', 'three', 'four', 'five']) await comment(id, text);
    await dispatchArticle(outbox, publisher, id);
    const [, two] = (await listComments(comments, rita, id)).items;
    await deleteComment(comments, eddie, id, two!.id);

    expect(await pages(id, 1)).toEqual([['one'], ['three'], ['four'], ['five']]);
    // A page that meets a deleted comment reads on, rather than ending the thread there.
    expect(await pages(id, 2)).toEqual([
      ['one', 'three'],
      ['four', 'five'],
    ]);
    expect(await pages(id, 3)).toEqual([['one', 'three', 'four'], ['five']]);
    // A page that holds the rest of the thread exactly is the last one.
    expect(await pages(id, 4)).toEqual([['one', 'three', 'four', 'five']]);
    expect(await pages(id, 50)).toEqual([['one', 'three', 'four', 'five']]);
  });

  it('goes on from the recorded comments to those still in the outbox, each once', async () => {
    const id = await draft();
    for (const text of ['one', 'two', 'three']) await comment(id, text);
    await dispatchArticle(outbox, publisher, id);
    for (const text of ['four', 'five', 'six']) await comment(id, text);

    expect(await pages(id, 1)).toEqual([['one'], ['two'], ['three'], ['four'], ['five'], ['six']]);
    expect(await pages(id, 2)).toEqual([
      ['one', 'two'],
      ['three', 'four'],
      ['five', 'six'],
    ]);
    expect(await pages(id, 4)).toEqual([
      ['one', 'two', 'three', 'four'],
      ['five', 'six'],
    ]);
    expect(await pages(id, 6)).toEqual([['one', 'two', 'three', 'four', 'five', 'six']]);
  });

  it('lists a comment resolved before the dispatcher recorded it once, though it is both recorded and in the outbox', async () => {
    const id = await draft();
    const first = await comment(id, 'first');
    await comment(id, 'second');
    clock += 1000;
    await resolveComment(comments, rita, id, first.id);
    const { items } = await listComments(comments, eddie, id);
    expect(items.map((c) => [c.text, c.resolvedBy?.id ?? null])).toEqual([
      ['first', 'rita'],
      ['second', null],
    ]);
  });

  it('keeps a later comment resolved before the dispatcher recorded any in its place, oldest first, at any page size', async () => {
    const id = await draft();
    await comment(id, 'first');
    const second = await comment(id, 'second');
    await comment(id, 'third');
    clock += 1000;
    await resolveComment(comments, rita, id, second.id);
    const { items } = await listComments(comments, eddie, id);
    expect(items.map((c) => [c.text, c.resolvedBy?.id ?? null])).toEqual([
      ['first', null],
      ['second', 'rita'],
      ['third', null],
    ]);
    expect(await pages(id, 1)).toEqual([['first'], ['second'], ['third']]);
    expect(await pages(id, 2)).toEqual([['first', 'second'], ['third']]);
    // And the same once the dispatcher has recorded them all.
    await dispatchArticle(outbox, publisher, id);
    expect(await pages(id, 1)).toEqual([['first'], ['second'], ['third']]);
  });

  it('orders comments of the same millisecond by id, the same before and after they are recorded', async () => {
    const id = await draft();
    clock += 1000;
    // Added in this order, in one millisecond: their ids sort the other way round.
    ids = ['cccccccc-cccc-4ccc-8ccc-cccccccccccc', 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb', 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa'];
    for (const text of ['c', 'b', 'a']) await addComment(comments, eddie, id, () => ({ text }));
    const at = String(clock);
    const pending = (await listComments(comments, rita, id)).items;
    expect(pending.map((c) => [c.id, c.text])).toEqual([
      [`${at}-aaaaaaaaaaaa`, 'a'],
      [`${at}-bbbbbbbbbbbb`, 'b'],
      [`${at}-cccccccccccc`, 'c'],
    ]);
    expect(await pages(id, 1)).toEqual([['a'], ['b'], ['c']]);
    expect(await pages(id, 2)).toEqual([['a', 'b'], ['c']]);

    await dispatchArticle(outbox, publisher, id);
    expect((await listComments(comments, rita, id)).items).toEqual(pending);
    expect(await pages(id, 1)).toEqual([['a'], ['b'], ['c']]);
  });
});

describe('a thread cursor', () => {
  const invalid = { status: 400, errors: [{ pointer: '/query/cursor', message: 'The cursor is not valid for this comment thread.' }] };
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

  it('is 400 on another article’s thread', async () => {
    const id = await draft();
    const other = await draft();
    for (const text of ['one', 'two']) await comment(id, text);
    await comment(other, 'elsewhere');
    const { nextCursor } = await listComments(comments, rita, id, { limit: '1' });
    expect(await problemOf(listComments(comments, rita, id, { limit: '1', cursor: nextCursor! }))).toEqual({ status: 200 });
    expect(await problemOf(listComments(comments, rita, other, { limit: '1', cursor: nextCursor! }))).toEqual(invalid);
  });

  it('that is not one the thread handed out is 400, never a 500', async () => {
    const id = await draft();
    await comment(id, 'one');
    const { items } = await listComments(comments, rita, id);
    const real = { a: id, after: items[0]!.id };
    expect(await problemOf(listComments(comments, rita, id, { cursor: encode(real) }))).toEqual({ status: 200 });
    const forged = [
      '!!not base64, not JSON!!',
      Buffer.from('{"a":').toString('base64url'),
      encode(null),
      encode(7),
      encode({ after: real.after }),
      encode({ a: id }),
      encode({ a: id, after: 1764147600000 }),
      encode({ a: id, after: 'COMMENT#1764147600000-aaaaaaaaaaaa' }),
      encode({ a: id, after: '1764147600000' }),
    ];
    for (const cursor of forged) {
      expect([cursor, await problemOf(listComments(comments, rita, id, { cursor }))]).toEqual([cursor, invalid]);
    }
  });
});
