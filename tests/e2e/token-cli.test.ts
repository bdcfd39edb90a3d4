import { execFile } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from '@jest/globals';
import { decodeJwt } from 'jose';
import { newDataDir, ROOT } from '../support/local-newsroom.js';

const run = promisify(execFile);

/** `npm run token`, as the package script runs it. */
function token(dataDir: string, ...args: string[]) {
  return run(process.execPath, ['--import', 'tsx', 'local/token-cli.ts', '--user', 'rita', '--group', 'reporters', ...args], {
    cwd: ROOT,
    env: { ...process.env, NEWSROOM_DATA_DIR: dataDir },
  });
}

describe('npm run token', () => {
  it('mints Cognito-shaped ID tokens, valid 12 hours unless --ttl says otherwise, at most 7 days', async () => {
    const dataDir = join(newDataDir(), 'fresh');
    const byDefault = decodeJwt((await token(dataDir, '--name', 'Rita Reporter')).stdout.trim());
    expect(byDefault).toMatchObject({
      sub: 'rita',
      'cognito:username': 'rita',
      'cognito:groups': ['reporters'],
      name: 'Rita Reporter',
      token_use: 'id',
      iss: 'newsroom-local',
      aud: 'newsroom',
      auth_time: byDefault.iat,
      jti: expect.any(String),
    });
    expect(byDefault.exp! - byDefault.iat!).toBe(12 * 3600);
    const week = decodeJwt((await token(dataDir, '--ttl', '604800')).stdout.trim());
    expect(week.exp! - week.iat!).toBe(7 * 24 * 3600);

    // The directory it created and the key in it are the user's alone.
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dataDir, 'signing-key.json')).mode & 0o777).toBe(0o600);
  });

  it('refuses a --ttl past 7 days or not a whole number of seconds, in one line, minting nothing', async () => {
    const dataDir = newDataDir();
    for (const ttl of ['99999999999999999999', '604801', '0', '-5', '1.5', '1e3', 'abc', '', '12h']) {
      const failed = (await token(dataDir, `--ttl=${ttl}`).then(
        () => ({ code: 0, stdout: 'minted', stderr: '' }),
        (err: { code: number; stdout: string; stderr: string }) => err,
      )) as { code: number; stdout: string; stderr: string };
      expect(failed.code).not.toBe(0);
      expect(failed.stdout).toBe('');
      expect(failed.stderr).toMatch(/^--ttl must be a whole number of seconds from 1 to 604800 \(7 days\), not ".*"\n$/);
    }
  });
});
