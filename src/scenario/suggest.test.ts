/** Tests of suggest.ts: edit distance and the "did you mean" choice. */
import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance } from './suggest.ts';

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', 'abc')).toBe(0);
  });

  it('counts a swap of neighbouring letters as one edit', () => {
    expect(editDistance('ordres', 'orders')).toBe(1);
    expect(editDistance('ca', 'ac')).toBe(1);
  });
});

describe('didYouMean', () => {
  it('suggests the closest candidate within the allowed distance', () => {
    expect(didYouMean('custmer', ['customers', 'orders'])).toBe('customers');
    expect(didYouMean('timout', ['call', 'timeout'])).toBe('timeout');
  });

  it('ignores case but answers with the candidate as written', () => {
    expect(didYouMean('ORDERS', ['orders', 'users'])).toBe('orders');
    expect(didYouMean('queuecapacity', ['queueCapacity'])).toBe('queueCapacity');
  });

  it('allows one edit for short words and a third of the length for long ones', () => {
    expect(didYouMean('db', ['dc'])).toBe('dc');
    expect(didYouMean('db', ['xy'])).toBeUndefined();
    expect(didYouMean('loadbalancr', ['loadBalancer'])).toBe('loadBalancer');
    expect(didYouMean('abcdef', ['uvwxyz'])).toBeUndefined();
  });

  it('accepts a candidate that starts with the input, or that the input starts with', () => {
    expect(didYouMean('ord', ['orders', 'users'])).toBe('orders');
    expect(didYouMean('orders-service', ['orders'])).toBe('orders');
  });

  it('does not treat one or two letters as a prefix match', () => {
    expect(didYouMean('o', ['orders'])).toBeUndefined();
  });

  it('breaks ties by sorted order, whatever the order of the candidates', () => {
    expect(didYouMean('cat', ['cut', 'bat'])).toBe('bat');
    expect(didYouMean('cat', ['bat', 'cut'])).toBe('bat');
  });

  it('prefers a closer candidate over one that sorts first', () => {
    expect(didYouMean('exponental', ['erlang', 'exponential'])).toBe('exponential');
  });

  it('returns undefined when there are no candidates', () => {
    expect(didYouMean('cpu', [])).toBeUndefined();
  });
});

describe('didYouMean on long lists (a file of thousands of names)', () => {
  const names = Array.from({ length: 5000 }, (_, i) => `service-${i}`);

  it('answers as on a short list', () => {
    expect(didYouMean('servise-42', names)).toBe('service-42');
    expect(didYouMean('service-4999x', names)).toBe('service-4999');
    expect(didYouMean('zzz', names)).toBeUndefined();
  });

  it('stops suggesting after 200 questions about the same long list, to stay linear', () => {
    // a list of 201 names is long (over 200) as one of 5,000 is, and 25 times quicker to search
    const long = names.slice(0, 201);
    const list = [...long];
    const answers = Array.from({ length: 250 }, (_, i) => didYouMean(`servise-${i}`, list));
    expect(answers.slice(0, 200).every((a, i) => a === `service-${i}`)).toBe(true);
    expect(answers.slice(200).every((a) => a === undefined)).toBe(true);
    // another list (another document) is asked afresh
    expect(didYouMean('servise-7', [...long])).toBe('service-7');
    // a list of 200 is not long: it answers every question
    const short = names.slice(0, 200);
    const shortAnswers = Array.from({ length: 250 }, (_, i) =>
      didYouMean(`servise-${i % 200}`, short),
    );
    expect(shortAnswers.every((a, i) => a === `service-${i % 200}`)).toBe(true);
  });

  it('gives the same distance with an early stop when it is within the limit', () => {
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
    expect(editDistance('abcdefgh', 'zyxwvuts', 2)).toBeGreaterThan(2);
  });
});

describe('didYouMean in Hangul', () => {
  it('compares syllables by their jamo: one wrong vowel is one small edit', () => {
    expect(editDistance('결재'.normalize('NFD'), '결제'.normalize('NFD'))).toBe(1);
    expect(didYouMean('결재', ['결제', '주문'])).toBe('결제');
    expect(didYouMean('주먼', ['결제', '주문'])).toBe('주문');
  });

  it('gives a Korean name of three syllables room for two wrong jamo', () => {
    // syllable by syllable this is two edits in three letters: too far; as jamo, two in eight
    expect(didYouMean('조문사', ['주문서', '결제'])).toBe('주문서');
  });

  it('answers with the name as written (composed), never its decomposed form', () => {
    const answer = didYouMean('주문서비', ['주문서비스']);
    expect(answer).toBe('주문서비스');
    expect(answer).toBe(answer?.normalize('NFC'));
  });

  it('does not suggest an unrelated Korean name', () => {
    expect(didYouMean('배송', ['결제', '주문'])).toBeUndefined();
  });
});
