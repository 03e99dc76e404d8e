/**
 * Run notes (run-notes.ts): a "Read this first" section opening the page when a run says
 * something is wrong with the scenario itself (no request completed, a timeout no answer can
 * meet). Absent otherwise.
 */

import { part, type ReportFeature } from '../../feature.ts';
import { html } from '../../html/template.ts';
import { t } from '../../i18n/t.ts';
import { runNotes } from './run-notes.ts';

export const runNotesFeature: ReportFeature = {
  id: 'run-notes',
  present: (runs) => runNotes(runs).length > 0,
  parts: [
    part('page', -20, (data, lang) => [
      {
        id: 'read-first',
        title: t(lang, 'notes.title'),
        html: html`${runNotes(
          data.variants.map((v) => v.summary),
          lang,
        ).map((n) => html`<p class="note">⚠ ${n}</p>`)}`,
      },
    ]),
  ],
};
