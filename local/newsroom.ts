import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FUNCTIONS, GATEWAY_ROUTES, type FunctionName } from '../lambdas/http/routes.js';
import { WebhookPublisher, webhookOrigin } from '../lambdas/adapters/webhook-publisher.js';
import { DynamoScheduleIndex } from '../lambdas/store/schedule-index.js';
import { LaneDispatcher } from '../lambdas/workers/lanes.js';
import { publishEverythingDue } from '../lambdas/workers/publish.js';
import { makeDataDirPrivate } from './data-dir.js';
import { createGateway, type GatewayOptions, type LambdaHandler } from './gateway.js';
import type { LocalSettings } from './settings.js';
import { SITE_PREFIX } from './site-server.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION, MEDIA_BUCKET, startStorage, TABLE_NAME } from './storage.js';
import { tokenVerifier } from './tokens.js';
import { workerLogger } from './worker-log.js';
import { WorkerLoop } from './worker-loop.js';
import { besideDelivery } from './beside-delivery.js';
import { coalesceItemReads } from './coalesced-reads.js';

export interface RunningNewsroom {
  /** Where to reach the API: the address it listens on (`localhost` when it listens on every interface). */
  url: string;
  /** The public site's base URL: NEWSROOM_SITE_URL, or `<url>/site`, where this newsroom serves it. */
  siteUrl: string;
  /** Settles with the error should the embedded stores stop on their own: the newsroom cannot go on without them. */
  failed: Promise<Error>;
  stop(): Promise<void>;
}

/**
 * Starts the whole newsroom on this machine: embedded DynamoDB and S3, the same handlers
 * the cloud runs behind an API-Gateway-shaped server, the outbox dispatcher, the scheduled
 * publisher and the media verifier.
 */
