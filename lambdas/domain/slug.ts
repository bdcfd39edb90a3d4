/**
 * An article's public path segment: lowercase ASCII words joined by `-`, from its headline at first
 * publication, at most 80 characters, never changed afterwards.
 */
export const SLUG_MAX_LENGTH = 80;

/** Letters that do not decompose into an ASCII letter and marks, in pairs of (letters, spelling|…). */
const SPELLINGS: Record<string, string> = /* @__PURE__ */ (() => {
  const table: Record<string, string> = {};
  const add = (letters: string, spellings: string) => {
    const out = spellings.split('|');
    [...letters].forEach((c, i) => (table[c] = out[i]!));
  };
  add('ßæœøđðþłıħŧŋĸſ', 'ss|ae|oe|o|d|d|th|l|i|h|t|n|k|s');
  add('абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ', 'a|b|v|g|d|e|e|zh|z|i|y|k|l|m|n|o|p|r|s|t|u|f|kh|ts|ch|sh|shch||y||e|yu|ya|i|yi|ye|g');
  add('αβγδεζηθικλμνξοπρσςτυφχψω', 'a|v|g|d|e|z|i|th|i|k|l|m|n|x|o|p|r|s|s|t|y|f|ch|ps|o');
  return table;
})();

/** The slug a headline gives, before any suffix: "Übergabe in Kőszeg" → `ubergabe-in-koszeg`. */
export function slugify(headline: string): string {
  // Mapped before decomposition (й stays y, not и with a breve) and after it (ά is α with an accent).
  const spell = (text: string) => [...text].map((c) => SPELLINGS[c] ?? c).join('');
  const ascii = spell(spell(headline.toLowerCase().normalize('NFC')).normalize('NFKD').replace(/\p{M}/gu, ''));
  const words = ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return fit(words, SLUG_MAX_LENGTH) || 'article';
}

/** The n-th candidate for a slug: the slug itself, then `-2`, `-3`…, always within the length limit. */
export function slugCandidate(base: string, n: number): string {
  if (n <= 1) return base;
  const suffix = `-${n}`;
  return `${fit(base, SLUG_MAX_LENGTH - suffix.length) || 'article'}${suffix}`;
}

/** Cuts at a word boundary when one is near enough, and never leaves a trailing `-`. */
function fit(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  const boundary = cut.lastIndexOf('-');
  return (boundary > max / 2 ? cut.slice(0, boundary) : slug.slice(0, max)).replace(/-+$/, '');
}
