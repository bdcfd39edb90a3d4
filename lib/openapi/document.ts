import { readFileSync } from 'node:fs';
import { toJsonSchema, type JsonSchema } from '@valibot/to-json-schema';
import type { GenericSchema } from 'valibot';
import { ARTICLE_FIELDS, CONTENT_FIELDS, GROUPS, STATUSES } from '../../lambdas/domain/article.js';
import { DELIVERY_STATUSES } from '../../lambdas/domain/deliveries.js';
import { ACTIONS, EVENT_TYPES, isHistoryEvent } from '../../lambdas/domain/workflow.js';
import { ROUTES, routeKey, type RouteSpec } from '../../lambdas/http/routes.js';
import { parseFiledArticle } from '../../tests/support/fixture-article.js';
import { OPERATIONS, type ErrorStatus, type OperationDoc } from './operations.js';

/**
 * The OpenAPI 3.1 document, generated from the route table (lambdas/http/routes.ts), the valibot
 * schemas the handlers validate with, and the documentation of each route (./operations.ts).
 * Nothing here is written by hand twice: a route without documentation is an error.
 */
export interface DocumentOptions {
  /** Who issues the bearer tokens, as the reference page explains it. */
  tokens?: string;
}

const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export const PROBLEM_TYPE = 'application/problem+json';

/** A valibot schema as JSON Schema 2020-12; checks JSON Schema cannot say are kept as descriptions. */
export function jsonSchemaOf(schema: GenericSchema): JsonSchema {
  const out = toJsonSchema(schema, {
    target: 'draft-2020-12',
    errorMode: 'ignore',
    overrideAction: ({ valibotAction, jsonSchema }) => {
      const action = valibotAction as { type: string; message?: unknown };
      if (action.type !== 'check') return undefined;
      if (typeof action.message === 'string') {
        // Something visible in it: at least one character.
        const min = /^must not be blank\.?$/i.test(action.message) ? { minLength: Math.max(1, jsonSchema.minLength ?? 0) } : {};
        return { ...jsonSchema, ...min, description: [jsonSchema.description, sentence(action.message)].filter(Boolean).join(' ') };
      }
      const max = lengthLimit(action.message);
      return max === undefined ? undefined : { ...jsonSchema, maxLength: max };
    },
  });
  return stripSchemaKeyword(out);
}

/**
 * The limit of a text length check (lambdas/usecases/schemas.ts `text`), read from its message: it counts
 * code points, as JSON Schema's maxLength does, so it is that keyword.
 */
function lengthLimit(message: unknown): number | undefined {
  if (typeof message !== 'function') return undefined;
  const said = String((message as (issue: { input: string }) => unknown)({ input: '' }));
  const m = /(?:<=\s*|at most )(\d+)/.exec(said);
  return m ? Number(m[1]) : undefined;
}

/** A check's message as a sentence of its own: "must not be blank" → "Must not be blank." */
const sentence = (message: string) => `${message.charAt(0).toUpperCase()}${message.slice(1)}${/[.!?]$/.test(message) ? '' : '.'}`;

function stripSchemaKeyword(s: JsonSchema): JsonSchema {
  const { $schema: _drop, ...rest } = s as JsonSchema & { $schema?: string };
  return rest;
}

