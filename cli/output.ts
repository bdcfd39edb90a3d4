import pc from 'picocolors';

/**
 * What the command line prints: short sentences and aligned tables for people, exactly the API's
 * JSON under --json. Colour only on a terminal, and never when NO_COLOR is set (no-color.org).
 */
export type Colours = ReturnType<typeof pc.createColors>;

export const colourFor = (stream: NodeJS.WriteStream): Colours =>
  pc.createColors(Boolean(stream.isTTY) && !process.env.NO_COLOR && process.env.TERM !== 'dumb');

export const out = colourFor(process.stdout);
export const err = colourFor(process.stderr);

export const say = (line = ''): void => void process.stdout.write(`${line}\n`);
export const note = (line: string): void => void process.stderr.write(`${line}\n`);
export const printJson = (value: unknown): void => void process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);

/** Columns wide as their widest cell, two spaces apart; the last one is not padded. */
export function table(headers: string[], rows: (string | number | null | undefined)[][]): string {
  const cells = rows.map((r) => r.map((c) => (c === null || c === undefined ? '' : String(c)).replace(/\s+/g, ' ')));
  const widths = headers.map((h, i) => Math.max(width(h), ...cells.map((r) => width(r[i] ?? ''))));
  const line = (r: string[], style = (s: string) => s) =>
    r
      .map((c, i) => (i === r.length - 1 ? style(c) : style(c + ' '.repeat(widths[i]! - width(c)))))
      .join('  ')
      .trimEnd();
  return [line(headers, out.bold), ...cells.map((r) => line(r))].join('\n');
}

/** Columns the text takes on a terminal: code points, colour codes left out. */
const width = (s: string) => [...s.replace(/\x1b\[[0-9;]*m/g, '')].length;

export function truncate(s: string, max: number): string {
  const chars = [...s];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : s;
}

const STATUS_COLOUR: Record<string, (s: string) => string> = {
  draft: out.yellow,
  in_review: out.cyan,
  scheduled: out.magenta,
  published: out.green,
  unpublished: out.dim,
  spiked: out.dim,
  killed: out.red,
  pending: out.yellow,
  ready: out.green,
  rejected: out.red,
  expired: out.dim,
};
export const status = (s: string) => (STATUS_COLOUR[s] ?? ((x: string) => x))(s);

/** "2026-11-26 09:14:05Z": the API's instants (UTC), without milliseconds. */
export const when = (iso: string | null | undefined) => (iso ? iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '');

export function bytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}
