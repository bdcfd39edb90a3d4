import type { App, Environment } from 'aws-cdk-lib';
import { maxPixelsFrom, mediaTypesFrom } from '../lambdas/domain/media.js';
import { AppStack } from './app-stack.js';
import type { WebhookTarget } from './events.js';
import { StatefulStack } from './stateful-stack.js';

export interface NewsroomConfig {
  corsOrigins: string[];
  notifyEmails: string[];
  /** Operators told by email when an alarm fires. */
  alarmEmails: string[];
  webhooks: WebhookTarget[];
  throttle: { rateLimit: number; burstLimit: number };
  /** `MEDIA_MAX_BYTES` for the media functions: JSON of media type → largest size in bytes. */
  mediaMaxBytes?: string;
  /** `MEDIA_MAX_PIXELS` for the media functions: the largest image area accepted. */
  mediaMaxPixels?: string;
}

/** Reads the deploy-time settings from CDK context (cdk.json or -c key=value), checking their shape. */
export function configFromContext(app: App): NewsroomConfig {
  const list = (key: string): unknown[] => {
    const raw = app.node.tryGetContext(key) as unknown;
    if (raw === undefined) return [];
    const value = typeof raw === 'string' ? (raw.trim().startsWith('[') ? JSON.parse(raw) : raw.split(',').filter(Boolean)) : raw;
    if (!Array.isArray(value)) throw new Error(`context "${key}" must be a list`);
    return value;
  };
  const corsOrigins = list('corsOrigins').map(String);
  for (const o of corsOrigins) if (!/^https?:\/\/[^/]+$|^\*$/.test(o)) throw new Error(`context corsOrigins: "${o}" is not an origin`);
  const webhooks = list('webhooks') as WebhookTarget[];
  for (const w of webhooks) {
    if (!w?.name || !/^[A-Za-z0-9-]+$/.test(w.name) || !/^https:\/\//.test(w.url ?? '') || !w.secretName) {
      throw new Error('context webhooks: each needs a name (letters, digits, -), an https url and a secretName');
    }
  }
  const emails = (key: string) => {
    const values = list(key).map(String);
    for (const e of values) if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(e)) throw new Error(`context ${key}: "${e}" is not an email address`);
    return values;
  };
  const rateLimit = Number(app.node.tryGetContext('throttleRate') ?? 50);
  const burstLimit = Number(app.node.tryGetContext('throttleBurst') ?? 100);
  /** A setting passed to the media functions as an environment variable, checked as they will read it. */
  const mediaSetting = (key: string, check: (value: string) => unknown): string | undefined => {
    const raw = app.node.tryGetContext(key) as unknown;
    if (raw === undefined || raw === null || raw === '') return undefined;
    const value = typeof raw === 'string' ? raw : JSON.stringify(raw);
    try {
      check(value);
    } catch (err) {
      throw new Error(`context ${key}: ${(err as Error).message}`);
    }
    return value;
  };
  const mediaMaxBytes = mediaSetting('mediaMaxBytes', mediaTypesFrom);
  const mediaMaxPixels = mediaSetting('mediaMaxPixels', maxPixelsFrom);
  return {
    corsOrigins,
    notifyEmails: emails('notifyEmails'),
    alarmEmails: emails('alarmEmails'),
    webhooks,
    throttle: { rateLimit, burstLimit },
    mediaMaxBytes,
    mediaMaxPixels,
  };
}

export function buildNewsroom(app: App, config: NewsroomConfig, env?: Environment) {
  const stateful = new StatefulStack(app, 'NewsroomStateful', {
    env,
    corsOrigins: config.corsOrigins,
    description: 'Newsroom: articles table, media bucket, staff user pool',
  });
  const stateless = new AppStack(app, 'NewsroomApp', {
    env,
    description: 'Newsroom: API, functions, notifications',
    shared: stateful.shared,
    ...config,
  });
  // The app stack reads the stateful stack's names from SSM parameters, not exports: deploy order is explicit.
  stateless.addStackDependency(stateful);
  return { stateful, stateless };
}
