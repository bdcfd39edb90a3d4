import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { WORKFLOW } from '../../lambdas/domain/workflow.js';
import { workflowDiagram } from '../../lib/workflow-diagram.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('the README’s workflow diagram', () => {
  it('is the one drawn from the workflow table (run `npm run diagram` and paste it when the table changes)', () => {
    const shown = /```mermaid\n([\s\S]*?)\n```/.exec(readme)?.[1];
    expect(shown).toBe(workflowDiagram());
  });

  it('has an arrow for every rule of the table, and killed as the only end', () => {
    const diagram = workflowDiagram();
    for (const r of WORKFLOW) expect(diagram).toContain(`${r.from} --> ${r.to}: `);
    expect(diagram.match(/--> \[\*\]/g)).toEqual(['--> [*]']);
    expect(diagram).toContain('killed --> [*]');
  });
});
