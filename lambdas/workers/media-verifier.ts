import { Logger } from '@aws-lambda-powertools/logger';
import type { Context, EventBridgeEvent, S3Event } from 'aws-lambda';
import { mediaDeps } from '../store/media-clients.js';
import { verifyUpload } from '../usecases/verify-upload.js';

const logger = new Logger({ serviceName: 'newsroom-media-verifier' });

type ObjectCreated = EventBridgeEvent<'Object Created', { bucket: { name: string }; object: { key: string; size?: number } }>;

/** Object keys from an S3 notification (URL-encoded) or an EventBridge "Object Created" event. */
export function keysOf(event: S3Event | ObjectCreated): string[] {
  if ('Records' in event) {
    return event.Records.filter((r) => r.eventName.startsWith('ObjectCreated')).map((r) =>
      decodeURIComponent(r.s3.object.key.replace(/\+/g, ' ')),
    );
  }
  return event['detail-type'] === 'Object Created' ? [event.detail.object.key] : [];
}

/** Woken when an upload lands: verifies each object against what was declared for it. */
export const handler = async (event: S3Event | ObjectCreated, context?: Context): Promise<void> => {
  if (context) logger.addContext(context);
  for (const key of keysOf(event)) {
    const outcome = await verifyUpload(mediaDeps, key);
    if (outcome === 'discarded') logger.warn('upload to a file already verified: deleted, never served', { key, outcome });
    else logger.info('upload checked', { key, outcome });
  }
};
