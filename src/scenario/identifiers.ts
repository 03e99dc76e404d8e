/**
 * What a name in a scenario may be: the ids of services, endpoints, databases, workloads,
 * variants … Any script's letters are welcome (a Korean workshop names its services 주문 and
 * 결제), so the rule is Unicode's: a letter (`\p{L}`), then letters, digits (`\p{N}`), "-" or
 * "_". That keeps out everything that would break a name's other uses: whitespace, control,
 * invisible and bidirectional-override characters (a name must read as it is), "." and "[" (a
 * variant's dotted `set:` path), "/" (an endpoint reference "service/endpoint", and a file name:
 * the default output folder is `reports/<scenario name>`). Combining marks are refused too, so
 * scripts that need them (Devanagari vowel signs) cannot be written yet — a stated limit.
 *
 * Names must be in Unicode NFC (composed) form: 주문 typed as five decomposed jamo looks the same
 * but is another string, so a reference typed the usual way would not find it. We refuse such a
 * name with a located message rather than normalise it silently (the file would hold two
 * spellings of one name, and the outputs would show the one the user did not type everywhere).
 * Confusable letters of different scripts (Latin "a" and Cyrillic "а") are not detected.
 */

/** An identifier; `constructor` and `prototype` are refused (a `set:` path cannot go through them). */
export const ID_RE = /^(?!(?:constructor|prototype)$)\p{L}[\p{L}\p{N}_-]*$/u;
/** A reference to an endpoint: "service/endpoint". */
export const ENDPOINT_REF_RE = /^\p{L}[\p{L}\p{N}_-]*\/\p{L}[\p{L}\p{N}_-]*$/u;

/** The general expectation, as zod's message for a malformed identifier. */
export const ID_EXPECTATION =
  'expected an identifier: a letter (of any script), then letters, digits, "-" or "_"';

/** Why a name in decomposed form is refused. */
export const NOT_NFC =
  'a name must be in Unicode NFC (composed) form: this one is decomposed (as some tools on macOS write it), so it would not match the same name typed as usual; retype it, or convert the file to NFC (e.g. uconv -x any-nfc)';

/** True when `name` is an identifier in NFC form. */
export function isIdentifier(name: string): boolean {
  return ID_RE.test(name) && name === name.normalize('NFC');
}

/** Bidirectional controls: embeddings, overrides, isolates and marks. */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/** U+202E, as a code point in messages (never the character itself: it would reorder the line). */
export function codePoint(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * `text` with every character that does not print as itself (controls, invisible format and
 * bidi characters, line and paragraph separators) written as \u{…}, so a message shows a hostile
 * name as it is without being reordered or hidden by the terminal.
 */
export function printable(text: string): string {
  return text.replace(
    /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu,
    (c) => `\\u{${(c.codePointAt(0) ?? 0).toString(16).toUpperCase()}}`,
  );
}

/** What one character is, in words, for a message about a name that contains it. */
function describeChar(ch: string): string {
  const at = codePoint(ch);
  if (BIDI.test(ch)) return `a bidirectional control character (${at})`;
  if (/\p{White_Space}/u.test(ch)) return ch === ' ' ? 'a space' : `a whitespace character (${at})`;
  if (/\p{Cc}/u.test(ch)) return `a control character (${at})`;
  if (/\p{Cf}/u.test(ch)) return `an invisible format character (${at})`;
  if (/\p{M}/u.test(ch)) return `a combining mark (${at})`;
  if (ch === '.' || ch === '[' || ch === ']')
    return `"${ch}" (it would break a variant's set: path)`;
  if (ch === '/') return '"/" (it separates a service from its endpoint)';
  return /[\p{L}\p{N}\p{P}\p{S}]/u.test(ch) ? `"${ch}"` : `"${ch}" (${at})`;
}

/**
 * Why `name` is no identifier, in words (the first problem found); undefined when it is one.
 * `constructor` and `prototype` are left to their own message (messages.ts `reservedName`).
 */
export function identifierProblem(name: string): string | undefined {
  if (isIdentifier(name)) return undefined;
  if (name === '') return `${ID_EXPECTATION}, received an empty name`;
  if (name !== name.normalize('NFC') && isIdentifier(name.normalize('NFC'))) return NOT_NFC;
  const chars = [...name];
  const bad = chars.findIndex((c, i) => !(i === 0 ? /\p{L}/u : /[\p{L}\p{N}_-]/u).test(c));
  if (bad === 0 && /[\p{N}_-]/u.test(chars[0]))
    return `${ID_EXPECTATION}; it starts with ${describeChar(chars[0])}, not a letter`;
  if (bad >= 0) return `${ID_EXPECTATION}; it contains ${describeChar(chars[bad])}`;
  return ID_EXPECTATION;
}
