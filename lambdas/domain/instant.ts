/**
 * Strict RFC 3339 date-times (section 5.6): `YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)`, with a date
 * that exists in the calendar. `Date.parse` is far more lenient (it rolls 31 February over into
 * March and reads `+01` as nothing at all), so the newsroom never hands it a caller's time.
 * Leap seconds (`:60`) are refused: no clock the newsroom schedules with has one.
 */
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

export const RFC3339_HINT = 'an RFC 3339 date-time with Z or a ±HH:MM offset, such as 2027-01-01T06:00:00+01:00';

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeap(year) ? 29 : DAYS[month - 1]!;
}

/** The instant an RFC 3339 date-time names, or undefined when the text is not one. */
export function parseInstant(text: string): Date | undefined {
  const m = RFC3339.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  let offsetMinutes = 0;
  if (!m[8]) {
    const oh = Number(m[10]);
    const om = Number(m[11]);
    if (oh > 23 || om > 59) return undefined;
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const millis = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, millis);
  const at = new Date(d.getTime() - offsetMinutes * 60_000);
  return Number.isNaN(at.getTime()) ? undefined : at;
}

export const isInstant = (text: string) => parseInstant(text) !== undefined;
