/**
 * The marker steps that give a traced run its step and hop spans: when the run is traced, every
 * list of compiled steps gets, around each step that takes time (cpu, sleep, call, query,
 * twoPhaseCommit, eventStore), a marker before it (`Tracer.stepBegan`) and one after it
 * (`Tracer.stepEnded`). The markers are ordinary handler steps that go on at once, so an
 * untraced run has none and the journey (model/journey.ts) needs no check of its own for them;
 * they draw no random number, so a traced run gives the same results as an untraced one.
 *
 * What each marked step shows (model/trace/tracer.ts draws the spans):
 * - cpu, sleep: a span of its own (a cpu step's includes its wait for a core, if any);
 * - call: its hops, out (the send to the callee's arrival) and back (the answer to the resume);
 * - query: its hops to the database and back (the query's own span is the journey's);
 * - twoPhaseCommit: its prepare round (from the prepares sent to the decision; the rounds'
 *   locks are drawn by model/two-phase.ts);
 * - eventStore: its append or read, named with the events it replayed, and its query's hops.
 */
import type { StepDef } from '../../scenario/types.ts';
import { type Frame, handlerStep, StepKind, type StepRuntime } from '../frame.ts';
import type { StepMark, Tracer } from './tracer.ts';

/** What a marker step carries: the recorder and the step it marks. */
interface Marker {
  tracer: Tracer;
  mark: StepMark;
}

const nowOf = (f: Frame) => f.inv.endpoint.service.sim.now;

const BEGIN = {
  run(f: Frame, step: StepRuntime<Marker>): boolean {
    const m = step.payload as Marker;
    m.tracer.stepBegan(f, m.mark, nowOf(f));
    return true;
  },
};

const END = {
  run(f: Frame, step: StepRuntime<Marker>): boolean {
    (step.payload as Marker).tracer.stepEnded(f, nowOf(f));
    return true;
  },
};

const serviceOf = (f: Frame) => f.inv.endpoint.service.id;

/** The mark of `step` (compiled from `def`), or null: not marked. */
export function markOf(step: StepRuntime, def: StepDef): StepMark | null {
  switch (step.kind) {
    case StepKind.cpu:
      return { span: 'cpu', hops: null, name: (f) => `${serviceOf(f)}: cpu` };
    case StepKind.sleep:
      return { span: 'sleep', hops: null, name: (f) => `${serviceOf(f)}: sleep` };
    case StepKind.call:
      return { span: null, hops: 'call', name: () => '' };
    case StepKind.query:
      return { span: null, hops: 'query', name: () => '' };
  }
  if (def.kind === 'twoPhaseCommit') {
    const name = (step.payload as { name: string }).name;
    return { span: 'step', hops: null, name: () => `2PC ${name}: prepare round` };
  }
  if (def.kind === 'eventStore') {
    const d = def as StepDef & { name: string; op: string };
    return {
      span: 'step',
      hops: 'query',
      name: (f) =>
        `event store ${d.name}: ${d.op}, ${f.rows} event${f.rows === 1 ? '' : 's'} replayed`,
    };
  }
  return null;
}

/** `steps` (compiled from `defs`, one each) with the markers of tracer `t` around them. */
export function markedSteps(t: Tracer, steps: StepRuntime[], defs: StepDef[]): StepRuntime[] {
  const out: StepRuntime[] = [];
  for (const [i, step] of steps.entries()) {
    const mark = markOf(step, defs[i]);
    if (mark === null) {
      out.push(step);
      continue;
    }
    const m: Marker = { tracer: t, mark };
    out.push(handlerStep(BEGIN, m), step, handlerStep(END, m));
  }
  return out;
}
