/**
 * The key metrics of runs with logged-in users (scope `sessions`, id ''), in order. Lower is
 * better for all: each is a harm to users (late revocation, lost sessions, 401s), a load on a
 * shared component, or a cost per request or instance. All are shown in the console's
 * replication table.
 */
import type { SessionSummary } from '../../../metrics/session-stats.ts';
import { lowerIsBetter as m, runMetricSource } from '../../key-metrics.ts';
import { idpCallsPerSec, sessionMemoryPerInstanceBytes } from './session-figures.ts';

export const SESSION_METRICS = runMetricSource<SessionSummary>(
  'sessions',
  (s) => s.sessions,
  [
    m('revocationDelayMaxMs', 'revocation delay max', 'ms', (x) => x.revocation.delayMaxMs),
    m(
      'acceptedAfterRevocation',
      'accepted after revocation',
      'count',
      (x) => x.revocation.acceptedAfter,
    ),
    m('sessionsLost', 'sessions lost', 'count', (x) => x.sessionsLost.total),
    m('unauthorized', '401s', 'count', (x) => x.unauthorized.total),
    m('storeOpsPerSec', 'session store ops/s', 'per-sec', (x) => x.storeOpsPerSec),
    m('idpCallsPerSec', 'IdP calls/s', 'per-sec', (x, s) => idpCallsPerSec(x, s.windowMs)),
    m(
      'replicationMessagesPerSec',
      'replication msgs/s',
      'per-sec',
      (x) => x.replication.messagesPerSec,
    ),
    m('authTimeMeanMs', 'mean auth time', 'ms', (x) => x.authTime.meanMs),
    m(
      'memoryBytesPerInstance',
      'session memory per instance',
      'bytes',
      sessionMemoryPerInstanceBytes,
    ),
  ],
  true,
);
