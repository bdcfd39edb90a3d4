import * as v from 'valibot';
import { LIMITS, STATUSES } from '../domain/article.js';
import { COMMENT_LIMITS } from '../domain/comments.js';
import { invalidInput, type InputError } from '../domain/errors.js';
import { isInstant, RFC3339_HINT } from '../domain/instant.js';

/**
 * Input contracts. Every object is strict: no client sets `status`, `authorId`, `version` or `id`.
 * Custom messages finish a sentence that starts with the field's name ("`tags` must not be blank").
 * Valibot, because its schemas tree-shake: each function bundles only the checks it uses.
 * Each schema is built in a pure-annotated closure, so a bundle that never validates it drops it.
 */
/** Code points, as JSON Schema's maxLength counts them: an emoji is one, not two UTF-16 units. */
export const codePoints = (s: string) => [...s].length;

declare global {
  interface String {
    /** False when the string holds a lone surrogate (ES2024; in every Node.js the newsroom runs on, not yet in TypeScript's ES2023 lib). */
    isWellFormed(): boolean;
  }
}

const CONTROL = /[\0-\x08\x0b-\x1f\x7f-\x9f]/;
/** Nothing but white space and invisible format characters (zero-width spaces, joiners, BOM). */
const BLANK = /^[\s\p{Cf}]*$/u;

/**
 * Text as every field takes it: well-formed UTF-16, normalised to NFC with LF line ends, no
 * control character but tab and line feed, at most `max` code points. Checked once, here, so
 * everything downstream (HTML, XML feeds) can trust it.
 */
export const text = (max: number) =>
  v.pipe(
    v.string(),
    v.check((s) => s.isWellFormed(), 'must not contain a lone surrogate (invalid Unicode)'),
    v.transform((s) => s.replace(/\r\n/g, '\n').normalize('NFC')),
    v.check((s) => !CONTROL.test(s), 'must not contain control characters other than tab and line feed'),
    v.check(
      (s) => codePoints(s) <= max,
      (i) => `is at most ${max} characters (got ${codePoints(i.input as string)})`,
    ),
  );

/** Text with something visible in it. */
export const nonBlank = (max: number) =>
  v.pipe(
    text(max),
    v.check((s) => !BLANK.test(s), 'must not be blank'),
  );

const headline = /* @__PURE__ */ (() => nonBlank(LIMITS.headline.max))();
const standfirst = /* @__PURE__ */ (() => text(LIMITS.standfirst.max))();
const body = /* @__PURE__ */ (() => nonBlank(LIMITS.body.max))();
const tags = /* @__PURE__ */ (() => v.pipe(v.array(nonBlank(LIMITS.tags.maxLength)), v.maxLength(LIMITS.tags.max)))();

export const CreateArticle = /* @__PURE__ */ (() =>
  v.strictObject({
    headline,
    standfirst: v.optional(standfirst),
    body,
    tags: v.optional(tags),
  }))();

export const EditArticle = /* @__PURE__ */ (() =>
  v.pipe(
    v.strictObject({
      headline: v.optional(headline),
      standfirst: v.optional(standfirst),
      body: v.optional(body),
      tags: v.optional(tags),
    }),
    v.check((o) => Object.keys(o).length > 0, 'Give at least one field to change.'),
  ))();

export const NoInput = /* @__PURE__ */ (() => v.strictObject({}))();

const reason = /* @__PURE__ */ (() => nonBlank(LIMITS.reason.max))();

/** Unpublishing and killing say why; spiking may. */
export const WithReason = /* @__PURE__ */ (() => v.strictObject({ reason }))();
export const MaybeReason = /* @__PURE__ */ (() => v.strictObject({ reason: v.optional(reason) }))();

/** A correction: the changed text and the public note readers will see. */
export const Correct = /* @__PURE__ */ (() =>
  v.strictObject({
    headline: v.optional(headline),
    standfirst: v.optional(standfirst),
    body: v.optional(body),
    tags: v.optional(tags),
    note: reason,
    kind: v.optional(v.picklist(['correction', 'update'])),
  }))();

export const RequestChanges = /* @__PURE__ */ (() =>
  v.strictObject({
    comment: nonBlank(LIMITS.comment.max),
  }))();

/**
 * RFC 3339 with Z or ±HH:MM, on a date that exists: a time without an offset means nothing to a
 * newsroom across time zones, and 31 February must not quietly become 3 March.
 */
const instant = /* @__PURE__ */ (() => v.pipe(v.string(), v.maxLength(64), v.check(isInstant, `must be ${RFC3339_HINT}`)))();

export const Approve = /* @__PURE__ */ (() => v.strictObject({ publishAt: v.optional(instant) }))();
export const Schedule = /* @__PURE__ */ (() => v.strictObject({ publishAt: instant }))();

const pageLimit = (range: { min: number; max: number }) =>
  v.pipe(
    v.string(),
    v.regex(/^\d{1,3}$/, 'must be a whole number'),
    v.check((s) => Number(s) >= range.min && Number(s) <= range.max, `must be between ${range.min} and ${range.max}`),
  );

