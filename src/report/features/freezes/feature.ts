/**
 * Frozen instances (present when a `crash: freeze` struck some instance): freezes.csv (one row
 * per variant × instance: every figure of its summary), the console section ■ frozen instances
 * and the page's section "Frozen instances".
 * What a freeze leaves behind that a crash does not: the accept queue served after the resume,
 * much of it for callers that had already given up (wasted work), and the arrivals beyond it
 * that never got an answer. First replication of each variant; no key metrics (an instance is
 * not a name of the scenario a highlight could use).
 */
import type { FreezeSummary } from '../../../metrics/freeze-stats.ts';
import { figureColumns } from '../../html/data-table.ts';
import { formatNumber } from '../../html/format.ts';
import { itemFeature } from '../../item-feature.ts';
import { warmUpLegendJoined } from '../../item-table.ts';
import { countColumns, type TextColumn } from '../../text-table.ts';

type F = FreezeSummary;

const COLUMNS: TextColumn<F>[] = [
  ['accept queue', (x) => String(x.backlog)],
  ...countColumns<F>('freezes', 'accepted', 'dropped', 'served', 'wasted', 'held'),
  ['longest queue', (x) => String(x.maxBacklog)],
];

const LEGEND = warmUpLegendJoined(
  'accept queue: connections kept while frozen (`backlog`)',
  'accepted: kept in the queue; dropped: no room, never answered (callers wait for their timeout)',
  'served: let in at the resume; wasted: of those, callers that had already given up',
  'held: visits whose end and answer waited for the resume',
);

export const freezesFeature = itemFeature<F>({
  id: 'freezes',
  kind: 'instance',
  what: 'frozen instances',
  order: { csv: 75, console: 58 },
  tables: [COLUMNS],
  legend: LEGEND,
  // the page's section: one row per variant × frozen instance
  page: {
    order: 52,
    nav: 'Freezes',
    columns: [
      ['accept queue', (x) => formatNumber(x.backlog)],
      ...figureColumns<F>('freezes', 'accepted', 'dropped', 'served', 'wasted', 'held'),
    ],
  },
});
