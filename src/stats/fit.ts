/**
 * Fitting a service-time distribution to measured durations (`msasim calibrate`): each family
 * of the scenario language that can describe positive durations, fitted by maximum likelihood,
 * with two goodness-of-fit figures and a ranking.
 *
 * Estimators (all maximum likelihood; closed forms except the gamma shape):
 * - exponential: mean = x̄;
 * - normal: mean = x̄, sd = √(Σ(x − x̄)²/n) (the engine cuts draws below 0, not modelled here);
 * - lognormal: μ, σ = mean and standard deviation (1/n) of ln x; the language's `median` is e^μ;
 * - gamma: the shape k solves ln k − ψ(k) = ln x̄ − mean(ln x), by Newton's method from Minka's
 *   starting point (T. Minka, "Estimating a Gamma distribution", 2002); scale = x̄ / k. When k
 *   is within two standard errors of a whole number ≥ 1 (var k̂ ≈ 1/(n(ψ′(k) − 1/k))), it is
 *   written as an erlang with that k;
 * - pareto: scale = min x, shape = n / Σ ln(x / min x);
 * - uniform: min x, max x.
 * Ranking: by BIC (p ln n − 2 ln L, p the number of parameters: 1 for the exponential, 2 for the
 * others), which prefers the simpler of two nested families (exponential in gamma) unless the
 * data clearly say otherwise. Goodness of fit: the Kolmogorov–Smirnov distance D (the largest
 * gap between the fitted and the empirical distribution function) and the Anderson–Darling A²
 * (weighted to the tails, which decide a p99). Both are computed with the fitted parameters, so
 * their usual tables of critical values (for known parameters) do not apply: they compare fits,
 * they are not tests. Shifted (three-parameter) families are not in the language and not fitted.
 */
import { logGamma } from './student-t.ts';

/** A fitted family: its parameters in ms (or plain numbers) and how well it fits. */
export interface Fit {
  family: 'exponential' | 'normal' | 'lognormal' | 'gamma' | 'erlang' | 'pareto' | 'uniform';
  /** Parameters by the language's names (durations in ms). */
  params: Record<string, number>;
  logLikelihood: number;
  bic: number;
  /** Kolmogorov–Smirnov distance. */
  ks: number;
  /** Anderson–Darling statistic A². */
  ad: number;
}

/** What the data look like, beside the fits. */
export interface SampleSummary {
  n: number;
  mean: number;
  sd: number;
  min: number;
  p50: number;
  p99: number;
  max: number;
}

/** The values sorted, their count, sum, mean and sum of squared deviations from the mean. */
function sortedSample(values: readonly number[]) {
  const xs = Float64Array.from(values).sort();
  const n = xs.length;
  let sum = 0;
  for (const x of xs) sum += x;
  const mean = sum / n;
  let ss = 0;
  for (const x of xs) ss += (x - mean) ** 2;
  return { xs, n, sum, mean, ss };
}

/** The fitted families, best (lowest BIC) first; none that cannot describe the data. */
export function fitDistributions(values: readonly number[]): Fit[] {
  if (values.length < 2) throw new RangeError('at least 2 values are needed to fit');
  const { xs, n, sum, mean, ss } = sortedSample(values);
  const sd = Math.sqrt(ss / n);
  const positive = xs[0] > 0;
  const fits: Omit<Fit, 'bic' | 'ks' | 'ad'>[] = [];
  const cdfs: ((x: number) => number)[] = [];
  const add = (f: Omit<Fit, 'bic' | 'ks' | 'ad'>, cdf: (x: number) => number) => {
    if (Number.isFinite(f.logLikelihood)) {
      fits.push(f);
      cdfs.push(cdf);
    }
  };
  if (sd === 0) return [];
  if (xs[0] >= 0)
    add(
      { family: 'exponential', params: { mean }, logLikelihood: -n * Math.log(mean) - n },
      (x) => 1 - Math.exp(-x / mean),
    );
  add(
    {
      family: 'normal',
      params: { mean, sd },
      logLikelihood: (-n / 2) * Math.log(2 * Math.PI * sd * sd) - n / 2,
    },
    (x) => normalCdf((x - mean) / sd),
  );
  if (positive) {
    let sumLog = 0;
    for (const x of xs) sumLog += Math.log(x);
    const mu = sumLog / n;
    let ssLog = 0;
    for (const x of xs) ssLog += (Math.log(x) - mu) ** 2;
    const sigma = Math.sqrt(ssLog / n);
    if (sigma > 0)
      add(
        {
          family: 'lognormal',
          params: { median: Math.exp(mu), sigma },
          logLikelihood: -sumLog - n * Math.log(sigma) - (n / 2) * Math.log(2 * Math.PI) - n / 2,
        },
        (x) => (x <= 0 ? 0 : normalCdf((Math.log(x) - mu) / sigma)),
      );
    const k = gammaShape(Math.log(mean) - mu);
    const scale = mean / k;
    const ll = (shape: number, theta: number) =>
      (shape - 1) * sumLog - sum / theta - n * (shape * Math.log(theta) + logGamma(shape));
    const whole = Math.max(1, Math.round(k));
    const se = 1 / Math.sqrt(n * (trigamma(k) - 1 / k));
    if (Math.abs(k - whole) <= 2 * se)
      add(
        { family: 'erlang', params: { k: whole, mean }, logLikelihood: ll(whole, mean / whole) },
        (x) => gammaP(whole, x / (mean / whole)),
      );
    else
      add({ family: 'gamma', params: { shape: k, mean }, logLikelihood: ll(k, scale) }, (x) =>
        gammaP(k, x / scale),
      );
    let sumRel = 0;
    for (const x of xs) sumRel += Math.log(x / xs[0]);
    if (sumRel > 0) {
      const alpha = n / sumRel;
      add(
        {
          family: 'pareto',
          params: { shape: alpha, scale: xs[0] },
          logLikelihood: n * Math.log(alpha) + n * alpha * Math.log(xs[0]) - (alpha + 1) * sumLog,
        },
        (x) => (x < xs[0] ? 0 : 1 - (xs[0] / x) ** alpha),
      );
    }
  }
  const lo = xs[0];
  const hi = xs[n - 1];
  add(
    { family: 'uniform', params: { min: lo, max: hi }, logLikelihood: -n * Math.log(hi - lo) },
    (x) => Math.min(1, Math.max(0, (x - lo) / (hi - lo))),
  );
  return fits
    .map((f, i) => {
      const p = Object.keys(f.params).length === 1 ? 1 : 2;
      const { ks, ad } = goodnessOfFit(xs, cdfs[i]);
      return { ...f, bic: p * Math.log(n) - 2 * f.logLikelihood, ks, ad };
    })
    .sort((a, b) => a.bic - b.bic);
}

