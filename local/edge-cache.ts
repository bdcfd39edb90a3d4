/** What a read of one site file found: the file, a killed article's marker, or nothing. */
export type SiteObject =
  | { kind: 'file'; body: Buffer; contentType: string; cacheControl: string; etag: string; lastModified: Date | undefined }
  | { kind: 'gone'; cacheControl: string }
  | { kind: 'missing' };

export interface EdgeCacheOptions {
  /** Files kept at most; the least recently read go first. */
  maxEntries?: number;
  /** Larger files are served but not kept. */
  maxBodyBytes?: number;
  /** How long a missing file is remembered, as CloudFront keeps error responses (its default 10 s). */
  missingMs?: number;
  now?: () => number;
}

/**
 * The local stand-in for CloudFront's cache of the site bucket: a file read once is served from
 * memory until the renderer invalidates its path, as in AWS, so readers cost the stores nothing
 * and a render that forgot to invalidate a path shows locally too. A missing file is remembered
 * only briefly (a new file's path is not invalidated when it first appears, and CloudFront caches
 * errors for seconds, not until invalidated). Readers of the same file at the same moment share
 * one read. A read that an invalidation of its path overtook is served but not kept: it may hold
 * the file from before the change.
 */
export class EdgeCache {
  private readonly entries = new Map<string, { object: SiteObject; until: number }>();
  private readonly reading = new Map<string, Promise<SiteObject>>();
  /** Per key, the invalidation last seen; cleared whenever no read is in flight. */
  private readonly invalidated = new Map<string, number>();
  private invalidations = 0;
  private inFlight = 0;
  private readonly maxEntries: number;
  private readonly maxBodyBytes: number;
  private readonly missingMs: number;
  private readonly now: () => number;

  constructor(opts: EdgeCacheOptions = {}) {
    this.maxEntries = opts.maxEntries ?? 5_000;
    this.maxBodyBytes = opts.maxBodyBytes ?? 1 << 20;
    this.missingMs = opts.missingMs ?? 10_000;
    this.now = opts.now ?? Date.now;
  }

  /** The file at `key`, from memory when kept, otherwise by `read` (shared with readers of the same key). */
  async get(key: string, read: (key: string) => Promise<SiteObject>): Promise<SiteObject> {
    const kept = this.entries.get(key);
    if (kept && kept.until > this.now()) {
      // Most recently read last: the map's order is the eviction order.
      this.entries.delete(key);
      this.entries.set(key, kept);
      return kept.object;
    }
    this.entries.delete(key);
    return this.reading.get(key) ?? this.fill(key, read);
  }

  /** Forgets the files at these site paths (as the renderer names them: `/`, `/articles/{slug}/`, `/feed.xml`…). */
  invalidate(paths: readonly string[]): void {
    for (const path of paths) {
      const key = siteKey(path);
      if (key === undefined) continue;
      this.entries.delete(key);
      // Readers from now on read again, rather than share a read that began before the change.
      this.reading.delete(key);
      this.invalidated.set(key, ++this.invalidations);
    }
  }

  private fill(key: string, read: (key: string) => Promise<SiteObject>): Promise<SiteObject> {
    const seen = this.invalidated.get(key);
    this.inFlight++;
    const pending: Promise<SiteObject> = read(key)
      .then((object) => {
        if (this.invalidated.get(key) === seen) this.keep(key, object);
        return object;
      })
      .finally(() => {
        if (this.reading.get(key) === pending) this.reading.delete(key);
        if (--this.inFlight === 0) this.invalidated.clear();
      });
    this.reading.set(key, pending);
    return pending;
  }

  private keep(key: string, object: SiteObject): void {
    if (object.kind === 'file' && object.body.byteLength > this.maxBodyBytes) return;
    const until = object.kind === 'missing' ? this.now() + this.missingMs : Number.POSITIVE_INFINITY;
    this.entries.set(key, { object, until });
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.entries.delete(oldest);
    }
  }
}

/**
 * The bucket key of a site path: a directory path is its `index.html`, as readers are served it;
 * undefined for a path no file can have (undecodable, or with `.` or `..` segments).
 */
export function siteKey(path: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path.endsWith('/') ? `${path}index.html` : path);
  } catch {
    return undefined;
  }
  if (!decoded.startsWith('/') || decoded.split('/').some((segment) => segment === '..' || segment === '.')) return undefined;
  return decoded.slice(1);
}
