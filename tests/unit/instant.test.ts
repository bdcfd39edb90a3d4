import fc from 'fast-check';
import { describe, expect, it } from '@jest/globals';
import { parseInstant } from '../../lambdas/domain/instant.js';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
function utcDaysIn(year: number, month: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month, 0);
  return d.getUTCDate();
}

/** An RFC 3339 date-time from its parts, and the instant it names, computed independently. */
const validParts = fc
  .record({
    year: fc.integer({ min: 1, max: 9999 }),
    month: fc.integer({ min: 1, max: 12 }),
    dayFraction: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
    second: fc.integer({ min: 0, max: 59 }),
    millis: fc.option(fc.integer({ min: 0, max: 999 }), { nil: undefined }),
    offset: fc.option(fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 }), { nil: undefined }),
    t: fc.constantFrom('T', 't'),
    z: fc.constantFrom('Z', 'z'),
  })
  .map((p) => ({ ...p, day: 1 + Math.floor(p.dayFraction * utcDaysIn(p.year, p.month)) }));

function format(p: ReturnType<typeof validParts.generate>['value']): { text: string; ms: number } {
  const fraction = p.millis === undefined ? '' : `.${pad(p.millis, 3)}`;
  const offset =
    p.offset === undefined ? p.z : `${p.offset < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(p.offset) / 60))}:${pad(Math.abs(p.offset) % 60)}`;
  const text = `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}${p.t}${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${fraction}${offset}`;
  const d = new Date(0);
  d.setUTCFullYear(p.year, p.month - 1, p.day);
  d.setUTCHours(p.hour, p.minute, p.second, p.millis ?? 0);
  return { text, ms: d.getTime() - (p.offset ?? 0) * 60_000 };
}

describe('parseInstant: strict RFC 3339 date-times', () => {
  it('reads every valid date-time, with Z or ±HH:MM, as the instant it names', () => {
    fc.assert(
      fc.property(validParts, (p) => {
        const { text, ms } = format(p);
        expect(parseInstant(text)?.getTime()).toBe(ms);
      }),
      { numRuns: 2_000 },
    );
  });

  it('reads back what toISOString writes', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }), (d) => {
        expect(parseInstant(d.toISOString())?.getTime()).toBe(d.getTime());
      }),
    );
  });

  it('refuses days a month does not have, and knows the leap years', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 3 }),
        (year, month, over) => {
          const day = utcDaysIn(year, month) + over;
          expect(parseInstant(`${pad(year, 4)}-${pad(month)}-${pad(day)}T06:00:00Z`)).toBeUndefined();
        },
      ),
    );
    expect(parseInstant('2028-02-29T06:00:00Z')?.toISOString()).toBe('2028-02-29T06:00:00.000Z');
    expect(parseInstant('2000-02-29T06:00:00Z')).toBeDefined();
    expect(parseInstant('2027-02-29T06:00:00Z')).toBeUndefined();
    expect(parseInstant('2100-02-29T06:00:00Z')).toBeUndefined();
    expect(parseInstant('2027-02-31T06:00:00Z')).toBeUndefined();
    expect(parseInstant('2027-04-31T06:00:00Z')).toBeUndefined();
  });

  it('refuses offsets that are not Z or ±HH:MM, and every other shape', () => {
    fc.assert(
      fc.property(validParts, fc.constantFrom('+01', '+0100', '+1:00', '+01:0', 'UTC', ' Z', '', '+24:00', '-01:60', 'GMT+1'), (p, bad) => {
        const { text } = format({ ...p, offset: undefined, z: 'Z' });
        expect(parseInstant(text.slice(0, -1) + bad)).toBeUndefined();
      }),
    );
    for (const bad of [
      '2027-01-01T06:00:00+01',
      '2027-01-01T06:00:00',
      '2027-01-01 06:00:00Z',
      '2027-1-01T06:00:00Z',
      '2027-01-01T24:00:00Z',
      '2027-01-01T06:60:00Z',
      '2027-01-01T06:00:61Z',
      '2027-00-10T06:00:00Z',
      '2027-01-00T06:00:00Z',
      '2027-01-01T06:00Z',
      '2027-01-01T06:00:00.Z',
      '+002027-01-01T06:00:00Z',
      '2027-01-01T06:00:00Z ',
      '２０２７-01-01T06:00:00Z',
      '2027-01-01',
      '',
      'now',
    ]) {
      expect(parseInstant(bad)).toBeUndefined();
    }
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        const d = parseInstant(s);
        expect(d === undefined || !Number.isNaN(d.getTime())).toBe(true);
      }),
    );
  });

  it('keeps the milliseconds and ignores digits beyond them', () => {
    expect(parseInstant('2027-01-01T06:00:00.123456789+01:00')?.toISOString()).toBe('2027-01-01T05:00:00.123Z');
    expect(parseInstant('2027-01-01T06:00:00.5Z')?.toISOString()).toBe('2027-01-01T06:00:00.500Z');
    expect(parseInstant('2027-01-01T00:30:00-00:30')?.toISOString()).toBe('2027-01-01T01:00:00.000Z');
  });
});
