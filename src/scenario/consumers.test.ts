/**
 * Topics and consumer groups in the scenario language: the checks (broker, topic, handler,
 * idempotency store; a publish to a broker with topics says which), located and worded, and
 * what normalization fills in.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../model/language.ts';
import { scenarioProblems } from '../test-support/scenarios.ts';

function text(edit: (t: string) => string = (t) => t): string {
  return edit(`version: 1
name: shop
duration: 60s
workloads:
  checkout: { rate: 10/s, target: orders/place }
services:
  orders:
    endpoints:
      place: { steps: [{ publish: { broker: kafka, topic: placed } }] }
  billing:
    endpoints:
      on-order: { steps: [{ cpu: 1ms }] }
databases:
  billing-db: {}
caches:
  redis: { type: distributed }
  near: { type: local }
brokers:
  kafka:
    topics:
      placed: { partitions: 3 }
consumers:
  billing:
    broker: kafka
    topic: placed
    handler: billing/on-order
    idempotency: { store: redis }
`);
}

describe('consumer groups in the scenario language', () => {
  it('accepts the valid scenario and fills in the defaults', () => {
    expect(scenarioProblems(text())).toBe('');
    const s = parseScenario(text(), 'shop.yaml').variants[0];
    expect(s.brokers[0].topics).toEqual([{ id: 'placed', partitions: 3, keys: 10000 }]);
    expect(s.consumers[0]).toMatchObject({
      id: 'billing',
      service: 'billing',
      endpoint: 'on-order',
      ack: 'at-least-once',
      idempotency: { kind: 'store', store: 'redis' },
      commitTimeMs: 2,
      commitEveryMs: null,
      batch: 100,
      transactionTimeMs: 5,
      maxDeliveries: 5,
      retryBackoffMs: 1000,
      ackTimeoutMs: 30_000,
      rebalanceAfterMs: 10_000,
    });
  });

  it('reports unknown topics, handlers and stores, and a publish that does not name its topic', () => {
    expect(
      scenarioProblems(
        text((t) =>
          t
            .replace('topic: placed\n    handler', 'topic: plced\n    handler')
            .replace('handler: billing/on-order', 'handler: billing/on-ordr')
            .replace('store: redis }', 'store: near }')
            .replace('{ broker: kafka, topic: placed }', 'kafka'),
        ),
      ),
    ).toMatchInlineSnapshot(`
      "shop.yaml:9:35  services.orders.endpoints.place.steps[0].publish
        ✖ broker "kafka" has topics (placed); say which one this publish goes to
        → publish: { broker: kafka, topic: placed }

      shop.yaml:25:12  consumers.billing.topic
        ✖ unknown topic "plced" of broker "kafka"; known: placed
        → did you mean "placed"?

      shop.yaml:26:14  consumers.billing.handler
        ✖ unknown endpoint "on-ordr" of service "billing"; known: on-order
        → did you mean "on-order"?

      shop.yaml:27:27  consumers.billing.idempotency.store
        ✖ cache "near" is local; processed message ids need a store of their own
        → make it \`type: distributed\` (a Redis-like component with servers)

      4 errors"
    `);
  });
});
