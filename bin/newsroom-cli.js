#!/usr/bin/env node
// The `newsroom` command line (cli/main.ts), run with tsx as `npm start` runs the local newsroom: no build step.
import { register } from 'tsx/esm/api';

register();
await import('../cli/main.ts');
