import { parse as parseYaml } from 'yaml';
import { LIMITS } from '../lambdas/domain/article.js';

/**
 * Reads an article from the bytes of a file, as `newsroom file` and `newsroom edit` take it:
 *
 * - Markdown with YAML front matter (`headline`, `standfirst`, `tags`): the rest is the body;
 * - Markdown without front matter: the first `#` heading is the headline, the first paragraph
 *   after it the standfirst, the rest the body;
 * - plain text as saved from a web page: the first line is the headline (an identical line right
 *   after it is dropped), the next paragraph the standfirst, then the body, where a short line
 *   standing alone without closing punctuation becomes a `##` subheading; page furniture after the
 *   body (sharing, rating and comment prompts, the author box) is left out, and said so.
 *
 * UTF-8 with or without a byte-order mark, LF or CRLF. Pure: no file system, no network, so that a
 * file the API would refuse is refused here, naming the file and the problem, before any request.
 */

export interface ImportedArticle {
  headline: string;
  standfirst: string;
  body: string;
  /** Only when the file names tags (front matter). */
  tags?: string[];
}

export interface ImportResult {
  article: ImportedArticle;
  format: 'markdown-front-matter' | 'markdown' | 'text';
  /** What was read but left out of the article, in words, for stderr. */
  leftOut: string[];
}

/** A file that cannot become an article; the message names the file and the problem. */
export class ImportError extends Error {}

