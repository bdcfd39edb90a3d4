/**
 * Runs a worker's `tick` now and again: after every nudge, at the time the tick asks for,
 * and at least every `pollMs`. One tick at a time; nudges during a tick cause one more.
 */
export class WorkerLoop {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(
    private readonly tick: () => Promise<number | undefined>,
    private readonly pollMs: number,
    private readonly onError: (err: unknown) => void,
  ) {}

  start(): void {
    this.nudge();
  }

  nudge(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.running = this.run();
  }

  private async run(): Promise<void> {
    let wakeAt: number | undefined;
    do {
      this.again = false;
      try {
        wakeAt = await this.tick();
      } catch (err) {
        this.onError(err);
        wakeAt = undefined;
      }
    } while (this.again && !this.stopped);
    this.running = undefined;
    if (this.stopped) return;
    const delay = Math.min(this.pollMs, wakeAt === undefined ? this.pollMs : Math.max(0, wakeAt - Date.now()));
    this.timer = setTimeout(() => this.nudge(), delay);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }
}
