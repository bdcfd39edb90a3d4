/** How many attempts may wait for the delivery log before the oldest are dropped. */
export const WAITING_LIMIT = 10_000;

export interface BesideDeliveryOptions {
  /** Records at a time. */
  concurrency?: number;
  limit?: number;
  /** Told how many attempts have been dropped so far: at the first, then every thousandth. */
  onDropped?: (dropped: number) => void;
}

/**
 * Records attempts beside delivery rather than on its path: the log is an account of delivery,
 * never a condition of it (the recorder logs its own failures). Two records at a time, so that
 * after an outage the log catches up without crowding out the newsroom's own requests. The
 * Lambda sender, whose process may freeze once it answers, waits for each record instead.
 *
 * Should the log fall far behind (deliveries going on while its records cannot keep up), at most
 * `limit` attempts wait: the oldest are dropped, and said to be, so the newsroom's memory stays
 * bounded and the log gets the latest attempts. A delivery whose every attempt was dropped shows as
 * pending until its record expires.
 */
export function besideDelivery<T>(
  record: (attempt: T) => Promise<void>,
  { concurrency = 2, limit = WAITING_LIMIT, onDropped = () => undefined }: BesideDeliveryOptions = {},
): (attempt: T) => void {
  const waiting: T[] = [];
  let running = 0;
  let dropped = 0;
  const next = () => {
    while (running < concurrency && waiting.length > 0) {
      running++;
      // The recorder reports its own failures; one that throws anyway must not stop the rest.
      void record(waiting.shift()!)
        .catch(() => undefined)
        .finally(() => {
          running--;
          next();
        });
    }
  };
  return (attempt) => {
    waiting.push(attempt);
    if (waiting.length > limit) {
      waiting.shift();
      if (++dropped === 1 || dropped % 1_000 === 0) onDropped(dropped);
    }
    next();
  };
}
