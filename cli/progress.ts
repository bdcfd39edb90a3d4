import { bytes } from './output.js';

/** Files at least this large show a progress bar while they upload (on a terminal only). */
export const PROGRESS_FROM_BYTES = 1024 * 1024;

export interface Progress {
  update(done: number): void;
  finish(): void;
}

const silent: Progress = { update() {}, finish() {} };

/**
 * A one-line bar on stderr, redrawn in place: `[#######-------]  48%  1.2 MiB of 2.5 MiB`.
 * Only on a terminal and for files of 1 MiB or more; otherwise nothing is drawn.
 */
export function progressBar(total: number, label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY || total < PROGRESS_FROM_BYTES) return silent;
  const slots = 30;
  let shown = -1;
  const draw = (done: number) => {
    const percent = Math.floor((done / total) * 100);
    if (percent === shown) return;
    shown = percent;
    const filled = Math.round((done / total) * slots);
    stream.write(
      `\r${label} [${'#'.repeat(filled)}${'-'.repeat(slots - filled)}] ${String(percent).padStart(3)}%  ${bytes(done)} of ${bytes(total)}`,
    );
  };
  draw(0);
  return {
    update: draw,
    finish() {
      draw(total);
      stream.write('\n');
    },
  };
}
