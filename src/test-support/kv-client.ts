/**
 * Test helper of the kv-client tests (model/kv-client.test.ts, model/list-kv-client.test.ts):
 * runs a scenario whose distributed cache `redis` a service reaches through its client, and
 * hands back the summary, that service's connection to redis (null without a `client:`) and
 * whatever `more` reads from the model before its metrics are freed.
 */
import { prepareHistograms } from '../metrics/histogram.ts';
import { summarizeMetrics } from '../metrics/summary.ts';
import type { DistributedCache } from '../model/cache/distributed-cache.ts';
import { Model } from '../model/model.ts';
import { scenarioFromYaml } from './scenarios.ts';

export async function runThroughClient<T extends object>(
  text: string,
  service: string,
  more: (model: Model) => T,
) {
  await prepareHistograms();
  const model = new Model(scenarioFromYaml(text));
  try {
    model.run();
    const { summary } = summarizeMetrics(model.metrics, model.sim.now);
    const remote = model.caches.get('redis')?.remote as DistributedCache;
    return { summary, conn: remote.connections.get(service) ?? null, ...more(model) };
  } finally {
    model.metrics.dispose();
  }
}
