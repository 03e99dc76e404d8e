/** The discrete-event kernel: clock, event list, resources, random streams, distributions. */
export {
  Constant,
  createDistribution,
  type Distribution,
  type DistributionSpec,
  lognormalFromMeanP99,
  specMean,
  Z99,
} from './distributions.ts';
export { DOUBLE_ZERO } from './double-zero.ts';
export { EventQueue, type Handler } from './event-queue.ts';
export { Fifo } from './fifo.ts';
export {
  createKeySampler,
  EXACT_HARMONIC_MAX,
  generalizedHarmonic,
  type KeyDistributionSpec,
  type KeySampler,
} from './key-distributions.ts';
export { Process, Signal, startProcess, type Yieldable } from './process.ts';
export { RandomSource, RandomStream } from './random.ts';
export { Grant, Resource } from './resource.ts';
export { Priority, type RunOptions, Simulation, type StopReason } from './simulation.ts';
export { TimeoutQueue } from './timeout-queue.ts';
