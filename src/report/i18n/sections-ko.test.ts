/**
 * The Korean words of the sections translated after the first pass of issue 17, on the
 * feature-rich hostile scenario's page: the readers' cards (whole sentences around the figures,
 * the anomaly's own words as the run recorded them), the messages' examples and the data
 * damage; and the second glossary file adding terms, never overriding one of ko-terms.ts.
 */
import { describe, expect, it } from 'vitest';
import { featureRichResults } from '../../test-support/hostile.ts';
import { visibleText } from '../../test-support/page-text.ts';
import { NO_LIBRARIES } from '../../test-support/report-data.ts';
import { REPORT_FEATURES } from '../features/registry.ts';
import { buildReportHtml } from '../html/page.ts';
import { buildReportData } from '../report-data.ts';
import { KO_REPORT_TERMS } from './ko-terms.ts';
import { KO_CHART_TERMS } from './ko-terms-charts.ts';
import { KO_SECTION_TERMS } from './ko-terms-sections.ts';
import { term } from './t.ts';

const koreanPage = async () =>
  buildReportHtml(buildReportData(await featureRichResults()), NO_LIBRARIES, REPORT_FEATURES, 'ko');

describe('the Korean page of the feature-rich scenario', () => {
  it('words the readers’ cards in Korean around the figures', async () => {
    const page = await koreanPage();
    expect(page).toContain(
      '<span class="anomaly-reader">settlement: 사가 pay-order 읽음, 컷오프 1,000 ms</span>',
    );
    expect(page).toMatch(
      /<p>읽기 [\d,]+번 중 <strong>[\d,]+<\/strong>번\([\d.]+ %\)은 더티 리드입니다\. /,
    );
    expect(page).toMatch(/<p>읽기 [\d,]+번 모두 정상입니다 \(더티 리드 없음\)\.<\/p>/);
    expect(page).toContain('<span class="anomaly-label">첫 번째</span>');
    const text = visibleText(page);
    for (const english of [
      'reading saga',
      'reads were',
      'No dirty reads',
      'The first',
      'The worst',
    ])
      expect(text).not.toContain(english);
  });

  it('words the messages’ examples and the data damage in Korean', async () => {
    const page = await koreanPage();
    expect(page).toContain('<h3>종류별 예시 하나</h3>');
    expect(page).toMatch(/<li><b>timeouts<\/b>, 두 번 적용: /);
    expect(page).toContain('유실된 메시지 3건 (billing)');
    expect(page).toContain('불일치로 남은 사가');
    const text = visibleText(page);
    for (const english of ['One example of each', 'applied twice:', 'sagas left inconsistent'])
      expect(text).not.toContain(english);
  });
});

describe('the glossary of the item sections', () => {
  it('calls the unsynced keys of replicated data by one word, key metric and column alike', () => {
    // before: the key metric said 어긋난 (the diverged reads' word) where its column says 불일치
    expect(term('ko', 'keys left unsynced')).toContain(term('ko', 'unsynced'));
  });

  it('adds terms and overrides none of ko-terms.ts', () => {
    const both = Object.keys(KO_SECTION_TERMS).filter((k) => k in KO_REPORT_TERMS);
    expect(both).toEqual([]);
    expect(Object.keys(KO_SECTION_TERMS).length).toBeGreaterThan(80);
  });

  it('the charts’ words (ko-terms-charts.ts) override none of the other two files', () => {
    const others = { ...KO_REPORT_TERMS, ...KO_SECTION_TERMS };
    expect(Object.keys(KO_CHART_TERMS).filter((k) => k in others)).toEqual([]);
  });
});
