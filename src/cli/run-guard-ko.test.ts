/**
 * The runaway guards' stop messages in Korean (`--lang ko`, issue 17): every guard's reason and
 * advice has its Korean text (messages-ko-guards.ts), with the option names, names and numbers
 * as in the English and no English sentence left; the message's frame ("<who> 중단: …") and
 * the RunGuardError that carries both languages, as main() prints it.
 */
import { describe, expect, it } from 'vitest';
import * as msg from '../scenario/messages.ts';
import { expectNoEnglishSentence } from '../test-support/english-run.ts';
import { RunGuardError } from './errors.ts';
import {
  CommandBudget,
  guardError,
  guardMessage,
  NOTHING_WRITTEN,
  runOf,
  theRunOf,
  wallNow,
} from './run-guard.ts';

const HANGUL = /\p{Script=Hangul}/u;
const queue = { kind: 'service', id: 'orders', waiting: 1500 };

/** Each guard's text, with what its Korean must keep as written. */
const TEXTS: [string, msg.GuardText, string[]][] = [
  [
    'event budget',
    msg.eventBudgetExceeded(5000, 1234, 60_000),
    ['5000', '1.234 s', '--max-events'],
  ],
  ['command wall', msg.wallBudgetExceeded('command', 300_000, 1234), ['5 min', '--max-wall']],
  ['run wall', msg.wallBudgetExceeded('run', 2500, 1234), ['2.5 s', '--max-run-wall']],
  [
    'wall spent',
    msg.wallBudgetSpent(5, theRunOf({ name: 'shop', variant: 'big' }, 3)),
    ['5 ms', '"shop" (변형 big)의 복제 3 실행', '--max-wall'],
  ],
  ['stuck', msg.stuckAtOneInstant(10_000_000, 0), ['10,000,000', '0.000 s']],
  [
    'queue',
    msg.queueTooLong('service', 'orders', 1500, 2500),
    ['service "orders"', '1,500', 'queueCapacity', '--max-queue'],
  ],
  [
    'pending',
    msg.tooManyPendingEvents(2_000_000, 0, queue),
    ['2,000,000', 'service "orders"', '--max-pending'],
  ],
  [
    'memory',
    msg.memoryExceeded(3 * 1024 ** 3, 1024 ** 3, 0, null),
    ['3 GB', '1 GB', '--max-memory'],
  ],
];

describe('the guards in Korean', () => {
  for (const [what, text, kept] of TEXTS)
    it(`${what}: a Korean reason and advice, names and numbers as written`, () => {
      for (const part of [text.ko.reason, text.ko.advice]) {
        expect(part).toMatch(HANGUL);
        expectNoEnglishSentence(part);
      }
      const both = `${text.ko.reason} ${text.ko.advice}`;
      for (const k of kept) expect(both).toContain(k);
      // the English is as it was
      expect(text.reason).not.toMatch(HANGUL);
    });

  it('frames a stop in Korean, and in English as before', () => {
    const text = msg.eventBudgetExceeded(5000, 1234, 60_000);
    const who = runOf({ name: 'shop', variant: 'big' });
    expect(guardMessage(who, text, NOTHING_WRITTEN, 'ko')).toBe(
      '"shop" (변형 big) 실행 중단: 60 s 가운데 시뮬레이션 시각 1.234 s에 이벤트 예산 5000개를 넘었습니다.\n  → 시뮬레이션 시간을 줄이거나, 부하를 낮추거나, --max-events를 늘리세요. 아무것도 쓰지 않았습니다.',
    );
    expect(guardMessage(who, text, NOTHING_WRITTEN)).toBe(
      'run of "shop" (variant big) stopped: it exceeded its event budget of 5000 events at simulated time 1.234 s of 60 s.\n  → shorten the duration, lower the load, or raise --max-events. Nothing was written.',
    );
    const e = guardError('msasim', text, NOTHING_WRITTEN);
    expect(e).toBeInstanceOf(RunGuardError);
    expect(e.message).toMatch(/^msasim stopped: /);
    expect(e.ko).toMatch(/^msasim 중단: /);
  });

  it('a command whose time is up refuses the next run in both languages', () => {
    const budget = new CommandBudget(0.001);
    const until = wallNow() + 1;
    while (wallNow() < until) {}
    let error: RunGuardError | undefined;
    try {
      budget.checkBefore(theRunOf({ name: 'shop' }));
    } catch (e) {
      error = e as RunGuardError;
    }
    expect(error?.message).toContain('(--max-wall) was used up before the run of "shop"');
    expect(error?.ko).toContain(
      '명령의 벽시계 시간 예산 0.001 ms(--max-wall)을 "shop" 실행 전에 다 썼습니다',
    );
  });
});
