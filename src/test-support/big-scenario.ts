/**
 * Test helper: a valid scenario of any size, to measure how validation grows with the file.
 * `n` services in chains of 20 (each calls the next), one database per 10 services, a key
 * space, a cache, a list step, a fault, an SLO and a network link every 100 services, and one
 * workload per chain: most checks of the loader run on every part.
 */

/** The YAML text of a valid scenario with `n` services (n ≥ 1). */
export function bigScenarioYaml(n: number): string {
  const out: string[] = ['version: 1', 'name: big', 'duration: 10s', 'workloads:'];
  for (let i = 0; i < n; i += 20) out.push(`  w${i}: { rate: 1/s, target: s${i}/get }`);
  out.push('services:');
  for (let i = 0; i < n; i++) {
    out.push(`  s${i}:`, '    instances: 2', `    database: db${Math.floor(i / 10)}`);
    out.push('    endpoints:', '      get:', '        steps:');
    out.push('          - cpu: { dist: exponential, mean: 1ms }');
    out.push('          - query: { rows: 2 }');
    if ((i + 1) % 20 !== 0 && i + 1 < n)
      out.push(`          - call: s${i + 1}/get`, '            timeout: 1s');
    if (i % 100 === 0)
      out.push(
        '          - list: { refs: [ { keys: k0, via: s0/one } ], strategy: batch+cache, cache: c0 }',
      );
    out.push('      one:', '        steps: [ { lookup: k0 } ]');
  }
  out.push('databases:');
  for (let d = 0; d * 10 < n; d++) out.push(`  db${d}: { connections: 10 }`);
  out.push('keys:', '  k0: { size: 1000, owner: s0 }');
  out.push('caches:', '  c0: { type: local, maxEntries: 100 }');
  out.push('network:', '  latency: 0.1ms', '  links:');
  for (let i = 0; i < n; i += 100)
    out.push(`    - { from: s${i}, to: db${Math.floor(i / 10)}, latency: 0.2ms }`);
  out.push('faults:');
  for (let i = 0; i < n; i += 100)
    out.push(`  f${i}: { kind: crash, target: s${i}, at: 2s, for: 1s }`);
  out.push('slos:');
  for (let i = 0; i < n; i += 100) out.push(`  slo${i}: { endpoint: s${i}/get, p99: 100ms }`);
  return `${out.join('\n')}\n`;
}