/** The fixture article, as the examples show it. */
function examples() {
  const fixture = parseFiledArticle(readFileSync(new URL('../../tests/fixtures/articles/tajikistan-border.txt', import.meta.url), 'utf8'));
  const tags = ['tajikistan', 'afghanistan'];
  const at = '2026-11-25T09:30:00.000Z';
  const article = {
    id: '0f8e4c52-6a1b-4f7e-9d3c-2b5a7e1c9d40',
    status: 'draft',
    version: 1,
    headline: fixture.headline,
    standfirst: fixture.standfirst,
    body: fixture.body,
    tags,
    authorId: 'rita',
    authorName: fixture.author ?? 'Rita Reporter',
    createdAt: at,
    updatedAt: at,
    submittedAt: null,
    approvedBy: null,
    approvedAt: null,
    publishAt: null,
    publishedAt: null,
    revision: 1,
    corrections: [],
    changesRequested: null,
    slug: null,
    url: null,
    allowedActions: ['edit', 'submit', 'spike'],
  };
  const {
    body: _body,
    revision: _revision,
    corrections: _corrections,
    changesRequested: _changesRequested,
    slug: _slug,
    url: _url,
    ...summary
  } = article;
  const rita = { id: 'rita', name: 'Rita Reporter' };
  const eddie = { id: 'eddie', name: 'Eddie Editor' };
  const comment = {
    id: '1795599000000-9b2f4c1d7e3a',
    author: eddie,
    text: 'Who counted the 20,000?',
    quote: null,
    createdAt: at,
    resolvedAt: null,
    resolvedBy: null,
  };
  const target = { id: 'webhook-1', origin: 'https://hooks.example' };
  // The author box of the fixture article.
  const edit = {
    name: fixture.author ?? 'Killian Jones',
    bio: 'Graduated from Princeton University. He has been at the USTV since 2017.',
    function: 'Chief-Editor',
  };
  const profile = { edit, stored: { userId: 'killian', ...edit, updatedAt: at, version: 1 } };
  const media = {
    id: '5d1c7e0a-93b4-4a8e-b0f2-6c4e8a1d2f37',
    filename: 'border-post.jpg',
    contentType: 'image/jpeg',
    size: 482113,
    caption: 'The border post at Panji Poyon',
    credit: 'Newsroom',
    status: 'ready',
    reason: null,
    width: 1600,
    height: 1067,
    createdAt: at,
    verifiedAt: '2026-11-25T09:31:02.000Z',
  };
  return {
    create: { headline: fixture.headline, standfirst: fixture.standfirst, body: fixture.body, tags },
    edit: { standfirst: fixture.standfirst },
    comment: { comment: 'Attribute the 20,000 figure.' },
    correct: { body: fixture.body, note: 'An earlier version misstated the number of crossings.', kind: 'correction' },
    reason: { reason: 'Legal advice: the source withdrew.' },
    addComment: { text: comment.text, quote: 'More than 20,000 people crossed' },
    approve: { publishAt: '2026-11-26T06:00:00+01:00' },
    schedule: { publishAt: '2026-11-26T07:00:00Z' },
    describe: { caption: 'The border post at Panji Poyon, on the Afghan side', credit: null },
    attach: { filename: media.filename, contentType: media.contentType, size: media.size, caption: media.caption, credit: media.credit },
    article,
    articlePage: { items: [summary], nextCursor: null },
    history: {
      items: [
        {
          id: `${article.id}:2:ArticleSubmitted`,
          version: 2,
          type: 'ArticleSubmitted',
          from: 'draft',
          to: 'in_review',
          actor: { id: 'rita', name: 'Rita Reporter' },
          at,
        },
      ],
      nextCursor: null,
    },
    revisions: {
      items: [
        { revision: 2, version: 3, kind: 'edited', actor: eddie, at, fields: ['standfirst'] },
        { revision: 1, version: 1, kind: 'created', actor: rita, at, fields: ['headline', 'standfirst', 'body', 'tags'] },
      ],
      nextCursor: null,
    },
    revision: {
      revision: 1,
      version: 1,
      kind: 'created',
      actor: rita,
      at,
      headline: article.headline,
      standfirst: article.standfirst,
      body: article.body,
      tags,
    },
    diff: {
      revision: 2,
      against: 1,
      fields: {
        standfirst: [
          { op: 'equal', text: 'Thousands ' },
          { op: 'delete', text: 'fled' },
          { op: 'insert', text: 'crossed' },
        ],
      },
    },
    commentItem: comment,
    comments: { items: [comment], nextCursor: null },
    deliveries: {
      items: [
        {
          eventId: `${article.id}:4:ArticlePublished`,
          eventType: 'ArticlePublished',
          articleId: article.id,
          occurredAt: at,
          target,
          status: 'delivered',
          attempts: 1,
          lastAttempt: { attempt: 1, at, statusCode: 204, latencyMs: 87 },
          recentAttempts: [{ attempt: 1, at, statusCode: 204, latencyMs: 87 }],
          updatedAt: at,
          expiresAt: '2026-12-02T09:30:00.000Z',
        },
      ],
      nextCursor: null,
    },
    redelivery: { eventId: `${article.id}:4:ArticlePublished`, targets: [target] },
    editProfile: profile.edit,
    profile: profile.stored,
    mediaItem: { ...media, downloadUrl: 'https://media.example/border-post.jpg?X-Amz-Signature=…' },
    media: { items: [{ ...media, downloadUrl: 'https://media.example/border-post.jpg?X-Amz-Signature=…' }] },
    upload: {
      ...media,
      status: 'pending',
      width: null,
      height: null,
      verifiedAt: null,
      upload: {
        url: 'https://newsroom-media.s3.amazonaws.com/',
        fields: { key: `media/${article.id}/${media.id}`, 'Content-Type': 'image/jpeg' },
        expiresAt: at,
      },
    },
    event: {
      id: `${article.id}:4:ArticlePublished`,
      type: 'ArticlePublished',
      occurredAt: at,
      articleId: article.id,
      version: 4,
      from: 'in_review',
      to: 'published',
      actor: { id: 'carla', name: 'Carla Chief' },
      article: { headline: article.headline, authorId: 'rita', status: 'published', publishAt: null, publishedAt: at },
    },
  };
}

const nullable = (type: string, extra: object = {}) => ({ type: [type, 'null'], ...extra });
const dateTime = { type: 'string', format: 'date-time' };

