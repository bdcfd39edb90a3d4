import type { ByteSource } from './ports.js';
import { ascii, broken, Broken, type Examined } from './media-bytes.js';
import { isoMedia, mpegAudio, mpegFrame } from './sniff-av.js';
import { IMAGES, PNG_SIGNATURE } from './sniff-images.js';

export type { Examined } from './media-bytes.js';

/** The type a file's first bytes claim, before anything is checked. */
export function claimedType(head: Uint8Array): string | undefined {
  if (head.length >= 8 && PNG_SIGNATURE.every((v, i) => head[i] === v)) return 'image/png';
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (head.length >= 6 && /^GIF8[79]a$/.test(ascii(head, 0, 6))) return 'image/gif';
  if (head.length >= 12 && ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return 'image/webp';
  if (head.length >= 8 && ascii(head, 4, 8) === 'ftyp') return 'video/mp4';
  if (head.length >= 3 && ascii(head, 0, 3) === 'ID3') return 'audio/mpeg';
  if (head.length >= 4 && mpegFrame(head, 0)) return 'audio/mpeg';
  return undefined;
}

/**
 * Recognises a file of one of the newsroom's types and checks its whole structure. Undefined
 * when the first bytes are no type the newsroom takes. Errors reading the source propagate.
 */
export async function examineMedia(source: ByteSource): Promise<Examined | undefined> {
  const claimed = claimedType(await source.read(0, 16));
  if (!claimed) return undefined;
  try {
    switch (claimed) {
      case 'video/mp4':
        return await isoMedia(source);
      case 'audio/mpeg':
        return await mpegAudio(source);
      default: {
        const bytes = await source.read(0, source.size);
        if (bytes.byteLength !== source.size) broken('the file ended while it was read');
        return IMAGES[claimed]!(bytes);
      }
    }
  } catch (err) {
    if (err instanceof Broken) return { mime: claimed, problem: err.message };
    throw err;
  }
}
