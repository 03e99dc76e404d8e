/**
 * The console section of messaging (printed by `msasim run` when some variant has consumer
 * groups): one row per variant × group, first replication, in two tables so each stays within
 * 120 columns — what became of the messages, then how far behind the consumers ran. The key
 * metrics with confidence intervals are in the replications section (table.ts).
 */

import type { ConsumerGroupSummary } from '../../../metrics/consumer-stats.ts';
import { recordWords } from '../../i18n/ko-records.ts';
import type { Lang } from '../../i18n/lang.ts';
import { t } from '../../i18n/t.ts';
import { itemTable, namedItems } from '../../item-table.ts';
import type { ScenarioResults } from '../../results.ts';
import { countColumns, joinWrapped, num, type TextColumn } from '../../text-table.ts';
import { consumerGroupRuns } from './consumer-figures.ts';

type C = ConsumerGroupSummary;

/** What became of the messages: delivery semantics and message outcomes. */
const OUTCOMES: TextColumn<C>[] = [
  ['ack', (c) => c.ack],
  ['idempotency', (c) => c.idempotency],
  ['produced/s', (c) => num(c.producedPerSec)],
  ...countColumns<C>('delivered'),
  ['dup', (c) => String(c.duplicateDeliveries)],
  ['applied 2×', (c) => String(c.appliedTwice)],
  ['skipped', (c) => String(c.skippedDuplicates)],
  ...countColumns<C>('lost'),
  ['DLQ', (c) => String(c.deadLettered)],
];

/** How far behind the consumers ran: lag, end-to-end time, failures. */
const BEHIND: TextColumn<C>[] = [
  ['topic ×parts', (c) => `${c.topic} ×${c.partitions}`],
  ['lag mean/max/end', (c) => `${num(c.lagMean)}/${num(c.lagMax, 0)}/${num(c.lagAtEnd, 0)}`],
  ['e2e ms mean/max', (c) => `${num(c.endToEndMeanMs, 2)}/${num(c.endToEndMaxMs, 1)}`],
  ['failed', (c) => String(c.failedDeliveries)],
  ...countColumns<C>('abandoned', 'rebalances'),
];

const group = (c: C) => c.group;

/**
 * The consumer groups, one row per variant × group (first replication), in two tables: delivery
 * semantics and message outcomes (ack mode, idempotency, produced/s, delivered, duplicates,
 * applied twice, skipped, lost, dead-lettered), then lag and end-to-end time. With one group
 * name in every variant the group is named in the title instead of a column. Empty without
 * consumer groups.
 */
export function formatConsumers(results: ScenarioResults, lang: Lang = 'en'): string {
  const items = namedItems(results, consumerGroupRuns(results.runs), group);
  if (items.rows.length === 0) return '';
  const { rows, several } = items;
  const legend = (
    ['counts', 'dup', 'twice', 'skipped', 'lost', 'dlq', 'lag', 'e2e', 'abandoned'] as const
  ).map((k) => t(lang, `msg.legend.${k}`));
  const title = several
    ? t(lang, 'msg.console')
    : t(lang, 'msg.console.group', { group: items.ids[0] });
  // one example of each data anomaly, so the damage has a face
  const examples = rows.flatMap(({ name, x: c }) => {
    const who = several ? `${name} · ${c.group}` : name;
    const e = c.examples ?? { appliedTwice: null, lost: null };
    return [
      ...(e.appliedTwice === null
        ? []
        : [
            `  ${t(lang, 'msg.example.twice', { who, example: recordWords(lang, e.appliedTwice) })}`,
          ]),
      ...(e.lost === null
        ? []
        : [`  ${t(lang, 'msg.example.lost', { who, example: recordWords(lang, e.lost) })}`]),
    ];
  });
  const exampleBlock =
    examples.length === 0 ? '' : `\n${t(lang, 'msg.examples')}\n${examples.join('\n')}`;
  const tables = `${itemTable(items, 'group', group, OUTCOMES, lang)}\n\n${itemTable(items, 'group', group, BEHIND, lang)}`;
  return `${title}\n${tables}\n${joinWrapped(legend)}${exampleBlock}`;
}