/** Response and event shapes (the handlers' output), checked against real responses by the contract test. */
function outputSchemas(): Record<string, object> {
  const mediaProps = {
    id: { type: 'string' },
    filename: { type: 'string' },
    contentType: { type: 'string' },
    size: { type: 'integer', minimum: 1 },
    caption: nullable('string'),
    credit: nullable('string'),
    status: {
      type: 'string',
      enum: ['pending', 'ready', 'rejected', 'expired'],
      description: 'Set by the server once it has checked the file; `expired` when the upload form ran out before the file arrived.',
    },
    reason: nullable('string', { description: 'Why a file was rejected or expired.' }),
    width: nullable('integer'),
    height: nullable('integer'),
    createdAt: dateTime,
    verifiedAt: nullable('string', { format: 'date-time' }),
  };
  const mediaRequired = Object.keys(mediaProps);
  const status = { type: 'string', enum: [...STATUSES] };
  const actor = {
    type: 'object',
    properties: { id: { type: 'string' }, name: { type: 'string' } },
    required: ['id', 'name'],
    additionalProperties: false,
  };
  const fields = {
    type: 'array',
    description: 'The fields of the text this revision changed (all of them for the first).',
    items: { type: 'string', enum: [...CONTENT_FIELDS] },
  };
  const correctionNote = {
    type: 'object',
    properties: {
      kind: { type: 'string', enum: ['correction', 'update'] },
      note: { type: 'string', description: 'The note readers see.' },
    },
    required: ['kind', 'note'],
    additionalProperties: false,
  };
  const revisionKind = {
    type: 'string',
    enum: ['created', 'edited', 'corrected', 'restored'],
    description: 'How the revision came about: the first text, an edit, a public correction, or a restore.',
  };
  const revisionInfo = {
    revision: { type: 'integer', minimum: 1 },
    version: { type: 'integer', minimum: 1, description: 'The article’s version when this text was written.' },
    kind: revisionKind,
    actor,
    at: dateTime,
  };
  const page = (item: string) => ({
    type: 'object',
    properties: { items: { type: 'array', items: { $ref: `#/components/schemas/${item}` } }, nextCursor: nullable('string') },
    required: ['items', 'nextCursor'],
    additionalProperties: false,
  });
  const attempt = {
    type: 'object',
    properties: {
      attempt: { type: 'integer', minimum: 1 },
      at: dateTime,
      statusCode: { type: 'integer', description: 'What the target answered, if it answered.' },
      error: { type: 'string', description: 'Why there was no usable answer: unreachable, timed out, redirected.' },
      latencyMs: { type: 'number', minimum: 0 },
    },
    required: ['attempt', 'at', 'latencyMs'],
    additionalProperties: false,
  };
  return {
    Problem: {
      type: 'object',
      description:
        'RFC 9457 (formerly 7807) problem details. Further members name what the problem is about (for example `currentVersion`).',
      properties: {
        type: { type: 'string', description: 'A URI naming the kind of problem.' },
        title: { type: 'string' },
        status: { type: 'integer', minimum: 400, maximum: 599 },
        detail: { type: 'string', description: 'What went wrong, written for people.' },
        instance: { type: 'string', description: 'The path of the request.' },
        errors: {
          type: 'array',
          description: 'Each problem with the input, pointing at where it is.',
          items: {
            type: 'object',
            properties: {
              pointer: {
                type: 'string',
                description:
                  'A JSON Pointer (RFC 6901) to what the problem is about: into the body (`/tags/0`), or to a query parameter (`/query/limit`) or a header (`/headers/If-Match`).',
              },
              message: { type: 'string' },
            },
            required: ['pointer', 'message'],
          },
        },
      },
      required: ['type', 'title', 'status', 'detail'],
    },
    GatewayMessage: {
      type: 'object',
      description: 'What the API gateway answers itself, before any handler (no token, a body over its limit).',
      properties: {
        message: { type: 'string' },
        reason: { type: 'string', description: 'With a 401 from the local newsroom only: why the token was refused, and what to do.' },
      },
      required: ['message'],
      additionalProperties: false,
    },
    Health: {
      type: 'object',
      properties: { status: { const: 'ok' }, service: { type: 'string' } },
      required: ['status', 'service'],
      additionalProperties: false,
    },
    Article: {
      type: 'object',
      properties: {
        id: { type: 'string' },
        status,
        version: { type: 'integer', minimum: 1, description: 'Also the ETag, quoted.' },
        headline: { type: 'string' },
        standfirst: { type: 'string' },
        body: { type: 'string', description: 'Absent from list pages.' },
        tags: { type: 'array', items: { type: 'string' } },
        authorId: { type: 'string' },
        authorName: { type: 'string' },
        createdAt: dateTime,
        updatedAt: dateTime,
        submittedAt: nullable('string', { format: 'date-time' }),
        approvedBy: nullable('string'),
        approvedAt: nullable('string', { format: 'date-time' }),
        publishAt: nullable('string', { format: 'date-time' }),
        publishedAt: nullable('string', { format: 'date-time' }),
        revision: { type: 'integer', minimum: 1, description: 'The current revision of the text. Absent from list pages.' },
        changesRequested: {
          type: ['object', 'null'],
          description: 'The latest request for changes on a draft sent back, until it is submitted again. Absent from list pages.',
          properties: { comment: { type: 'string' }, by: actor, at: dateTime },
          required: ['comment', 'by', 'at'],
          additionalProperties: false,
        },
        corrections: {
          type: 'array',
          description: 'Public corrections and updates, oldest first. Absent from list pages.',
          items: { $ref: '#/components/schemas/Correction' },
        },
        slug: {
          ...nullable('string', { pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 80 }),
          description:
            'The public path segment, given from the headline at first publication and never changed. Null before. Absent from list pages.',
        },
        url: {
          ...nullable('string', { format: 'uri' }),
          description: 'The article page readers see, once it has a slug. Absent from list pages.',
        },
        allowedActions: {
          type: 'array',
          description: 'What the caller may do next.',
          items: { type: 'string', enum: [...ACTIONS] },
        },
      },
      // Every view shows the domain's article fields (lambdas/domain/article.ts), and what the caller may do next.
      required: [...ARTICLE_FIELDS, 'allowedActions'],
      dependentRequired: { body: ['revision', 'corrections', 'changesRequested', 'slug', 'url'] },
      additionalProperties: false,
    },
    Correction: {
      type: 'object',
      description: 'A public note on a published article’s text: a correction, or an update.',
      properties: {
        revision: { type: 'integer', minimum: 1, description: 'The revision the corrected text became.' },
        ...correctionNote.properties,
        at: dateTime,
        by: actor,
      },
      required: ['revision', 'kind', 'note', 'at', 'by'],
      additionalProperties: false,
    },
    ArticlePage: page('Article'),
    HistoryEntry: {
      type: 'object',
      properties: {
        id: { type: 'string', description: 'The event id.' },
        version: { type: 'integer' },
        type: { type: 'string', enum: EVENT_TYPES.filter(isHistoryEvent) },
        from: status,
        to: status,
        actor,
        at: dateTime,
        comment: { type: 'string', description: 'With ChangesRequested: the note.' },
        reason: { type: 'string', description: 'With ArticleUnpublished, ArticleKilled and (when given) ArticleSpiked: why.' },
        revision: {
          type: 'integer',
          minimum: 1,
          description: 'With ArticleCreated, ArticleEdited and ArticleCorrected: the revision written.',
        },
        fields,
        correction: { ...correctionNote, description: 'With ArticleCorrected: the public note.' },
      },
      required: ['id', 'version', 'type', 'from', 'to', 'actor', 'at'],
      additionalProperties: false,
    },
    HistoryPage: page('HistoryEntry'),
    RevisionSummary: {
      type: 'object',
      description: 'One revision of the text, without the text.',
      properties: { ...revisionInfo, fields },
      required: ['revision', 'version', 'kind', 'actor', 'at', 'fields'],
      additionalProperties: false,
    },
    RevisionPage: page('RevisionSummary'),
    Revision: {
      type: 'object',
      description: 'One revision of the text, as it was written.',
      properties: {
        ...revisionInfo,
        headline: { type: 'string' },
        standfirst: { type: 'string' },
        body: { type: 'string' },
        tags: { type: 'array', items: { type: 'string' } },
      },
      required: ['revision', 'version', 'kind', 'actor', 'at', 'headline', 'standfirst', 'body', 'tags'],
      additionalProperties: false,
    },
    RevisionDiff: {
      type: 'object',
      properties: {
        revision: { type: 'integer', minimum: 1 },
        against: { type: 'integer', minimum: 1, description: 'The revision compared with.' },
        fields: {
          type: 'object',
          description: 'Only the fields that differ; tags are compared tag by tag.',
          properties: Object.fromEntries(
            CONTENT_FIELDS.map((f) => [f, { type: 'array', items: { $ref: '#/components/schemas/DiffPart' } }]),
          ),
          additionalProperties: false,
        },
      },
      required: ['revision', 'against', 'fields'],
      additionalProperties: false,
    },
    DiffPart: {
      type: 'object',
      properties: { op: { type: 'string', enum: ['equal', 'insert', 'delete'] }, text: { type: 'string' } },
      required: ['op', 'text'],
      additionalProperties: false,
    },
    Comment: {
      type: 'object',
      properties: {
        id: { type: 'string', description: 'Sorts as the comments were written.' },
        author: actor,
        text: { type: 'string' },
        quote: nullable('string', { description: 'The passage the comment is about.' }),
        createdAt: dateTime,
        resolvedAt: nullable('string', { format: 'date-time' }),
        resolvedBy: { ...actor, type: ['object', 'null'] },
      },
      required: ['id', 'author', 'text', 'quote', 'createdAt', 'resolvedAt', 'resolvedBy'],
      additionalProperties: false,
    },
    CommentPage: page('Comment'),
    Profile: {
      type: 'object',
      description: 'An author’s profile, as article pages show it in the author box.',
      properties: {
        userId: { type: 'string', description: 'The owner’s id (their token’s `sub`).' },
        name: { type: 'string' },
        bio: { type: 'string' },
        function: { type: 'string', description: 'Their job in the newsroom, as readers see it (“Chief-Editor”).' },
        updatedAt: nullable('string', { format: 'date-time', description: 'When it was last saved; null while it never has been.' }),
        version: { type: 'integer', minimum: 0, description: '0 while it has never been saved; its ETag is this number, quoted.' },
      },
      required: ['userId', 'name', 'bio', 'function', 'updatedAt', 'version'],
      additionalProperties: false,
    },
    DeliveryTarget: {
      type: 'object',
      description: 'Who was called: the target’s name and its origin, never its path, query or secret.',
      properties: { id: { type: 'string' }, origin: { type: 'string' } },
      required: ['id', 'origin'],
      additionalProperties: false,
    },
    Delivery: {
      type: 'object',
      description: 'One event’s delivery to one webhook target.',
      properties: {
        eventId: { type: 'string' },
        eventType: { type: 'string', enum: [...EVENT_TYPES] },
        articleId: { type: 'string' },
        occurredAt: dateTime,
        target: { $ref: '#/components/schemas/DeliveryTarget' },
        status: {
          type: 'string',
          enum: [...DELIVERY_STATUSES],
          description:
            '`pending`: not attempted yet; `failed`: the latest attempt failed (being retried, or given up); `delivered`: answered 2xx.',
        },
        attempts: { type: 'integer', minimum: 0 },
        lastAttempt: { ...attempt, type: ['object', 'null'] },
        recentAttempts: { type: 'array', description: 'The latest attempts, oldest first.', items: attempt },
        updatedAt: dateTime,
        expiresAt: { ...dateTime, description: 'When the record is dropped from the log.' },
      },
      required: [
        'eventId',
        'eventType',
        'articleId',
        'occurredAt',
        'target',
        'status',
        'attempts',
        'lastAttempt',
        'recentAttempts',
        'updatedAt',
        'expiresAt',
      ],
      additionalProperties: false,
    },
    DeliveryPage: page('Delivery'),
    Redelivery: {
      type: 'object',
      properties: {
        eventId: { type: 'string' },
        targets: {
          type: 'array',
          description: 'The targets the event was handed to again.',
          items: { $ref: '#/components/schemas/DeliveryTarget' },
        },
      },
      required: ['eventId', 'targets'],
      additionalProperties: false,
    },
    Media: {
      type: 'object',
      properties: { ...mediaProps, downloadUrl: nullable('string', { description: 'A short-lived link to the verified copy.' }) },
      required: [...mediaRequired, 'downloadUrl'],
      additionalProperties: false,
    },
    MediaList: {
      type: 'object',
      properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Media' } } },
      required: ['items'],
      additionalProperties: false,
    },
    MediaUpload: {
      type: 'object',
      description: 'The declared file, and the form that uploads it straight to storage.',
      properties: {
        ...mediaProps,
        upload: {
          type: 'object',
          properties: {
            url: { type: 'string' },
            fields: {
              type: 'object',
              additionalProperties: { type: 'string' },
              description: 'Send each as a form field, then the file as `file`.',
            },
            expiresAt: dateTime,
          },
          required: ['url', 'fields', 'expiresAt'],
          additionalProperties: false,
        },
      },
      required: [...mediaRequired, 'upload'],
      additionalProperties: false,
    },
    Event: {
      type: 'object',
      description: 'A notification: the same JSON for webhooks, EventBridge and SNS.',
      properties: {
        id: { type: 'string', description: 'Unique per event; also `webhook-id`. Deliveries are at least once: deduplicate by it.' },
        type: { type: 'string', enum: [...EVENT_TYPES] },
        occurredAt: dateTime,
        articleId: { type: 'string' },
        version: { type: 'integer' },
        from: status,
        to: status,
        actor,
        article: {
          type: 'object',
          properties: {
            headline: { type: 'string' },
            authorId: { type: 'string' },
            status,
            publishAt: nullable('string', { format: 'date-time' }),
            publishedAt: nullable('string', { format: 'date-time' }),
          },
          required: ['headline', 'authorId', 'status', 'publishAt', 'publishedAt'],
        },
        comment: {
          description: 'With ChangesRequested: the note; with CommentAdded: the comment.',
          oneOf: [
            { type: 'string' },
            {
              type: 'object',
              properties: { id: { type: 'string' }, author: actor, text: { type: 'string' }, quote: nullable('string') },
              required: ['id', 'author', 'text', 'quote'],
            },
          ],
        },
        reason: { type: 'string', description: 'With ArticleUnpublished, ArticleKilled and (when given) ArticleSpiked: why.' },
        revision: {
          type: 'integer',
          minimum: 1,
          description: 'With ArticleCreated, ArticleEdited and ArticleCorrected: the revision the text became.',
        },
        fields,
        correction: { ...correctionNote, description: 'With ArticleCorrected: the public note.' },
        lateByMs: { type: 'integer', description: 'With ArticlePublished after a schedule: how late publication was.' },
        media: {
          type: 'object',
          description: 'With MediaReady and MediaRejected: the file as verified.',
          properties: Object.fromEntries(
            ['id', 'filename', 'contentType', 'size', 'status', 'reason', 'width', 'height'].map((k) => [
              k,
              mediaProps[k as keyof typeof mediaProps],
            ]),
          ),
        },
      },
      required: ['id', 'type', 'occurredAt', 'articleId', 'version', 'from', 'to', 'actor', 'article'],
    },
  };
}

