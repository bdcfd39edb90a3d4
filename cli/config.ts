import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { unreachable, usageError } from './errors.js';

/**
 * Where the command line keeps the newsroom's URL and the caller's token:
 * `$XDG_CONFIG_HOME/newsroom/config.json` (default `~/.config/newsroom/config.json`), mode 0600.
 * `NEWSROOM_URL` and `NEWSROOM_TOKEN` override what it holds.
 */
export interface Config {
  url?: string;
  token?: string;
}

export function configPath(): string {
  const base = process.env.XDG_CONFIG_HOME?.trim() || join(homedir(), '.config');
  return join(base, 'newsroom', 'config.json');
}

export function readConfig(): Config {
  try {
    const parsed = JSON.parse(readFileSync(configPath(), 'utf8')) as Config;
    return {
      url: typeof parsed.url === 'string' ? parsed.url : undefined,
      token: typeof parsed.token === 'string' ? parsed.token : undefined,
    };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw usageError(`${configPath()} is not readable JSON: log in again with newsroom login (it rewrites the file).`);
  }
}

/** Writes the whole file under a temporary name, readable by this user alone, then puts it in place. */
export function writeConfig(config: Config): string {
  const file = configPath();
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  chmodSync(temp, 0o600);
  renameSync(temp, file);
  return file;
}

/** A URL the command line can call: http or https, without a trailing slash. */
export function checkUrl(raw: string, where: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw usageError(`${where} must be the newsroom's URL, like https://api.example.com or http://localhost:3000, not "${raw}".`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw usageError(`${where} must be an http or https URL, not "${raw}".`);
  if (url.username || url.password) throw usageError(`${where} must not carry a user name or password.`);
  return url.href.replace(/\/+$/, '');
}

export interface Claims {
  sub?: string;
  name?: string;
  groups: string[];
  exp?: number;
}

/** The claims a token carries, read without verifying it (the newsroom verifies it). */
export function claimsOf(token: string): Claims | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const c = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    return {
      sub: typeof c.sub === 'string' ? c.sub : undefined,
      name: typeof c.name === 'string' ? c.name : undefined,
      groups: Array.isArray(c['cognito:groups']) ? (c['cognito:groups'] as unknown[]).map(String) : [],
      exp: typeof c.exp === 'number' ? c.exp : undefined,
    };
  } catch {
    return undefined;
  }
}

export interface Session {
  url: string;
  token: string;
  claims: Claims | undefined;
}

/** The URL and token to call with: the environment's, else the config file's; exit 3 without them. */
export function session(options: { allowExpired?: boolean } = {}): Session {
  const config = readConfig();
  const rawUrl = process.env.NEWSROOM_URL?.trim() || config.url;
  const token = process.env.NEWSROOM_TOKEN?.trim() || config.token;
  if (!rawUrl || !token) {
    throw unreachable(
      `No ${!rawUrl ? 'newsroom URL' : 'token'}: run newsroom login --url URL --token TOKEN (or newsroom login --local for the local newsroom), or set NEWSROOM_URL and NEWSROOM_TOKEN.`,
    );
  }
  const url = checkUrl(rawUrl, process.env.NEWSROOM_URL?.trim() ? 'NEWSROOM_URL' : `the url in ${configPath()}`);
  const claims = claimsOf(token);
  if (!options.allowExpired && claims?.exp !== undefined && claims.exp * 1000 <= Date.now()) {
    throw unreachable(`${expiredSentence(claims.exp)} Log in again: newsroom login (--local for the local newsroom).`);
  }
  return { url, token, claims };
}

export const expiredSentence = (exp: number) => `The token expired at ${new Date(exp * 1000).toISOString()}.`;
