/**
 * Builds an UpdateItem expression from plain field assignments, so callers never
 * hand-write placeholders. `null` values are stored as NULL; `undefined` ones are skipped.
 */
export class UpdateBuilder {
  private readonly sets: string[] = [];
  private readonly removes: string[] = [];
  private readonly conditions: string[] = [];
  readonly names: Record<string, string> = {};
  readonly values: Record<string, unknown> = {};
  private n = 0;

  name(field: string): string {
    const placeholder = `#${field.replace(/[^A-Za-z0-9_]/g, '_')}`;
    this.names[placeholder] = field;
    return placeholder;
  }

  value(v: unknown): string {
    const placeholder = `:v${this.n++}`;
    this.values[placeholder] = v;
    return placeholder;
  }

  set(fields: Record<string, unknown>): this {
    for (const [field, v] of Object.entries(fields)) {
      if (v !== undefined) this.sets.push(`${this.name(field)} = ${this.value(v)}`);
    }
    return this;
  }

  /** A raw SET clause for functions such as list_append or if_not_exists. */
  setRaw(clause: string): this {
    this.sets.push(clause);
    return this;
  }

  remove(...fields: string[]): this {
    for (const f of fields) this.removes.push(this.name(f));
    return this;
  }

  removeRaw(path: string): this {
    this.removes.push(path);
    return this;
  }

  when(condition: string): this {
    this.conditions.push(condition);
    return this;
  }

  build() {
    const parts: string[] = [];
    if (this.sets.length) parts.push(`SET ${this.sets.join(', ')}`);
    if (this.removes.length) parts.push(`REMOVE ${this.removes.join(', ')}`);
    return {
      UpdateExpression: parts.join(' '),
      ConditionExpression: this.conditions.length ? this.conditions.join(' AND ') : undefined,
      ExpressionAttributeNames: Object.keys(this.names).length ? this.names : undefined,
      ExpressionAttributeValues: Object.keys(this.values).length ? this.values : undefined,
    };
  }
}
