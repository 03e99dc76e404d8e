/** Tests of page-lang.ts: the report page's `<html lang>`. */
import { describe, expect, it } from 'vitest';
import type { ReportData } from '../report-data-types.ts';
import { langOfNames, pageLang } from './page-lang.ts';

/** Just the parts of report data pageLang reads. */
function data(name: string, service: string, lang?: string): ReportData {
  const summary = {
    components: [{ id: service }],
    endpoints: [{ endpoint: `${service}/get` }],
    workloads: [{ workload: 'users' }],
  };
  return {
    scenario: { name, description: '', file: 'x.yaml', lesson: null, ...(lang ? { lang } : {}) },
    variants: [{ variant: null, summary }],
  } as unknown as ReportData;
}

describe('pageLang', () => {
  it('is "en" for English names and "ko" when a name has Hangul in it', () => {
    expect(pageLang(data('shop', 'orders'))).toBe('en');
    expect(pageLang(data('shop', '주문'))).toBe('ko');
    expect(pageLang(data('상점', 'orders'))).toBe('ko');
  });

  it('takes the scenario lang: when there is one', () => {
    expect(pageLang(data('shop', '주문', 'en'))).toBe('en');
    expect(pageLang(data('shop', 'orders', 'ko-KR'))).toBe('ko-KR');
  });

  it('detects Hangul only (Han characters alone do not say which language)', () => {
    expect(langOfNames(['注文'])).toBe('en');
    expect(langOfNames(['ㄱ'])).toBe('ko');
  });
});