const CLOSING = /[.!?…:;,]$/;
const CLOSERS = /[”"'’»)\]]+$/;
/** The longest line that may still be a subheading. */
const SUBHEADING_MAX = 100;

/** Lines of page furniture: sharing, rating and comment prompts, and the author box. */
const FURNITURE = [
  /^share (to|with) (your )?friends\b/i,
  /^share (this|the) (article|story|page)\b/i,
  /^share on (facebook|twitter|x|linkedin|whatsapp)\b/i,
  /^rate (the |this )?(author|article|story)\b/i,
  /^(add|leave|write|post) a comment\b/i,
  /^\d* ?comments?$/i,
  /^author:/i,
  /^function:/i,
];
const isFurniture = (line: string) => FURNITURE.some((re) => re.test(line.trim()));

export function importArticle(bytes: Uint8Array, file: string): ImportResult {
  if (bytes.length > LIMITS.requestBytes) {
    throw new ImportError(
      `${file}: the file is ${mib(bytes.length)}, more than the ${mib(LIMITS.requestBytes)} the API takes in one request.`,
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ImportError(`${file}: not valid UTF-8 (${invalidAt(bytes)}). Save it as UTF-8 text and try again.`);
  }
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const control = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/u.exec(text);
  if (control) {
    const line = text.slice(0, control.index).split('\n').length;
    const code = control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    throw new ImportError(`${file}: line ${line} holds a control character (U+${code}), which the API refuses.`);
  }
  if (!text.trim()) throw new ImportError(`${file}: the file is empty.`);

  const result = text.startsWith('---\n')
    ? frontMatter(text, file)
    : /\.(md|markdown)$/i.test(file) || /^\s*# /.test(text)
      ? markdown(text, file)
      : plainText(text, file);
  checkLimits(result.article, file);
  return result;
}

function frontMatter(text: string, file: string): ImportResult {
  const end = /^---[ \t]*$/m.exec(text.slice(4));
  if (!end) throw new ImportError(`${file}: the front matter that opens with --- is never closed with another --- line.`);
  const yamlText = text.slice(4, 4 + end.index);
  let meta: unknown;
  try {
    meta = parseYaml(yamlText) ?? {};
  } catch (err) {
    throw new ImportError(`${file}: the front matter is not valid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  if (typeof meta !== 'object' || meta === null || Array.isArray(meta)) {
    throw new ImportError(`${file}: the front matter must be YAML keys (headline, standfirst, tags).`);
  }
  const fields = meta as Record<string, unknown>;
  const leftOut = Object.keys(fields)
    .filter((k) => !['headline', 'standfirst', 'tags'].includes(k))
    .map((k) => `the front matter key "${k}" (only headline, standfirst and tags are read)`);
  const str = (key: string) => {
    const value = fields[key];
    if (value === undefined || value === null) return '';
    if (typeof value !== 'string' && typeof value !== 'number') throw new ImportError(`${file}: the front matter's ${key} must be text.`);
    return String(value).trim();
  };
  const rawTags = fields.tags;
  let tags: string[] | undefined;
  if (rawTags !== undefined && rawTags !== null) {
    const list = typeof rawTags === 'string' ? rawTags.split(',') : rawTags;
    if (!Array.isArray(list) || list.some((t) => typeof t !== 'string' && typeof t !== 'number')) {
      throw new ImportError(`${file}: the front matter's tags must be a list of words.`);
    }
    tags = list.map((t) => String(t).trim()).filter(Boolean);
  }
  const headline = str('headline');
  if (!headline) throw new ImportError(`${file}: the front matter has no headline.`);
  const body = text.slice(4 + end.index + end[0].length).trim();
  return {
    article: { headline, standfirst: str('standfirst'), body, ...(tags ? { tags } : {}) },
    format: 'markdown-front-matter',
    leftOut,
  };
}

function markdown(text: string, file: string): ImportResult {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => /^# \S/.test(l));
  if (at === -1) throw new ImportError(`${file}: no "# " heading to take the headline from (or give it in front matter).`);
  const leftOut: string[] = [];
  const before = lines.slice(0, at).join('\n').trim();
  if (before) leftOut.push(`the text before the headline: ${quote(before)}`);
  const headline = lines[at]!.replace(/^# /, '')
    .replace(/\s+#+\s*$/, '')
    .trim();
  const paragraphs = splitParagraphs(lines.slice(at + 1).join('\n'));
  // The first paragraph is the standfirst, unless it is already a heading, a list, a quote or code.
  const first = paragraphs[0];
  // A single paragraph is the body, not a standfirst.
  const standfirst =
    paragraphs.length > 1 && first !== undefined && !/^(#|[-*+] |\d+\. |>|```|~~~|\||!\[)/.test(first) ? paragraphs.shift()! : '';
  return {
    article: { headline, standfirst: standfirst.replace(/\s*\n\s*/g, ' '), body: paragraphs.join('\n\n') },
    format: 'markdown',
    leftOut,
  };
}

function plainText(text: string, file: string): ImportResult {
  const paragraphs = splitParagraphs(text);
  const firstLines = paragraphs.shift()!.split('\n');
  const headline = firstLines.shift()!.trim();
  // An identical line right after the headline (pages repeat it) is dropped.
  if (firstLines[0]?.trim() === headline) firstLines.shift();
  else if (firstLines.length === 0 && paragraphs[0]?.trim() === headline) paragraphs.shift();
  if (firstLines.length) paragraphs.unshift(firstLines.join('\n'));
  // Page furniture ends the body: it and everything after it is left out.
  const cut = paragraphs.findIndex((p) => isFurniture(p.split('\n')[0]!));
  const furniture = cut === -1 ? [] : paragraphs.splice(cut);
  const leftOut = furniture.flatMap((p) => p.split('\n')).map((line) => `page furniture: ${quote(line)}`);
  // The next paragraph is the standfirst, unless it is all there is: then it is the body.
  const standfirst = paragraphs.length > 1 ? paragraphs.shift()!.replace(/\s*\n\s*/g, ' ') : '';
  const body = paragraphs.map((p) => (isSubheading(p) ? `## ${p.trim()}` : p)).join('\n\n');
  if (!headline) throw new ImportError(`${file}: the first line, the headline, is empty.`);
  return { article: { headline, standfirst, body }, format: 'text', leftOut };
}

/** A short line standing alone without closing punctuation. */
function isSubheading(paragraph: string): boolean {
  const line = paragraph.trim();
  if (line.includes('\n') || [...line].length > SUBHEADING_MAX) return false;
  return !CLOSING.test(line.replace(CLOSERS, '')) && /\p{L}/u.test(line);
}

function splitParagraphs(text: string): string[] {
  return text
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/^\n+|\s+$/g, ''))
    .filter((p) => p.trim() !== '');
}

function checkLimits(a: ImportedArticle, file: string) {
  const problems: string[] = [];
  const len = (s: string) => [...s].length;
  if (!a.headline.trim()) problems.push('it has no headline');
  if (len(a.headline) > LIMITS.headline.max)
    problems.push(`the headline is at most ${LIMITS.headline.max} characters (got ${len(a.headline)})`);
  if (len(a.standfirst) > LIMITS.standfirst.max)
    problems.push(`the standfirst is at most ${LIMITS.standfirst.max} characters (got ${len(a.standfirst)})`);
  if (!a.body.trim()) problems.push('it has no body');
  if (len(a.body) > LIMITS.body.max) problems.push(`the body is at most ${LIMITS.body.max} characters (got ${len(a.body)})`);
  if (a.tags) {
    if (a.tags.length > LIMITS.tags.max) problems.push(`at most ${LIMITS.tags.max} tags (got ${a.tags.length})`);
    for (const t of a.tags.filter((tag) => len(tag) > LIMITS.tags.maxLength))
      problems.push(`the tag ${quote(t)} is longer than ${LIMITS.tags.maxLength} characters`);
  }
  if (problems.length) throw new ImportError(`${file}: ${problems.join('; ')}.`);
}

const quote = (s: string) => {
  const one = s.replace(/\s+/g, ' ').trim();
  return `"${[...one].length > 60 ? `${[...one].slice(0, 59).join('')}…` : one}"`;
};

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** Where the first byte that is not UTF-8 is, as "line N, byte M". */
function invalidAt(bytes: Uint8Array): string {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const width = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    try {
      if (width === 0) throw new Error();
      decoder.decode(bytes.subarray(i, i + width));
    } catch {
      return `line ${line}, byte ${i + 1}`;
    }
    if (b === 0x0a) line++;
    i += width;
  }
  return `at the end`;
}