export async function startNewsroom(settings: LocalSettings, hooks: Pick<GatewayOptions, 'onRequest'> = {}): Promise<RunningNewsroom> {
  // The README states the Node.js versions the local newsroom supports; spare newcomers the SDK's notice.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  makeDataDirPrivate(settings.dataDir);
  const storage = await startStorage(settings.dataDir, settings.corsOrigins);

  // The handlers read their configuration at module load, exactly as in Lambda.
  Object.assign(process.env, {
    TABLE_NAME,
    MEDIA_BUCKET,
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: storage.dynamoEndpoint,
    AWS_ENDPOINT_URL_S3: storage.s3Endpoint,
    AWS_REQUEST_CHECKSUM_CALCULATION: 'WHEN_REQUIRED',
    AWS_RESPONSE_CHECKSUM_VALIDATION: 'WHEN_REQUIRED',
    S3_FORCE_PATH_STYLE: 'true',
    POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
  });

  const handlers = {} as Record<FunctionName, LambdaHandler>;
  for (const [name, fn] of Object.entries(FUNCTIONS)) {
    const mod = (await import(`../${fn.entry.replace(/\.ts$/, '.js')}`)) as { handler: LambdaHandler };
    handlers[name as FunctionName] = mod.handler;
  }
  // In AWS the docs function reads what the build rendered beside its bundle; here it is rendered on first request.
  handlers.apiDocs = (await import('./api-docs.js')).localApiDocs();

  const { articleDeps, documentClient, tableName } = await import('../lambdas/store/clients.js');
  if (process.env.NEWSROOM_TEST_CRASH_AFTER_KEYED_WRITE === '1') {
    (await import('./crash-hook.js')).crashAfterKeyedTransitions(documentClient);
  }
  // Every function here shares one client: reads made at the same moment go to the store together.
  coalesceItemReads(documentClient);
  const { DynamoOutbox } = await import('../lambdas/store/outbox-store.js');
  // Workers log with their own loggers: never with the context of the last API request.
  const log = {
    dispatcher: workerLogger('dispatcher'),
    publisher: workerLogger('publisher'),
    media: workerLogger('media-verifier'),
    site: workerLogger('site-renderer'),
  };
  // Every webhook attempt goes into the delivery log, which GET /deliveries reads.
  const { deliveryLog, webhooks, pending, redelivery } = await localDeliveries(settings, documentClient, tableName, log.dispatcher);
  // The public site: rendered on write by the same renderer as in AWS, from the same events.
  const siteContext = { baseUrl: settings.siteUrl ?? '', title: 'Newsroom' };
  const { localSite } = await import('./site.js');
  const site = localSite(documentClient, tableName, siteContext, (message, err) => log.site.error(message, { error: err as Error }));
  const lanes = new LaneDispatcher(
    new DynamoOutbox(documentClient, tableName),
    [
      ...webhooks.targets.map((target) => ({
        name: target.origin,
        deliver: (event: Parameters<typeof webhooks.deliver>[1], attempt: number, signal: AbortSignal) =>
          webhooks.deliver(target, event, attempt, signal),
      })),
      site.target,
    ],
    log.dispatcher,
    { onRead: (events) => pending.mark(events) },
  );
  const { deliveriesApi } = await import('../lambdas/handlers/deliveries.js');
  handlers.deliveries = deliveriesApi({ log: deliveryLog, redelivery, now: () => new Date() }) as LambdaHandler;
  // dynalite has no TTL: expired delivery records are deleted here (reads leave them out meanwhile).
  const HOUR = 3_600_000;
  const sweeper = new WorkerLoop(
    async () => {
      await deliveryLog.sweepExpired(new Date());
      return Date.now() + HOUR;
    },
    HOUR,
    (err) => log.dispatcher.error('sweeping the delivery log failed', { error: err as Error }),
  );
  const dispatcher = new WorkerLoop(
    async () => {
      await lanes.scan();
      return undefined;
    },
    1_000,
    (err) => log.dispatcher.error('dispatcher failed', { error: err as Error }),
  );

  // Publishes scheduled articles at their time: a timer armed for the next one, re-armed after
  // every write, and on start everything that fell due while the newsroom was down.
  const schedule = new DynamoScheduleIndex(documentClient, tableName);
  const publisher = new WorkerLoop(
    async () => {
      // Each published article wakes its own lanes, as its stream record does in AWS, so a crowded
      // second is delivered as it goes (a scan per article would read the whole pending index each time).
      const published = await publishEverythingDue(articleDeps, schedule, new Date(), (_, due) => lanes.touched(due.articleId));
      if (published > 0) dispatcher.nudge();
      const next = await schedule.next();
      return next ? Date.parse(next.publishAt) : undefined;
    },
    1_000,
    (err) => log.publisher.error('publisher failed', { error: err as Error }),
  );

  // Uploads land in s3rver, whose events have the shape of S3 notifications: the same verifier runs.
  const { handler: verifyUploads } = await import('../lambdas/workers/media-verifier.js');
  storage.onObjectCreated((event) => {
    // The site's own files land in s3rver too: only uploads to the media bucket are verified.
    const buckets = (event as { Records?: { s3?: { bucket?: { name?: string } } }[] }).Records?.map((r) => r.s3?.bucket?.name);
    if (!buckets?.includes(MEDIA_BUCKET)) return;
    verifyUploads(event as Parameters<typeof verifyUploads>[0])
      .then(() => dispatcher.nudge())
      .catch((err: unknown) => log.media.error('media verification failed', { error: err as Error }));
  });

  // An upload whose event was lost while the newsroom was down is checked now, in the background.
  const { mediaDeps } = await import('../lambdas/store/media-clients.js');
  const { verifyUploadsLeftPending } = await import('../lambdas/usecases/verify-upload.js');
  const recovered = verifyUploadsLeftPending(mediaDeps)
    .then((n) => n > 0 && dispatcher.nudge())
    .catch((err: unknown) => log.media.error('checking pending uploads failed', { error: err as Error }));

  // As the cloud's media sweep does every few minutes: uploads pending too long get a second look,
  // and a declared file that never arrived stops blocking approval once its form has expired.
  const { DynamoArticleLists } = await import('../lambdas/store/list-pages.js');
  const { verifyStalePendingUploads } = await import('../lambdas/usecases/sweep-pending-media.js');
  const { STALE_AFTER_MS } = await import('../lambdas/workers/media-sweep.js');
  const MINUTE = 60_000;
  const mediaSweep = new WorkerLoop(
    async () => {
      const settled = await verifyStalePendingUploads(mediaDeps, new DynamoArticleLists(documentClient, tableName), STALE_AFTER_MS);
      if (settled > 0) dispatcher.nudge();
      return Date.now() + MINUTE;
    },
    MINUTE,
    (err) => log.media.error('sweeping pending uploads failed', { error: err as Error }),
  );

  const server: Server = createGateway({
    routes: GATEWAY_ROUTES,
    handlers,
    verify: await tokenVerifier(settings.dataDir),
    corsOrigins: settings.corsOrigins,
    requestTimeoutMs: settings.requestTimeoutMs,
    maxConnections: settings.maxConnections,
    onRequest: hooks.onRequest,
    mounts: [{ prefix: SITE_PREFIX, serve: site.serve }],
    onWrite: (event) => {
      // A write that names its article wakes that article's lanes; any other, a scan of the index.
      const articleId = event.pathParameters?.id;
      if (articleId) lanes.touched(articleId);
      else dispatcher.nudge();
      publisher.nudge();
    },
  });
  await new Promise<void>((ok, fail) => server.once('error', fail).listen(settings.port, settings.host, ok));
  const url = urlOf(server.address() as AddressInfo);
  siteContext.baseUrl ||= `${url}${SITE_PREFIX}`;
  // The API's article JSON links to the site (`url`), as SITE_URL does in AWS.
  process.env.SITE_URL = siteContext.baseUrl;
  site.start();
  dispatcher.start();
  publisher.start();
  sweeper.start();
  mediaSweep.start();

  return {
    url,
    siteUrl: siteContext.baseUrl,
    failed: storage.failed,
    async stop() {
      // Stop taking requests, let those in flight finish, then stop the workers and the stores.
      const closed = new Promise<void>((ok) => server.close(() => ok()));
      server.closeIdleConnections();
      const linger = setTimeout(() => server.closeAllConnections(), 2_000);
      await closed;
      clearTimeout(linger);
      await recovered;
      await publisher.stop();
      await dispatcher.stop();
      await sweeper.stop();
      await mediaSweep.stop();
      await lanes.stop();
      await site.stop();
      documentClient.destroy();
      await storage.close();
    },
  };
}

