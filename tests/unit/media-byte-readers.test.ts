import { describe, expect, it } from '@jest/globals';
import { printable, u24le } from '../../lambdas/usecases/media-bytes.js';

describe('reading a file’s bytes', () => {
  it('reads a 24-bit little-endian number at an offset (a WebP VP8X canvas size)', () => {
    const bytes = Uint8Array.from([0xff, 0x01, 0x02, 0x03, 0xff]);
    expect(u24le(bytes, 1)).toBe(0x030201);
    expect(u24le(Uint8Array.from([0x7f, 0x07, 0x00]), 0)).toBe(1919);
  });

  it('quotes a chunk name back with anything outside printable ASCII shown as ?', () => {
    expect(printable('IH\u0000R')).toBe('IH?R');
    expect(printable('a\u007fb\né~')).toBe('a?b??~');
    expect(printable('IHDR')).toBe('IHDR');
  });
});
