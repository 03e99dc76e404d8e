/**
 * The English words of the tools around the report (issue 17): `msasim challenge`'s brief and
 * verdict and `msasim spof`'s console table and page. Part of the catalogue (en.ts spreads it in;
 * ko-tools.ts has the same keys): `t(lang, 'ch.…')`. What a challenge file writes (its title,
 * description, goal names, hints, questions) is shown as written, not from here.
 */
export const EN_TOOLS = {
  // msasim challenge: the brief (challenge/format.ts formatBrief)
  'ch.brief.head': 'Challenge {name} (experiment {experiment}): {title}',
  'ch.brief.goal': 'Goal — every bound, in every variant of your attempt:',
  'ch.brief.allEndpoints': 'all endpoints',
  'ch.brief.change': 'You may change only (everything below these paths):',
  'ch.brief.budget': 'Budget (the largest over the variants):',
  'ch.brief.atMost.instances': 'at most {n} service instances in total',
  'ch.brief.atMost.threads': 'at most {n} threads in total (instances × threads)',
  'ch.brief.atMost.connections': 'at most {n} database connections in total',
  'ch.brief.atMost.costPerHour': 'at most {n} cost per hour (the costs: prices)',
  'ch.brief.replications': 'Judged over {n} replications.',
  'ch.brief.predict':
    'Predict first (write your answers down; the check reveals them from the run):',
  'ch.brief.hints': 'Hints:',
  'ch.start': 'Your starting attempt is {out}: change it, then run',
  'ch.start.unchanged': '{out} is already there, unchanged',
  'ch.start.kept': '{out} is already there, changed since: your attempt, left as it is',
  // msasim challenge --list
  // the header of the starting attempt (challenge/format.ts startingAttempt)
  'ch.attempt.change': 'Change only: {paths}',
  'ch.attempt.check': 'Check it with: {command} {file}',
  'ch.attempt.thisFile': 'this file',
  'ch.list.name': 'challenge',
  'ch.list.exp': 'exp',
  'ch.list.title': 'title',
  'ch.list.start': 'start one with: {command} (prints the brief, writes your attempt)',
  // msasim challenge: the verdict (formatVerdict)
  'ch.v.head': 'Challenge {name}: {title}',
  'ch.v.constraintsOk': '✓ constraints: only allowed paths changed',
  'ch.v.constraintsBroken': '✗ constraints: {n} change(s) outside the allowed paths',
  'ch.v.more': '… and {n} more',
  'ch.v.budgetOk': '✓ budget',
  'ch.v.budgetBroken': '✗ budget',
  'ch.v.budgetUnknown': '? {measure}: not known (the attempt was not run), limit {limit}',
  'ch.v.budgetUsed': '{mark} {measure}: {used} of {limit}{variant}',
  'ch.measure.instances': 'instances',
  'ch.measure.threads': 'threads',
  'ch.measure.connections': 'connections',
  'ch.measure.costPerHour': 'costPerHour',
  'ch.v.notRun': '· goal: not run (fix the constraints first)',
  'ch.v.goal': '{mark} goal: {met} of {all} bounds met',
  'ch.v.answers': 'Answers (from this run):',
  'ch.v.notMeasuredHere': '{name} (not measured by this attempt)',
  'ch.v.pass': 'score {score}/100 — PASS',
  'ch.v.fail': 'score {score}/100 — FAIL',
  'ch.v.hintsNext': 'Stuck? The brief and its hints: {command}',
  // msasim list (cli/commands/list.ts)
  'list.unreadable': '(unreadable)',
  'list.runOne': 'run one with: {command}',
  // msasim calibrate (cli/commands/calibrate.ts formatCalibration)
  'cal.head': '{n} durations from {from}{skipped}',
  'cal.skipped': ' ({n} empty cells skipped)',
  'cal.stats': 'mean {mean} · sd {sd} · min {min} · p50 {p50} · p99 {p99} · max {max}',
  'cal.constant': 'every duration is {d}: use it as a constant (cpu: {d})',
  'cal.col.family': 'family',
  'cal.col.snippet': 'scenario distribution',
  'cal.zeros':
    'Some durations are 0: the lognormal, gamma/erlang and pareto families need positive values and were not fitted.',
  'cal.few':
    'Only {n} durations: with fewer than {min} the ranking is fragile (a uniform between the smallest and the largest value is likely by construction); weigh A² and KS D too, or measure more.',
  'cal.best': 'best: {snippet}',
  'cal.method':
    "Fitted by maximum likelihood, ranked by BIC (lower is better); KS D and A² (Anderson–Darling) measure\nthe gap to the data (lower is better; A² weighs the tails). Paste the distribution as a step's\ntime, e.g. `cpu: {placeholder}` or `sleep: {placeholder}`.",
  'cal.placeholder': 'distribution',
  // msasim spof: the console table and its sentences (report/spof.ts formatSpof, spof-plan.ts)
  'spof.head':
    'spof {name}{variant}: each component crashed ({mode}) from {from} s to {to} s, seed {seed}',
  'spof.variant': ' · variant {variant}',
  'spof.col.down': 'down',
  'spof.noFault': '(no fault)',
  'spof.cells':
    'cells: availability during the fault / worst per-second p99 · down: entry endpoints below 99 % availability',
  'spof.noneDown': 'no single failure takes an endpoint below 99 % availability',
  'spof.worst': 'most damaging: {components} — {n} of {all} endpoints below 99 % availability',
  'spof.ownFault.one':
    "(the scenario's own fault is left out: each run has one failure, the one in its row)",
  'spof.ownFault.many':
    "(the scenario's own {n} faults are left out: each run has one failure, the one in its row)",
  'spof.nothing':
    'spof {name}: no shared component to fail (no database, cache, or service with two callers); {hint}',
  'spof.hint.cli': 'try --all',
  'spof.hint.web': 'try "all components"',
  'spof.ran':
    'ran {runs} runs (baseline + {failures} failures) in {seconds} s wall; wrote {files} to {out}',
  // spof.html
  'spof.pageTitle': '{name}: single points of failure',
} satisfies Record<string, string>;
