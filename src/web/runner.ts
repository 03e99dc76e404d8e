/**
 * The page's two workers: one validates the editor's text as the user types, the other runs
 * scenarios. Cancel terminates the running worker (a simulation checks nothing between events)
 * and starts a fresh one, so the page never waits for the engine. A worker that dies (an
 * error, out of memory) is reported as `crashed` and replaced.
 */
import type { RunSummary } from '../metrics/summary.ts';
import type { VegaAssets } from '../report/html/page.ts';
import { DEFAULT_MAX_REPLICATIONS, type PrecisionState } from '../report/precision.ts';
import type { RunNotes } from '../report/results.ts';
import type { ScenarioIssue } from '../scenario/issues.ts';
import type {
  ChallengeOutcome,
  ChallengeRequest,
  FromWorker,
  ReplicationRange,
  RunOutcome,
  RunProgress,
  RunRequest,
  SpofOutcome,
  SpofRequest,
  SweepRequest,
  ToWorker,
} from './protocol.ts';

type Settle = (m: FromWorker) => void;

/** One worker with request ids. */
class Channel {
  #worker: Worker | undefined;
  #waiting = new Map<number, { settle: Settle; progress?: (p: RunProgress) => void }>();
  #next = 1;

  constructor(
    private readonly make: () => Worker,
    private readonly assets: VegaAssets | undefined,
    private readonly violated: (message: string) => void,
  ) {}

