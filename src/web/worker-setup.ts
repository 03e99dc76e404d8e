/**
 * Imported first by the worker (worker.ts), before any module that makes a schema:
 * - turns off zod's compiled fast path. zod builds it with `new Function`, which the playground's
 *   Content-Security-Policy refuses (no 'unsafe-eval', cli/playground-csp.ts), and its probe
 *   alone would be reported as a violation. The interpreted path checks the same things with
 *   the same issues, so validation and runs are unchanged (the byte-for-byte browser test holds
 *   them equal).
 * - sends any violation of that policy inside the worker to the page (`violation`; Chromium
 *   does not show a worker's refusals on the console itself), which shows it as an error.
 */
import * as z from 'zod';
import type { FromWorker } from './protocol.ts';

z.config({ jitless: true });

const scope = globalThis as unknown as {
  addEventListener(
    type: 'securitypolicyviolation',
    listener: (e: { violatedDirective: string; blockedURI: string }) => void,
  ): void;
  postMessage(message: FromWorker): void;
};
scope.addEventListener('securitypolicyviolation', (e) => {
  scope.postMessage({
    type: 'violation',
    id: 0,
    message: `Content-Security-Policy violation in the worker: ${e.violatedDirective} ${e.blockedURI}`,
  });
});
