/**
 * Sensitivity near saturation, the pure half: which components run hot (utilisation ρ ≥ 0.8),
 * the variant with their service times scaled by 0.95 and 1.05 (a small automatic what-if the
 * CLI runs with the same seed, `msasim run --sensitivity`), and how the key figures moved.
 * Near saturation a queue's waiting time grows like 1/(1 − ρ), so a few per cent of error in a
 * measured service time moves the tail by tens of per cent: the report says so beside the
 * figures instead of letting them look precise.
 *
 * The scaling is a `latency` fault with `factor` 0.95 or 1.05 on the hot components for the
 * whole run: it multiplies their own work (CPU, sleeps, query and cache-operation times) and
 * nothing else (waits downstream, network hops and the other components are unchanged). Every
 * random stream is the same as in the base run (common random numbers), so the difference is
 * the effect of the scaling, not noise. Simplifications: the first replication's seed only;
 * components of kind service, database (a shard) and cache; a component at ρ ≥ 1 is
 * overloaded, its tail grows with the run's length and the figures are flagged so.
 */
import type { RunSummary } from '../../../metrics/summary.ts';
import type { FaultDef, Scenario } from '../../../scenario/types.ts';
import type { Lang } from '../../i18n/lang.ts';
import { t } from '../../i18n/t.ts';

/** Utilisation from which a component counts as near saturation. */
export const SENSITIVITY_THRESHOLD = 0.8;
/** The relative change of service time tried each way. */
export const SENSITIVITY_STEP = 0.05;
/** The id of the what-if's fault (not a valid scenario id, so it never meets a user's). */
const FAULT_ID = '(sensitivity)';

/** A component near saturation in a run. */
export interface HotComponent {
  /** Its id in the summary (a shard is `db[i]`). */
  id: string;
  kind: string;
  utilisation: number;
}

/** The components of kind service, database or cache at ρ ≥ the threshold, hottest first. */
export function hotComponents(s: RunSummary, threshold = SENSITIVITY_THRESHOLD): HotComponent[] {
  return s.components
    .filter(
      (c) =>
        (c.kind === 'service' || c.kind === 'database' || c.kind === 'cache') &&
        c.utilisation >= threshold,
    )
    .map((c) => ({ id: c.id, kind: c.kind, utilisation: c.utilisation }))
    .sort((a, b) => b.utilisation - a.utilisation || (a.id < b.id ? -1 : 1));
}

/** `scenario` with the hot components' own work multiplied by `factor` for the whole run. */
export function scaledScenario(
  scenario: Scenario,
  hot: readonly HotComponent[],
  factor: number,
): Scenario {
  const faults: FaultDef[] = hot.map((h, i) => {
    const shard = /^(.*)\[(\d+)\]$/.exec(h.id);
    return {
      id: `${FAULT_ID}${i}`,
      description: `service time × ${factor}`,
      kind: 'latency',
      component: shard === null ? h.id : shard[1],
      instances: shard === null ? null : [Number(shard[2])],
      link: null,
      windows: [{ startMs: 0, endMs: scenario.durationMs }],
      mode: null,
      add: null,
      factor,
      rate: 0,
      remaining: 1,
      pause: null,
      interval: null,
    };
  });
  return { ...scenario, faults: [...scenario.faults, ...faults] };
}

/** One figure in the base run and with service times × 0.95 and × 1.05. */
export interface SensitivityFigure {
  /** What it is: `p99 ms` of an endpoint, or `utilisation` of a component. */
  metric: 'p99 ms' | 'utilisation';
  /** The endpoint or component. */
  of: string;
  base: number;
  faster: number;
  slower: number;
}

/** The what-if of one variant. */
export interface VariantSensitivity {
  /** The variant's name (the scenario's when it has none). */
  variant: string;
  hot: HotComponent[];
  /** The relative change of service time tried each way (0.05). */
  step: number;
  figures: SensitivityFigure[];
}

/** The figures of the base run and the two what-if runs: each entry endpoint's p99, each hot component's ρ. */
export function sensitivityOf(
  variant: string,
  hot: HotComponent[],
  base: RunSummary,
  faster: RunSummary,
  slower: RunSummary,
): VariantSensitivity {
  const figures: SensitivityFigure[] = [];
  for (const e of base.endpoints) {
    const p99 = (s: RunSummary) =>
      s.endpoints.find((x) => x.endpoint === e.endpoint)?.latency.p99Ms ?? Number.NaN;
    figures.push({
      metric: 'p99 ms',
      of: e.endpoint,
      base: p99(base),
      faster: p99(faster),
      slower: p99(slower),
    });
  }
  for (const h of hot) {
    const rho = (s: RunSummary) =>
      s.components.find((x) => x.id === h.id)?.utilisation ?? Number.NaN;
    figures.push({
      metric: 'utilisation',
      of: h.id,
      base: rho(base),
      faster: rho(faster),
      slower: rho(slower),
    });
  }
  return { variant, hot, step: SENSITIVITY_STEP, figures };
}

/** A relative change as a signed percentage ("−18 %", "+35 %"; "n/a" without a base). */
export function signedPercent(value: number, base: number): string {
  if (!(base > 0) || !Number.isFinite(value)) return 'n/a';
  const pct = Math.round(((value - base) / base) * 100);
  return pct < 0 ? `−${-pct} %` : `+${pct} %`;
}

/**
 * The warning sentence of a variant: the endpoint whose p99 swings most, e.g. "at ρ 0.86
 * (server), ±5 % service time moves p99 of server/serve by −18 %/+35 %: treat these figures
 * as fragile."
 */
export function sensitivitySentence(s: VariantSensitivity, lang: Lang = 'en'): string {
  const top = s.hot[0];
  const p99s = s.figures.filter((f) => f.metric === 'p99 ms' && f.base > 0);
  const swing = (f: SensitivityFigure) => Math.abs(f.slower - f.faster) / f.base;
  const worst = p99s.reduce<SensitivityFigure | null>(
    (w, f) => (w === null || swing(f) > swing(w) ? f : w),
    null,
  );
  const where = {
    rho: top.utilisation.toFixed(2),
    component: top.id,
    step: Math.round(s.step * 100),
  };
  const overloaded = top.utilisation >= 0.995;
  if (worst === null) return t(lang, overloaded ? 'sens.none.overloaded' : 'sens.none', where);
  return t(lang, overloaded ? 'sens.moves.overloaded' : 'sens.moves', {
    ...where,
    endpoint: worst.of,
    faster: signedPercent(worst.faster, worst.base),
    slower: signedPercent(worst.slower, worst.base),
  });
}
