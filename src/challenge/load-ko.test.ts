/**
 * The problems of a challenge file in Korean (`msasim challenge --lang ko`): those found in the
 * challenge itself (a glob that is none, a glob through an unknown key or a misspelt name, a
 * goal without a bound) and those of its goal and questions found against the base scenario,
 * which lose the "in the goal of …:" prefix in both languages once reported at their place in
 * the challenge file. The English texts stay as they were.
 */
import { describe, expect, it } from 'vitest';
import { formatIssues } from '../scenario/format.ts';
import { BROKEN_CHALLENGES, challengeIssues } from '../test-support/challenges.ts';

const HANGUL = /\p{Script=Hangul}/u;

/** The problems of a challenge, in Korean and in English. */
function both(text: string): { ko: string; en: string } {
  const issues = challengeIssues(text);
  expect(issues.length).toBeGreaterThan(0);
  return { ko: formatIssues(issues, 'ko'), en: formatIssues(issues) };
}

describe('the problems of a challenge in Korean', () => {
  it('a goal on an unknown endpoint, at its place, without the prefix of the goal', () => {
    const { ko, en } = both(BROKEN_CHALLENGES.unknownEndpoint);
    expect(ko).toMatch(/c\.challenge\.yaml:7:\d+ {2}goal\.fast\.endpoint/);
    expect(ko).toContain('서비스 "server"의 알 수 없는 엔드포인트 "serv"');
    expect(ko).toContain('혹시 "serve"인가요?');
    expect(ko).not.toContain('적용 시');
    expect(ko).not.toContain('the goal of');
    expect(en).toContain('did you mean "serve"?');
    expect(en).not.toMatch(HANGUL);
    expect(en).not.toContain('in the goal of');
  });

  it("a question's key metric the base does not have, without the prefix of the questions", () => {
    const { ko, en } = both(BROKEN_CHALLENGES.unknownReveal);
    expect(ko).toMatch(/c\.challenge\.yaml:15:\d+ {2}questions\[0\]\.reveal\[0\]/);
    expect(ko).toMatch(HANGUL);
    expect(ko).not.toContain('적용 시');
    expect(en).not.toContain('in the questions of');
  });

  it('a glob that is none, and one through an unknown key, with the glob quoted', () => {
    const { ko, en } = both(BROKEN_CHALLENGES.badGlobs);
    expect(ko).toContain('"services..threads"은(는) 경로 글로브가 아닙니다');
    expect(ko).toContain('"service.server.cores"에서: 알 수 없는 키 "service"');
    expect(ko).toContain('혹시 "services"인가요?');
    expect(en).toContain('"services..threads" is not a path glob');
    expect(en).toContain('in "service.server.cores": unknown key "service"');
  });

  it('a glob through a name the base scenario misspells', () => {
    const { ko, en } = both(BROKEN_CHALLENGES.misspeltGlob);
    expect(ko).toContain(
      '"services.sever.threads"에서: 시나리오의 그 자리에 "sever"이(가) 없습니다',
    );
    expect(ko).toContain('혹시 "server"인가요?');
    expect(en).toContain('in "services.sever.threads": the scenario has no "sever" there');
  });

  it('a key-metric goal without a bound', () => {
    const { ko, en } = both(BROKEN_CHALLENGES.noBound);
    expect(ko).toContain('목표 "not-too-busy"에 한계가 없습니다');
    expect(en).toContain('the goal "not-too-busy" sets no bound');
  });
});
