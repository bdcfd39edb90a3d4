import { S3Client } from '@aws-sdk/client-s3';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { S3SiteFiles } from '../lambdas/adapters/s3-site-files.js';
import type { SiteContext } from '../lambdas/site/model.js';
import { DynamoArticleReader } from '../lambdas/store/article-repository.js';
import { DynamoAuthorProfiles } from '../lambdas/store/profiles.js';
import { DynamoSiteIndex } from '../lambdas/store/site-index.js';
import { siteRenderer } from '../lambdas/usecases/render-site.js';
import { SITE_EVENT_TYPES, type FrontPageRequests } from '../lambdas/usecases/site-ports.js';
import type { LaneTarget } from '../lambdas/workers/lanes.js';
import { EdgeCache } from './edge-cache.js';
import { siteServer } from './site-server.js';
import { MEDIA_BUCKET, SITE_BUCKET } from './storage.js';
import { WorkerLoop } from './worker-loop.js';

/** How long a front-page request waits for others to join it. */
const FRONT_PAGE_DELAY_MS = 250;

/** How often the repair pass looks for articles whose files lag their state, as the cloud's schedule does. */
const REPAIR_EVERY_MS = 15 * 60_000;

/**
 * The public site on one machine: the renderer the cloud runs, writing to s3rver, fed by the local
 * dispatcher as one more target (so each article renders in order, with retries), and served under
 * `/site/` the way CloudFront serves the site bucket, from a cache the renderer invalidates.
 */
export function localSite(db: DynamoDBDocumentClient, tableName: string, site: SiteContext, log: (message: string, err: unknown) => void) {
  // One client for the renderer's writes and readers' reads, and no middleware added per request:
  // its handlers are built once per command. A handler built once also shares one context among all
  // the requests it sends, concurrent ones included (each request's resolved endpoint is kept there),
  // which is safe only because every command of this client goes to one bucket, the site's. (The
  // document client must never cache: its commands' handlers are bound to the first command's input.)
  // s3rver keeps no CRC checksums (only the ETag's MD5), so none are computed for it.
  const s3 = new S3Client({
    forcePathStyle: true,
    cacheMiddleware: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  // CloudFront's cache, here: the renderer's invalidations are what make a change visible.
  const edge = new EdgeCache();
  let frontRequested: string | undefined;
  let frontSoon: NodeJS.Timeout | undefined;
  const front: FrontPageRequests = {
    async request(requestedAt) {
      frontRequested = requestedAt;
      // Requests within a short while of each other are one render: a burst of publications
      // renders the front page a few times a second, not once per article.
      frontSoon ??= setTimeout(() => {
        frontSoon = undefined;
        frontLoop.nudge();
      }, FRONT_PAGE_DELAY_MS);
    },
  };
  const renderer = siteRenderer({
    articles: new DynamoArticleReader(db, tableName),
    profiles: new DynamoAuthorProfiles(db, tableName),
    files: new S3SiteFiles(s3, SITE_BUCKET, MEDIA_BUCKET),
    cdn: { invalidate: async (paths) => edge.invalidate(paths) },
    index: new DynamoSiteIndex(db, tableName),
    front,
    site,
    now: () => new Date(),
  });
  // Requests made while a render runs are served by one more render after it: bursts coalesce.
  const frontLoop = new WorkerLoop(
    async () => {
      const requestedAt = frontRequested;
      frontRequested = undefined;
      if (requestedAt) await renderer.frontPage(requestedAt);
      return undefined;
    },
    60_000,
    (err) => log('rendering the front page failed', err),
  );
  // On start it also renders what changed while the newsroom was down, and the front page once.
  const repairLoop = new WorkerLoop(
    async () => {
      await renderer.repair();
      await front.request(new Date().toISOString());
      return Date.now() + REPAIR_EVERY_MS;
    },
    REPAIR_EVERY_MS,
    (err) => log('repairing the site failed', err),
  );
  const target: LaneTarget = {
    name: 'site',
    // Rendering waits on the embedded stores, not on a remote receiver: more articles at a time.
    concurrency: 32,
    // And it is this machine's work: acknowledgements wait while it renders.
    sharesMachine: true,
    async deliver(event) {
      if (SITE_EVENT_TYPES.includes(event.type)) await renderer.article(event.articleId, event.version);
    },
  };
  return {
    target,
    serve: siteServer(s3, SITE_BUCKET, edge),
    start() {
      frontLoop.start();
      repairLoop.start();
    },
    async stop() {
      await repairLoop.stop();
      clearTimeout(frontSoon);
      await frontLoop.stop();
      s3.destroy();
    },
  };
}
