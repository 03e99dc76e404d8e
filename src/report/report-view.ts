/**
 * The choices of a view of results.json that are not in it: today the page's language, which
 * picks the lesson's translation (features/lesson/lesson-for.ts). The same results.json gives a
 * page in each language; absent, the lesson is shown in its own language.
 */
import type { LessonLang } from '../scenario/lesson-types.ts';

export interface PageView {
  /** The page's language (the CLI's `--lang` when it has one); absent: the lesson's own. */
  lang?: LessonLang;
}
