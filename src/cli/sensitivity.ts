/**
 * `msasim run --sensitivity`: the what-if near saturation (report/features/sensitivity/). For
 * each variant whose first replication has a component at utilisation ρ ≥ 0.8, the variant is
 * run twice more with the seed of its first replication, the hot components' service times
 * scaled by 0.95 and 1.05, and the figures compared. Its cost: two more runs of each such
 * variant (so up to three times the run's time), which is why it is asked for, not automatic;
 * without the flag a run with a hot component prints a one-line hint on stderr.
 */

import type { RunSummary } from '../metrics/summary.ts';
import {
  hotComponents,
  SENSITIVITY_STEP,
  SENSITIVITY_THRESHOLD,
  scaledScenario,
  sensitivityOf,
  type VariantSensitivity,
} from '../report/features/sensitivity/what-if.ts';
import type { Lang } from '../report/i18n/lang.ts';
import { t } from '../report/i18n/t.ts';
import type { Scenario } from '../scenario/types.ts';

/** A variant as it ran: its scenario (overrides applied), its name and first replication's summary. */
export interface RanVariant {
  scenario: Scenario;
  name: string;
  base: RunSummary;
}

/** Runs the what-if of every variant with a hot component (`run` runs one scenario with the base seed). */
export async function whatIfNearSaturation(
  variants: readonly RanVariant[],
  run: (scenario: Scenario) => Promise<RunSummary>,
): Promise<VariantSensitivity[]> {
  const out: VariantSensitivity[] = [];
  for (const v of variants) {
    const hot = hotComponents(v.base);
    if (hot.length === 0) continue;
    const faster = await run(scaledScenario(v.scenario, hot, 1 - SENSITIVITY_STEP));
    const slower = await run(scaledScenario(v.scenario, hot, 1 + SENSITIVITY_STEP));
    out.push(sensitivityOf(v.name, hot, v.base, faster, slower));
  }
  return out;
}

/** The stderr hint when some component is hot and --sensitivity was not given ('' otherwise). */
export function sensitivityHint(variants: readonly RanVariant[], lang: Lang = 'en'): string {
  const hot = variants.flatMap((v) =>
    hotComponents(v.base)
      .slice(0, 1)
      .map((h) => [v, h] as const),
  );
  if (hot.length === 0) return '';
  const [v, h] = hot.reduce((a, b) => (b[1].utilisation > a[1].utilisation ? b : a));
  const where = variants.length > 1 ? t(lang, 'run.hintWhere', { variant: v.name }) : '';
  const values = {
    id: h.id,
    rho: h.utilisation.toFixed(2),
    where,
    threshold: SENSITIVITY_THRESHOLD,
  };
  return `${t(lang, 'run.sensitivityHint', values)}\n`;
}
