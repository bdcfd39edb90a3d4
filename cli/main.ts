import { CommanderError } from 'commander';
import { CliError, EXIT } from './errors.js';
import { buildProgram, state } from './program.js';

/**
 * `newsroom`: the newsroom's workflow from a terminal. Files an article from a text or Markdown
 * file in one line, and covers every step after it. Exit codes: 0 done, 1 the API refused,
 * 2 a usage error, 3 the newsroom cannot be reached or the token is missing or expired.
 */
try {
  await buildProgram().parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    // Help and --version end well; anything else commander refuses is a usage error.
    process.exitCode = err.exitCode === 0 ? EXIT.ok : EXIT.usage;
  } else if (err instanceof CliError) {
    if (state.json && err.body !== undefined) process.stdout.write(`${JSON.stringify(err.body, null, 2)}\n`);
    const { err: red } = await import('./output.js');
    process.stderr.write(`${red.red('newsroom:')} ${err.message}\n`);
    process.exitCode = err.exitCode;
  } else {
    process.stderr.write(`newsroom: ${(err as Error).message ?? String(err)}\n`);
    process.exitCode = EXIT.refused;
  }
}
