import { resolve } from 'node:path';

/** Local settings, from the environment, with the defaults the README promises. */
export const dataDirectory = () => resolve(process.env.NEWSROOM_DATA_DIR ?? '.newsroom');

export function localSettings() {
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${process.env.PORT}"`);
  const webhookUrls = (process.env.NEWSROOM_WEBHOOK_URLS ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean);
  for (const u of webhookUrls) {
    if (!/^https?:\/\//.test(u)) throw new Error(`NEWSROOM_WEBHOOK_URLS: "${u}" is not an http(s) URL`);
  }
  const corsOrigins = (process.env.NEWSROOM_CORS_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const o of corsOrigins) {
    if (o !== '*' && !/^https?:\/\/[^/]+$/.test(o))
      throw new Error(`NEWSROOM_CORS_ORIGINS: "${o}" is not an origin such as http://localhost:5173`);
  }
  return {
    port,
    corsOrigins,
    dataDir: dataDirectory(),
    webhookUrls,
    webhookSecret: process.env.NEWSROOM_WEBHOOK_SECRET || undefined,
  };
}

export type LocalSettings = ReturnType<typeof localSettings>;
