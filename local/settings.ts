import { resolve } from 'node:path';

/** Local settings, from the environment, with the defaults the README promises. */
export const dataDirectory = () => resolve(process.env.NEWSROOM_DATA_DIR ?? '.newsroom');

export function localSettings() {
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${process.env.PORT}"`);
  // Loopback only unless asked: the local newsroom trusts anyone who can reach it with a dev token.
  const host = process.env.HOST?.trim() || '127.0.0.1';
  const requestTimeoutMs = wholeNumber('NEWSROOM_REQUEST_TIMEOUT_MS', 30_000, 100, 600_000);
  const maxConnections = wholeNumber('NEWSROOM_MAX_CONNECTIONS', 256, 1, 65_536);
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
    host,
    port,
    requestTimeoutMs,
    maxConnections,
    corsOrigins,
    dataDir: dataDirectory(),
    webhookUrls,
    webhookSecret: process.env.NEWSROOM_WEBHOOK_SECRET || undefined,
  };
}

function wholeNumber(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!(n >= min && n <= max)) throw new Error(`${name} must be a whole number from ${min} to ${max}, not "${raw}"`);
  return n;
}

export type LocalSettings = ReturnType<typeof localSettings>;
