/**
 * The key a tag is found by: Unicode compatibility-normalised (NFKC: full-width `ＡＩ` is `AI`)
 * and case-folded, so `Élections`, `élections` and `ÉLECTIONS` are one tag, and `Straße` is
 * `STRASSE`. Articles keep their tags as written; lists match on this key.
 */
export function tagKey(tag: string): string {
  return tag.trim().normalize('NFKC').toUpperCase().toLowerCase();
}

/** The distinct keys of an article's tags. */
export const tagKeys = (tags: readonly string[]): string[] => [...new Set(tags.map(tagKey))];
