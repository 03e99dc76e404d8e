/**
 * A challenge's own texts in the reader's language (issue 17): the title, description, hints,
 * questions and goal descriptions a challenge file writes in English, and their translation in
 * its `translations:` block (schema.ts `ChallengeTranslation`). `checkTranslations` holds a
 * translation to the original — one hint per hint and one question per question, in order, a
 * description when there is one, one text per goal description, by the goal's name (an
 * unknown name gets a did-you-mean) — each problem located at its place in the translation,
 * in English and Korean. `challengeTexts` gives the texts a brief, a verdict or a list shows:
 * the translation's when there is one, else the original's. Pure.
 */
import type { Lang } from '../report/i18n/lang.ts';
import type { UnlocatedIssue } from '../scenario/issues.ts';
import { guessOr } from '../scenario/messages-values.ts';
import type { ChallengeParsed } from './schema.ts';

/** What a challenge says in words, in one language. */
export interface ChallengeTexts {
  title: string;
  /** '' when the challenge has none. */
  description: string;
  hints: string[];
  /** The questions' `ask`, in order. */
  asks: string[];
  /** The description of each goal that has one, by goal name. */
  goals: Record<string, string>;
}

/** The goals' descriptions as the challenge writes them, by goal name. */
function goalDescriptions(def: ChallengeParsed): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, g] of Object.entries(def.goal)) {
    const d = (g as { description?: unknown }).description;
    if (typeof d === 'string' && d !== '') out[name] = d;
  }
  return out;
}

/** The challenge's texts in `lang`: its translation's when it has one, else as written. */
export function challengeTexts(def: ChallengeParsed, lang: Lang = 'en'): ChallengeTexts {
  const original: ChallengeTexts = {
    title: def.title,
    description: def.description,
    hints: def.hints,
    asks: def.questions.map((q) => q.ask),
    goals: goalDescriptions(def),
  };
  const tr = lang === 'en' ? undefined : def.translations?.[lang];
  if (tr === undefined) return original;
  // checkTranslations refused a challenge whose translation does not match; fall back per text
  // all the same (a challenge built in code need not have been checked)
  return {
    title: tr.title,
    description: def.description === '' ? '' : (tr.description ?? def.description),
    hints: original.hints.map((h, i) => tr.hints?.[i] ?? h),
    asks: original.asks.map((a, i) => tr.questions?.[i] ?? a),
    goals: Object.fromEntries(
      Object.entries(original.goals).map(([name, d]) => [name, tr.goals?.[name] ?? d]),
    ),
  };
}

/** The languages a challenge may be translated into (English is the original). */
const TRANSLATED = ['ko'] as const;

/** The problems of the translations of `def` against its texts as written. */
export function checkTranslations(def: ChallengeParsed): UnlocatedIssue[] {
  const issues: UnlocatedIssue[] = [];
  for (const lang of TRANSLATED) {
    const tr = def.translations?.[lang];
    if (tr === undefined) continue;
    const at = ['translations', lang];
    const missing = (what: string, koWhat: string, path: (string | number)[], onKey = true) =>
      issues.push({
        code: 'translation-missing',
        severity: 'error',
        path: [...at, ...path],
        ...(onKey ? { onKey: true } : {}),
        message: `the ${lang} translation has no ${what}`,
        hint: `translate it here, or remove the translation (the challenge is then shown as written)`,
        ko: {
          message: `${lang} 번역에 ${koWhat}이(가) 없습니다`,
          hint: '여기에 번역을 쓰거나, 번역을 지우세요 (그러면 챌린지는 쓰인 그대로 보입니다)',
        },
      });
    const extra = (what: string, koWhat: string, path: (string | number)[]) =>
      issues.push({
        code: 'translation-extra',
        severity: 'error',
        path: [...at, ...path],
        onKey: true,
        message: `the ${lang} translation has ${what}, which the challenge does not have`,
        hint: 'remove it, or add the original to the challenge first',
        ko: {
          message: `${lang} 번역에 챌린지에 없는 ${koWhat}이(가) 있습니다`,
          hint: '지우거나, 먼저 챌린지에 원문을 추가하세요',
        },
      });
    if (def.description.trim() !== '' && tr.description === undefined)
      missing('description', '설명(description)', []);
    if (def.description.trim() === '' && tr.description !== undefined)
      extra('a description', '설명(description)', ['description']);
    const lists = [
      { key: 'hints', original: def.hints.length, given: tr.hints, what: 'hint', koWhat: '힌트' },
      {
        key: 'questions',
        original: def.questions.length,
        given: tr.questions,
        what: 'question',
        koWhat: '질문',
      },
    ] as const;
    for (const l of lists) {
      if (l.given === undefined) {
        if (l.original > 0)
          missing(`${l.key} (the challenge has ${l.original})`, `${l.koWhat} 목록(${l.key})`, []);
        continue;
      }
      if (l.given.length === l.original) continue;
      const more = l.given.length > l.original;
      issues.push({
        code: 'translation-count',
        severity: 'error',
        // an extra item is pointed at; a missing one at the list
        path: more ? [...at, l.key, l.original] : [...at, l.key],
        ...(more ? {} : { onKey: true }),
        message: `the ${lang} translation has ${l.given.length} ${l.key}, the challenge ${l.original}: one ${l.what} per ${l.what}, in the same order`,
        hint: more
          ? `remove this ${l.what} and those after it, or add their originals to the challenge's ${l.key}`
          : `translate the challenge's ${l.key} from number ${l.given.length + 1} on`,
        ko: {
          message: `${lang} 번역의 ${l.koWhat}은(는) ${l.given.length}개인데 챌린지는 ${l.original}개입니다: ${l.koWhat}마다 하나씩, 같은 순서로 번역하세요`,
          hint: more
            ? `이 ${l.koWhat}부터 뒤의 것을 지우거나, 챌린지의 ${l.key}에 원문을 추가하세요`
            : `챌린지 ${l.key}의 ${l.given.length + 1}번째부터 번역하세요`,
        },
      });
    }
    const described = goalDescriptions(def);
    const names = Object.keys(described);
    const given = tr.goals ?? {};
    for (const name of Object.keys(given)) {
      if (Object.hasOwn(described, name)) continue;
      const isGoal = Object.hasOwn(def.goal, name);
      const candidates = names.length > 0 ? names : Object.keys(def.goal);
      issues.push({
        code: 'translation-extra',
        severity: 'error',
        path: [...at, 'goals', name],
        onKey: true,
        message: isGoal
          ? `the goal "${name}" has no description to translate`
          : `the challenge has no goal "${name}"`,
        hint: isGoal
          ? `remove it, or give the goal a description: first`
          : guessOr(
              name,
              candidates,
              (g) => `did you mean "${g}"?`,
              `the goals with a description: ${names.join(', ') || '(none)'}`,
            ),
        ko: {
          message: isGoal
            ? `목표 "${name}"에는 번역할 설명(description)이 없습니다`
            : `챌린지에 목표 "${name}"이(가) 없습니다`,
          hint: isGoal
            ? '지우거나, 먼저 그 목표에 description:을 주세요'
            : guessOr(
                name,
                candidates,
                (g) => `혹시 "${g}"인가요?`,
                `설명이 있는 목표: ${names.join(', ') || '(없음)'}`,
              ),
        },
      });
    }
    for (const name of names)
      if (!Object.hasOwn(given, name))
        missing(
          `description of the goal "${name}"`,
          `목표 "${name}"의 설명`,
          tr.goals === undefined ? [] : ['goals'],
        );
  }
  return issues;
}