const ERRORS: Record<ErrorStatus | 401 | 429 | 500, { name: string; description: string; gateway?: string; gatewayOnly?: boolean }> = {
  400: { name: 'BadRequest', description: 'The input is not valid: `errors` points at each problem.' },
  401: {
    name: 'Unauthorized',
    description:
      'No valid bearer token. The gateway answers `{"message":"Unauthorized"}` with `WWW-Authenticate`; a token that is not an ID token gets a problem.',
    gateway: 'Unauthorized',
  },
  403: { name: 'Forbidden', description: 'The caller’s role may not do this.' },
  404: { name: 'NotFound', description: 'No such article (or file, revision, comment or event), or the caller may not see it.' },
  409: {
    name: 'Conflict',
    description:
      'Not possible in the article’s current status (`currentStatus`), or a request with the same Idempotency-Key is still running; ' +
      'the operation’s description names any other conflict.',
  },
  412: { name: 'PreconditionFailed', description: 'The article changed since the ETag in `If-Match` (`currentVersion`): read it again.' },
  413: { name: 'PayloadTooLarge', description: 'The body, or the declared file, is over its limit.', gateway: 'Request Entity Too Large' },
  415: { name: 'UnsupportedMediaType', description: 'The body is not `application/json`, or the declared file type is not taken.' },
  422: { name: 'UnprocessableContent', description: 'This Idempotency-Key was used with a different request.' },
  428: { name: 'PreconditionRequired', description: 'Send `If-Match` with the ETag of the version you read.' },
  429: {
    name: 'TooManyRequests',
    description: 'In AWS only: past the stage’s throttling rate or burst. Retry with backoff.',
    gateway: 'Too Many Requests',
    gatewayOnly: true,
  },
  500: {
    name: 'InternalServerError',
    description: 'Something went wrong on the newsroom’s side; it has been logged.',
    gateway: 'Internal Server Error',
  },
};

