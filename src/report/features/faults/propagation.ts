/**
 * Failure propagation: from the per-second series of a run with faults, when each entry
 * endpoint and each component became degraded, when it recovered, how bad it got, and the
 * blast radius of each fault (what degraded while it was active, in order).
 *
 * Degraded means worse than the entity's own baseline: the seconds after the warm-up and
 * before the first fault (or, when those are fewer than MIN_BASELINE_SECONDS, every second
 * outside the fault windows). An endpoint is degraded in a second when its error share rises
 * by `errorRateIncrease` over the baseline, when its p99 exceeds `p99Factor` × the baseline p99
 * (and the baseline + `p99MinIncreaseMs`), or when requests arrive but none finishes. A
 * component is degraded when its utilisation rises by `utilisationIncrease`, or when it
 * rejects a share `errorRateIncrease` more of its arrivals than in the baseline. An episode
 * starts after `onsetSeconds` degraded seconds in a row (at the first of them) and ends after
 * `recoverySeconds` healthy seconds in a row (at the first of them). Seconds before the first
 * fault never start an episode (a fault cannot cause what came before it). A second in which
 * nothing arrived (and nothing was busy) is no evidence either way: the state carries on.
 *
 * Two things the per-second series cannot show are said beside the blast radius: a fault that
 * never struck inside the counted run (it starts at or after the run's end, or strikes only
 * during the warm-up, or strikes a link that carried no message after the warm-up nor in it:
 * a link fault strikes the messages its `from` sends to its `to`, and the model skips a link
 * nothing uses; a link used in the warm-up only, say one a blackhole from 0 s starved, is not
 * such a link) is listed as such, never as "nothing degraded"; and damage to data (messages lost or
 * applied twice, sagas left inconsistent, sessions lost, replicated data's changes lost),
 * counted after the warm-up for the whole run, is listed as damage (the counters carry no time,
 * so it is the run's, not one fault window's).
 */
import type { SeriesPoint } from '../../../metrics/series.ts';
import type { StationPoint } from '../../../metrics/station-stats.ts';
import type { LinkSummary, RunResult, RunSummary } from '../../../metrics/summary.ts';
import type { FaultDef, FaultWindow } from '../../../scenario/types.ts';

/** When a second counts as degraded, and how long onsets and recoveries must last. */
export interface PropagationThresholds {
  p99Factor: number;
  p99MinIncreaseMs: number;
  errorRateIncrease: number;
  utilisationIncrease: number;
  onsetSeconds: number;
  recoverySeconds: number;
}

export const DEFAULT_THRESHOLDS: PropagationThresholds = {
  p99Factor: 2,
  p99MinIncreaseMs: 5,
  errorRateIncrease: 0.05,
  utilisationIncrease: 0.3,
  onsetSeconds: 2,
  recoverySeconds: 5,
};

/** Fewer baseline seconds than this before the first fault: use every second outside faults. */
export const MIN_BASELINE_SECONDS = 3;

/** A fault's windows, as the analysis needs them. */
export interface FaultTimeline {
  id: string;
  kind: string;
  /** What it strikes: a component id or "from → to". */
  target: string;
  /** A link fault's links, each from → to (absent: it strikes a component). */
  links?: { from: string; to: string }[];
  windows: FaultWindow[];
}

/** An entity's normal figures. */
export interface Baseline {
  seconds: number;
  errorRate: number;
  p99Ms: number;
  utilisation: number;
}

/** The worst figures of an episode (null where they do not apply). */
export interface Worst {
  errorRate: number | null;
  p99Ms: number | null;
  utilisation: number | null;
}

/** One stretch of degradation. */
export interface Episode {
  startMs: number;
  /** null: still degraded when the run ended. */
  endMs: number | null;
  worst: Worst;
  /** The fault active (or most recently started) at the onset; null if none had started. */
  fault: string | null;
}

export interface EntityPropagation {
  scope: 'endpoint' | 'component';
  id: string;
  baseline: Baseline;
  episodes: Episode[];
}

/** What one fault's window took down, in order of onset. */
export interface BlastRadius {
  fault: string;
  kind: string;
  target: string;
  window: FaultWindow;
  hits: {
    scope: 'endpoint' | 'component';
    id: string;
    degradedAtMs: number;
    /** Onset − fault start. */
    delayMs: number;
    recoveredAtMs: number | null;
    worst: Worst;
  }[];
}

