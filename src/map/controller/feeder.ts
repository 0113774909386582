/**
 * Sends features to sources chunk by chunk, one chunk per task: cloning 100,000 features to
 * MapLibre's worker in one call is one long main-thread task; in chunks the page stays
 * responsive. The first chunk goes at once; chunks are pulled from their iterator only when sent.
 */
export class ChunkFeeder<S extends string> {
  private queue: { source: S; chunks: Iterator<GeoJSON.Feature[]> }[] = [];
  private pumping = false;
  private stopped = false;

  constructor(
    private readonly send: (source: S, features: GeoJSON.Feature[]) => void,
    private readonly later: (fn: () => void) => void = (fn) => void setTimeout(fn, 0),
  ) {}

  push(source: S, chunks: Iterable<GeoJSON.Feature[]>): void {
    if (this.stopped) return;
    this.queue.push({ source, chunks: chunks[Symbol.iterator]() });
    if (!this.pumping) {
      this.pumping = true;
      this.pump();
    }
  }

  /** Forgets the chunks of a source not sent yet. */
  drop(source: S): void {
    this.queue = this.queue.filter((q) => q.source !== source);
  }

  stop(): void {
    this.stopped = true;
    this.queue = [];
  }

  private readonly pump = (): void => {
    while (this.queue.length > 0 && !this.stopped) {
      const head = this.queue[0]!;
      const next = head.chunks.next();
      if (next.done) {
        this.queue.shift();
        continue;
      }
      this.send(head.source, next.value);
      this.later(this.pump);
      return;
    }
    this.pumping = false;
  };
}
