import { GIF } from 'image-size/types/gif';
import { JPG } from 'image-size/types/jpg';
import { PNG } from 'image-size/types/png';
import { WEBP } from 'image-size/types/webp';

/** What a file's first bytes say it is, and an image's dimensions. */
export interface Sniffed {
  mime: string;
  width?: number;
  height?: number;
}

/** image-size's detectors for exactly the image types the newsroom takes. */
const IMAGES = [
  { mime: 'image/png', detector: PNG },
  { mime: 'image/jpeg', detector: JPG },
  { mime: 'image/gif', detector: GIF },
  { mime: 'image/webp', detector: WEBP },
];

const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));

/** ISO base media (MP4 family) brands that mean audio-only M4A rather than video. */
const AUDIO_BRANDS = new Set(['M4A ', 'M4B ', 'M4P ', 'F4A ', 'F4B ']);

/**
 * Recognises the newsroom's media types by their signatures: images through image-size, MP4 and
 * M4A by their `ftyp` box, MP3 by its ID3 tag or an MPEG audio frame header.
 */
export function sniffMedia(head: Uint8Array): Sniffed | undefined {
  for (const { mime, detector } of IMAGES) {
    try {
      if (detector.validate(head)) {
        const { width, height } = detector.calculate(head);
        return { mime, width, height };
      }
    } catch {
      return undefined; // the right signature, a broken header
    }
  }
  if (head.length >= 12 && ascii(head, 4, 8) === 'ftyp') {
    return { mime: AUDIO_BRANDS.has(ascii(head, 8, 12)) ? 'audio/x-m4a' : 'video/mp4' };
  }
  if (ascii(head, 0, 3) === 'ID3') return { mime: 'audio/mpeg' };
  // MPEG-1/2 audio frame sync with a valid layer (III, II or I) and bitrate index.
  if (head.length >= 3 && head[0] === 0xff && (head[1]! & 0xe0) === 0xe0 && (head[1]! & 0x06) !== 0 && (head[2]! & 0xf0) !== 0xf0) {
    return { mime: 'audio/mpeg' };
  }
  return undefined;
}
