/**
 * What a file is, judged by walking its whole structure: an image's chunks or segments to its
 * end marker, an audio file's frames, an MP4's boxes. `problem` says why a file that starts like
 * `mime` is not one; `pixels` is the largest area the image declares (its canvas or a frame).
 */
export interface Examined {
  mime: string;
  width?: number;
  height?: number;
  pixels?: number;
  durationSeconds?: number;
  problem?: string;
}

/** Thrown by the parsers below for a file whose structure is broken; nothing else is. */
export class Broken extends Error {}
export function broken(why: string): never {
  throw new Broken(why);
}

export const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
export const u16be = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!;
export const u16le = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
export const u24le = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16);
export const u32be = (b: Uint8Array, at: number) => ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
export const u32le = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
export const printable = (s: string) => s.replace(/[^\x20-\x7e]/g, '?');
