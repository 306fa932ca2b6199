/** The sandbox's own time: it moves only when told, so runs are reproducible. */
export class SandboxClock {
  #now: number;

  constructor(start: Date) {
    this.#now = start.getTime();
  }

  now(): Date {
    return new Date(this.#now);
  }

  set(date: Date): void {
    this.#now = date.getTime();
  }

  advance(ms: number): void {
    this.#now += ms;
  }
}
