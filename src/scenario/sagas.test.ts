/** Sagas in the scenario language: references checked, a choreography needs its broker. */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../model/language.ts';
import { scenarioProblems } from '../test-support/scenarios.ts';
import { shopHead } from '../test-support/yaml.ts';

const text = (saga: string) => `${shopHead({ target: 'orders/place' })}  orders:
    endpoints:
      place:
        steps:
          - saga: ${saga}
  stock:
    endpoints:
      reserve: { steps: [{ cpu: 1ms }] }
      release: { steps: [{ cpu: 1ms }] }
brokers:
  kafka: {}
`;

describe('sagas in the scenario language', () => {
  it('normalizes the actions', () => {
    const s = parseScenario(
      text('{ steps: [{ call: stock/reserve, fails: 2%, compensate: stock/release }] }'),
      'shop.yaml',
    ).variants[0];
    expect(s.services[0].endpoints[0].steps[0]).toEqual({
      kind: 'saga',
      name: '',
      mode: 'orchestrated',
      broker: null,
      steps: [
        {
          service: 'stock',
          endpoint: 'reserve',
          timeoutMs: Number.POSITIVE_INFINITY,
          fails: 0.02,
          compensate: { service: 'stock', endpoint: 'release' },
          compensationFails: 0,
        },
      ],
      // the message sizes by default: a 1 KB call, a 256 B reply, a 1 KB event
      payload: { callBytes: 1024, replyBytes: 256, eventBytes: 1024 },
    });
  });

  it('reads the sizes of its messages', () => {
    const s = parseScenario(
      text('{ steps: [{ call: stock/reserve }], payload: { call: 2KB, event: 512B } }'),
      'shop.yaml',
    ).variants[0];
    expect(
      (s.services[0].endpoints[0].steps[0] as unknown as { payload: unknown }).payload,
    ).toEqual({
      callBytes: 2048,
      replyBytes: 256,
      eventBytes: 512,
    });
  });

  it('reports unknown participants and a choreography without a broker', () => {
    expect(
      scenarioProblems(
        text('{ mode: choreographed, steps: [{ call: stock/reserv, compensate: stok/release }] }'),
      ),
    ).toMatchInlineSnapshot(`
      "shop.yaml:11:19  services.orders.endpoints.place.steps[0].saga
        ✖ missing required key "broker"
        → a choreographed saga passes events through a broker: broker: kafka

      shop.yaml:11:58  services.orders.endpoints.place.steps[0].saga.steps[0].call
        ✖ unknown endpoint "reserv" of service "stock"; known: release, reserve
        → did you mean "reserve"?

      shop.yaml:11:84  services.orders.endpoints.place.steps[0].saga.steps[0].compensate
        ✖ unknown service "stok"; known: orders, stock
        → did you mean "stock"?

      3 errors"
    `);
  });
});
