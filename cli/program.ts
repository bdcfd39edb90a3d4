import { Command, Option } from 'commander';

/**
 * The commands, their options and their help. The command modules (and the client, YAML and
 * colour libraries they use) load only once a command runs, never for --help, so starting stays quick.
 */
const commands = () => import('./commands.js');

/** Set before a command runs: errors then print the API's JSON on stdout too. */
export const state = { json: false };

export function buildProgram(): Command {
  const program = new Command('newsroom')
    .description('File, review and publish Newsroom articles from the command line.')
    .usage('<command> [options]')
    .showHelpAfterError('(newsroom <command> --help explains every option)')
    .configureHelp({ sortSubcommands: false })
    .exitOverride()
    .addHelpText(
      'after',
      `
Getting started:
  $ newsroom login --url https://api.example.com --token "$TOKEN"
  $ newsroom login --local --user rita --group reporters --name "Rita Reporter"
  $ newsroom file story.md --tag tajikistan --submit
  $ newsroom list --status in_review

The URL and token are kept in $XDG_CONFIG_HOME/newsroom/config.json (~/.config/newsroom/config.json),
readable by you alone; NEWSROOM_URL and NEWSROOM_TOKEN override them. Every command takes --json and
then prints exactly the API's JSON on stdout. Colour only on a terminal, never with NO_COLOR.

Exit codes: 0 done, 1 the newsroom refused, 2 a usage error, 3 the newsroom cannot be reached or the
token is missing or expired.`,
    );

  program.hook('preAction', (_, action) => {
    state.json = Boolean(action.opts().json);
  });

  /** A command with --json and an example in its help. */
  function command(name: string, summary: string, examples: string[]) {
    return program
      .command(name)
      .description(summary)
      .option('--json', "print exactly the API's JSON on stdout")
      .addHelpText('after', `\nExample${examples.length > 1 ? 's' : ''}:\n${examples.map((e) => `  $ ${e}`).join('\n')}`);
  }

  const keyOption = () =>
    new Option(
      '--idempotency-key <key>',
      'sent as Idempotency-Key: a retry with the same key changes nothing (1–128 of A-Z a-z 0-9 _ . : -)',
    );
  const collect = (value: string, previous: string[] = []) => [...previous, value];

  command('login', 'keep the newsroom URL and your token for the next commands', [
    'newsroom login --url https://api.example.com --token "$TOKEN"',
    'newsroom login --local --user rita --group reporters --name "Rita Reporter"',
  ])
    .option('--url <url>', 'where the API answers (with --local: defaults to the running local newsroom)')
    .option('--token <jwt>', 'your ID token (a Cognito ID token in AWS)')
    .option('--local', 'mint a token for the local newsroom (npm start), as npm run token does, and point at it')
    .option('--user <id>', 'with --local: your user id (the token’s sub)')
    .option('--group <group>', 'with --local: reporters, editors or chief-editors; repeat for several', collect)
    .option('--name <name>', 'with --local: the name shown as byline and in history')
    .option('--ttl <seconds>', 'with --local: how long the token is valid, 1 to 604800 (default 43200, 12 hours)')
    .action(async (o) => (await commands()).login(o));

  command('whoami', 'print your user, groups and the URL, and whether the token has expired', ['newsroom whoami']).action(async (o) =>
    (await commands()).whoami(o),
  );

  command('file', 'file a draft from a text or Markdown file; prints its id and status', [
    'newsroom file story.md --tag tajikistan --submit',
    'newsroom file saved-page.txt --json',
  ])
    .argument('<path>', 'Markdown with YAML front matter (headline, standfirst, tags), Markdown with a # headline, or plain text')
    .option('--tag <tag>', 'a tag; repeat for several', collect)
    .option('--submit', 'submit it for review straight away')
    .addOption(keyOption())
    .addHelpText(
      'after',
      `
Plain text is read as saved from a web page: the first line is the headline (a repeat of it is
dropped), the next paragraph the standfirst, then the body, where a short line standing alone
without closing punctuation becomes a ## subheading. Sharing and comment prompts and the author box
after the body are left out, and said so on stderr. UTF-8 with or without a BOM, LF or CRLF.

Without --idempotency-key the key is made from what is filed, so running the same command again
(within 24 hours) gives back the article it filed instead of filing it twice; a connection that
breaks before the answer arrives is retried with the same key.`,
    )
    .action(async (path, o) => (await commands()).file(path, o));

  command('list', 'list articles, newest first', [
    'newsroom list --status in_review',
    'newsroom list --mine --limit 50',
    'newsroom list --tag tajikistan',
    'newsroom list --sort updatedAt',
  ])
    .addOption(
      new Option('--status <status>', 'only articles in this status').choices([
        'draft',
        'in_review',
        'scheduled',
        'published',
        'unpublished',
        'spiked',
        'killed',
      ]),
    )
    .option('--tag <tag>', 'only articles with this tag')
    .addOption(
      new Option('--sort <order>', 'createdAt (newest first, the default), updatedAt (last changed first) or publishAt').choices([
        'createdAt',
        'updatedAt',
        'publishAt',
      ]),
    )
    .option('--mine', 'only your own articles')
    .option('--limit <n>', 'at most this many (default 20)')
    .action(async (o) => (await commands()).list(o));

  command('show', 'show an article: its text, status and what you may do next', ['newsroom show 0f8e4c52-6a1b-4f7e-9d3c-2b5a7e1c9d40'])
    .argument('<id>', 'the article id')
    .action(async (id, o) => (await commands()).show(id, o));

  command('edit', "replace an article's text with a file's (bound to the version just read)", ['newsroom edit $ID --file story.md'])
    .argument('<id>', 'the article id')
    .requiredOption('--file <path>', 'the new text, in any format newsroom file reads')
    .option('--tag <tag>', 'a tag; repeat for several (replaces the tags)', collect)
    .action(async (id, o) => (await commands()).edit(id, o));

  const transition = (name: string, summary: string, example: string) =>
    command(name, summary, [example]).argument('<id>', 'the article id').addOption(keyOption());

  transition('submit', 'submit your draft for review', 'newsroom submit $ID').action(async (id, o) => (await commands()).submit(id, o));
  transition('withdraw', 'take your article back out of review', 'newsroom withdraw $ID').action(async (id, o) =>
    (await commands()).withdraw(id, o),
  );
  transition(
    'request-changes',
    'send an article in review back to its author (editors, chief)',
    'newsroom request-changes $ID --comment "Attribute the figure."',
  )
    .requiredOption('--comment <text>', 'what to change')
    .action(async (id, o) => (await commands()).requestChanges(id, o));
  transition('approve', 'approve: publish now, or at --at (chief editors)', 'newsroom approve $ID --at 2026-11-26T06:00:00Z')
    .option('--at <time>', 'publish at this RFC 3339 time (Z or ±HH:MM) instead of now')
    .action(async (id, o) => (await commands()).approve(id, o));
  transition(
    'schedule',
    "move a scheduled article's publication time (chief editors)",
    'newsroom schedule $ID --at 2026-11-26T07:30:00+01:00',
  )
    .requiredOption('--at <time>', 'the new RFC 3339 time (Z or ±HH:MM)')
    .action(async (id, o) => (await commands()).schedule(id, o));
  transition('unschedule', 'take a scheduled article back into review (chief editors)', 'newsroom unschedule $ID').action(async (id, o) =>
    (await commands()).unschedule(id, o),
  );
  transition('publish', 'publish a scheduled article now (chief editors)', 'newsroom publish $ID').action(async (id, o) =>
    (await commands()).publish(id, o),
  );
  transition(
    'correct',
    "correct a published article's text with a public note (editors, chief)",
    'newsroom correct $ID --file story.md --note "The figure was 20,000, not 2,000."',
  )
    .requiredOption('--file <path>', 'the corrected text, in any format newsroom file reads')
    .requiredOption('--note <text>', 'the note readers see')
    .option('--update', 'an update rather than a correction')
    .option('--tag <tag>', 'a tag; repeat for several (replaces the tags)', collect)
    .action(async (id, o) => (await commands()).correct(id, o));
  transition('unpublish', 'take a published article down (chief editors)', 'newsroom unpublish $ID --reason "Legal review."')
    .requiredOption('--reason <text>', 'why it comes down (1–1,000 characters, kept in its history)')
    .action(async (id, o) => (await commands()).unpublish(id, o));
  transition('spike', 'drop a story (kept, out of the default list)', 'newsroom spike $ID --reason "Overtaken by events."')
    .option('--reason <text>', 'why it is dropped (kept in its history)')
    .action(async (id, o) => (await commands()).spike(id, o));
  transition('unspike', 'bring a spiked story back as a draft', 'newsroom unspike $ID').action(async (id, o) =>
    (await commands()).unspike(id, o),
  );
  transition('kill', 'withdraw an article for good (chief editors)', 'newsroom kill $ID --reason "Retracted."')
    .requiredOption('--reason <text>', 'why it is withdrawn for good (kept in its history)')
    .action(async (id, o) => (await commands()).kill(id, o));

  command('attach', 'upload a file to an article and wait until the newsroom has checked it', [
    'newsroom attach $ID border.jpg --caption "The border post" --credit "Rita Reporter"',
  ])
    .argument('<id>', 'the article id')
    .argument('<file>', 'JPEG, PNG, WebP, GIF, MP3, M4A or MP4')
    .option('--caption <text>', 'the caption')
    .option('--credit <text>', 'who took it')
    .option('--type <contentType>', 'the media type, when the file name does not tell it (image/png, …)')
    .option('--wait <seconds>', 'how long to wait for the verdict (default 60)')
    .addHelpText('after', '\nFiles of 1 MiB or more show a progress bar on a terminal. Exit 1 when the file is rejected.')
    .action(async (id, path, o) => (await commands()).attach(id, path, o));
  command('media', "list an article's files: status, type, size, dimensions", ['newsroom media $ID'])
    .argument('<id>', 'the article id')
    .action(async (id, o) => (await commands()).media(id, o));
  command('history', "an article's history: every transition and revision, oldest first", ['newsroom history $ID'])
    .argument('<id>', 'the article id')
    .action(async (id, o) => (await commands()).history(id, o));
  command('comment', "add a comment to an article's thread", ['newsroom comment $ID "Second source?" --quote "20,000 troops"'])
    .argument('<id>', 'the article id')
    .argument('<text>', 'the comment')
    .option('--quote <text>', 'the passage it is about')
    .action(async (id, text, o) => (await commands()).comment(id, text, o));
  command('comments', "an article's comment thread, oldest first", ['newsroom comments $ID'])
    .argument('<id>', 'the article id')
    .action(async (id, o) => (await commands()).comments(id, o));
  command('revisions', 'every version of the text, newest first', ['newsroom revisions $ID'])
    .argument('<id>', 'the article id')
    .action(async (id, o) => (await commands()).revisions(id, o));
  command('diff', 'what a revision changed, word by word', ['newsroom diff $ID 3', 'newsroom diff $ID 3 --against 1'])
    .argument('<id>', 'the article id')
    .argument('<revision>', 'the revision number')
    .option('--against <revision>', 'compare with this revision (default: the one before)')
    .addHelpText('after', '\nInserted words show as {+…+} (green on a terminal), deleted ones as [-…-] (red).')
    .action(async (id, revision, o) => (await commands()).diff(id, revision, o));

  return program;
}
