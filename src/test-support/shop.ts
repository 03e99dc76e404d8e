/**
 * Test helper: the smallest scenario document a test of the language starts from — one service
 * with one endpoint doing a little CPU work, browsed at 10 requests a second for a minute — as a
 * plain object, for a test to spread its own keys (variants, highlights, steps) into.
 */

/** The document "shop": `service/endpoint` browsed at 10/s for 60 s, doing `cpu` of work. */
export function shopDoc(service: string, endpoint: string, cpu = '1ms') {
  return {
    version: 1,
    name: 'shop',
    duration: '60s',
    workloads: { browse: { rate: '10/s', target: `${service}/${endpoint}` } },
    services: { [service]: { endpoints: { [endpoint]: { steps: [{ cpu }] } } } },
  };
}
