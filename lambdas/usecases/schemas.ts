import { en } from 'zod/locales';
import * as z from 'zod/mini';
import { LIMITS, STATUSES } from '../domain/article.js';
import { badRequest } from '../domain/errors.js';

// Only the English messages: the namespace of every locale would add 250 KB to each bundle.
z.config(en());

/** Input contracts. Every object is strict: no client sets `status`, `authorId`, `version` or `id`. */
const nonBlank = (min: number, max: number) =>
  z.string().check(
    z.minLength(min),
    z.maxLength(max),
    z.refine((s) => s.trim().length >= min, { message: 'Must not be blank' }),
  );

const headline = nonBlank(LIMITS.headline.min, LIMITS.headline.max);
const standfirst = z.string().check(z.maxLength(LIMITS.standfirst.max));
const body = nonBlank(LIMITS.body.min, LIMITS.body.max);
const tags = z.array(nonBlank(1, LIMITS.tags.maxLength)).check(z.maxLength(LIMITS.tags.max));

export const CreateArticle = z.strictObject({
  headline,
  standfirst: z.optional(standfirst),
  body,
  tags: z.optional(tags),
});

export const EditArticle = z
  .strictObject({
    headline: z.optional(headline),
    standfirst: z.optional(standfirst),
    body: z.optional(body),
    tags: z.optional(tags),
  })
  .check(z.refine((o) => Object.keys(o).length > 0, { message: 'Give at least one field to change' }));

export const NoInput = z.strictObject({});

export const RequestChanges = z.strictObject({
  comment: nonBlank(LIMITS.comment.min, LIMITS.comment.max),
});

/** ISO 8601 with an offset or Z: a time without one means nothing to a newsroom across time zones. */
const instant = z.iso.datetime({ offset: true, error: 'Must be an ISO 8601 date-time with an offset or Z' });

export const Approve = z.strictObject({ publishAt: z.optional(instant) });
export const Schedule = z.strictObject({ publishAt: instant });

export const ListQuery = z.strictObject({
  status: z.optional(z.enum(STATUSES)),
  author: z.optional(z.string().check(z.minLength(1), z.maxLength(128))),
  limit: z.optional(
    z.string().check(
      z.regex(/^\d{1,3}$/, 'Must be a whole number'),
      z.refine((s) => Number(s) >= LIMITS.listPage.min && Number(s) <= LIMITS.listPage.max, {
        message: `Must be between ${LIMITS.listPage.min} and ${LIMITS.listPage.max}`,
      }),
    ),
  ),
  cursor: z.optional(z.string().check(z.maxLength(2048))),
});

/** Parses input against a contract, or throws 400 with every problem found. */
export function parseInput<T>(schema: z.ZodMiniType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const errors = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  throw badRequest(errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; '), { errors });
}

export const AttachMedia = z.strictObject({
  filename: nonBlank(1, 255).check(z.regex(/^[^/\\\u0000-\u001f]+$/, 'Must be a file name, without a path')),
  contentType: z.string().check(z.minLength(3), z.maxLength(100)),
  size: z.int().check(z.minimum(1), z.maximum(Number.MAX_SAFE_INTEGER)),
  caption: z.optional(z.string().check(z.maxLength(1_000))),
  credit: z.optional(z.string().check(z.maxLength(300))),
});
