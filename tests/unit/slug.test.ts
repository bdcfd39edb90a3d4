import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { SLUG_MAX_LENGTH, slugCandidate, slugify } from '../../lambdas/domain/slug.js';

describe('slugs from headlines', () => {
  it.each([
    ['Übergabe in Kőszeg', 'ubergabe-in-koszeg'],
    ['Border with Afghanistan – Tajikistan mobilizes 20,000 troops', 'border-with-afghanistan-tajikistan-mobilizes-20-000-troops'],
    ['Straße nach Ærø', 'strasse-nach-aero'],
    ['Путин и Зеленский', 'putin-i-zelenskiy'],
    ['Ελλάδα σήμερα', 'ellada-simera'],
    ['<script>alert(1)</script>', 'script-alert-1-script'],
    ['  --Already--slugged--  ', 'already-slugged'],
  ])('%s → %s', (headline, slug) => {
    expect(slugify(headline)).toBe(slug);
  });

  it('gives a headline with no Latin letters or digits a slug all the same', () => {
    expect(slugify('日本語のみ')).toBe('article');
  });

  it('cuts long headlines at a word boundary within 80 characters', () => {
    const slug = slugify('Minister resigns '.repeat(10));
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
    expect(slug).toMatch(/^minister-resigns(-minister|-resigns)*$/);
  });

  it('numbers later candidates from 2, still within 80 characters', () => {
    expect(slugCandidate('election-night', 1)).toBe('election-night');
    expect(slugCandidate('election-night', 2)).toBe('election-night-2');
    const long = slugify('a'.repeat(100));
    expect(slugCandidate(long, 12)).toHaveLength(SLUG_MAX_LENGTH);
    expect(slugCandidate(long, 12).endsWith('-12')).toBe(true);
  });

  it('is always lowercase ASCII words joined by single hyphens', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.integer({ min: 1, max: 999 }), (headline, n) => {
        const slug = slugCandidate(slugify(headline), n);
        expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
      }),
    );
  });
});
