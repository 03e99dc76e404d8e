/**
 * A FIFO queue on a growable ring buffer: O(1) push and shift without the O(n) cost of
 * Array.prototype.shift on long queues.
 */

/** First-in first-out queue of items. */
export class Fifo<T> {
  #items: (T | undefined)[];
  #head = 0;
  #length = 0;
  #mask: number;

  constructor(initialCapacity = 16) {
    let cap = 16;
    while (cap < initialCapacity) cap *= 2;
    this.#items = new Array(cap);
    this.#mask = cap - 1;
  }

  /** Number of queued items. */
  get length(): number {
    return this.#length;
  }

  /** Appends an item at the tail. */
  push(item: T): void {
    if (this.#length > this.#mask) this.#grow();
    this.#items[(this.#head + this.#length) & this.#mask] = item;
    this.#length++;
  }

  /** Removes and returns the head item, or undefined when empty. */
  shift(): T | undefined {
    if (this.#length === 0) return undefined;
    const item = this.#items[this.#head];
    this.#items[this.#head] = undefined;
    this.#head = (this.#head + 1) & this.#mask;
    this.#length--;
    return item;
  }

  /** The head item without removing it. */
  peek(): T | undefined {
    return this.#length === 0 ? undefined : this.#items[this.#head];
  }

  #grow(): void {
    const old = this.#items;
    const cap = old.length * 2;
    const items = new Array<T | undefined>(cap);
    for (let i = 0; i < this.#length; i++) items[i] = old[(this.#head + i) & this.#mask];
    this.#items = items;
    this.#head = 0;
    this.#mask = cap - 1;
  }
}
