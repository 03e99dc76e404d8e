/**
 * Share links: the scenario (its file name, text and what-if value) compressed into the URL
 * fragment, `#s=<base64url of deflate(JSON)>`, so a link or a QR code opens the same experiment
 * and nothing is sent to a server. Decoding treats the fragment as hostile data: its size and
 * the size it inflates to are capped, and the JSON must have exactly the expected shape; the
 * text then goes to the editor and the scenario pipeline like anything typed.
 */
import { deflateSync, Inflate, strFromU8, strToU8 } from 'fflate';
import type { Lang } from '../report/i18n/lang.ts';
import type { WhatIf } from './protocol.ts';
import { ui } from './ui-words.ts';

/** What a link carries. */
export interface SharedScenario {
  file: string;
  text: string;
  whatIf?: WhatIf;
}

/** Most characters of a fragment read (a URL of a few hundred KB opens everywhere). */
export const MAX_FRAGMENT_CHARS = 400_000;
/** Most bytes a fragment may inflate to (a scenario of 1 MB is very large). */
export const MAX_SHARED_BYTES = 1024 * 1024;
const PREFIX = '#s=';
const FORMAT = 1;

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** The fragment (with its `#`) of a link to `shared`. */
export function encodeShare(shared: SharedScenario): string {
  const json = JSON.stringify({ v: FORMAT, ...shared });
  return PREFIX + toBase64Url(deflateSync(strToU8(json), { level: 9 }));
}

/** Inflates at most MAX_SHARED_BYTES; throws past that (a deflate bomb stops early). */
function inflateCapped(data: Uint8Array): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > MAX_SHARED_BYTES)
      throw new Error(`the link's scenario is larger than ${MAX_SHARED_BYTES / 1024} KB`);
    chunks.push(chunk);
  });
  inflater.push(data, true);
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

const FILE_NAME = /^[\w ./-]{1,200}$/;
const PATH = /^[A-Za-z0-9_$\-[\].]{1,300}$/;

/**
 * A decoded link's contents, or why it cannot be read (in `lang`). Undefined when `hash` is no
 * share link.
 */
export function decodeShare(
  hash: string,
  lang: Lang = 'en',
): { shared: SharedScenario } | { problem: string } | undefined {
  if (!hash.startsWith(PREFIX)) return undefined;
  const body = hash.slice(PREFIX.length);
  if (body.length > MAX_FRAGMENT_CHARS)
    return { problem: ui(lang, 'share.tooLong', { max: MAX_FRAGMENT_CHARS }) };
  if (!/^[A-Za-z0-9_-]*$/.test(body)) return { problem: ui(lang, 'share.notFormat') };
  let value: unknown;
  try {
    value = JSON.parse(strFromU8(inflateCapped(fromBase64Url(body))));
  } catch (e) {
    return { problem: ui(lang, 'share.undecodable', { reason: (e as Error).message }) };
  }
  const v = value as Record<string, unknown>;
  if (typeof v !== 'object' || v === null || Array.isArray(v) || v.v !== FORMAT)
    return { problem: ui(lang, 'share.notFormat') };
  if (typeof v.text !== 'string') return { problem: ui(lang, 'share.noText') };
  const file = typeof v.file === 'string' && FILE_NAME.test(v.file) ? v.file : 'shared.yaml';
  const shared: SharedScenario = { file, text: v.text };
  const w = v.whatIf as Record<string, unknown> | undefined;
  if (
    w !== undefined &&
    typeof w === 'object' &&
    w !== null &&
    typeof w.path === 'string' &&
    PATH.test(w.path) &&
    typeof w.value === 'number' &&
    Number.isFinite(w.value)
  )
    shared.whatIf = { path: w.path, value: w.value };
  return { shared };
}
