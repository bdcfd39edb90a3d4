import type { App, Environment } from 'aws-cdk-lib';
import { AppStack } from './app-stack.js';
import type { WebhookTarget } from './events.js';
import { StatefulStack } from './stateful-stack.js';

export interface NewsroomConfig {
  corsOrigins: string[];
  notifyEmails: string[];
  webhooks: WebhookTarget[];
  throttle: { rateLimit: number; burstLimit: number };
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
  const rateLimit = Number(app.node.tryGetContext('throttleRate') ?? 50);
  const burstLimit = Number(app.node.tryGetContext('throttleBurst') ?? 100);
  return { corsOrigins, notifyEmails: list('notifyEmails').map(String), webhooks, throttle: { rateLimit, burstLimit } };
}

export function buildNewsroom(app: App, config: NewsroomConfig, env?: Environment) {
  const stateful = new StatefulStack(app, 'NewsroomStateful', {
    env,
    corsOrigins: config.corsOrigins,
    description: 'Newsroom: articles table and media bucket',
  });
  const stateless = new AppStack(app, 'NewsroomApp', {
    env,
    description: 'Newsroom: API, functions, notifications',
    table: stateful.table,
    mediaBucketExports: stateful.mediaBucketExports,
    ...config,
  });
  return { stateful, stateless };
}