const problem = { schema: { $ref: '#/components/schemas/Problem' } };
const gatewayMessage = { schema: { $ref: '#/components/schemas/GatewayMessage' } };

function errorResponses() {
  return Object.fromEntries(
    Object.values(ERRORS).map((e) => [
      e.name,
      {
        description: e.description,
        ...(e.name === 'Unauthorized' ? { headers: { 'WWW-Authenticate': { $ref: '#/components/headers/WWW-Authenticate' } } } : {}),
        content: { ...(e.gatewayOnly ? {} : { [PROBLEM_TYPE]: problem }), ...(e.gateway ? { 'application/json': gatewayMessage } : {}) },
      },
    ]),
  );
}

const HEADERS = {
  ETag: {
    description: 'The version of the article (or profile), quoted (`"3"`): send it back in `If-Match`.',
    required: true,
    schema: { type: 'string', pattern: '^"\\d+"$' },
  },
  Location: { description: 'Where the new article is.', required: true, schema: { type: 'string' } },
  'Idempotent-Replayed': {
    description: '`true` when this is the first answer to the same Idempotency-Key, replayed.',
    schema: { type: 'string', enum: ['true'] },
  },
  'WWW-Authenticate': {
    description: 'The bearer challenge, with the reason a token was refused; sent with the gateway’s 401 (`{"message":"Unauthorized"}`).',
    schema: { type: 'string' },
  },
};

