import { describe, expect, it } from '@jest/globals';
import { LIMITS } from '../../lambdas/domain/article.js';
import { EVENT_TYPES } from '../../lambdas/domain/workflow.js';
import { ROUTES, routeKey, type RouteSpec } from '../../lambdas/http/routes.js';
import { buildOpenApiDocument } from '../../lib/openapi/document.js';
import { OPERATIONS } from '../../lib/openapi/operations.js';
import { readFixture } from '../support/fixture-article.js';
import { ContractChecker, type RecordedResponse } from '../support/openapi-contract.js';

const doc = buildOpenApiDocument() as any;
const operations = () =>
  Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, op })),
  );

describe('the OpenAPI document, generated from the route table', () => {
  it('has an operation for every route of the table, and none besides, each with its own operationId', () => {
    expect(
      operations()
        .map((o) => o.key)
        .sort(),
    ).toEqual(ROUTES.map(routeKey).sort());
    const ids = operations().map((o) => o.op.operationId);
    expect(ids.every((id) => /^[a-z][A-Za-z]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Object.keys(OPERATIONS).sort()).toEqual(ROUTES.map(routeKey).sort());
  });

  it('refuses to build when a route of the table has no documentation, naming it', () => {
    const added: RouteSpec = { method: 'GET', path: '/articles/{id}/archive', fn: 'articlesRead', auth: true };
    expect(() => buildOpenApiDocument({}, [...ROUTES, added])).toThrow(
      'Routes without documentation in lib/openapi/operations.ts: GET /articles/{id}/archive',
    );
  });

  it('describes request bodies with the schemas the handlers validate with', () => {
    const create = doc.components.schemas.CreateArticle;
    expect(create).toMatchObject({ type: 'object', required: ['headline', 'body'], additionalProperties: false });
    expect(create.properties.headline).toMatchObject({ type: 'string', minLength: LIMITS.headline.min, maxLength: LIMITS.headline.max });
    expect(create.properties.body.maxLength).toBe(LIMITS.body.max);
    expect(create.properties.headline.description).toMatch(/(^| )Must not be blank\.$/);
    expect(create.properties.standfirst.maxLength).toBe(LIMITS.standfirst.max);
    expect(doc.paths['/articles'].post.requestBody.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/CreateArticle',
    });
    expect(doc.components.schemas.Schedule.properties.publishAt.description).toMatch(/RFC 3339/);
    const list = doc.paths['/articles'].get.parameters.map((p: any) => `${p.in}:${p.name}`);
    expect(list).toEqual(expect.arrayContaining(['query:status', 'query:author', 'query:limit', 'query:cursor']));
    expect(list.every((p: string) => p.startsWith('query:'))).toBe(true);
  });

  it('documents how lists sort and filter by tag, and which of them go together', () => {
    const params = Object.fromEntries(doc.paths['/articles'].get.parameters.map((p: any) => [p.name, p]));
    expect(params.sort.schema.enum).toEqual(['createdAt', 'updatedAt', 'publishAt']);
    expect(params.sort.description).toMatch(/`updatedAt` \(last changed first/);
    expect(params.tag.schema).toMatchObject({ type: 'string', maxLength: LIMITS.tags.maxLength, minLength: 1 });
    expect(params.tag.description).toMatch(/case-insensitive.*not with `sort=updatedAt` or `sort=publishAt` \(400\)/);
  });

  it('lists the problems each route can answer, with one Problem schema and its errors array', () => {
    const approve = doc.paths['/articles/{id}/approve'].post;
    expect(Object.keys(approve.responses).sort()).toEqual([
      '200',
      '400',
      '401',
      '403',
      '404',
      '409',
      '412',
      '413',
      '415',
      '422',
      '428',
      '429',
      '500',
    ]);
    expect(doc.components.responses.PreconditionRequired.content['application/problem+json'].schema).toEqual({
      $ref: '#/components/schemas/Problem',
    });
    const problem = doc.components.schemas.Problem;
    expect(Object.keys(problem.properties).sort()).toEqual(['detail', 'errors', 'instance', 'status', 'title', 'type']);
    expect(Object.keys(problem.properties.errors.items.properties)).toEqual(['pointer', 'message']);
    expect(problem.properties.errors.items.required).toEqual(['pointer', 'message']);
    expect(Object.keys(doc.paths['/health'].get.responses)).toEqual(['200', '429', '500']);
  });

  it('names the headers that matter: ETag, If-Match, Idempotency-Key, Idempotent-Replayed, Location', () => {
    const create = doc.paths['/articles'].post;
    expect(Object.keys(create.responses['201'].headers)).toEqual(['ETag', 'Location', 'Idempotent-Replayed']);
    expect(create.parameters).toEqual([{ $ref: '#/components/parameters/Idempotency-Key' }]);
    const edit = doc.paths['/articles/{id}'].patch;
    expect(edit.parameters).toContainEqual(expect.objectContaining({ name: 'If-Match', in: 'header', required: true }));
    expect(doc.paths['/articles/{id}/submit'].post.parameters).toContainEqual(
      expect.objectContaining({ name: 'If-Match', required: false }),
    );
  });

  it('secures every route with a bearer JWT but the public ones', () => {
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
    expect(doc.components.securitySchemes.bearerAuth.description).toMatch(/cognito-idp\..*amazonaws\.com/);
    expect(doc.security).toEqual([{ bearerAuth: [] }]);
    const open = operations()
      .filter((o) => o.op.security?.length === 0)
      .map((o) => o.key);
    expect(open.sort()).toEqual(
      ROUTES.filter((r) => !r.auth)
        .map(routeKey)
        .sort(),
    );
  });

  it('shows the fixture article in its examples', () => {
    const fixture = readFixture('tajikistan-border.txt');
    const example = doc.paths['/articles'].post.requestBody.content['application/json'].example;
    expect(example).toMatchObject({ headline: fixture.headline, standfirst: fixture.standfirst, body: fixture.body });
    expect(doc.paths['/articles/{id}'].get.responses['200'].content['application/json'].example.headline).toBe(fixture.headline);
  });

  it('documents the routes after publication, revisions, comments and the delivery log as they answer', () => {
    expect(doc.paths['/articles/{id}/correct'].post.parameters).toContainEqual(
      expect.objectContaining({ name: 'If-Match', required: true }),
    );
    expect(doc.paths['/articles/{id}/correct'].post.requestBody.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/Correct',
    });
    expect(doc.components.schemas.WithReason).toMatchObject({ required: ['reason'], additionalProperties: false });
    expect(doc.paths['/articles/{id}/spike'].post.requestBody.required).toBe(false);
    const restore = doc.paths['/articles/{id}/revisions/{revision}/restore'].post;
    expect(restore.parameters.map((p: any) => `${p.in}:${p.name}:${p.required}`)).toEqual([
      'path:id:true',
      'path:revision:true',
      'header:If-Match:true',
    ]);
    expect(doc.paths['/articles/{id}/revisions/{revision}/diff'].get.parameters).toContainEqual(
      expect.objectContaining({ name: 'against', in: 'query', required: false }),
    );
    expect(Object.keys(doc.paths['/deliveries/{eventId}/redeliver'].post.responses)).toContain('202');
    expect(Object.keys(doc.paths['/articles/{id}/comments/{commentId}'].delete.responses)).toContain('204');
    expect(doc.components.schemas.Article.properties.status.enum).toEqual(expect.arrayContaining(['unpublished', 'spiked', 'killed']));
    expect(doc.components.schemas.Event.properties.comment.oneOf.map((s: any) => s.type)).toEqual(['string', 'object']);
  });

  it('documents an article’s revision and corrections on full reads only', () => {
    const checker = new ContractChecker(doc);
    const article = doc.paths['/articles/{id}'].get.responses['200'].content['application/json'].example;
    const read = (path: string, body: object): RecordedResponse => ({
      method: 'GET',
      path,
      status: 200,
      headers: { 'content-type': 'application/json', etag: '"1"' },
      body: JSON.stringify(body),
      test: '',
    });
    const {
      body: _body,
      revision: _revision,
      corrections: _corrections,
      changesRequested: _changesRequested,
      slug: _s,
      url: _u,
      ...summary
    } = article;
    expect(checker.check(read('/articles', { items: [summary], nextCursor: null }))!.issues).toEqual([]);
    const { revision: _r, ...withoutRevision } = article;
    expect(checker.check(read('/articles/abc', withoutRevision))!.issues[0]).toMatch(
      /must have properties revision, corrections, changesRequested/,
    );
  });

  it('documents each webhook event with the Standard Webhooks signature headers', () => {
    expect(Object.keys(doc.webhooks)).toEqual([...EVENT_TYPES]);
    const published = doc.webhooks.ArticlePublished.post;
    expect(published.operationId).toBe('onArticlePublished');
    expect(published.parameters.filter((p: any) => p.required).map((p: any) => p.name)).toEqual([
      'webhook-id',
      'webhook-timestamp',
      'webhook-signature',
      'X-Newsroom-Event',
      'X-Newsroom-Event-Id',
    ]);
    expect(published.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Event' });
  });
});

describe('the contract checker', () => {
  const checker = new ContractChecker(doc);
  const article = doc.paths['/articles/{id}'].get.responses['200'].content['application/json'].example;
  const ok: RecordedResponse = {
    method: 'GET',
    path: '/articles/abc',
    status: 200,
    headers: { 'content-type': 'application/json', etag: '"1"' },
    body: JSON.stringify(article),
    test: '',
  };

  it('passes an answer that matches, and ignores requests no route answers', () => {
    expect(checker.check(ok)).toEqual({ operation: 'GET /articles/{id}', issues: [] });
    expect(checker.check({ ...ok, path: '/nowhere' })).toBeUndefined();
  });

  it('fails an undocumented status, a missing header, a body off its schema, a route missing from the document', () => {
    expect(checker.check({ ...ok, status: 418 })!.issues).toEqual(['status 418 is not documented for getArticle']);
    expect(checker.check({ ...ok, headers: { 'content-type': 'application/json' } })!.issues).toEqual(['header ETag is missing']);
    expect(checker.check({ ...ok, body: JSON.stringify({ ...article, secret: 1 }) })!.issues).toEqual([
      'body must NOT have additional properties {"additionalProperty":"secret"}',
    ]);
    expect(checker.check({ ...ok, headers: { ...ok.headers, 'content-type': 'text/html' } })!.issues[0]).toMatch(
      /content type "text\/html"/,
    );
    const without = new ContractChecker(
      buildOpenApiDocument(
        {},
        ROUTES.filter((r) => r.path !== '/articles/{id}/history'),
      ) as any,
    );
    expect(without.check({ ...ok, path: '/articles/abc/history' })!.issues).toEqual([
      'GET /articles/{id}/history is a route of the API but not in the document',
    ]);
  });
});
