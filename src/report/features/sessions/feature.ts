/**
 * Users' sessions and credentials (present when some variant has logged-in users):
 * sessions.csv and session-memory.csv, the console's two tables, the page's section with its
 * charts, and the session key metrics (also in the console's replication table). Figures
 * several outputs share are in session-figures.ts.
 */
import { part, type ReportFeature } from '../../feature.ts';
import { SESSION_METRICS } from './session-metrics.ts';
import { sessionsSection } from './session-sections.ts';
import { formatSessions } from './session-table.ts';
import { sessionMemoryCsv, sessionsCsv } from './sessions-csv.ts';

export const sessionsFeature: ReportFeature = {
  id: 'sessions',
  present: (runs) => runs.some((s) => s.sessions),
  keyMetrics: [SESSION_METRICS],
  parts: [
    part('files', 120, ({ results }) => [
      ['sessions.csv', sessionsCsv(results)],
      ['session-memory.csv', sessionMemoryCsv(results)],
    ]),
    part('console', 10, (a, lang) => formatSessions(a.results, lang)),
    part('page', 70, sessionsSection),
  ],
};
