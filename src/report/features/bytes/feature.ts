/**
 * Bytes moved (present when a variant's scenario declares sizes, issue 18): bytes.csv (one row
 * per variant × link that carried bytes: every figure), the console section ■ bytes moved (per
 * such link, then each variant's total, zero included), a page section of one table, and the key metrics bytes moved per request
 * and GB moved per hour (also in the console's replication table). First replication of each
 * variant; the cost model prices the same bytes (report/features/costs/).
 */
import { part, type ReportFeature } from '../../feature.ts';
import type { Lang } from '../../i18n/lang.ts';
import { t } from '../../i18n/t.ts';
import { itemFeature } from '../../item-feature.ts';
import type { ScenarioResults } from '../../results.ts';
import { num } from '../../text-table.ts';
import {
  BYTES_METRICS,
  bytesMovedOf,
  countsBytes,
  LINK_COLUMNS,
  LINK_LEGEND,
  type LinkBytes,
  linkBytesOf,
  sizeText,
} from './bytes.ts';

/** One line per variant: its bytes in all, per request and per hour. */
function formatTotals(results: ScenarioResults, lang: Lang): string {
  const lines = results.runs.flatMap((r) => {
    const b = bytesMovedOf(r.summary);
    if (b === null) return [];
    const v = r.summary.scenario.variant ?? t(lang, 'costs.run');
    return [
      t(lang, 'bytes.total', {
        variant: v,
        bytes: sizeText(b.bytes),
        perRequest: sizeText(b.bytesPerRequest),
        gbPerHour: num(b.gbPerHour, 3),
      }),
    ];
  });
  return lines.length === 0 ? '' : [t(lang, 'bytes.totals'), ...lines].join('\n');
}

const feature = itemFeature<LinkBytes>({
  id: 'bytes',
  of: linkBytesOf,
  kind: 'link',
  what: 'bytes moved',
  order: { csv: 149, console: 47.8 },
  tables: [LINK_COLUMNS],
  legend: LINK_LEGEND,
  page: {
    order: 54,
    nav: 'Bytes',
    columns: LINK_COLUMNS,
  },
  more: () => [part('console', 47.9, (a, lang) => formatTotals(a.results, lang))],
});

// present whenever a run counted bytes, even when none moved (a monolith's zero is the lesson)
export const bytesFeature: ReportFeature = {
  ...feature,
  present: (runs) => runs.some(countsBytes),
  keyMetrics: [BYTES_METRICS],
};
