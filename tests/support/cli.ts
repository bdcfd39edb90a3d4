import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, STATE_HOME } from './local-newsroom.js';
import { greyscalePng } from './media-files.js';

/** The `newsroom` command as package.json's bin runs it. */
export const CLI = join(ROOT, 'bin', 'newsroom-cli.js');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** A user of the command line: their own config directory, and the test file's running newsrooms. */
export class CliUser {
  readonly configHome = mkdtempSync(join(tmpdir(), 'newsroom-config-'));

  constructor(private readonly env: Record<string, string> = {}) {}

  environment(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { ...process.env, XDG_CONFIG_HOME: this.configHome, XDG_STATE_HOME: STATE_HOME, ...this.env, ...extra };
    // Only what the test says: not the developer's own newsroom, token or colour settings.
    for (const name of ['NEWSROOM_URL', 'NEWSROOM_TOKEN', 'NEWSROOM_DATA_DIR', 'NO_COLOR', 'FORCE_COLOR', 'NODE_OPTIONS'])
      if (!(name in extra) && !(name in this.env)) delete env[name];
    for (const [k, v] of Object.entries(extra)) if (v === undefined) delete env[k];
    return env;
  }

  /** Runs `newsroom …` in a child process, its output in pipes (not a terminal). */
  run(args: string[], extra: Record<string, string | undefined> = {}): Promise<CliRun> {
    return new Promise((resolve) => {
      execFile(process.execPath, [CLI, ...args], { cwd: ROOT, env: this.environment(extra), timeout: 60_000 }, (err, stdout, stderr) =>
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });
  }

  /** Runs `newsroom …` on a pseudo-terminal (util-linux `script`): stdout and stderr are one terminal. */
  runOnTerminal(args: string[], extra: Record<string, string | undefined> = {}): Promise<{ code: number; output: string }> {
    const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
    const command = [process.execPath, CLI, ...args].map(quote).join(' ');
    return new Promise((resolve) => {
      execFile(
        'script',
        ['-q', '-e', '-c', command, '/dev/null'],
        { cwd: ROOT, env: { ...this.environment(extra), TERM: 'xterm-256color', COLUMNS: '120' }, timeout: 60_000 },
        (err, stdout) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, output: stdout.replace(/\r\n/g, '\n') }),
      );
    });
  }

  /** `newsroom … --json`, parsed. */
  async json<T = any>(args: string[], extra: Record<string, string | undefined> = {}): Promise<T> {
    const r = await this.run([...args, '--json'], extra);
    if (r.code !== 0) throw new Error(`newsroom ${args.join(' ')} ended ${r.code}: ${r.stderr}`);
    return JSON.parse(r.stdout) as T;
  }
}

/**
 * A real PNG of more than a mebibyte: greyscale noise stored without compression, so it stays as
 * large as its pixels (a progress bar is drawn for files of 1 MiB or more).
 */
export function largePng(width = 1100, height = 1000): Buffer {
  const rows = Buffer.alloc((width + 1) * height);
  for (let i = 0; i < rows.length; i++) rows[i] = i % (width + 1) === 0 ? 0 : (i * 2654435761) >>> 24;
  return greyscalePng(width, height, rows, 0);
}
