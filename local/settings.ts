import { resolve } from 'node:path';

/** A setting the newsroom cannot start with: its message names the setting and what to do. */
export class SettingError extends Error {}

/** Local settings, from the environment, with the defaults the README promises. */
export const dataDirectory = () => resolve(process.env.NEWSROOM_DATA_DIR ?? '.newsroom');

export function localSettings() {
  const rawPort = process.env.PORT?.trim() || '3000';
  const port = /^\d{1,5}$/.test(rawPort) ? Number(rawPort) : NaN;
  if (!(port >= 0 && port <= 65535))
    throw new SettingError(
      `PORT must be a port number from 0 to 65535 (0 picks a free one), not "${process.env.PORT}": start with PORT=3001 npm start, for example`,
    );
  // Loopback only unless asked: the local newsroom trusts anyone who can reach it with a dev token.
  const host = process.env.HOST?.trim() || '127.0.0.1';
  const requestTimeoutMs = wholeNumber('NEWSROOM_REQUEST_TIMEOUT_MS', 30_000, 100, 600_000);
  const maxConnections = wholeNumber('NEWSROOM_MAX_CONNECTIONS', 256, 1, 65_536);
  const webhookUrls = (process.env.NEWSROOM_WEBHOOK_URLS ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean);
  // The value is not echoed: a webhook URL may carry credentials.
  webhookUrls.forEach((u, i) => {
    if (!/^https?:\/\//.test(u) || !URL.canParse(u)) {
      throw new SettingError(
        `NEWSROOM_WEBHOOK_URLS: entry ${i + 1} of ${webhookUrls.length} is not an http(s) URL: give comma-separated URLs such as http://localhost:4000/hooks`,
      );
    }
  });
  const corsOrigins = (process.env.NEWSROOM_CORS_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const o of corsOrigins) {
    if (o !== '*' && !/^https?:\/\/[^/]+$/.test(o))
      throw new SettingError(`NEWSROOM_CORS_ORIGINS: "${o}" is not an origin such as http://localhost:5173`);
  }
  // One line per request on stdout unless asked to be quiet.
  const log = process.env.NEWSROOM_LOG?.trim() || 'requests';
  if (log !== 'requests' && log !== 'quiet')
    throw new SettingError(`NEWSROOM_LOG must be "requests" (one line per request, the default) or "quiet", not "${log}"`);
  // The public base of every absolute link the site writes; by default where this newsroom serves it.
  const siteUrl = process.env.NEWSROOM_SITE_URL?.trim().replace(/\/+$/, '') || undefined;
  if (siteUrl !== undefined && (!/^https?:\/\//.test(siteUrl) || !URL.canParse(siteUrl)))
    throw new SettingError(`NEWSROOM_SITE_URL must be an http(s) URL such as https://news.example.com, not "${siteUrl}"`);
  return {
    host,
    siteUrl,
    requestLog: log === 'requests',
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
  if (!(n >= min && n <= max)) throw new SettingError(`${name} must be a whole number from ${min} to ${max}, not "${raw}"`);
  return n;
}

export type LocalSettings = ReturnType<typeof localSettings>;
