/**
 * The smallest runnable scenario the tests share: one open workload `w` to api/get, whose one
 * step is 1 ms of CPU. A test that is about something else (a fault's windows, a --duration, a
 * report without some kind) appends its own part (`faults:`, `variants:`) to it. Text only, no
 * imports: the e2e tests load this file without loading the model.
 */

/** The scenario up to api/get's steps (lines 1–9, 10 with a warm-up); `rate` is w's. */
export function apiGetYaml(opts: {
  name: string;
  duration: string;
  warmup?: string;
  rate: string;
}): string {
  const warmup = opts.warmup === undefined ? '' : `warmup: ${opts.warmup}\n`;
  return `version: 1
name: ${opts.name}
duration: ${opts.duration}
${warmup}workloads:
  w: { rate: ${opts.rate}, target: api/get }
services:
  api:
    endpoints:
      get: { steps: [{ cpu: 1ms }] }
`;
}
