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

/** Chooses an index into `instances`. */
export type Picker<T extends Balanced> = (instances: T[]) => T;

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