/** A fault that never struck inside the counted run. */
export interface FaultNotFired {
  fault: string;
  kind: string;
  target: string;
  /**
   * `after-end`: it starts at or after the run's end; `warm-up`: every window ends in the
   * warm-up; `idle-link`: a link fault on a link that carried no message after the warm-up
   * (nor in it: a link the fault itself emptied from the start is not idle).
   */
  why: 'after-end' | 'warm-up' | 'idle-link';
  /** idle-link: messages went the other way, from `to` to `from` (the ends swapped by mistake). */
  reverse?: boolean;
}

/** Damage to data over the counted run: what, where, how many. */
export interface DataDamage {
  /** "messages lost", "messages applied twice", "sagas left inconsistent", "sessions lost". */
  what: string;
  /** The consumer group, saga or session strategy it happened in. */
  where: string;
  count: number;
}

export interface Propagation {
  thresholds: PropagationThresholds;
  /** Faults that never struck inside the counted run (none struck: nothing to judge). */
  notFired: FaultNotFired[];
  /** Damage to data in the run after the warm-up (the series cannot show it). */
  dataDamage: DataDamage[];
  /** The seconds the baselines come from (before the first fault, after the warm-up). */
  baselineWindow: FaultWindow;
  entities: EntityPropagation[];
  blastRadius: BlastRadius[];
}

/** One second of one entity, reduced to what the analysis compares. */
interface Second {
  second: number;
  errorRate: number | null;
  p99Ms: number | null;
  utilisation: number | null;
  /** Arrivals but nothing finished (endpoints) — everything hangs. */
  stalled: boolean;
  /** Nothing arrived: no evidence either way (the state carries on). */
  empty: boolean;
}

function endpointSeconds(points: SeriesPoint[]): Second[] {
  return points.map((p) => {
    const finished = p.ok + p.rejected + p.timedOut + p.failed;
    return {
      second: p.second,
      errorRate: finished > 0 ? (finished - p.ok) / finished : null,
      p99Ms: finished > 0 ? p.p99Ms : null,
      utilisation: null,
      stalled: finished === 0 && p.arrivals > 0,
      empty: finished === 0 && p.arrivals === 0,
    };
  });
}

function componentSeconds(points: StationPoint[]): Second[] {
  return points.map((p) => ({
    second: p.second,
    errorRate: p.arrivals > 0 ? p.rejected / p.arrivals : null,
    p99Ms: null,
    utilisation: p.utilisation,
    stalled: false,
    empty: p.arrivals === 0 && p.utilisation === 0,
  }));
}

const mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);

function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function baselineOf(seconds: Second[]): Baseline {
  const nums = (f: (s: Second) => number | null) =>
    seconds.map(f).filter((x): x is number => x !== null);
  return {
    seconds: seconds.length,
    errorRate: mean(nums((s) => s.errorRate)),
    p99Ms: median(nums((s) => s.p99Ms)),
    utilisation: mean(nums((s) => s.utilisation)),
  };
}

function isDegraded(s: Second, b: Baseline, t: PropagationThresholds): boolean {
  if (s.stalled) return true;
  if (s.errorRate !== null && s.errorRate >= b.errorRate + t.errorRateIncrease) return true;
  if (s.p99Ms !== null && s.p99Ms > Math.max(b.p99Ms * t.p99Factor, b.p99Ms + t.p99MinIncreaseMs))
    return true;
  return s.utilisation !== null && s.utilisation >= b.utilisation + t.utilisationIncrease;
}

const inWindow = (ms: number, w: FaultWindow) => ms >= w.startMs && ms < w.endMs;

/** The fault active at `ms` (the latest started), else the one that started last before it. */
function faultAt(ms: number, faults: FaultTimeline[]): string | null {
  let best: { id: string; start: number; active: boolean } | null = null;
  for (const f of faults)
    for (const w of f.windows) {
      if (w.startMs > ms) continue;
      const active = inWindow(ms, w);
      if (
        best === null ||
        (active && !best.active) ||
        (active === best.active && w.startMs > best.start)
      )
        best = { id: f.id, start: w.startMs, active };
    }
  return best?.id ?? null;
}