/** What each path parameter names; a route whose path has another fails the build of the document. */
const PATH_PARAMETERS: Record<string, string> = {
  id: 'The article id.',
  mediaId: 'The file id.',
  revision: 'The revision number (1 is the first text).',
  eventId: 'The event id (`webhook-id`).',
  commentId: 'The comment id.',
  userId: 'The user id (the `sub` of their token).',
};

const PARAMETERS = {
  'Idempotency-Key': {
    name: 'Idempotency-Key',
    in: 'header',
    required: false,
    description:
      'Makes a retry safe: the same key and request get the first answer again (with `Idempotent-Replayed: true`) and change nothing.',
    schema: { type: 'string', pattern: '^[A-Za-z0-9_.:-]{1,128}$' },
  },
};

const ifMatch = (required: boolean) => ({
  name: 'If-Match',
  in: 'header',
  required,
  description: required
    ? 'The ETag of the version you read (`"3"`); without it the answer is 428, with a stale one 412.'
    : 'The ETag of the version you read (`"3"`); a stale one gets 412.',
  schema: { type: 'string' },
});

function toOperation(route: RouteSpec, doc: OperationDoc, ex: ReturnType<typeof examples>) {
  const parameters: object[] = [];
  for (const name of route.path.match(/\{(\w+)\}/g) ?? []) {
    const key = name.slice(1, -1);
    const description = Object.hasOwn(PATH_PARAMETERS, key) ? PATH_PARAMETERS[key] : undefined;
    if (!description) throw new Error(`${routeKey(route)}: no description of the path parameter ${key} in lib/openapi/document.ts`);
    parameters.push({ name: key, in: 'path', required: true, description, schema: { type: 'string', maxLength: 256 } });
  }
  if (doc.query) {
    const q = jsonSchemaOf(doc.query) as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, schema] of Object.entries(q.properties ?? {})) {
      const { description: checks, ...rest } = schema as JsonSchema & { description?: string };
      const description = [doc.queryDescriptions?.[name], checks].filter(Boolean).join(' ');
      parameters.push({
        name,
        in: 'query',
        required: q.required?.includes(name) ?? false,
        ...(description ? { description } : {}),
        schema: rest,
      });
    }
  }
  if (doc.ifMatch) parameters.push(ifMatch(doc.ifMatch === 'required'));
  if (doc.idempotencyKey) parameters.push({ $ref: '#/components/parameters/Idempotency-Key' });

  const success: Record<string, unknown> = { description: doc.success.description };
  if (doc.success.headers) {
    success.headers = Object.fromEntries(doc.success.headers.map((h) => [h, { $ref: `#/components/headers/${h}` }]));
  }
  const body = doc.success.body;
  if (body && 'schema' in body) {
    success.content = {
      'application/json': {
        schema: { $ref: `#/components/schemas/${body.schema}` },
        ...(body.example ? { example: ex[body.example] } : {}),
      },
    };
  } else if (body?.raw === 'openapi') {
    success.content = { 'application/json': { schema: { type: 'object', description: 'An OpenAPI 3.1 document.' } } };
  } else if (body?.raw === 'html') {
    success.content = { 'text/html': { schema: { type: 'string' } } };
  }
  const responses: Record<string, unknown> = { [doc.success.status]: success };
  const statuses = [...doc.errors, ...(route.auth ? [401] : []), 429, 500].sort() as (keyof typeof ERRORS)[];
  for (const status of statuses) responses[status] = { $ref: `#/components/responses/${ERRORS[status].name}` };

  return {
    operationId: doc.operationId,
    summary: doc.summary,
    description: doc.description,
    tags: [doc.tag],
    ...(route.auth ? {} : { security: [] }),
    ...(parameters.length ? { parameters } : {}),
    ...(doc.body
      ? {
          requestBody: {
            required: !doc.body.optional,
            content: {
              'application/json': {
                schema: { $ref: `#/components/schemas/${doc.body.name}` },
                ...(doc.body.example ? { example: ex[doc.body.example] } : {}),
              },
            },
          },
        }
      : {}),
    responses,
  };
}

