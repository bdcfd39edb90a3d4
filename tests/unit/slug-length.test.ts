import { describe, expect, it } from '@jest/globals';
import { slugCandidate, slugify } from '../../lambdas/domain/slug.js';

const a = (n: number) => 'a'.repeat(n);
const b = (n: number) => 'b'.repeat(n);
const x = (n: number) => 'x'.repeat(n);

describe('where a long headline’s slug is cut', () => {
  it('keeps a slug of exactly 80 characters whole', () => {
    expect(slugify(`${a(50)} ${b(29)}`)).toBe(`${a(50)}-${b(29)}`);
  });

  it('keeps a word that ends exactly at the 80th character', () => {
    expect(slugify(`${a(50)} ${b(29)} and more words`)).toBe(`${a(50)}-${b(29)}`);
  });

  it('cuts at the last word boundary when it lies beyond the first 40 characters', () => {
    expect(slugify(`${a(41)} ${b(100)}`)).toBe(a(41));
    expect(slugify(`${a(60)} ${b(10)} ${x(30)}`)).toBe(`${a(60)}-${b(10)}`);
  });

  it('cuts a long word at 80 characters when the last word boundary lies within the first 40', () => {
    expect(slugify(`${a(40)} ${b(100)}`)).toBe(`${a(40)}-${b(39)}`);
    expect(slugify(`short ${x(100)}`)).toBe(`short-${x(74)}`);
    expect(slugify(x(100))).toBe(x(80));
  });

  it('makes room for a candidate’s number the same way', () => {
    expect(slugCandidate(`${a(50)}-${b(29)}`, 2)).toBe(`${a(50)}-2`);
    expect(slugCandidate(`${a(50)}-${b(27)}`, 2)).toBe(`${a(50)}-${b(27)}-2`);
    expect(slugCandidate(`short-${x(74)}`, 10)).toBe(`short-${x(71)}-10`);
  });
});
