import { describe, expect, it } from '@jest/globals';
import { besideDelivery } from '../../local/beside-delivery.js';

/** A delivery log whose records finish only when the test says so. */
function slowLog() {
  const started: number[] = [];
  const finish: (() => void)[] = [];
  const record = (attempt: number) =>
    new Promise<void>((ok) => {
      started.push(attempt);
      finish.push(ok);
    });
  /** Lets every record started so far finish, and waits for the ones that follow to start. */
  const drain = async () => {
    while (finish.length > 0) {
      finish.splice(0).forEach((ok) => ok());
      await new Promise((r) => setImmediate(r));
    }
  };
  return { started, record, drain };
}

describe('recording delivery attempts beside delivery', () => {
  it('records every attempt, a few at a time, without holding delivery back', async () => {
    const log = slowLog();
    const onAttempt = besideDelivery(log.record, { concurrency: 2 });
    for (let i = 1; i <= 5; i++) onAttempt(i);
    // Handing an attempt over returned at once; two records are under way.
    expect(log.started).toEqual([1, 2]);
    await log.drain();
    expect(log.started).toEqual([1, 2, 3, 4, 5]);
  });

  it('keeps at most its limit waiting, drops the oldest and says how many', async () => {
    const log = slowLog();
    const dropped: number[] = [];
    const onAttempt = besideDelivery(log.record, { concurrency: 2, limit: 10, onDropped: (n) => dropped.push(n) });
    // The log is stuck on the first two while 2,020 more attempts come.
    for (let i = 1; i <= 2_022; i++) onAttempt(i);
    expect(dropped).toEqual([1, 1_000, 2_000]);
    await log.drain();
    // The two under way, then the latest ten: the attempts that say where each delivery stands.
    expect(log.started).toEqual([1, 2, ...Array.from({ length: 10 }, (_, i) => 2_013 + i)]);
  });

  it('goes on recording after a record fails', async () => {
    const recorded: number[] = [];
    const onAttempt = besideDelivery(async (n: number) => {
      if (n === 1) throw new Error('the table is unreachable');
      recorded.push(n);
    });
    onAttempt(1);
    onAttempt(2);
    onAttempt(3);
    await new Promise((r) => setImmediate(r));
    expect(recorded).toEqual([2, 3]);
  });
});