const WEBHOOK_HEADERS = [
  { name: 'webhook-id', required: true, description: 'The event id (Standard Webhooks).', schema: { type: 'string' } },
  {
    name: 'webhook-timestamp',
    required: true,
    description: 'Unix seconds, taken at each attempt. Refuse a delivery more than 5 minutes off.',
    schema: { type: 'string', pattern: '^\\d+$' },
  },
  {
    name: 'webhook-signature',
    required: true,
    description:
      '`v1,` and the base64 HMAC-SHA256 of `<webhook-id>.<webhook-timestamp>.<raw body>`, keyed by the base64 after `whsec_` in the secret (Standard Webhooks 1.0).',
    schema: { type: 'string', pattern: '^v1,' },
  },
  { name: 'X-Newsroom-Event', required: true, description: 'The event type.', schema: { type: 'string', enum: [...EVENT_TYPES] } },
  { name: 'X-Newsroom-Event-Id', required: true, description: 'The event id.', schema: { type: 'string' } },
].map((h) => ({ ...h, in: 'header' }));

const EVENT_SUMMARIES: Record<(typeof EVENT_TYPES)[number], string> = {
  ArticleCreated: 'A reporter filed a new draft (revision 1)',
  ArticleEdited: 'An article’s text changed: an edit or a restore (a new revision)',
  ArticleSubmitted: 'A draft went to review',
  ArticleWithdrawn: 'The author took an article back from review',
  ChangesRequested: 'The desk sent an article back, with a comment',
  ArticleApproved: 'The chief editor approved an article',
  ArticleScheduled: 'An article got (or moved) its publication time',
  ArticleUnscheduled: 'A scheduled article went back to review',
  ArticlePublished: 'An article was published',
  ArticleCorrected: 'A published article was corrected or updated, with a public note',
  ArticleUnpublished: 'The chief editor took a published article down',
  ArticleSpiked: 'A draft was dropped',
  ArticleUnspiked: 'A spiked draft came back',
  ArticleKilled: 'The chief editor killed an article for good',
  CommentAdded: 'Someone commented on an article',
  MediaReady: 'An attached file passed verification',
  MediaRejected: 'An attached file failed verification',
};

