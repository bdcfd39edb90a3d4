import { describe, expect, it } from '@jest/globals';
import * as v from 'valibot';
import { ProblemError } from '../../lambdas/domain/errors.js';
import {
  AddComment,
  AttachMedia,
  codePoints,
  CreateArticle,
  EditArticle,
  nonBlank,
  parseInput,
  RequestChanges,
  text,
} from '../../lambdas/usecases/schemas.js';

const ok = (schema: v.GenericSchema, input: unknown) => v.parse(schema, input);
/** The one message a value gets, or undefined when it passes. */
const problem = (schema: v.GenericSchema, input: unknown) => {
  const r = v.safeParse(schema, input);
  return r.success ? undefined : r.issues.map((i) => i.message).join('; ');
};

describe('lengths', () => {
  it('count code points, as JSON Schema maxLength does: an emoji is one', () => {
    expect(codePoints('😀')).toBe(1);
    expect('😀'.length).toBe(2);
    expect(ok(text(3), '😀😀😀')).toBe('😀😀😀');
    expect(problem(text(3), '😀😀😀😀')).toBe('is at most 3 characters (got 4)');
  });

  it('are counted after normalisation: a decomposed é is one character', () => {
    expect(ok(text(1), 'e\u0301')).toBe('é');
  });
});

describe('normalisation', () => {
  it('composes to NFC', () => {
    expect(ok(text(10), 'Cafe\u0301')).toBe('Caf\u00e9');
  });

  it('turns CR LF into LF and keeps tab and LF', () => {
    expect(ok(text(20), 'a\r\nb\tc\nd')).toBe('a\nb\tc\nd');
  });
});

describe('control characters', () => {
  const controls = ['\u0000', '\u0007', '\u000b', '\u000c', '\r', '\u001b', '\u007f', '\u0085', '\u009f'];
  it.each(controls.map((c) => [c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0'), c]))('refuses U+%s', (_, c) => {
    expect(problem(text(10), `a${c}b`)).toBe('must not contain control characters other than tab and line feed');
  });
});

describe('lone surrogates', () => {
  it.each(['\ud800', 'a\udfff', '\udc00\ud800', '😀'.slice(0, 1)])('refuses %j', (s) => {
    expect(problem(text(10), s)).toBe('must not contain a lone surrogate (invalid Unicode)');
  });

  it('accepts a well-formed pair', () => {
    expect(ok(text(10), '\ud83d\ude00')).toBe('😀');
  });
});

describe('blank', () => {
  it.each(['', ' ', '\t\n', '\u200b\u200b', '\ufeff', '\u2060\u00a0', '\u3000', '\u200d'])('refuses %j as blank', (s) => {
    expect(problem(nonBlank(10), s)).toBe('must not be blank');
  });

  it('accepts text with something visible in it', () => {
    expect(ok(nonBlank(10), '\u200bx')).toBe('\u200bx');
  });
});

describe('every text field, on every route', () => {
  const refusals = (schema: v.GenericSchema, base: Record<string, unknown>, field: string, wrap = (s: string) => s as unknown) =>
    ['\u0000', '\ud800'].map((bad) => {
      try {
        parseInput(schema, { ...base, [field]: wrap(`x${bad}`) });
        return 'accepted';
      } catch (err) {
        const e = err as ProblemError;
        return e.statusCode === 400 ? (e.extra.errors as { pointer: string }[])[0]!.pointer : 'wrong error';
      }
    });

  const article = { headline: 'H', body: 'B' };
  it.each([
    [CreateArticle, article, 'headline'],
    [CreateArticle, article, 'standfirst'],
    [CreateArticle, article, 'body'],
    [EditArticle, {}, 'headline'],
    [EditArticle, {}, 'standfirst'],
    [EditArticle, {}, 'body'],
    [RequestChanges, {}, 'comment'],
    [AddComment, {}, 'text'],
    [AddComment, { text: 'T' }, 'quote'],
    [AttachMedia, { filename: 'a.png', contentType: 'image/png', size: 1 }, 'caption'],
    [AttachMedia, { filename: 'a.png', contentType: 'image/png', size: 1 }, 'credit'],
    [AttachMedia, { contentType: 'image/png', size: 1 }, 'filename'],
  ] as const)('%#: refuses a control character and a lone surrogate in %s… naming the field', (schema, base, field) => {
    expect(refusals(schema, base, field)).toEqual([`/${field}`, `/${field}`]);
  });

  it('checks each tag, naming it', () => {
    const names = ['\u0000', '\ud800'].map((bad) => {
      try {
        parseInput(CreateArticle, { ...article, tags: ['ok', `x${bad}`] });
        return 'accepted';
      } catch (err) {
        return ((err as ProblemError).extra.errors as { pointer: string }[])[0]!.pointer;
      }
    });
    expect(names).toEqual(['/tags/1', '/tags/1']);
    expect(() => parseInput(CreateArticle, { ...article, tags: ['\u200b'] })).toThrow('`tags[0]` must not be blank.');
  });

  it('takes a headline of 300 emoji and refuses two zero-width spaces', () => {
    expect(parseInput(CreateArticle, { headline: '📰'.repeat(300), body: 'B' }).headline).toHaveLength(600);
    expect(() => parseInput(CreateArticle, { headline: '📰'.repeat(301), body: 'B' })).toThrow(
      '`headline` is at most 300 characters (got 301).',
    );
    expect(() => parseInput(CreateArticle, { headline: '\u200b\u200b', body: 'B' })).toThrow('`headline` must not be blank.');
  });
});
