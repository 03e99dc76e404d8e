/**
 * The parameters of a sweep as written by the user: `path=v1,v2,…` (one per `--param` of
 * `msasim sweep`, one per line in the playground). Bad values throw SweepParamError with the
 * words both shells show (the CLI as a usage error, exit 2; the page under its sweep box).
 * Whether a path exists in the scenario is checked later, by the loader at every grid point.
 */
import { setPathProblem, setPathProblemKo } from './overrides.ts';

/** A parameter's value: numbers and booleans as written, any other text a string. */
export type SweepParamValue = number | string | boolean;

/** A swept parameter (report/sweep-data.ts `SweepParam` has the same shape). */
export interface SweepParamSpec {
  path: string;
  values: SweepParamValue[];
}

/** A malformed parameter; its message is the user's, `ko` the same in Korean (--lang ko). */
export class SweepParamError extends Error {
  readonly ko: string | undefined;
  constructor(message: string, ko?: string) {
    super(message);
    this.ko = ko;
  }
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/**
 * A parameter value as written: `4` and `0.5` are numbers, `true` and `false` booleans,
 * anything else a string (`50ms`, `800/s`, `lru`), which the scenario's schema then reads as it
 * reads the same text in the file.
 */
export function parseParamValue(text: string): SweepParamValue {
  if (NUMBER.test(text)) return Number(text);
  if (text === 'true') return true;
  if (text === 'false') return false;
  return text;
}

/**
 * Adds the parameter `value` (`path=v1,v2,…`) to those given before it.
 * @throws SweepParamError for a malformed one.
 */
export function parseSweepParam(value: string, previous: SweepParamSpec[] = []): SweepParamSpec[] {
  const eq = value.indexOf('=');
  if (eq < 0)
    throw new SweepParamError(
      `expected path=value,value,… such as services.orders.instances=2,4,8; got "${value}".`,
      `services.orders.instances=2,4,8처럼 path=value,value,… 꼴이어야 합니다. 받은 값: "${value}".`,
    );
  const path = value.slice(0, eq).trim();
  const problem = setPathProblem(path);
  if (problem !== undefined)
    throw new SweepParamError(`${problem}.`, `${setPathProblemKo(path) ?? problem}.`);
  if (path === 'variants' || path.startsWith('variants.'))
    throw new SweepParamError(
      'a parameter cannot change the variants; sweep the value in the base document instead (every variant is run at every point).',
      '매개변수로는 변형을 바꿀 수 없습니다. 대신 기본 문서의 값을 스윕하세요 (모든 변형이 모든 점에서 실행됩니다).',
    );
  if (path === 'name' || path === 'description')
    throw new SweepParamError(
      `the scenario's ${path} only describes it and changes nothing a run does (the sweep is named after the scenario's name); sweep a value of the model instead, such as services.orders.instances=2,4,8.`,
      `시나리오의 ${path}은(는) 시나리오를 설명할 뿐 실행에는 영향을 주지 않습니다 (스윕의 이름은 시나리오의 name에서 옵니다). 대신 services.orders.instances=2,4,8처럼 모델의 값을 스윕하세요.`,
    );
  if (previous.some((p) => p.path === path))
    throw new SweepParamError(
      `${path} is given twice; list all its values in one --param.`,
      `${path}: 두 번 주어졌습니다. 값을 모두 한 --param에 나열하세요.`,
    );
  const texts = value
    .slice(eq + 1)
    .split(',')
    .map((t) => t.trim());
  if (texts.some((t) => t === ''))
    throw new SweepParamError(
      `${path} has an empty value; separate values with single commas, such as ${path}=2,4,8.`,
      `${path}: 빈 값이 있습니다. ${path}=2,4,8처럼 값을 쉼표 하나로 구분하세요.`,
    );
  const values = texts.map(parseParamValue);
  const seen = new Set<string>();
  for (const v of values) {
    const key = `${typeof v}:${v}`;
    if (seen.has(key))
      throw new SweepParamError(
        `${path} lists the value ${v} twice.`,
        `${path}: 같은 값이 두 번 나옵니다: ${v}.`,
      );
    seen.add(key);
  }
  return [...previous, { path, values }];
}
