/**
 * Picks the instance of a service that gets the next visit. Simplification: one balancer per
 * service shared by all callers (as a service mesh or a central load balancer would be), not one
 * per calling instance.
 */
import type { RandomStream } from '../engine/index.ts';
import type { LoadBalancerKind } from '../scenario/types.ts';

/** Something with a count of visits in progress (queued or in service). */
export interface Balanced {
  outstanding: number;
}

/** Chooses one of `instances` for `visit` (most rules ignore the visit; sticky sessions do not). */
export type Picker<T extends Balanced> = (instances: T[], visit: unknown) => T;

/** Something a health check can see down (an instance with its fault state). */
export interface HealthChecked extends Balanced {
  fault: { down: number; downSinceMs: number } | null;
}

/**
 * Skips instances a health check has seen down: crashed for at least `detectMs` (the probes'
 * interval × failures). The rule is asked again, up to once per instance; when every instance
 * is down, the first choice stands (and fails).
 */
export function withHealthCheck<T extends HealthChecked>(
  base: Picker<T>,
  detectMs: number,
  now: () => number,
): Picker<T> {
  const seenDown = (x: T) =>
    x.fault !== null && x.fault.down > 0 && now() - x.fault.downSinceMs >= detectMs;
  return (xs, visit) => {
    const first = base(xs, visit);
    if (!seenDown(first)) return first;
    for (let i = 1; i < xs.length; i++) {
      const x = base(xs, visit);
      if (!seenDown(x)) return x;
    }
    return first;
  };
}

/** The picking rule for `kind`; random rules draw from `rng`. */
export function createPicker<T extends Balanced>(
  kind: LoadBalancerKind,
  rng: RandomStream,
  instances: number,
): Picker<T> {
  // one instance: nothing to choose (and no random draw, whatever the rule)
  if (instances === 1) return (xs) => xs[0];
  let next = 0;
  switch (kind) {
    case 'round-robin':
      return (xs) => {
        if (next >= xs.length) next = 0; // the instances shrank (autoscaling)
        const x = xs[next];
        next = next + 1 === xs.length ? 0 : next + 1;
        return x;
      };
    case 'random':
      return (xs) => xs[rng.nextInt(xs.length)];
    case 'least-outstanding':
      // ties go to the first candidate after a rotating start, so equal loads spread evenly
      return (xs) => {
        const n = xs.length;
        let best = xs[next % n];
        for (let i = 1; i < n; i++) {
          const c = xs[(next + i) % n];
          if (c.outstanding < best.outstanding) best = c;
        }
        next = (next + 1) % n;
        return best;
      };
    case 'power-of-two':
      return (xs) => {
        const n = xs.length;
        if (n === 1) return xs[0];
        const a = rng.nextInt(n);
        let b = rng.nextInt(n - 1);
        if (b >= a) b++;
        return xs[b].outstanding < xs[a].outstanding ? xs[b] : xs[a];
      };
  }
}
