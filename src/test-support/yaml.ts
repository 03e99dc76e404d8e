/**
 * Scenario texts and heads of texts the tests share (text only, no imports: the e2e tests load
 * this file without loading the model). A head ends where a test appends its own part, so the
 * line numbers a test expects in messages are those of the whole text.
 */

/**
 * The first six lines of a small test scenario named shop, up to `services:` (a test appends
 * its services and the rest, so its line numbers are those of the whole text): one open
 * workload `browse` at 10/s to `target`.
 */
export function shopHead(opts: { duration?: string; target?: string; rate?: string } = {}): string {
  const { duration = '60s', target = 'gateway/home', rate = '10/s' } = opts;
  return `version: 1
name: shop
duration: ${duration}
workloads:
  browse: { rate: ${rate}, target: ${target} }
services:
`;
}

/** `shopHead()` and its one service: gateway/home, 1 ms of CPU (lines 1–9). */
export const GATEWAY_HOME = `${shopHead()}  gateway:
    endpoints:
      home: { steps: [{ cpu: 1ms }] }
`;

/**
 * The head of a small test scenario named shop with one open workload `w` to orders/get, up to
 * `  orders:` (lines 1–7; a test appends the service's settings and endpoints).
 */
export function ordersHead(duration = '10s', rate = '100/s'): string {
  return `version: 1
name: shop
duration: ${duration}
workloads:
  w: { rate: ${rate}, target: orders/get }
services:
  orders:
`;
}

/** A one-service queue of the command-line tests: 2 s, 200/s, 2 threads, 4 ms of CPU. */
export const TINY_YAML = `version: 1
name: tiny
duration: 2s
warmup: 200ms
workloads:
  arrivals: { rate: 200/s, target: server/serve }
services:
  server:
    threads: 2
    endpoints:
      serve:
        steps:
          - cpu: { dist: exponential, mean: 4ms }
`;

/** The first lines of a test scenario up to `workloads:` (a blank line first, as the tests write them). */
export function scenarioHead(name: string, seed: number, duration: string): string {
  return `
version: 1
name: ${name}
seed: ${seed}
duration: ${duration}
workloads:
`;
}

/**
 * A scenario named shop whose one endpoint, api/get, sleeps `sleep` for a workload `browse` at
 * 10/s with timeout `timeout` (the timeout on line 5, the sleep on line 11).
 */
export const sleepyApi = (timeout: string, sleep: string, duration: string): string => `version: 1
name: shop
duration: ${duration}
workloads:
  browse: { rate: 10/s, target: api/get, timeout: ${timeout} }
services:
  api:
    endpoints:
      get:
        steps:
          - sleep: ${sleep}
`;