/** The webhook publisher the dispatcher uses, logging every attempt, and redelivery straight to the targets. */
async function localDeliveries(
  settings: LocalSettings,
  db: import('@aws-sdk/lib-dynamodb').DynamoDBDocumentClient,
  tableName: string,
  logger: { warn: (message: string, extra: Record<string, unknown>) => void },
) {
  const { DynamoDeliveryLog } = await import('../lambdas/store/delivery-log.js');
  const { attemptRecorder, localTargets, PendingDeliveries } = await import('../lambdas/store/delivery-recording.js');
  const { DirectRedelivery } = await import('../lambdas/adapters/direct-redelivery.js');
  const deliveryLog = new DynamoDeliveryLog(db, tableName);
  const warn = (message: string, extra: Record<string, unknown>) => logger.warn(message, extra);
  const targets = localTargets(settings.webhookUrls, webhookOrigin);
  const webhooks = new WebhookPublisher(settings.webhookUrls, settings.webhookSecret, {
    onAttempt: besideDelivery(attemptRecorder(deliveryLog, targets, warn), {
      onDropped: (dropped) => warn('the delivery log fell behind: the oldest attempts were not recorded', { dropped }),
    }),
  });
  return {
    deliveryLog,
    webhooks,
    pending: new PendingDeliveries(webhooks, deliveryLog, targets, warn),
    redelivery: new DirectRedelivery(settings.webhookUrls, settings.webhookSecret, deliveryLog, warn),
  };
}

function urlOf({ address, port, family }: AddressInfo): string {
  if (address === '0.0.0.0' || address === '::') return `http://localhost:${port}`;
  return family === 'IPv6' ? `http://[${address}]:${port}` : `http://${address}:${port}`;
}