function webhooks(ex: ReturnType<typeof examples>) {
  return Object.fromEntries(
    EVENT_TYPES.map((type) => [
      type,
      {
        post: {
          operationId: `on${type}`,
          summary: EVENT_SUMMARIES[type],
          description:
            'POSTed to every configured webhook URL, signed as Standard Webhooks 1.0 asks. Deliveries are at least once and retried with backoff; ' +
            'one article’s events arrive in version order.',
          tags: ['Webhooks'],
          security: [],
          parameters: WEBHOOK_HEADERS,
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/Event' },
                example: { ...ex.event, type, id: `${ex.article.id}:4:${type}` },
              },
            },
          },
          responses: {
            '2XX': { description: 'Received; the delivery is done.' },
            '4XX': { description: 'Refused; the newsroom tries again later, with backoff.' },
          },
        },
      },
    ]),
  );
}

/** The OpenAPI document for the routes given (the shared route table unless a test passes others). */
export function buildOpenApiDocument(options: DocumentOptions = {}, routes: readonly RouteSpec[] = ROUTES) {
  const ex = examples();
  const paths: Record<string, Record<string, unknown>> = {};
  const requestSchemas: Record<string, JsonSchema> = {};
  const missing = routes.filter((r) => !Object.hasOwn(OPERATIONS, routeKey(r))).map(routeKey);
  if (missing.length) {
    throw new Error(`Routes without documentation in lib/openapi/operations.ts: ${missing.join(', ')}`);
  }
  for (const route of routes) {
    const doc = OPERATIONS[routeKey(route)]!;
    if (doc.body) requestSchemas[doc.body.name] = jsonSchemaOf(doc.body.schema);
    (paths[route.path] ??= {})[route.method.toLowerCase()] = toOperation(route, doc, ex);
  }
  const tokens =
    options.tokens ??
    'A Cognito ID token (`token_use: id`) from the newsroom’s user pool, issuer `https://cognito-idp.<region>.amazonaws.com/<user pool id>` (the stack outputs name the pool).';
  return {
    openapi: '3.1.0',
    info: {
      title: 'Newsroom API',
      version: VERSION,
      summary: 'Articles from a reporter’s draft, through review, to publication.',
      description:
        'Reporters file drafts and submit them; editors review and send them back with comments; the chief editor approves, which ' +
        'publishes now or at an exact time. Errors are `application/problem+json`. Every transition is notified (see Webhooks).\n\n' +
        `Roles come from the token’s \`cognito:groups\`: ${GROUPS.map((g) => `\`${g}\``).join(', ')}.`,
    },
    servers: [{ url: '/', description: 'The newsroom serving this document.' }],
    security: [{ bearerAuth: [] }],
    tags: [
      { name: 'Articles', description: 'Filing, reading and editing articles.' },
      {
        name: 'Workflow',
        description:
          'Moving an article from draft to publication, and correcting or taking it down after. Each accepts an `Idempotency-Key`.',
      },
      { name: 'Revisions', description: 'Every version of an article’s text: listed, read, compared and restored.' },
      { name: 'Comments', description: 'An article’s comment thread, for its author and the desk.' },
      { name: 'Media', description: 'Files attached to an article, uploaded straight to storage and verified by the server.' },
      { name: 'Deliveries', description: 'The delivery log of webhook events, and redelivery.' },
      { name: 'Profiles', description: 'Authors’ profiles: the name, bio and function readers see in an article’s author box.' },
      { name: 'Service', description: 'Liveness and this reference.' },
      { name: 'Webhooks', description: 'What the newsroom POSTs to the webhook URLs it is configured with.' },
    ],
    paths,
    webhooks: webhooks(ex),
    components: {
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: tokens },
      },
      schemas: { ...outputSchemas(), ...requestSchemas },
      responses: errorResponses(),
      headers: HEADERS,
      parameters: PARAMETERS,
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