  #start(): Worker {
    const w = this.make();
    w.onmessage = (e: MessageEvent<FromWorker>) => {
      const m = e.data;
      if (m.type === 'violation') {
        this.violated(m.message);
        return;
      }
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

/** What a sweep returns to the page. */
export type SweepResult =
  | { kind: 'done'; files: [string, string][]; table: string; points: number; wallMs: number }
  | { kind: 'invalid'; issues: ScenarioIssue[] }
  | { kind: 'problem'; message: string }
  | { kind: 'stopped'; message: string }
  | { kind: 'crashed'; message: string }
  | { kind: 'cancelled' };

const CANCELLED = '\u0000cancelled';

/** Most workers that run variants at once (each holds a model; the page keeps a core). */
export function poolSize(cores: number | undefined, variants: number): number {
  return Math.max(1, Math.min(variants, Math.max(1, (cores ?? 2) - 1), 4));
}

export class Runner {
  readonly #lint: Channel;
  /** The run workers; the first also builds the report (it has the vega libraries). */
  readonly #pool: Channel[];

  /**
   * `cores`: the browser's (a page may ask for a number of run workers with `?workers=N`);
   * `violated`: told of every refusal of the page's Content-Security-Policy in a worker.
   */
  constructor(
    make: () => Worker,
    assets: VegaAssets,
    cores = navigator.hardwareConcurrency,
    violated: (message: string) => void = () => {},
  ) {
    this.#lint = new Channel(make, undefined, violated);
    const size = poolSize(cores, Number.POSITIVE_INFINITY);
    this.#pool = Array.from(
      { length: size },
      (_, k) => new Channel(make, k === 0 ? assets : undefined, violated),
    );
  }

  /** The issues of `text` and the data files its workloads read. */
  async validate(
    text: string,
    file: string,
  ): Promise<{ issues: ScenarioIssue[]; dataFiles: string[] }> {
    const m = await this.#lint.request((id) => ({ type: 'validate', id, text, file }));
    return m.type === 'validated'
      ? { issues: m.issues, dataFiles: m.dataFiles }
      : { issues: [], dataFiles: [] };
  }

  /**
   * Runs every variant, on several workers when there are several variants and cores (each
   * variant is an independent run with its own seed, so the results are the same bytes), then
   * builds the report on the first worker. The first variant to be stopped by a guard, or a
   * crash, stops the others.
   */
  async run(request: RunRequest, progress: (p: RunProgress) => void): Promise<RunResult> {
    const started = performance.now();
    const plan = await this.#lint.request((id) => ({ type: 'plan', id, request }));
    if (plan.type !== 'planned') return this.#failed(plan);
    if ('issues' in plan.plan) return { kind: 'invalid', issues: plan.plan.issues };
    const variants = plan.plan.variants;
    const workers = this.#pool.slice(0, poolSize(this.#pool.length + 1, variants));
    const shares = new Map<number, RunProgress>();
    const show = (p: RunProgress) => {
      shares.set(p.index, p);
      const done = [...shares.values()].reduce(
        (a, x) => a + Math.min(1, x.simMs / x.durationMs),
        0,
      );
      const running = [...shares.values()].filter((x) => x.simMs < x.durationMs);
      const first = running[0] ?? p;
      progress({
        ...first,
        index: Math.min(variants - 1, Math.floor(done)),
        of: variants,
        simMs: (done % 1) * first.durationMs,
      });
    };
    const runs: RunResultOf[] = new Array(variants);
    const replications: RunSummary[][] = Array.from({ length: variants }, () => []);
    let simulationWallMs = 0;
    /** Runs `range` of every variant on the workers; the failure that stopped it, if any. */
    const round = async (range: ReplicationRange): Promise<RunResult | undefined> => {
      shares.clear();
      let next = 0;
      let failure: RunResult | undefined;
      const work = async (channel: Channel): Promise<void> => {
        while (failure === undefined && next < variants) {
          const index = next++;
          const m = await channel.request(
            (id) => ({ type: 'variant', id, request, index, range }),
            show,
          );
          if (failure !== undefined) return;
          if (m.type !== 'ran') failure = this.#failed(m);
          else if (m.outcome.kind !== 'ran') failure = m.outcome;
          else {
            if (m.outcome.result !== undefined) runs[index] = m.outcome.result;
            replications[index].push(...m.outcome.summaries);
            simulationWallMs += m.outcome.simulationWallMs;
            show({ variant: '', index, of: variants, simMs: 1, durationMs: 1 });
          }
          if (failure !== undefined)
            for (const c of workers) if (c !== channel) c.restart(CANCELLED);
        }
      };
      await Promise.all(workers.map(work));
      return failure;
    };
    const first = await round({ from: 1, count: plan.plan.replications });
    if (first !== undefined) return first;
    // a precision target: one more replication of every variant until it is reached or capped,
    // as `msasim run --precision` adds them (report/precision.ts replicateUntil, whose loop this
    // is with the check asked of a worker, which has the analysis)
    let notes: RunNotes | undefined;
    const { precision } = request;
    if (precision !== undefined) {
      const cap = DEFAULT_MAX_REPLICATIONS;
      const check = async (): Promise<PrecisionState | RunResult> => {
        const m = await this.#pool[0].request((id) => ({
          type: 'precision',
          id,
          request,
          runs,
          replications,
        }));
        return m.type === 'precision' ? m.state : this.#failed(m);
      };
      let done = plan.plan.replications;
      while (done < 2 && done < cap) {
        const failure = await round({ from: ++done, count: 1 });
        if (failure !== undefined) return failure;
      }
      let state = await check();
      while ('reached' in state && !state.reached && done < cap) {
        const failure = await round({ from: ++done, count: 1 });
        if (failure !== undefined) return failure;
        state = await check();
      }
      if (!('reached' in state)) return state;
      notes = { precision: { target: precision, reached: state.reached, cap, worst: state.worst } };
    }
    const simulated = performance.now() - started;
    const report = await this.#pool[0].request((id) => ({
      type: 'report',
      id,
      request,
      runs,
      replications,
      ...(notes === undefined ? {} : { notes }),
    }));
    if (report.type !== 'reported') return this.#failed(report);
    return {
      kind: 'done',
      files: report.files,
      notes: report.notes,
      // the wall time of the simulations: their sum on one worker, their span on several
      simulationWallMs: workers.length === 1 ? simulationWallMs : simulated,
      wallMs: performance.now() - started,
    };
  }

  /**
   * Runs a sweep (web/sweep.ts): the plan on the validating worker, the grid points spread over
   * the run workers, the files built on the first. `progress(done, of)` after every point.
   */
  async sweep(
    sweep: SweepRequest,
    progress: (done: number, of: number) => void,
  ): Promise<SweepResult> {
    const started = performance.now();
    const planned = await this.#lint.request((id) => ({ type: 'sweep-plan', id, sweep }));
    if (planned.type !== 'sweep-planned') return this.#failed(planned);
    const p = planned.planned;
    if ('issues' in p) return { kind: 'invalid', issues: p.issues };
    if ('problem' in p) return { kind: 'problem', message: p.problem };
    const of = p.plan.points;
    const texts: string[] = new Array(of);
    const workers = this.#pool.slice(0, poolSize(this.#pool.length + 1, of));
    let next = 0;
    let done = 0;
    let failure: SweepResult | undefined;
    const work = async (channel: Channel): Promise<void> => {
      while (failure === undefined && next < of) {
        const index = next++;
        const m = await channel.request((id) => ({
          type: 'sweep-point',
          id,
          sweep,
          planned: p,
          index,
        }));
        if (failure !== undefined) return;
        if (m.type !== 'sweep-point') failure = this.#failed(m);
        else if ('stopped' in m.outcome) failure = { kind: 'stopped', message: m.outcome.stopped };
        else {
          texts[index] = m.outcome.text;
          progress(++done, of);
        }
        if (failure !== undefined) for (const c of workers) if (c !== channel) c.restart(CANCELLED);
      }
    };
    progress(0, of);
    await Promise.all(workers.map(work));
    if (failure !== undefined) return failure;
    const report = await this.#pool[0].request((id) => ({
      type: 'sweep-report',
      id,
      plan: p.plan,
      texts,
      ...(sweep.request.lang === undefined ? {} : { lang: sweep.request.lang }),
    }));
    if (report.type !== 'sweep-reported') return this.#failed(report);
    return {
      kind: 'done',
      files: report.files,
      table: report.table,
      points: of,
      wallMs: performance.now() - started,
    };
  }

  /** Runs a spof analysis (web/spof.ts) on the first run worker. */
  async spof(
    spof: SpofRequest,
  ): Promise<SpofOutcome | { kind: 'crashed'; message: string } | { kind: 'cancelled' }> {
    const m = await this.#pool[0].request((id) => ({ type: 'spof', id, spof }));
    return m.type === 'spof-done' ? m.outcome : this.#failed(m);
  }

  /** Checks a challenge's attempt (web/challenge.ts) on the first run worker. */
  async challenge(
    check: ChallengeRequest,
    progress: (p: RunProgress) => void,
  ): Promise<ChallengeOutcome | { kind: 'crashed'; message: string } | { kind: 'cancelled' }> {
    const m = await this.#pool[0].request((id) => ({ type: 'challenge', id, check }), progress);
    return m.type === 'checked' ? m.outcome : this.#failed(m);
  }

  #failed(m: FromWorker): { kind: 'crashed'; message: string } | { kind: 'cancelled' } {
    if (m.type === 'crashed')
      return m.message === CANCELLED
        ? { kind: 'cancelled' }
        : { kind: 'crashed', message: m.message };
    return { kind: 'crashed', message: `unexpected answer ${m.type}` };
  }

  cancel(): void {
    for (const c of this.#pool) c.restart(CANCELLED);
  }
}

type RunResultOf = NonNullable<
  Extract<Extract<FromWorker, { type: 'ran' }>['outcome'], { kind: 'ran' }>['result']
>;
