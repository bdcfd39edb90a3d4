import { describe, expect, it } from '@jest/globals';
import { buildProgram } from '../../cli/program.js';

const program = buildProgram();
const named = (name: string) => program.commands.find((c) => c.name() === name)!;

/** Every command the issue names, and the transitions around them. */
const COMMANDS = [
  'login',
  'whoami',
  'file',
  'list',
  'show',
  'edit',
  'submit',
  'withdraw',
  'request-changes',
  'approve',
  'schedule',
  'unschedule',
  'publish',
  'attach',
  'media',
  'history',
  'comment',
  'comments',
  'revisions',
  'diff',
  'correct',
  'unpublish',
  'spike',
  'unspike',
  'kill',
];

describe('newsroom --help and newsroom <command> --help', () => {
  it('lists every command', () => {
    expect(program.commands.map((c) => c.name()).sort()).toEqual([...COMMANDS].sort());
    const help = program.helpInformation();
    for (const c of COMMANDS) expect(help).toMatch(new RegExp(`\\n  ${c} `));
  });

  it.each(COMMANDS)('%s: explains every option, with an example, and takes --json', (name) => {
    const command = named(name);
    let text = '';
    command.configureOutput({ writeOut: (s) => (text += s) });
    command.outputHelp();
    expect(text).toMatch(/\nExamples?:\n {2}\$ newsroom /);
    expect(text).toContain(`$ newsroom ${name}`);
    for (const option of command.options) {
      expect(option.description.length).toBeGreaterThan(5);
      expect(text).toContain(option.long!);
    }
    expect(command.options.map((o) => o.long)).toContain('--json');
  });

  it('offers --idempotency-key on file and on every transition', () => {
    for (const name of [
      'file',
      'submit',
      'withdraw',
      'request-changes',
      'approve',
      'schedule',
      'unschedule',
      'publish',
      'correct',
      'unpublish',
      'spike',
      'unspike',
      'kill',
    ])
      expect(named(name).options.map((o) => o.long)).toContain('--idempotency-key');
  });
});
