import { createHash } from 'node:crypto';
import { linkSync, mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { dataDirectory } from './settings.js';

/**
 * Which newsrooms run on this machine, and where. A running newsroom holds a lock file in its
 * data directory (its pid, and its URL once it listens), so a second one on the same data refuses
 * to start; and it leaves a pointer to that directory in a per-user place, so `npm run token` and
 * `npm run seed` in another terminal find it without being told where its data lives.
 */

const LOCK = 'newsroom.lock';

export interface Holder {
  pid: number;
  /** Where the API answers, once the newsroom listens. */
  url?: string;
}

export interface Running extends Holder {
  dataDir: string;
  url: string;
}

export class AlreadyRunning extends Error {
  constructor(readonly pid: number) {
    super(`Newsroom is already running on this data directory (pid ${pid})`);
  }
}

/** True while a process with this pid exists (one of another user's counts too). */
export function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * False when the process with this pid is certainly not a newsroom: after a reboot or in a new
 * container, a lock's pid may belong to something else. Where /proc is missing, assume it is one.
 */
function mayBeNewsroom(pid: number): boolean {
  try {
    return /node/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
  } catch {
    return true;
  }
}

/** The newsroom holding this data directory's lock, if one is alive. */
export function holderOf(dataDir: string): Holder | undefined {
  try {
    const holder = JSON.parse(readFileSync(join(dataDir, LOCK), 'utf8')) as Holder;
    return alive(holder.pid) && mayBeNewsroom(holder.pid) ? holder : undefined;
  } catch {
    return undefined;
  }
}

/** Writes `content` whole under a temporary name first, so nobody ever reads half of it. */
function writeWhole(file: string, content: string, place: (temp: string) => void) {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, content, { mode: 0o600 });
  try {
    place(temp);
  } finally {
    try {
      unlinkSync(temp);
    } catch {
      /* renamed away */
    }
  }
}

/**
 * Locks the data directory for this process, taking over a lock whose process has died.
 * Throws AlreadyRunning while another live newsroom holds it.
 */
export function lockDataDir(dataDir: string): { announce(url: string): void; release(): void } {
  const file = join(dataDir, LOCK);
  const mine = JSON.stringify({ pid: process.pid });
  for (let attempt = 0; ; attempt++) {
    try {
      // A hard link appears whole or not at all, and fails if the lock exists.
      writeWhole(file, mine, (temp) => linkSync(temp, file));
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 3) throw err;
      const holder = holderOf(dataDir);
      if (holder && holder.pid !== process.pid) throw new AlreadyRunning(holder.pid);
      // Left by a newsroom that was killed: take it over.
      try {
        unlinkSync(file);
      } catch (gone) {
        if ((gone as NodeJS.ErrnoException).code !== 'ENOENT') throw gone;
      }
    }
  }
  const pointer = join(runningDir(), `${createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 16)}.json`);
  return {
    announce(url) {
      writeWhole(file, JSON.stringify({ pid: process.pid, url }), (temp) => renameSync(temp, file));
      try {
        mkdirSync(runningDir(), { recursive: true, mode: 0o700 });
        writeWhole(pointer, JSON.stringify({ dataDir: resolve(dataDir) }), (temp) => renameSync(temp, pointer));
      } catch {
        // Without the pointer, other commands need NEWSROOM_DATA_DIR; the banner says so.
      }
    },
    release() {
      for (const f of [pointer, file]) {
        try {
          unlinkSync(f);
        } catch {
          /* already gone */
        }
      }
    },
  };
}

/** The per-user directory of pointers to running newsrooms' data directories. */
export function runningDir(): string {
  const state = process.env.XDG_STATE_HOME?.trim() || join(homedir(), '.local', 'state');
  return join(state, 'newsroom', 'running');
}

/** Every newsroom running for this user, found through its pointer or in the default data directory. */
export function runningNewsrooms(): Running[] {
  const dirs = new Set<string>([dataDirectory()]);
  let names: string[] = [];
  try {
    names = readdirSync(runningDir()).filter((n) => n.endsWith('.json'));
  } catch {
    /* none recorded */
  }
  for (const name of names) {
    try {
      dirs.add((JSON.parse(readFileSync(join(runningDir(), name), 'utf8')) as { dataDir: string }).dataDir);
    } catch {
      /* unreadable: ignored */
    }
  }
  const found: Running[] = [];
  for (const dataDir of dirs) {
    const holder = holderOf(dataDir);
    if (holder?.url) found.push({ dataDir, pid: holder.pid, url: holder.url });
  }
  return found;
}

/** Where a command's data directory comes from, and what it says about that on stderr. */
export interface Target {
  dataDir: string;
  running?: Running;
  note?: string;
}

/**
 * The data directory a command works on: the one it is given (`--data-dir` or
 * NEWSROOM_DATA_DIR), else the one newsroom running for this user. Several running and none
 * named is an error listing them, never a silent pick.
 */
export function chooseTarget(given?: string): Target {
  const named = given ?? process.env.NEWSROOM_DATA_DIR;
  if (named) {
    const dataDir = resolve(named);
    const holder = holderOf(dataDir);
    return { dataDir, running: holder?.url ? { dataDir, pid: holder.pid, url: holder.url } : undefined };
  }
  const running = runningNewsrooms();
  if (running.length === 1) {
    const only = running[0]!;
    return { dataDir: only.dataDir, running: only, note: `for the newsroom running at ${only.url} (data directory ${only.dataDir})` };
  }
  if (running.length > 1) {
    throw new Error(
      [
        `${running.length} newsrooms are running; say which one with NEWSROOM_DATA_DIR=<dir> (or --data-dir <dir>):`,
        ...running.map((r) => `  ${r.url}  NEWSROOM_DATA_DIR=${r.dataDir}`),
      ].join('\n'),
    );
  }
  return { dataDir: dataDirectory(), note: `no newsroom is running; using the data directory ${dataDirectory()}` };
}
