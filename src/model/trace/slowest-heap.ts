/**
 * The K slowest traces of an entry endpoint (model/trace/tracer.ts): a bounded min-heap by
 * duration, so a faster trace is dropped at once and a slower one evicts the fastest kept.
 */
import type { RequestTrace } from '../../metrics/traces.ts';

/** What the heap orders: a trace being kept. */
export interface Kept {
  trace: RequestTrace;
}

/** A bounded min-heap of traces by duration (ties: the later request is smaller). */
export class SlowestHeap<B extends Kept> {
  readonly items: B[] = [];
  constructor(readonly capacity: number) {}

  static less(a: Kept, b: Kept): boolean {
    const da = a.trace.endMs - a.trace.startMs;
    const db = b.trace.endMs - b.trace.startMs;
    return da < db || (da === db && a.trace.seq > b.trace.seq);
  }

  /** Offers `b`: the trace it evicted (or `b` itself when it is not kept), or null. */
  offer(b: B): B | null {
    const h = this.items;
    if (this.capacity <= 0) return b;
    if (h.length < this.capacity) {
      h.push(b);
      this.#up(h.length - 1);
      return null;
    }
    if (!SlowestHeap.less(h[0], b)) return b;
    const out = h[0];
    h[0] = b;
    this.#down(0);
    return out;
  }

  #up(i: number): void {
    const h = this.items;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!SlowestHeap.less(h[i], h[p])) return;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }

  #down(i: number): void {
    const h = this.items;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && SlowestHeap.less(h[l], h[m])) m = l;
      if (r < h.length && SlowestHeap.less(h[r], h[m])) m = r;
      if (m === i) return;
      [h[i], h[m]] = [h[m], h[i]];
      i = m;
    }
  }
}
