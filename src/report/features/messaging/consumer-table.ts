/**
 * The console section of messaging (printed by `msasim run` when some variant has consumer
 * groups): one row per variant × group, first replication, in two tables so each stays within
 * 120 columns — what became of the messages, then how far behind the consumers ran. The key
 * metrics with confidence intervals are in the replications section (table.ts).
 */

import { type ScenarioResults, variantNames } from '../../results.ts';
import { formatTable, joinWrapped, num } from '../../text-table.ts';
import { consumerGroupRuns } from './consumer-figures.ts';

/**
 * The consumer groups, one row per variant × group (first replication), in two tables: delivery
 * semantics and message outcomes (ack mode, idempotency, produced/s, delivered, duplicates,
 * applied twice, skipped, lost, dead-lettered), then lag and end-to-end time. With one group
 * name in every variant the group is named in the title instead of a column. Empty without
 * consumer groups.
 */
export function formatConsumers(results: ScenarioResults): string {
  const names = variantNames(results);
  const rows = consumerGroupRuns(results.runs).map(([r, c]) => ({
    name: names[results.runs.indexOf(r)],
    c,
  }));
  if (rows.length === 0) return '';
  const groups = [...new Set(rows.map(({ c }) => c.group))];
  const several = groups.length > 1;
  // the first cells of a row: the variant, and its group when there are several
  const head = (name: string, group: string) => (several ? [name, group] : [name]);
  const outcomes = rows.map(({ name, c }) => [
    ...head(name, c.group),
    c.ack,
    c.idempotency,
    num(c.producedPerSec),
    String(c.delivered),
    String(c.duplicateDeliveries),
    String(c.appliedTwice),
    String(c.skippedDuplicates),
    String(c.lost),
    String(c.deadLettered),
  ]);
  const behind = rows.map(({ name, c }) => [
    ...head(name, c.group),
    `${c.topic} ×${c.partitions}`,
    `${num(c.lagMean)}/${num(c.lagMax, 0)}/${num(c.lagAtEnd, 0)}`,
    `${num(c.endToEndMeanMs, 2)}/${num(c.endToEndMaxMs, 1)}`,
    String(c.failedDeliveries),
    String(c.abandoned),
    String(c.rebalances),
  ]);
  const outcomeTable = formatTable(
    [
      ...head('variant', 'group'),
      'ack',
      'idempotency',
      'produced/s',
      'delivered',
      'dup',
      'applied 2×',
      'skipped',
      'lost',
      'DLQ',
    ],
    outcomes,
  );
  const behindTable = formatTable(
    [
      ...head('variant', 'group'),
      'topic ×parts',
      'lag mean/max/end',
      'e2e ms mean/max',
      'failed',
      'abandoned',
      'rebalances',
    ],
    behind,
  );
  const legend = [
    'counts after the warm-up',
    'dup: deliveries of a message delivered before',
    'applied 2×: duplicates that changed state again (consumer not idempotent)',
    'skipped: duplicates an idempotency check recognised',
    'lost: committed without the effect (at-most-once)',
    'DLQ: dead-lettered after too many failed deliveries',
    'lag: messages appended and not yet committed',
    'e2e: publication to first effect',
    'abandoned: deliveries cut short by a consumer crash or an ack timeout',
  ];
  const title = `■ messaging (consumer groups)${several ? '' : `: group ${groups[0]}`}`;
  // one example of each data anomaly, so the damage has a face
  const examples = rows.flatMap(({ name, c }) => {
    const who = several ? `${name} · ${c.group}` : name;
    const e = c.examples ?? { appliedTwice: null, lost: null };
    return [
      ...(e.appliedTwice === null ? [] : [`  ${who}, applied twice: ${e.appliedTwice}`]),
      ...(e.lost === null ? [] : [`  ${who}, lost: ${e.lost}`]),
    ];
  });
  const exampleBlock = examples.length === 0 ? '' : `\nexamples:\n${examples.join('\n')}`;
  return `${title}\n${outcomeTable}\n\n${behindTable}\n${joinWrapped(legend)}${exampleBlock}`;
}