/** Mean, sd (1/n), min, p50, p99 (nearest rank) and max of the values. */
export function summarizeSample(values: readonly number[]): SampleSummary {
  const { xs, n, mean, ss } = sortedSample(values);
  const rank = (q: number) => xs[Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1))];
  return {
    n,
    mean,
    sd: Math.sqrt(ss / n),
    min: xs[0],
    p50: rank(0.5),
    p99: rank(0.99),
    max: xs[n - 1],
  };
}

/** KS D and Anderson–Darling A² of sorted values against a distribution function. */
export function goodnessOfFit(
  sorted: ArrayLike<number>,
  cdf: (x: number) => number,
): { ks: number; ad: number } {
  const n = sorted.length;
  const eps = 1e-12;
  const f = new Float64Array(n);
  let ks = 0;
  for (let i = 0; i < n; i++) {
    f[i] = cdf(sorted[i]);
    ks = Math.max(ks, (i + 1) / n - f[i], f[i] - i / n);
  }
  let s = 0;
  for (let i = 0; i < n; i++) {
    const lo = Math.min(1 - eps, Math.max(eps, f[i]));
    const hi = Math.min(1 - eps, Math.max(eps, f[n - 1 - i]));
    s += (2 * i + 1) * (Math.log(lo) + Math.log(1 - hi));
  }
  return { ks, ad: -n - s / n };
}

/** The gamma shape k with ln k − ψ(k) = s (s > 0), by Newton's method (Minka 2002). */
export function gammaShape(s: number): number {
  if (!(s > 0)) return Number.POSITIVE_INFINITY;
  let k = (3 - s + Math.sqrt((s - 3) ** 2 + 24 * s)) / (12 * s);
  for (let i = 0; i < 100; i++) {
    const g = Math.log(k) - digamma(k) - s;
    const next = k - g / (1 / k - trigamma(k));
    const bounded = next > 0 ? next : k / 2;
    if (Math.abs(bounded - k) < 1e-12 * k) return bounded;
    k = bounded;
  }
  return k;
}

/** ψ(x), the digamma function (recurrence up to x ≥ 6, then its asymptotic series). */
export function digamma(x: number): number {
  let r = 0;
  let y = x;
  while (y < 6) {
    r -= 1 / y;
    y += 1;
  }
  const f = 1 / (y * y);
  return (
    r +
    Math.log(y) -
    0.5 / y -
    f * (1 / 12 - f * (1 / 120 - f * (1 / 252 - f * (1 / 240 - f * (1 / 132)))))
  );
}

/** ψ′(x), the trigamma function (recurrence up to x ≥ 6, then its asymptotic series). */
export function trigamma(x: number): number {
  let r = 0;
  let y = x;
  while (y < 6) {
    r += 1 / (y * y);
    y += 1;
  }
  const f = 1 / (y * y);
  return r + 1 / y + f / 2 + (f / y) * (1 / 6 - f * (1 / 30 - f * (1 / 42 - f / 30)));
}

/** The regularized lower incomplete gamma P(a, x) (series, or continued fraction for x ≥ a + 1). */
export function gammaP(a: number, x: number): number {
  if (x <= 0) return 0;
  const lnPre = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 10000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-15) break;
    }
    return Math.min(1, sum * Math.exp(lnPre));
  }
  // Lentz's method for the continued fraction of Q(a, x)
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return Math.max(0, 1 - Math.exp(lnPre) * h);
}

/** Φ(z), the standard normal distribution function, through P(½, z²/2). */
export function normalCdf(z: number): number {
  const p = gammaP(0.5, (z * z) / 2) / 2;
  return z >= 0 ? 0.5 + p : 0.5 - p;
}
