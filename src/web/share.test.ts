/** Tests of share.ts: links round-trip, and a fragment is hostile data (size, shape, bombs). */
import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeShare, encodeShare, MAX_SHARED_BYTES } from './share.ts';

function fragmentOf(json: string): string {
  const bytes = deflateSync(strToU8(json));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `#s=${btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')}`;
}

describe('share links', () => {
  it('round-trip the file, the text (any characters) and the what-if value', () => {
    const shared = {
      file: 'scenarios/shop.yaml',
      text: 'name: shop\ndescription: "é ∥ 🛒 </script> <!--"\n',
      whatIf: { path: 'services.orders.threads', value: 8 },
    };
    const hash = encodeShare(shared);
    expect(hash).toMatch(/^#s=[A-Za-z0-9_-]+$/);
    expect(decodeShare(hash)).toEqual({ shared });
    expect(decodeShare(encodeShare({ file: 'a.yaml', text: '' }))).toEqual({
      shared: { file: 'a.yaml', text: '' },
    });
  });

  it('compresses: a shipped-size scenario fits a link', () => {
    const text = 'services:\n  orders:\n    threads: 50\n'.repeat(200);
    expect(encodeShare({ file: 'x.yaml', text }).length).toBeLessThan(text.length / 10);
  });

  it('ignores fragments that are no share link', () => {
    expect(decodeShare('')).toBeUndefined();
    expect(decodeShare('#section-2')).toBeUndefined();
  });

  it('refuses what is not its format, with a reason', () => {
    for (const hash of ['#s=***', '#s=AAAA', fragmentOf('[1]'), fragmentOf('{"v":2,"text":""}')])
      expect(decodeShare(hash)).toHaveProperty('problem');
    expect(decodeShare(fragmentOf('{"v":1,"text":5}'))).toEqual({
      problem: 'the link holds no scenario text',
    });
    // in the page's language: a Korean page says it in Korean
    expect(decodeShare(fragmentOf('{"v":1,"text":5}'), 'ko')).toEqual({
      problem: '링크에 시나리오 내용이 없습니다',
    });
    expect(decodeShare('#s=***', 'ko')).toEqual({ problem: '공유 링크 형식이 아닙니다' });
  });

  it('stops inflating a bomb at the cap', () => {
    const bomb = fragmentOf(`{"v":1,"text":"${'a'.repeat(MAX_SHARED_BYTES + 10)}"}`);
    expect(bomb.length).toBeLessThan(10_000);
    expect(decodeShare(bomb)).toEqual({
      problem: expect.stringMatching(
        /cannot be decoded \(the link's scenario is larger than 1024 KB\)/,
      ),
    });
  });

  it('keeps a hostile file name or what-if out: the text is only ever data', () => {
    const decoded = decodeShare(
      fragmentOf(
        JSON.stringify({
          v: 1,
          file: '<img src=x onerror=alert(1)>.yaml',
          text: 'name: x',
          whatIf: { path: 'a.__proto__"><b>', value: 1 },
        }),
      ),
    );
    expect(decoded).toEqual({ shared: { file: 'shared.yaml', text: 'name: x' } });
    const nan = decodeShare(
      fragmentOf(JSON.stringify({ v: 1, text: '', whatIf: { path: 'a.b', value: '1' } })),
    );
    expect(nan).toEqual({ shared: { file: 'shared.yaml', text: '' } });
  });
});
