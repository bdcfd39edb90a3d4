import { ProblemError } from './errors.js';

/**
 * A file attached to an article: declared by the uploader, verified by the server. `expired`: its
 * upload form ran out before the file arrived; it is listed, holds nothing back, and can be removed.
 */
export type MediaStatus = 'pending' | 'ready' | 'rejected' | 'expired';

export interface Media {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  caption: string | null;
  credit: string | null;
  status: MediaStatus;
  reason: string | null;
  width: number | null;
  height: number | null;
  createdAt: string;
  verifiedAt: string | null;
  /**
   * Where the verified copy of a ready file lives: a key no upload form addresses, and the
   * only object ever served. Internal: never shown to clients.
   */
  storedKey?: string;
}

/** A file as clients see it: everything but where it is stored. */
export function publicMedia(media: Media): Omit<Media, 'storedKey'> {
  const { storedKey: _stored, ...shown } = media;
  return shown;
}

const MiB = 1024 * 1024;

/**
 * What reporters may upload, and how large. Each type also lists the types the verifier may find
 * for it (an M4A file is an MPEG-4 container; declared as audio, one with a video track is taken too).
 */
// Pure: functions that only ask whether a file blocks approval leave the table out of their bundle.
export const DEFAULT_MEDIA_TYPES: Record<string, { maxBytes: number; detectedAs: string[] }> = /* @__PURE__ */ (() => ({
  'image/jpeg': { maxBytes: 25 * MiB, detectedAs: ['image/jpeg'] },
  'image/png': { maxBytes: 25 * MiB, detectedAs: ['image/png'] },
  'image/webp': { maxBytes: 25 * MiB, detectedAs: ['image/webp'] },
  'image/gif': { maxBytes: 25 * MiB, detectedAs: ['image/gif'] },
  'audio/mpeg': { maxBytes: 200 * MiB, detectedAs: ['audio/mpeg'] },
  'audio/mp4': { maxBytes: 200 * MiB, detectedAs: ['audio/mp4', 'video/mp4'] },
  'video/mp4': { maxBytes: 2048 * MiB, detectedAs: ['video/mp4'] },
}))();

export type MediaTypes = typeof DEFAULT_MEDIA_TYPES;

/** Accepted spellings of a declared type, mapped to the one the newsroom stores. */
const ALIASES: Record<string, string> = {
  'image/jpg': 'image/jpeg',
  'audio/x-m4a': 'audio/mp4',
  'audio/m4a': 'audio/mp4',
  'audio/mp3': 'audio/mpeg',
};

/** Reads `MEDIA_MAX_BYTES` (JSON, content type → bytes) over the defaults; fails fast when malformed. */
export function mediaTypesFrom(json: string | undefined): MediaTypes {
  if (!json) return DEFAULT_MEDIA_TYPES;
  const overrides = JSON.parse(json) as Record<string, unknown>;
  const types = structuredClone(DEFAULT_MEDIA_TYPES);
  for (const [type, max] of Object.entries(overrides)) {
    if (!Object.hasOwn(types, type) || typeof max !== 'number' || !Number.isInteger(max) || max <= 0) {
      throw new Error(`MEDIA_MAX_BYTES: "${type}" must be one of ${Object.keys(types).join(', ')} with a positive whole number of bytes`);
    }
    types[type]!.maxBytes = max;
  }
  return types;
}

/** Checks a declared upload against the allowed types (415) and their limits (413). */
export function checkDeclaredMedia(types: MediaTypes, contentType: string, size: number): string {
  const lower = contentType.toLowerCase();
  const type = Object.hasOwn(ALIASES, lower) ? ALIASES[lower]! : lower;
  const allowed = Object.entries(types).map(([t, { maxBytes }]) => ({ type: t, maxBytes }));
  const rule = Object.hasOwn(types, type) ? types[type] : undefined;
  if (!rule) {
    const detail = `Newsroom does not take ${contentType} files.`;
    throw new ProblemError(415, 'Unsupported Media Type', detail, { allowed, errors: [{ pointer: '/contentType', message: detail }] });
  }
  if (size > rule.maxBytes) {
    const detail = `${type} files are limited to ${rule.maxBytes} bytes.`;
    throw new ProblemError(413, 'Payload Too Large', detail, {
      limit: rule.maxBytes,
      allowed,
      errors: [{ pointer: '/size', message: detail }],
    });
  }
  return type;
}

/** What the verifier found in an uploaded file. */
export interface Found {
  size: number;
  /** The type the whole structure parsed as, or the type the first bytes claim when `problem` is set. */
  detectedType: string | undefined;
  /** Why the structure does not parse as `detectedType`. */
  problem?: string;
  /** The largest area an image declares (its canvas or one of its frames). */
  pixels?: number;
}

/**
 * Compares what the file really is with what was declared; returns why it is refused, if it is.
 * A file is ready only when its whole structure parses as the declared type, and an image's
 * area is at most `maxPixels`.
 */
export function verdict(
  types: MediaTypes,
  declared: Pick<Media, 'contentType' | 'size'>,
  found: Found,
  maxPixels = DEFAULT_MAX_PIXELS,
): string | undefined {
  if (found.size !== declared.size) return `size is ${found.size} bytes, ${declared.size} were declared`;
  if (!found.detectedType) return `content is not a recognisable ${declared.contentType} file`;
  if (!Object.hasOwn(types, declared.contentType) || !types[declared.contentType]!.detectedAs.includes(found.detectedType)) {
    return `content is ${found.detectedType}, ${declared.contentType} was declared`;
  }
  if (found.problem) return `content is not a valid ${declared.contentType} file: ${found.problem}`;
  if (found.pixels !== undefined && found.pixels > maxPixels) {
    return `the image has ${found.pixels} pixels, more than the ${maxPixels} allowed`;
  }
  return undefined;
}

/** Media that would reach readers unverified, or that failed verification, holds approval back. */
export const blocksApproval = (m: Pick<Media, 'status'>) => m.status === 'pending' || m.status === 'rejected';

export const MEDIA_PER_ARTICLE = 50;
/** The key an upload form writes to, and the only shape of key the verifier takes uploads from. */
export const mediaKey = (articleId: string, mediaId: string) => `media/${articleId}/${mediaId}`;
/**
 * Where one verification copies an upload before reading it: below the upload key, so no form
 * (whose policy pins the upload key exactly) can write it, and unique per attempt, so two
 * verifications of the same upload never overwrite each other's copy.
 */
export const verifiedMediaKey = (articleId: string, mediaId: string, attempt: string) =>
  `media/${articleId}/${mediaId}/verified-${attempt}`;

/** Images larger than this many pixels are refused (decompression bombs), unless `MEDIA_MAX_PIXELS` says otherwise. */
export const DEFAULT_MAX_PIXELS = 50_000_000;

/** Reads `MEDIA_MAX_PIXELS` (a positive whole number) over the default; fails fast when malformed. */
export function maxPixelsFrom(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_MAX_PIXELS;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0) throw new Error(`MEDIA_MAX_PIXELS must be a positive whole number of pixels, not "${value}"`);
  return n;
}
const KEY = /^media\/([A-Za-z0-9-]{1,64})\/([A-Za-z0-9-]{1,64})$/;
export function parseMediaKey(key: string): { articleId: string; mediaId: string } | undefined {
  const m = KEY.exec(key);
  return m ? { articleId: m[1]!, mediaId: m[2]! } : undefined;
}
