/**
 * Test scenarios of the issue-18 kinds shared by the model's tests and the report's: a
 * two-phase commit with exact prepare times, an entity pending until its confirmation, and a
 * crash fault to add to them. The model's tests check their exact figures, the chart tests draw
 * the same runs.
 */
import { frontGo, scriptedUsers } from './scenarios.ts';

export interface TwoPhaseCase {
  /** c's prepare fails (votes no) this often. */
  cFails?: string;
  users?: number;
  faults?: string;
  timeout?: string;
  /** a's row: a key space of one row (every transaction contends), or a row of its own. */
  aKeys?: boolean;
  cSleep?: string;
}

/**
 * A two-phase commit (model/two-phase.test.ts, the 2PC charts): one closed user (or `users`)
 * sending at t = 10 s and every 10 s after its answer, no network latency; front coordinates
 * a, b, c, whose prepares take 10, 20 and 100 ms.
 */
export function twoPhaseYaml(o: TwoPhaseCase = {}): string {
  return `
version: 1
name: two-phase
seed: 1
duration: 30s
${frontGo(o.users)}
          - twoPhaseCommit:
              name: tx
              ${o.timeout === undefined ? '' : `timeout: ${o.timeout}`}
              participants:
                - { prepare: a/prepare${o.aKeys === true ? ', keys: rows' : ''} }
                - { prepare: b/prepare }
                - { prepare: c/prepare, fails: ${o.cFails ?? '0%'} }
  a:
    endpoints:
      prepare: { steps: [{ sleep: 10ms }] }
  b:
    endpoints:
      prepare: { steps: [{ sleep: 20ms }] }
  c:
    endpoints:
      prepare: { steps: [{ sleep: ${o.cSleep ?? '100ms'} }] }
keys:
  rows: { size: 1, owner: a }
${o.faults ?? ''}
`;
}

/**
 * An entity kept pending (model/pending.test.ts, the pending charts): a buyer places an order at
 * t = 10 s and 20 s (answered at once, thinking 10 s), confirmed 2,050 ms later unless it
 * `cancels`; a reader asks its status every 300 ms (reading `of`, within 3,350 ms).
 */
export function pendingYaml(o: { cancels?: string; timeout?: string; of?: string } = {}): string {
  const top = scriptedUsers('pending', '29s', {
    buyer: ['10s', 'orders/place'],
    reader: ['300ms', 'orders/status'],
  });
  return `
${top}
      place:
        steps:
          - pending:
              name: order
              confirm: payments/confirm
              cancels: ${o.cancels ?? '0%'}
              ${o.timeout === undefined ? '' : `timeout: ${o.timeout}`}
      status:
        steps:
          - readPending: { of: ${o.of ?? 'order'}, within: 3350ms }
  payments:
    endpoints:
      confirm: { steps: [{ sleep: 2050ms }] }
`;
}

/** A `faults:` block with one crash of `target` at `at` for `forTime`. */
export function crashFault(id: string, target: string, at: string, forTime = '5s'): string {
  return `faults:
  ${id}: { kind: crash, target: ${target}, at: ${at}, for: ${forTime} }`;
}
