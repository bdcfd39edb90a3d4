import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Group } from '../../lambdas/domain/article.js';
import { signToken } from '../../local/tokens.js';
import { recordResponse } from './openapi-contract.js';

export const ROOT = new URL('../../', import.meta.url).pathname;

/** Under `npm run test:coverage`, the newsroom process writes its V8 coverage for c8 to map. */
const childCoverage = () => (process.env.NEWSROOM_CHILD_COVERAGE ? { NODE_V8_COVERAGE: process.env.NEWSROOM_CHILD_COVERAGE } : {});

export const newDataDir = () => mkdtempSync(join(tmpdir(), 'newsroom-'));

/**
 * Where this test file's newsrooms record that they run (XDG_STATE_HOME), apart from the
 * developer's own: `npm run token` without a data directory finds only these.
 */
export const STATE_HOME = mkdtempSync(join(tmpdir(), 'newsroom-state-'));

/** The local newsroom as a newcomer runs it: a separate process, on an ephemeral port. */
export class LocalNewsroom {
  private child: ChildProcess | undefined;
  url = '';
  output = '';

  constructor(
    readonly dataDir: string,
    private readonly env: Record<string, string> = {},
  ) {}

  async start(): Promise<this> {
    // The same command line as `npm start` (s3rver's listing cursors need the legacy provider).
    const child = spawn(process.execPath, ['--openssl-legacy-provider', '--import', 'tsx', 'local/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, ...childCoverage(), PORT: '0', NEWSROOM_DATA_DIR: this.dataDir, XDG_STATE_HOME: STATE_HOME, ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`newsroom did not start:\n${this.output}`)), 30_000);
      const onData = (chunk: Buffer) => {
        this.output += chunk.toString();
        const m = /running at (http:\/\/\S+)/.exec(this.output);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', (c: Buffer) => (this.output += c.toString()));
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`newsroom exited with ${code}:\n${this.output}`));
      });
    });
    return this;
  }

  /** Stops it as Ctrl-C would (SIGTERM) or as a crash would (SIGKILL). */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    const child = this.child;
    if (!child) return null;
    if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
    const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));
    child.kill(signal);
    return exited;
  }

  /** How the process ended, once it has: its exit code, or the signal that killed it. */
  async ended(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    const child = this.child!;
    if (child.exitCode === null && child.signalCode === null) await new Promise((ok) => child.once('exit', ok));
    return { code: child.exitCode, signal: child.signalCode };
  }

  token(user: string, group: Group | Group[], name?: string, ttlSeconds?: number) {
    return signToken(this.dataDir, { user, groups: Array.isArray(group) ? group : [group], name, ttlSeconds });
  }
}

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** A small HTTP client over fetch, returning parsed JSON when there is some. */
export async function call<T = any>(
  url: string,
  init: { method?: string; token?: string; body?: unknown; headers?: Record<string, string>; raw?: string } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  let body: string | undefined = init.raw;
  if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers['content-type'] ??= 'application/json';
  }
  const method = init.method ?? (body !== undefined ? 'POST' : 'GET');
  const res = await fetch(url, { method, headers, body });
  const text = await res.text();
  // Held against the OpenAPI document by tests/e2e/openapi-contract.test.ts.
  recordResponse(method, url, res, text, currentTest());
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON: keep the text */
  }
  return { status: res.status, headers: res.headers, body: parsed as T };
}

/** The test file and test making a call, as Jest knows them (none outside Jest). */
function currentTest(): string {
  const state = (globalThis as { expect?: { getState(): { testPath?: string; currentTestName?: string } } }).expect?.getState();
  return state?.testPath ? `${state.testPath.replace(ROOT, '')} › ${state.currentTestName ?? '(hooks)'}` : '';
}

export async function eventually<T>(probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 10_000, everyMs = 20): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
