/**
 * Imported first by the worker (worker.ts), before any module that makes a schema:
 * - turns off zod's compiled fast path. zod builds it with `new Function`, which the playground's
 *   Content-Security-Policy refuses (no 'unsafe-eval', cli/playground-csp.ts), and its probe
 *   alone would be reported as a violation. The interpreted path checks the same things with
 *   the same issues, so validation and runs are unchanged (the byte-for-byte browser test holds
 *   them equal).
 * - writes any violation of that policy inside the worker on the console as an error (Chromium
 *   does not show a worker's refusals there itself), so it is seen in the browser's tools and
 *   by the browser test.
 */
import * as z from 'zod';

z.config({ jitless: true });

const scope = globalThis as unknown as {
  addEventListener(
    type: 'securitypolicyviolation',
    listener: (e: { violatedDirective: string; blockedURI: string }) => void,
  ): void;
};
scope.addEventListener('securitypolicyviolation', (e) => {
  console.error(
    `Content-Security-Policy violation in the worker: ${e.violatedDirective} ${e.blockedURI}`,
  );
});
