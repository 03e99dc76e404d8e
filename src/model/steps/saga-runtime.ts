/**
 * The runtime part of `saga` (saga.ts says what it does and holds its language part): compiled to
 * a SagaRuntime (model/saga.ts) with its actions' targets and hops.
 */
import { backgroundRequest } from '../frame.ts';
import { advance } from '../journey.ts';
import type { Hop } from '../network.ts';
import { actionTimeouts, type SagaAction, SagaRuntime } from '../saga.ts';
import { type SagaRaw, type SagaStepDef, sagaSyntax } from './saga.ts';
import type { HandledStepKind } from './step-kind.ts';

export const saga: HandledStepKind<SagaRaw, SagaStepDef, SagaRuntime> = {
  ...sagaSyntax,
  compile(def, { serviceId, where }, ctx) {
    const endpoint = (service: string, name: string) => ctx.endpoint(service, name, 'saga action');
    const choreographed = def.mode === 'choreographed';
    const broker = def.broker === null ? undefined : ctx.brokers.get(def.broker);
    if (choreographed && broker === undefined) throw new Error(`unresolved broker ${def.broker}`);
    const zero = ctx.zeroHop();
    const net = ctx.network;
    const { callBytes, replyBytes, eventBytes } = def.payload;
    // orchestrated: calls from this service; choreographed: events through the broker; on hops
    // of the messages' sizes (model/network.ts: the links count the bytes)
    const reach = (service: string): { out: Hop; back: Hop } => {
      if (choreographed)
        return {
          out: net.sized(net.link(def.broker as string, service, 'consume'), 'out', eventBytes),
          back: zero,
        };
      const link = net.link(serviceId, service, 'call');
      return { out: net.sized(link, 'out', callBytes), back: net.sized(link, 'back', replyBytes) };
    };
    const toBroker = (from: string) =>
      net.sized(net.link(from, def.broker as string, 'publish'), 'out', eventBytes);
    const actions: SagaAction[] = def.steps.map((a) => {
      const there = reach(a.service);
      const undo = a.compensate === null ? null : reach(a.compensate.service);
      return {
        target: endpoint(a.service, a.endpoint),
        hopOut: there.out,
        hopBack: there.back,
        timeouts: actionTimeouts(ctx.sim, a.timeoutMs),
        fails: a.fails,
        compensate:
          a.compensate === null ? null : endpoint(a.compensate.service, a.compensate.endpoint),
        compensateOut: undo?.out ?? null,
        compensateBack: undo?.back ?? null,
        compensationFails: a.compensationFails,
        toBroker: choreographed ? toBroker(a.service) : null,
      };
    });
    const name = def.name === '' ? where : def.name;
    const runtime = new SagaRuntime(
      name,
      choreographed,
      ctx.sim,
      ctx.metrics.addSaga(name, def.mode, def.steps.length),
      actions,
      ctx.rng.stream(`${where}/saga-failures`),
      broker === undefined ? null : ctx.dist(broker.def.publishTime, `${where}/saga-events`),
      choreographed ? toBroker(serviceId) : null,
      backgroundRequest(actions[0].target, zero),
      advance,
      def.payload,
    );
    ctx.sagas.set(name, runtime);
    return runtime;
  },
  run(f, step) {
    (step.payload as SagaRuntime).start(f);
    return false;
  },
};
