/**
 * The report's words in English: one entry per sentence or label, the key saying where it is
 * shown. Placeholders `{name}` are filled by `t` (t.ts). Korean has the same keys (ko.ts; the
 * type requires it, i18n.test.ts checks the placeholders). Add a string here and in ko.ts,
 * then call `t(lang, key, {…})` where it is shown.
 */
import { EN_TOOLS } from './en-tools.ts';

export const EN = {
  ...EN_TOOLS,
  // the page's frame (html/layout.ts, html/page.ts)
  'page.eyebrow': 'msasim report',
  'page.nav': 'sections',
  'page.chartFailed': 'This chart could not be drawn',
  'page.footer':
    'Made by msasim, a discrete-event simulator of microservice architectures. This page works offline: the charts are drawn by the inlined Vega libraries.',
  'page.seconds': '{n} s',
  'page.fact.file': 'scenario file',
  'page.fact.simulated': 'simulated',
  'page.fact.simulatedText': '{duration} per run; the first {warmup} are warm-up and not counted',
  'page.fact.seed': 'seed',
  'page.fact.replications': 'replications',
  'page.fact.replicationsText': '{n} per variant, seeds {seeds}',
  'page.fact.replicationsOne': '{n}, seeds {seeds}',
  'page.fact.variants': '{n} variants',
  'page.fact.baseline': ' (baseline)',
  'page.summary.title': 'Summary',
  'page.summary.firstReplication': ' (first replication, seed {seed})',
  'page.summary.intro':
    'After the warm-up{which}. Latency percentiles are of successful requests; load is visits per second; utilisation is busy threads or connections over capacity.',

  // the highlights (highlights-text.ts, features/highlights/)
  'hl.title': 'Highlights',
  'hl.consoleTitle': '■ highlights: {source}',
  'hl.notMeasured': 'not measured',
  'hl.oneReplication.variants':
    'One replication: no confidence intervals, so no difference can be called significant (run with --replications 5, or set replications: in the scenario).',
  'hl.oneReplication':
    'One replication: no confidence intervals (run with --replications 5, or set replications: in the scenario).',
  'hl.mean': 'Mean over {n} replications ± half-width of the {level} confidence interval.',
  'hl.mean.paired':
    'Mean over {n} replications ± half-width of the {level} confidence interval; differences are paired with the first variant.',
  'hl.source.scenario': 'declared in the scenario',
  'hl.source.variants':
    'none declared: the key metrics that differ most between the variants, relative to their spread',
  'hl.source.single': 'none declared: the overall p99, throughput and error rate',
  'hl.pageSource.scenario': 'Declared in the scenario.',
  'hl.pageSource.variants':
    'None declared: the key metrics that differ most between the variants, relative to their spread.',
  'hl.pageSource.single': 'None declared: the overall p99, throughput and error rate.',
  'hl.warmup':
    'warm-up too short? {variant}: the series of {highlight} settles only after ~{suggested} s (MSER-5), the declared warm-up is {warmup} s; raise warmup: or run with --warmup auto',
  'hl.warmupAuto.console': "--warmup auto: warm-up {s} s (MSER-5 on the highlights' series).",
  'hl.warmupAuto.page':
    "--warmup auto: the warm-up is {s} s (MSER-5 on the highlights' series of a pilot run).",
  'verdict.better': 'better',
  'verdict.worse': 'worse',

  // a difference in words (estimates.ts)
  'diff.same': '{variant}: {label} the same as {baseline}',
  'diff.identical': '{variant}: {label} identical to {baseline} in every replication',
  'diff.oneReplication': '{variant}: {label} {change} vs {baseline}',
  'diff.interval': '{variant}: {label} {change} vs {baseline}, {level} CI {bounds}',
  'diff.interval.ns':
    '{variant}: {label} {change} vs {baseline}, {level} CI {bounds} — not significant',

  // the console's variant block and replications (table.ts)
  'console.variantTitle': '{scenario} · variant {variant}',
  'console.window': '{measured} s measured after {warmup} s warm-up, seed {seed}',
  'console.stopped': '  (stopped early: {reason})',
  'console.replications':
    '■ {n} replications: mean ± half-width of the {level} confidence interval (all entry endpoints)',
  'console.metric': 'metric',
  'console.notSignificant': '  ○ {variant}: not significant: {labels}',
  'console.differences':
    '■ differences (paired over replications with common random numbers; ○ = not significant: the {level} interval of the difference includes 0)',

  // --precision (precision.ts)
  'precision.reached':
    "--precision {target}: every highlight's 95 % half-width is within {target} of its mean after {n} replications.",
  'precision.missed':
    '--precision {target} NOT reached: stopped at the cap of {cap} replications (--max-replications); furthest: {worst}.',

  // the comparison (features/comparison/, html/key-metrics-table.ts)
  'verdict.changed': 'changed',
  'cmp.ns': 'n.s.',
  'cmp.notSignificant':
    'Not significant (the 95 % interval of the difference includes 0): {names}.',
  'cmp.inWords': 'Differences from the baseline, in words',
  'cmp.vs': 'vs',
  'cmp.components.significant': 'Components and caches: {sig} of {n} differences significant',
  'cmp.components.listed': 'Components and caches: {sig} of {n} differences listed',
  'cmp.keyMetrics': 'Key metrics',
  'cmp.keyMetricsIntro': 'Means over {n} replications with their 95 % confidence intervals.',
  'cmp.intro':
    'Each variant ran {n} replications with the same seeds ({seeds}): the same arrivals and the same draws for the same component (common random numbers). Each variant is compared with the baseline {baseline} replication by replication (paired differences). Green is better, red is worse, blue is a significant change in a metric that is neither (throughput, which follows the offered load); grey “n.s.” means the 95 % confidence interval of the difference includes 0.',
  'cmp.intro.one':
    'Each variant ran {n} replication with the same seed ({seeds}): the same arrivals and the same draws for the same component (common random numbers). Each variant is compared with the baseline {baseline} replication by replication (paired differences). Green is better, red is worse, blue is a significant change in a metric that is neither (throughput, which follows the offered load); grey “n.s.” means the 95 % confidence interval of the difference includes 0.',
  'cmp.oneReplication':
    'One replication: there are no confidence intervals, so no difference can be called significant. Run again with {code}.',
  'cmp.title': 'Comparison of the variants',
  'cmp.nav': 'Comparison',
  'cmp.chartCaption':
    'Each bar is the mean over the replications; the whiskers span its 95 % confidence interval. Panels have their own scales.',
  'cmp.console': '■ comparison (all entry endpoints)',
  'cmp.legend.calls': 'calls, rows: per request',
  'cmp.legend.db': 'DB q/s: queries over all databases',
  'cmp.legend.cache': 'MB/inst: cache memory per instance',
  'km.baseline': 'baseline',
  'km.ci': '95 % CI {lo} – {hi}',
  'km.overReplications': 'Key metrics over the replications',

  // the command line's words about the results (cli/commands/run.ts, compare.ts)
  'check.none': '--check: the scenario declares no SLOs (add an `slos:` section); nothing to check',
  'check.met': '--check: all {n} SLO bounds met',
  'check.missed': '✗ --check: {missed} of {n} SLO bounds missed (exit {exit})',
  'compare.header': 'compare {name} ({path}): {n} variants, seed {seed}',
  'compare.header.none': 'compare {name} ({path}): no variants, seed {seed}',
  'compare.noVariants':
    'note: {name} has no variants, so there is nothing to compare; add a `variants:` section (see README).',

  // SLOs (features/slos/)
  'slo.allEndpoints': 'all endpoints',
  'slo.notMeasured': 'not measured (no request finished)',
  'slo.straddles': ' (straddles the bound)',
  'slo.console': '■ SLOs{title}: {met} of {n} met',
  'slo.met': '✓ met',
  'slo.missed': '✗ missed',
  'slo.metOf': '{met} of {n}',
  'slo.title': 'Service-level objectives',
  'slo.nav': 'SLOs',
  'slo.intro':
    "The scenario's steady-state hypotheses, judged on the mean over the replications (the interval is 95 %). Met: {met}. {code} exits with code 3 when one is missed.",
  'slo.ci': ', 95 % CI [{lo}, {hi}]',

  // requests (features/requests/)
  'req.failures': 'failures:',
  'req.timeoutCauses':
    'either the timeout is shorter than any answer can be (a number without a unit is milliseconds: `timeout: 0.2` is 0.2 ms) or what it waits for is too overloaded to answer in time',
  'req.allTimedOut': 'every request to {endpoint} timed out ({n} of {n}): {causes}',
  'req.callsTimedOut': 'every call of {step} ({from} → {to}) timed out ({n} of {n}): {causes}',

  // the lesson (features/lesson/, lesson-figures.ts)
  'lesson.title': 'Lesson',
  'claim.checked': 'Checked claims (from this run):',
  'claim.vs': 'vs',
  'claim.overlap': '; on the means only: the 95 % intervals overlap',
  'claim.apart': '; the 95 % intervals do not overlap',
  'claim.notMeasured': 'not measured in this run: ',
  'claim.fails': 'does not hold: ',

  // the topology (html/topology.ts, features/topology/)
  'topo.section': 'Topology',
  'topo.title': 'Topology of {name}',
  'topo.intro':
    'Messages per second over each link after the warm-up (replies are not drawn): the wider, the busier. Dashed grey links exist in the scenario but carried nothing in this variant. Nodes are tinted by utilisation; hover over one for its load, queue and wait. With faults, the struck component is marked ⚡ and the components that degraded are outlined in red with their place in the blast radius and how long after the fault they degraded.',
  'topo.fault': 'fault',
  'topo.sent': '{rate} sent',
  'topo.clientTip': 'client: {rate} requests',
  'topo.absent': 'not in this variant',
  'topo.busy': '×{n} · {busy} busy',
  'topo.tip.one':
    '{id} ({kind}): {n} instance, load {load}, utilisation {util} %, mean queue {queue}, mean wait {wait} ms',
  'topo.tip':
    '{id} ({kind}): {n} instances, load {load}, utilisation {util} %, mean queue {queue}, mean wait {wait} ms',
  'topo.unused': 'not used by this variant',
  'topo.shapes': 'box = service · cylinder = database · hexagon = cache · width ∝ √load',

  // captions and run notes
  'caption.cdf':
    'A curve further left is faster; where the curves part near the top is where the designs differ in their tail.',
  'caption.load':
    'A component whose bar grows with a design choice is where that choice sends its load.',
  'caption.instances':
    'Where the count rises after the load does, the new instances were still booting: the queue grew meanwhile.',
  'notes.title': 'Read this first',
  'notes.inVariant': ' in variant {variant}',
  'notes.noRequest':
    'No request completed{inVariant}: its figures are empty (no latency, no throughput). The run lasted {duration} of simulated time with {warmup} of warm-up; a number without a unit is milliseconds. Lengthen the duration or check the workloads.',
  'notes.allTimedOut': 'Every request to {endpoint} timed out{inVariant} ({n} of {n}): {causes}.',
  'notes.callsTimedOut':
    'Every call of {step} ({from} → {to}) timed out{inVariant} ({n} of {n}): {causes}.',

  // what `run` prints on stderr about the results (cli/run-variants.ts, run-guard.ts, sensitivity.ts)
  'run.warmupAuto': "--warmup auto: MSER-5 on the highlights' series: warm-up {s} s",
  'run.noRequest.one':
    '⚠ no request completed in the run: the report is empty (no latency, no throughput)\n  → lengthen the duration (a number without a unit is milliseconds) or check the workloads',
  'run.noRequest':
    '⚠ no request completed in {empty} of {runs} runs: the report is empty (no latency, no throughput)\n  → lengthen the duration (a number without a unit is milliseconds) or check the workloads',
  'run.sensitivityNone':
    '--sensitivity: no component runs at utilisation ≥ {threshold}; nothing to test',
  'run.hintWhere': ' in {variant}',
  'run.sensitivityHint':
    'hint: {id} runs at ρ {rho}{where} (≥ {threshold}): near saturation small errors in service time move the tail a lot; add --sensitivity to see by how much (two more runs per such variant)',
  'run.account':
    'simulated {requests} requests ({events} events) in {wall} s wall; {loop}; wrote {files} to {dir}',
  'run.loop': 'loop {cpu} s CPU, {wall} s wall, {rate} events/s',
  'run.loopThreads':
    'loop {cpu} s CPU, {wall} s wall summed over {threads} threads, {rate} events/s of CPU',
  'run.lessonWarning':
    "warning: {file}:{line}: the lesson's claim is not borne out by this run: {claim}",

  // fault propagation (features/faults/)
  'prop.degradedCount': '{n} degraded',
  'prop.onlyData':
    'no endpoint or component degraded, but data was damaged in this run (see the data damage)',
  'prop.nothing': 'nothing degraded',
  'prop.noBaseline':
    'not judged: no time after the warm-up precedes the faults to serve as the baseline (start the first fault after the warm-up to see what it degrades; the run’s figures above are with the faults in force)',
  'chart.faultWindow': '{fault}: {kind} on {targets}',
  'prop.faultWindow': '{fault}: {kind} {target}',
  'prop.component': '{id} (component)',
  'prop.faultLine': 'fault {fault}: {blast}',
  'prop.notFired.afterEnd':
    'fault {fault} ({kind} {target}) never struck: it starts at or after the run’s end ({end}); move its `at` earlier or lengthen `duration`',
  'prop.notFired.warmup':
    'fault {fault} ({kind} {target}) struck only during the warm-up (the first {warmup}, not counted): nothing of it is measured; move its `at` after the warm-up',
  'prop.notFired.idleLink':
    'fault {fault} ({kind} {target}) struck nothing: no message went over the link {target} after the warm-up (a link fault strikes what `from` sends to `to`); point `link` at a link that carries messages (the report’s topology draws them)',
  'prop.notFired.idleLinkReverse':
    'fault {fault} ({kind} {target}) struck nothing: no message went over the link {target} after the warm-up, but messages went the other way (a link fault strikes what `from` sends to `to`, and their answers come back over that same link); swap `from` and `to`',
  'prop.notRecovered': 'not by the end',
  'prop.unaffected': 'unaffected endpoints: {ids}',
  'prop.unaffected.page': 'Unaffected endpoints: {ids}.',
  'prop.console': '■ fault propagation{title} (degraded = worse than its own pre-fault baseline)',
  'prop.quiet': 'Fault {fault}: {blast}.',
  'prop.title': 'Fault propagation',
  'prop.nav': 'Propagation',
  'prop.intro':
    'Degraded means worse than its own baseline before the first fault: errors up {errors} points, p99 doubled, or utilisation up 30 points, for 2 seconds in a row; recovered after 5 good seconds in a row. The blast radius lists what degraded, in order.',

  // sessions (features/sessions/)
  'sessions.reasons': '401s {reasons}',
  'sessions.legend.lost': 'lost: sessions lost with an instance',
  'sessions.legend.revoked':
    'revoked ms: delay mean/max from revocation to the last request accepted',
  'sessions.legend.accepted': 'accepted: requests accepted after revocation',
  'sessions.legend.stale': 'stale role: requests accepted with an outdated role',
  'sessions.legend.idp':
    'IdP i/r/s: token issues/resolves/syncs (resolves and syncs go to the store with resolveVia: store)',
  'sessions.legend.auth': 'auth ms: time a validation added, mean/p99',
  'sessions.legend.memory': 'KB/instance: session memory per instance of each validating service',
  'sessions.console': '■ sessions and credentials (after the warm-up)',
  'sessions.intro':
    'How each strategy keeps users logged in, after the warm-up (first replication). Revocation delay runs from a forced logout to the last request accepted with the revoked credential; a stale-role request was accepted with a role that had changed.',
  'sessions.seen': 'What users saw',
  'sessions.cost': 'What it cost',
  'sessions.caption':
    'Where each strategy sends its work: a central store, the identity provider, or every other instance.',

  // messaging (features/messaging/)
  'msg.legend.counts': 'counts after the warm-up',
  'msg.legend.dup': 'dup: deliveries of a message delivered before',
  'msg.legend.twice': 'applied 2×: duplicates that changed state again (consumer not idempotent)',
  'msg.legend.skipped': 'skipped: duplicates an idempotency check recognised',
  'msg.legend.lost': 'lost: committed without the effect (at-most-once)',
  'msg.legend.dlq': 'DLQ: dead-lettered after too many failed deliveries',
  'msg.legend.lag': 'lag: messages appended and not yet committed',
  'msg.legend.e2e': 'e2e: publication to first effect',
  'msg.legend.abandoned': 'abandoned: deliveries cut short by a consumer crash or an ack timeout',
  'msg.console': '■ messaging (consumer groups)',
  'msg.console.group': '■ messaging (consumer groups): group {group}',
  'msg.example.twice': '{who}, applied twice: {example}',
  'msg.example.lost': '{who}, lost: {example}',
  'msg.examples': 'examples:',
  'msg.intro':
    'What each consumer group did with the messages of its topic, after the warm-up (first replication). A duplicate delivery is a message delivered again (after a crash, a failure or an ack timeout); a consumer that is not idempotent applies it twice, an idempotency check skips it. Lag counts the messages appended and not yet committed; end-to-end time runs from the append to the first effect.',
  'msg.became': 'What became of the messages',
  'msg.behind': 'How far behind',
  'msg.caption':
    'A group whose consumers fall behind shows as a rising line; one that keeps up stays near 0.',

  // transactions and consistency (features/transactions/)
  'tx.intro':
    'How work that spans several services or rows held together, after the warm-up (first replication). A saga runs one local transaction per service and undoes the ones done when a later one fails (compensation); when an undo fails, or an action cannot be undone, the data stays inconsistent and an operator is alerted. A local transaction locks its row (pessimistic) or checks its version at commit (optimistic). A third-party reader reads the data meanwhile, and may see it partly applied (a dirty read across services) or behind (a stale read of a read model).',
  'tx.readers': 'What the readers saw',
  'tx.readersCaption':
    'Staleness counts consistent reads as 0, so a p99 of 0 means fewer than 1 % of reads were anomalous; the max is the worst read.',
  'tx.sagas': 'Sagas',
  'tx.local': 'Local transactions',
  'tx.localCaption':
    'Pessimistic locks make transactions wait (and hold threads meanwhile); optimistic checks let them run and redo the work on a conflict.',
  'policies.intro':
    'Load × is attempts per call: how much the retries multiply the load on the callee (retry amplification).',
  'prop.damaged': 'Data damaged',
  'prop.damage':
    '{damaged} in this run (after the warm-up; the counters carry no time, so not per fault window): {what}.',
  'prop.damageItem': '{n} {what} ({where})',
  'prop.damageConsole': 'data damaged (after the warm-up, whole run): {what}',
  'prop.timeline': 'How the faults spread',
  'prop.timeline.variant': 'How the faults spread · {variant}',

  // third-party readers (features/transactions/)
  'readers.none': '{who}: no anomaly in {reads} reads',
  'readers.some': '{who}: {n} of {reads} reads anomalous',
  'readers.first': 'first',
  'readers.worst': 'worst',
  'readers.sameWorst': 'worst: the first (no read was staler)',
  // the readers' cards on the page (features/transactions/transaction-sections.ts)
  'card.consumer': '{id} reading the read model of {target}',
  'card.consumer.cutoff': '{id} reading the read model of {target}, cut-off {cutoff}',
  'card.saga': '{id} reading saga {target}',
  'card.saga.cutoff': '{id} reading saga {target}, cut-off {cutoff}',
  'card.clean': 'No {what} in {reads} reads.',
  'card.summary': '{n} of {reads} reads ({rate}) were {what}; the stalest data read was {age} old.',
  'card.same': 'The first anomaly was also the worst: no later read saw older data.',
  'card.first': 'The first',
  'card.worst': 'The worst (stalest data)',
  // the messages' examples (features/messaging/messaging-sections.ts)
  'msg.examplesTitle': 'One example of each',

  // costs (features/costs/)
  'costs.run': 'run',
  'costs.console': '■ costs (per hour of the measured window, from the scenario’s prices)',
  'costs.legend': 'per 1M ok: the cost of a million successful requests at the run’s throughput',
  // the item sections' page intros (features/two-phase, pending, event-stores, freezes, runtimes)
  'items.twoPhase.intro':
    'How long the participants held their row locks (from the prepare that took the lock to the decision reaching them), and how many were blocked in doubt: prepared, so bound to wait for the decision, while their coordinator was down. First replication of each variant.',
  'items.pending.intro':
    'How long entities stayed pending (created → confirmed or cancelled), and what the users who looked at them saw. First replication of each variant.',
  'items.replicated.intro':
    'Data duplicated in several services, each updating its own copy and sending it to the others: lost updates are those a concurrent write overwrote (last-write-wins; a CRDT loses none); diverged reads saw a value other than the truth (every change made anywhere so far). First replication of each variant.',
  'items.eventStores.intro':
    'Rebuilding an entity replays its events since the last snapshot: without snapshots the replay (and its time at the database) grows with the history; with them it stays bounded. First replication of each variant.',
  'items.freezes.intro':
    'A frozen process (crash: freeze) keeps accepting connections into its accept queue; after the resume it serves them whether or not the callers still wait. Wasted: served for callers that had already given up. Dropped: no room in the queue, never answered.',
  'items.runtimes.intro':
    "Costs of the services' processes that grow with load or come in bursts (runtime:): an event loop's per-message cost on one CPU, noisy neighbours slowing the CPU work, timers rounded to a tick and fired late.",

  'items.bytes.intro':
    'Bytes carried over each link in the measured window: sent (requests, calls, events) and sent back (replies, answers, rows read), from the sizes the scenario declares (payload:) and the rows read from key spaces. Calls inside one service move nothing between services.',
  'bytes.totals': 'bytes moved in all (every link, both ways):',
  'bytes.total': '{variant}: {bytes} moved, {perRequest} per request, {gbPerHour} GB/hour',

  // sweep.html (report/sweep-page.ts, report/sweep-charts.ts)
  'sweep.eyebrow': 'msasim sweep',
  'sweep.title': '{name}: sweep of {params}',
  'sweep.points': '{n} points',
  'sweep.noVariants': 'no variants',
  'sweep.replication': '{n} replication (seeds {seeds})',
  'sweep.replications': '{n} replications (seeds {seeds})',
  'sweep.intro':
    'Every point runs every variant with the same replication seeds (common random numbers); the first parameter is on the x axis of every chart.',
  'sweep.utilisationOf': 'utilisation of {id}',
  'sweep.chartTitle': '{metric} vs {x}',
  'sweep.subtitle.mean': 'mean of {n} replications, with the 95 % confidence interval',
  'sweep.subtitle.one': 'one replication per point',
  'sweep.cap.at': '{metric} at each value of {x}',
  'sweep.cap.colour': 'one colour per {what}',
  'sweep.cap.panel': 'one panel per value of {what}',
  'sweep.cap.line': 'one line per value of {paths}',
  'sweep.cap.band': 'shaded: 95 % confidence interval over the replications',

  // sensitivity near saturation (features/sensitivity/)
  'sens.title': '■ sensitivity near saturation',
  'sens.title.variant': '■ sensitivity near saturation · {variant}',
  'sens.faster': 'service −{step} %',
  'sens.slower': 'service +{step} %',
  'sens.fasterPage': 'service time −{step} %',
  'sens.slowerPage': 'service time +{step} %',
  'sens.moves':
    'at ρ {rho} ({component}), ±{step} % service time moves p99 of {endpoint} by {faster}/{slower}: treat these figures as fragile.',
  'sens.moves.overloaded':
    'at ρ {rho} ({component}, overloaded: its queue grows with the run), ±{step} % service time moves p99 of {endpoint} by {faster}/{slower}: treat these figures as fragile.',
  'sens.none':
    "at ρ {rho} ({component}), ±{step} % service time leaves no endpoint's p99 to compare.",
  'sens.none.overloaded':
    "at ρ {rho} ({component}, overloaded: its queue grows with the run), ±{step} % service time leaves no endpoint's p99 to compare.",
  'sens.intro':
    'The run again with the service times of the components at utilisation ≥ 0.8 scaled by 0.95 and 1.05 (same seed, so the same arrivals and draws). Near saturation waiting grows like 1/(1 − ρ): a few per cent of error in a measured service time moves the tail by much more.',

  // the request traces section (features/traces/waterfall.ts)
  'tr.intro':
    "The requests kept by tracing, slowest first: each row a span under its parent — the request, the visits (service/endpoint #instance), the waits for a thread, a database connection or a row lock (dashed: waiting, not working), the queries, the cpu and sleep steps, the network hops (light grey: from → to), a two-phase commit's rounds and locks, an entity kept pending, an event store's replay; failures in red, marks for timeouts, retries and fallbacks. Hover for times. Open traces.otlp.json in Jaeger or Grafana Tempo for every span.",
  'tr.more': '{n} more traces in traces.otlp.json.',
  'tr.caption':
    '{entry} request {seq}{replication}: {duration}, {outcome}{cause}{key} — kept as {why}{dropped}{cut}',
  'tr.caption.replication': ' of replication {n}',
  'tr.caption.key': ', key {key}',
  'tr.caption.dropped': ' ({n} more spans in traces.otlp.json)',
  'tr.caption.cut': ' — first {shown} of {all} spans drawn',
  'tr.svgTitle': 'request {seq} to {entry}: {duration}, {outcome}',
  'tr.tip': '{label}: {duration} from {start}',
  'tr.event': '{name}: {detail} at {at}',
  'tr.request': 'request {name}',
  'tr.query': 'query {name}',
  'tr.outcome.ok': 'ok',
  'tr.outcome.failed': 'failed',
  'tr.outcome.rejected': 'rejected',
  'tr.outcome.timedOut': 'timed out',
  'tr.reason.slowest': 'slowest',
  'tr.reason.failed': 'failed',
  'tr.reason.sampled': 'sampled',
} satisfies Record<string, string>;

/** A key of the catalogues. */
export type MessageKey = keyof typeof EN;
