import { ProblemError } from '../domain/errors.js';

/**
 * DynamoDB's item size, as its documentation gives it (Developer Guide, "Item sizes and
 * formats"): attribute names and strings in UTF-8 bytes, binary in raw bytes, numbers about one
 * byte per two significant digits plus one, null and booleans one byte, and lists and maps three
 * bytes plus one byte per element on top of their contents. dynalite counts strings in UTF-16
 * units, so a CJK article it accepts locally can be half as large again in DynamoDB: the newsroom
 * budgets every article write in DynamoDB's measure before it sends it.
 */
export const ITEM_LIMIT_BYTES = 400 * 1024;

const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');

export function valueBytes(value: unknown): number {
  if (value === null || value === undefined || typeof value === 'boolean') return 1;
  if (typeof value === 'string') return utf8(value);
  if (typeof value === 'number') {
    const digits = String(value).replace(/^-/, '').replace(/e.*$/i, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
    return Math.ceil(Math.max(digits.length, 1) / 2) + 1;
  }
  if (value instanceof Uint8Array) return value.byteLength;
  if (Array.isArray(value)) return 3 + value.reduce((n: number, v) => n + 1 + valueBytes(v), 0);
  if (typeof value === 'object') {
    return 3 + Object.entries(value).reduce((n, [k, v]) => (v === undefined ? n : n + 1 + utf8(k) + valueBytes(v)), 0);
  }
  return utf8(String(value));
}

/** The size of an item: each attribute's name and value. */
export function itemBytes(item: Record<string, unknown>): number {
  return Object.entries(item).reduce((n, [k, v]) => (v === undefined ? n : n + utf8(k) + valueBytes(v)), 0);
}

/**
 * Kept free in every article item for what the newsroom itself adds without asking anyone:
 * the verifier's result and event for each file still pending, and the sizes' rounding.
 */
export const SAFETY_BYTES = 2 * 1024;

export type Growth = 'content' | 'workflow';

/**
 * Refuses a write that would take the article past DynamoDB's item limit: 413 for content
 * (create, edit: the caller can shorten it), 409 for attaching files or a transition (the item is
 * full of files and undelivered events: remove a file, or wait for the events to be delivered).
 */
export function checkItemBudget(bytes: number, growth: Growth, parts: { media: number; outbox: number }): void {
  const limit = ITEM_LIMIT_BYTES - SAFETY_BYTES;
  if (bytes <= limit) return;
  const content = growth === 'content';
  throw new ProblemError(
    content ? 413 : 409,
    content ? 'Payload Too Large' : 'Conflict',
    `The article would take ${bytes} bytes as stored (text counted in UTF-8, files and undelivered events included); at most ${limit} fit. ${content ? 'Shorten it or remove files.' : 'Remove files, or wait until its events have been delivered.'}`,
    { limit, size: bytes, mediaBytes: parts.media, pendingEventBytes: parts.outbox },
  );
}
