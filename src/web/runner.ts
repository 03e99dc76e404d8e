/**
 * The page's two workers: one validates the editor's text as the user types, the other runs
 * scenarios. Cancel terminates the running worker (a simulation checks nothing between events)
 * and starts a fresh one, so the page never waits for the engine. A worker that dies (an
 * error, out of memory) is reported as `crashed` and replaced.
 */
import type { VegaAssets } from '../report/html/page.ts';
import type { ScenarioIssue } from '../scenario/issues.ts';
import type { FromWorker, RunOutcome, RunProgress, RunRequest, ToWorker } from './protocol.ts';

type Settle = (m: FromWorker) => void;

/** One worker with request ids. */
class Channel {
  #worker: Worker | undefined;
  #waiting = new Map<number, { settle: Settle; progress?: (p: RunProgress) => void }>();
  #next = 1;

  constructor(
    private readonly make: () => Worker,
    private readonly assets: VegaAssets | undefined,
  ) {}

  #start(): Worker {
    const w = this.make();
    w.onmessage = (e: MessageEvent<FromWorker>) => {
      const m = e.data;
      const entry = this.#waiting.get(m.id);
      if (entry === undefined) return;
      if (m.type === 'progress') entry.progress?.(m.progress);
      else {
        this.#waiting.delete(m.id);
        entry.settle(m);
      }
    };
    w.onerror = (e) => {
      e.preventDefault();
      const where = e.filename ? ` (${e.lineno}:${e.colno})` : '';
      this.#failAll(`${e.message || 'the worker stopped with an error'}${where}`);
    };
    if (this.assets !== undefined)
      w.postMessage({ type: 'init', assets: this.assets } satisfies ToWorker);
    return w;
  }

  #post(m: ToWorker): void {
    this.#worker ??= this.#start();
    this.#worker.postMessage(m);
  }

  #failAll(message: string): void {
    const all = [...this.#waiting];
    this.#waiting.clear();
    this.#worker?.terminate();
    // the next request starts a fresh worker
    this.#worker = undefined;
    for (const [id, entry] of all) entry.settle({ type: 'crashed', id, message });
  }

  request(
    make: (id: number) => ToWorker,
    progress?: (p: RunProgress) => void,
  ): Promise<FromWorker> {
    const id = this.#next++;
    return new Promise((settle) => {
      this.#waiting.set(id, { settle, progress });
      this.#post(make(id));
    });
  }

  /** Stops whatever runs; its requests end as `cancelled`. */
  restart(why: string): void {
    this.#failAll(why);
  }
}

/** What a run returns to the page. */
export type RunResult = RunOutcome | { kind: 'crashed'; message: string } | { kind: 'cancelled' };

const CANCELLED = '\u0000cancelled';

export class Runner {
  readonly #lint: Channel;
  readonly #run: Channel;

  constructor(make: () => Worker, assets: VegaAssets) {
    this.#lint = new Channel(make, undefined);
    this.#run = new Channel(make, assets);
  }

  async validate(text: string, file: string): Promise<ScenarioIssue[]> {
    const m = await this.#lint.request((id) => ({ type: 'validate', id, text, file }));
    return m.type === 'validated' ? m.issues : [];
  }

  async run(request: RunRequest, progress: (p: RunProgress) => void): Promise<RunResult> {
    const m = await this.#run.request((id) => ({ type: 'run', id, request }), progress);
    if (m.type === 'finished') return m.outcome;
    if (m.type === 'crashed')
      return m.message === CANCELLED
        ? { kind: 'cancelled' }
        : { kind: 'crashed', message: m.message };
    return { kind: 'crashed', message: `unexpected answer ${m.type}` };
  }

  cancel(): void {
    this.#run.restart(CANCELLED);
  }
}