function episodesOf(
  seconds: Second[],
  b: Baseline,
  t: PropagationThresholds,
  firstFaultMs: number,
  faults: FaultTimeline[],
): Episode[] {
  const episodes: Episode[] = [];
  let open: Episode | null = null;
  let run = 0; // consecutive seconds in the other state
  let runStart = 0;
  const worsen = (e: Episode, s: Second) => {
    const w = e.worst;
    if (s.errorRate !== null) w.errorRate = Math.max(w.errorRate ?? 0, s.errorRate);
    if (s.p99Ms !== null) w.p99Ms = Math.max(w.p99Ms ?? 0, s.p99Ms);
    if (s.utilisation !== null) w.utilisation = Math.max(w.utilisation ?? 0, s.utilisation);
  };
  const pending: Second[] = [];
  for (const s of seconds) {
    const ms = s.second * 1000;
    if ((ms < firstFaultMs && open === null) || s.empty) continue;
    const bad = isDegraded(s, b, t);
    if (open === null) {
      if (!bad) {
        run = 0;
        pending.length = 0;
        continue;
      }
      if (run === 0) runStart = ms;
      run++;
      pending.push(s);
      if (run >= t.onsetSeconds) {
        open = {
          startMs: runStart,
          endMs: null,
          worst: { errorRate: null, p99Ms: null, utilisation: null },
          fault: faultAt(runStart, faults),
        };
        for (const p of pending) worsen(open, p);
        episodes.push(open);
        run = 0;
        pending.length = 0;
      }
    } else if (bad) {
      run = 0;
      worsen(open, s);
    } else {
      if (run === 0) runStart = ms;
      run++;
      if (run >= t.recoverySeconds) {
        open.endMs = runStart;
        open = null;
        run = 0;
      }
    }
  }
  return episodes;
}

/**
 * The propagation of the faults through a run: per entity, its baseline and episodes of
 * degradation; per fault window, its blast radius. `warmupMs` starts the baseline.
 */
export function analysePropagation(
  series: { requests: Map<string, SeriesPoint[]>; components: Map<string, StationPoint[]> },
  faults: FaultTimeline[],
  warmupMs: number,
  thresholds: PropagationThresholds = DEFAULT_THRESHOLDS,
  dataDamage: DataDamage[] = [],
  durationMs = Number.POSITIVE_INFINITY,
  links?: readonly LinkSummary[],
): Propagation {
  const notFired = faultsNotFired(faults, warmupMs, durationMs, links);
  const idle = new Set(notFired.filter((f) => f.why === 'idle-link').map((f) => f.fault));
  // windows that end in the warm-up or start after the end strike nothing counted, nor do those
  // of a fault on a link that carried nothing: no blast radius of their own
  const counted = faults.map((f) => ({
    ...f,
    windows: idle.has(f.id)
      ? []
      : f.windows.filter((w) => w.endMs > warmupMs && w.startMs < durationMs),
  }));
  const windows = counted.flatMap((f) => f.windows);
  if (windows.length === 0)
    return {
      thresholds,
      notFired,
      dataDamage,
      baselineWindow: { startMs: warmupMs, endMs: warmupMs },
      entities: [],
      blastRadius: [],
    };
  const firstFaultMs = Math.min(...windows.map((w) => w.startMs));
  const baselineWindow = { startMs: warmupMs, endMs: Math.max(warmupMs, firstFaultMs) };
  const entities: EntityPropagation[] = [];
  const analyse = (scope: 'endpoint' | 'component', id: string, seconds: Second[]) => {
    // a second [s, s+1) belongs to the baseline when it lies inside the baseline window
    let base = seconds.filter(
      (s) =>
        s.second * 1000 >= baselineWindow.startMs && (s.second + 1) * 1000 <= baselineWindow.endMs,
    );
    if (base.length < MIN_BASELINE_SECONDS)
      base = seconds.filter(
        (s) =>
          s.second * 1000 >= warmupMs &&
          !windows.some((w) => s.second * 1000 < w.endMs && (s.second + 1) * 1000 > w.startMs),
      );
    const baseline = baselineOf(base);
    // no normal second to compare with (faults from start to end): nothing can be judged
    entities.push({
      scope,
      id,
      baseline,
      episodes:
        baseline.seconds === 0
          ? []
          : episodesOf(seconds, baseline, thresholds, firstFaultMs, faults),
    });
  };
  for (const [id, points] of series.requests)
    if (id !== 'overall') analyse('endpoint', id, endpointSeconds(points));
  for (const [id, points] of series.components) analyse('component', id, componentSeconds(points));

  const blastRadius: BlastRadius[] = [];
  for (const f of counted)
    for (const w of f.windows) {
      const hits: BlastRadius['hits'] = [];
      for (const e of entities)
        for (const ep of e.episodes)
          if (
            ep.fault === f.id &&
            ep.startMs >= w.startMs &&
            ep.startMs < w.endMs + thresholds.recoverySeconds * 1000
          )
            hits.push({
              scope: e.scope,
              id: e.id,
              degradedAtMs: ep.startMs,
              delayMs: ep.startMs - w.startMs,
              recoveredAtMs: ep.endMs,
              worst: ep.worst,
            });
      hits.sort(
        (a, b) =>
          a.degradedAtMs - b.degradedAtMs ||
          (a.scope < b.scope ? -1 : a.scope > b.scope ? 1 : 0) ||
          (a.id < b.id ? -1 : 1),
      );
      blastRadius.push({ fault: f.id, kind: f.kind, target: f.target, window: w, hits });
    }
  return { thresholds, notFired, dataDamage, baselineWindow, entities, blastRadius };
}

