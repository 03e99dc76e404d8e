/**
 * Logged-in users (a closed workload with `session:`). Each user lives a loop:
 *
 *   offline ─(think / off time)─▶ login ─ok─▶ requests (think between them) ─▶ logout or leave
 *      ▲                              └─failed─▶ login again after a think time      │
 *      └──────────────────────────────────────────────────────────────────────────────┘
 *
 * A session lasts a geometric number of requests (mean `requests`); it ends with a logout
 * request (a share `logoutShare`, when there is a logout endpoint) or the user just leaves and
 * the session expires after the idle timeout. A request refused with 401 (session lost, token
 * revoked or expired) sends the user to log in again; with value tokens, an expired token is
 * renewed by logging in again before the next request (the refresh). Every request carries the
 * credential of the login that made it (`UserRequest.cred`), so validation works per request.
 */
import type { Distribution, RandomStream, Simulation } from '../engine/index.ts';
import { Outcome } from '../metrics/outcome.ts';
import type { Request } from './frame.ts';
import { type SessionRuntime, UserMode, UserRequest } from './sessions.ts';
import type { EntryRuntime } from './workload.ts';

/** The users of one workload with `session:`. */
export class UserWorkload {
  /** Requests left in each user's session. */
  readonly #left: Int32Array;
  /** The credential each user holds (0: logged out). */
  readonly #cred: Int32Array;
  readonly #choose: () => EntryRuntime;
  /** P(one more request) of the geometric session length, as ln(1 − 1/mean). */
  readonly #logStay: number;

  constructor(
    private readonly sim: Simulation,
    private readonly sessions: SessionRuntime,
    /** Index of this workload's first user in the session state. */
    private readonly base: number,
    users: number,
    private readonly thinkTime: Distribution,
    private readonly offTime: Distribution,
    requests: number,
    private readonly logoutShare: number,
    choose: () => EntryRuntime,
    entries: EntryRuntime[],
    private readonly login: EntryRuntime,
    private readonly logout: EntryRuntime | null,
    /** Session lengths and logout-or-leave draws. */
    private readonly lifecycle: RandomStream,
  ) {
    this.#left = new Int32Array(users);
    this.#cred = new Int32Array(users);
    this.#choose = choose;
    this.#logStay = requests > 1 ? Math.log(1 - 1 / requests) : Number.NEGATIVE_INFINITY;
    for (const e of entries) e.onFinish = this.#finished;
    login.onFinish = this.#finished;
    if (logout !== null) logout.onFinish = this.#finished;
  }

  /**
   * Each user logs in after one think time (so they do not all log in at once), or at a
   * uniform moment of the ramp-up (a growing population).
   */
  start(rampUpMs: number, arrivals: RandomStream): void {
    for (let u = 0; u < this.#left.length; u++)
      this.sim.schedule(
        rampUpMs > 0 ? rampUpMs * arrivals.next() : this.thinkTime.sample(),
        this.#logIn,
        u,
      );
  }

  readonly #logIn = (u: number): void => {
    const req = new UserRequest(
      this.login,
      this.sim.now,
      this.base + u,
      this.sessions.newCredential(),
      UserMode.login,
    );
    this.login.sendRequest(req);
  };

  /** The user's next action after thinking: a request, or a refresh of an expired token. */
  readonly #act = (u: number): void => {
    if (this.sessions.mustRefresh(this.base + u, this.sim.now)) {
      this.sessions.stats.refreshes++;
      this.#logIn(u);
      return;
    }
    const entry = this.#choose();
    entry.sendRequest(
      new UserRequest(entry, this.sim.now, this.base + u, this.#cred[u], UserMode.request),
    );
  };

  readonly #finished = (request: Request, outcome: Outcome): void => {
    const req = request as UserRequest;
    const u = req.user - this.base;
    const sim = this.sim;
    switch (req.mode) {
      case UserMode.login:
        if (outcome === Outcome.ok) {
          this.#cred[u] = req.cred;
          this.#left[u] = this.#sessionLength();
          sim.schedule(this.thinkTime.sample(), this.#act, u);
        } else {
          this.sessions.stats.loginFailures++;
          sim.schedule(this.thinkTime.sample(), this.#logIn, u);
        }
        return;
      case UserMode.logout:
        this.#cred[u] = 0;
        sim.schedule(this.offTime.sample(), this.#logIn, u);
        return;
      default:
        if (req.refused > 0) {
          // 401: the credential is no longer accepted; log in again
          this.#cred[u] = 0;
          this.sessions.stats.reLogins++;
          sim.schedule(this.thinkTime.sample(), this.#logIn, u);
          return;
        }
        if (--this.#left[u] > 0) {
          sim.schedule(this.thinkTime.sample(), this.#act, u);
          return;
        }
        this.#endSession(u);
    }
  };

  #endSession(u: number): void {
    const cred = this.#cred[u];
    if (this.logout !== null && this.lifecycle.next() < this.logoutShare) {
      const req = new UserRequest(this.logout, this.sim.now, this.base + u, cred, UserMode.logout);
      this.logout.sendRequest(req);
      return;
    }
    // the user leaves without logging out: the session expires after the idle timeout
    this.#cred[u] = 0;
    this.sessions.leave(this.base + u, cred);
    this.sim.schedule(this.offTime.sample(), this.#logIn, u);
  }

  /** A geometric number of requests ≥ 1 with mean `requests`. */
  #sessionLength(): number {
    if (this.#logStay === Number.NEGATIVE_INFINITY) return 1;
    return 1 + Math.floor(Math.log(1 - this.lifecycle.next()) / this.#logStay);
  }
}
