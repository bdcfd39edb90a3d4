import { STATUSES } from '../lambdas/domain/article.js';
import { WORKFLOW, type Party } from '../lambdas/domain/workflow.js';

const WHO: Record<Party, string> = {
  author: 'author',
  reporters: 'reporters',
  editors: 'editors',
  'chief-editors': 'chief',
  scheduler: 'scheduler',
};

/**
 * The workflow table as a Mermaid state diagram: one arrow per status pair, labelled with the
 * actions that take it and who may take them. The README shows exactly this (a test compares
 * them); `npm run diagram` prints it.
 */
export function workflowDiagram(): string {
  const arrows = new Map<string, string[]>();
  for (const rule of WORKFLOW) {
    const key = `${rule.from} --> ${rule.to}`;
    const timing = rule.timing === 'later' ? ' (later)' : '';
    const label = `${rule.action}${timing}: ${rule.by.map((p) => WHO[p]).join(', ')}`;
    const labels = arrows.get(key) ?? [];
    if (!labels.includes(label)) labels.push(label);
    arrows.set(key, labels);
  }
  const lines = ['stateDiagram-v2', '  [*] --> draft: create'];
  for (const [key, labels] of arrows) lines.push(`  ${key}: ${labels.join('<br/>')}`);
  const terminal = STATUSES.filter((s) => !WORKFLOW.some((r) => r.from === s));
  for (const s of terminal) lines.push(`  ${s} --> [*]`);
  return lines.join('\n');
}