export const ListQuery = /* @__PURE__ */ (() =>
  v.strictObject({
    status: v.optional(v.picklist(STATUSES)),
    author: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(128))),
    sort: v.optional(v.picklist(['createdAt', 'updatedAt', 'publishAt'])),
    tag: v.optional(nonBlank(LIMITS.tags.maxLength)),
    limit: v.optional(pageLimit(LIMITS.listPage)),
    cursor: v.optional(v.pipe(v.string(), v.maxLength(2048))),
  }))();

export const HistoryQuery = /* @__PURE__ */ (() =>
  v.strictObject({
    limit: v.optional(pageLimit(LIMITS.historyPage)),
    cursor: v.optional(v.pipe(v.string(), v.maxLength(256))),
  }))();

export const RevisionsQuery = /* @__PURE__ */ (() =>
  v.strictObject({
    limit: v.optional(pageLimit(LIMITS.revisionPage)),
    cursor: v.optional(v.pipe(v.string(), v.maxLength(256))),
  }))();

export const DiffQuery = /* @__PURE__ */ (() =>
  v.strictObject({ against: v.optional(v.pipe(v.string(), v.regex(/^[1-9]\d{0,8}$/, 'must be a revision number'))) }))();

export const AttachMedia = /* @__PURE__ */ (() =>
  v.strictObject({
    filename: v.pipe(nonBlank(255), v.regex(/^[^/\\\u0000-\u001f]+$/, 'must be a file name, without a path')),
    contentType: v.pipe(v.string(), v.minLength(3), v.maxLength(100)),
    size: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(Number.MAX_SAFE_INTEGER)),
    caption: v.optional(text(1_000)),
    credit: v.optional(text(300)),
  }))();

/** A file's caption and credit; null clears one. */
export const EditMedia = /* @__PURE__ */ (() =>
  v.pipe(
    v.strictObject({
      caption: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(1_000)))),
      credit: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(300)))),
    }),
    v.check((o) => Object.keys(o).length > 0, 'Give a caption or a credit to change.'),
  ))();

/**
 * Parses input against a contract, or throws 400 with every problem found, each as a sentence
 * for people and a JSON Pointer to what it is about. `at` prefixes the pointers (`/query`).
 */
export function parseInput<TSchema extends v.GenericSchema>(schema: TSchema, input: unknown, at = ''): v.InferOutput<TSchema> {
  const result = v.safeParse(schema, input, { abortPipeEarly: true });
  if (result.success) return result.output;
  throw invalidInput(result.issues.map((i) => inputError(i, at)));
}

const NOUN: Record<string, string> = { number: 'a number', string: 'text', array: 'a list', boolean: 'true or false' };

/** A validator's issue as a sentence: "Unknown field `title`.", "`headline` is at most 300 characters (got 312)." */
export function inputError(i: v.BaseIssue<unknown>, at = ''): InputError {
  const path = (i.path ?? []).map((p) => p.key as string | number);
  const pointer = at + path.map((k) => `/${String(k).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
  const name = `\`${path.map((k, n) => (typeof k === 'number' ? `[${k}]` : n ? `.${k}` : k)).join('')}\``;
  const unit = typeof i.input === 'string' ? 'characters' : 'items';
  const got = ` (got ${i.received})`;
  let message: string;
  if (path.length === 0) message = i.kind === 'schema' ? 'The request body must be a JSON object.' : i.message;
  else if (i.expected === 'never') message = `Unknown ${at ? 'query parameter' : 'field'} ${name}.`;
  else if (i.received === 'undefined') message = `${name} is required.`;
  else if (i.type === 'max_length') message = `${name} ${unit[0] === 'c' ? 'is' : 'has'} at most ${i.requirement} ${unit}${got}.`;
  else if (i.type === 'min_length')
    message = i.requirement === 1 ? `${name} must not be empty.` : `${name} is at least ${i.requirement} ${unit}${got}.`;
  else if (i.type === 'max_value' || i.type === 'min_value')
    message = `${name} must be at ${i.type[1] === 'a' ? 'most' : 'least'} ${i.requirement}${got}.`;
  else if (i.type === 'integer') message = `${name} must be a whole number${got}.`;
  else if (i.type === 'picklist') message = `${name} must be one of ${i.expected!.replace(/[()"]/g, '').replaceAll(' |', ',')}.`;
  else if (i.kind === 'schema') message = `${name} must be ${NOUN[i.expected!] ?? i.expected}.`;
  else message = `${name} ${i.message}.`;
  return { pointer, message };
}

export const AddComment = /* @__PURE__ */ (() =>
  v.strictObject({
    text: nonBlank(COMMENT_LIMITS.text),
    quote: v.optional(text(COMMENT_LIMITS.quote)),
  }))();

export const CommentsQuery = /* @__PURE__ */ (() =>
  v.strictObject({
    limit: v.optional(pageLimit(COMMENT_LIMITS.page)),
    cursor: v.optional(v.pipe(v.string(), v.maxLength(512))),
  }))();