/**
 * The faults that never struck inside the counted run: no window starts before the run's end
 * (`durationMs`; windows are clipped to the scenario's duration, a run can be shorter), or every
 * window is over by the warm-up's end, or (given the run's `links`) a link fault's link carried
 * no message after the warm-up, nor in it (`warmupMessages`: a blackhole from 0 s that starves
 * the link after the warm-up struck it).
 */
export function faultsNotFired(
  faults: FaultTimeline[],
  warmupMs: number,
  durationMs = Number.POSITIVE_INFINITY,
  links?: readonly LinkSummary[],
): FaultNotFired[] {
  const out: FaultNotFired[] = [];
  const carried = (from: string, to: string) =>
    links?.some(
      (l) => l.from === from && l.to === to && l.messages + (l.warmupMessages ?? 0) > 0,
    ) ?? true;
  for (const f of faults) {
    const inRun = f.windows.filter((w) => w.startMs < durationMs);
    const why =
      inRun.length === 0
        ? 'after-end'
        : inRun.every((w) => w.endMs <= warmupMs)
          ? 'warm-up'
          : f.links !== undefined && !f.links.some((l) => carried(l.from, l.to))
            ? 'idle-link'
            : null;
    if (why === null) continue;
    const base = { fault: f.id, kind: f.kind, target: f.target, why } as const;
    out.push(
      why === 'idle-link' && f.links?.some((l) => carried(l.to, l.from))
        ? { ...base, reverse: true }
        : base,
    );
  }
  return out;
}

/**
 * The damage to data a run counted after its warm-up: messages lost or applied twice per
 * consumer group, sagas left inconsistent, sessions lost (by crash or scale-in), changes of
 * replicated data its merge lost; nothing that is zero.
 */
export function dataDamageOf(s: RunSummary): DataDamage[] {
  const out: DataDamage[] = [];
  const add = (what: string, where: string, count: number) => {
    if (count > 0) out.push({ what, where, count });
  };
  for (const c of s.consumers) {
    add('messages lost', c.group, c.lost);
    add('messages applied twice', c.group, c.appliedTwice);
  }
  for (const g of s.sagas) add('sagas left inconsistent', g.id, g.inconsistent);
  if (s.sessions !== null)
    add('sessions lost', `${s.sessions.strategy} sessions`, s.sessions.sessionsLost.total);
  // a replicated data's changes its merge lost (last-write-wins through a partition)
  for (const r of s.replicated ?? []) add('updates lost', r.id, r.lost);
  return out;
}

/** The timeline of a fault definition: what it strikes, in words. */
export function faultTimeline(def: FaultDef): FaultTimeline {
  const target =
    def.split !== undefined
      ? `${def.split.from.join(', ')} ${def.split.both ? '↔' : '→'} ${def.split.to.join(', ')}`
      : def.link !== null
        ? `${def.link.from} → ${def.link.to}`
        : def.instances === null
          ? (def.component as string)
          : `${def.component}[${def.instances.join(',')}]`;
  return def.link !== null
    ? {
        id: def.id,
        kind: def.kind,
        target,
        links: def.split?.links ?? [def.link],
        windows: def.windows,
      }
    : { id: def.id, kind: def.kind, target, windows: def.windows };
}

/** The propagation analysis of a run (null when its scenario has no faults). */
export function propagationOf(run: RunResult): Propagation | null {
  const faults = run.summary.scenario.faults;
  if (faults.length === 0) return null;
  return analysePropagation(
    run.series,
    faults.map(faultTimeline),
    run.summary.scenario.warmupMs,
    DEFAULT_THRESHOLDS,
    dataDamageOf(run.summary),
    run.summary.scenario.durationMs,
    run.summary.links,
  );
}
