/**
 * The editor's own words in Korean: the phrases CodeMirror's packages say (the search panel's
 * Find / Replace / match case…, the lint panel's Diagnostics, the completion list's label,
 * go-to-line), given to `EditorState.phrases` when the page reads Korean (editor.ts). English
 * is CodeMirror's own. editor-phrases.test.ts checks this against the phrases the packages'
 * code asks for, so an upgrade that adds one fails the test rather than showing English.
 */
export const EDITOR_PHRASES_KO: Readonly<Record<string, string>> = {
  Find: '찾기',
  Replace: '바꾸기',
  next: '다음',
  previous: '이전',
  all: '모두',
  'match case': '대소문자 구분',
  regexp: '정규식',
  'by word': '단어 단위',
  replace: '바꾸기',
  'replace all': '모두 바꾸기',
  close: '닫기',
  'current match': '현재 일치',
  'on line': '줄',
  'replaced $ matches': '$개를 바꿨습니다',
  'replaced match on line $': '$번째 줄의 일치 항목을 바꿨습니다',
  'Go to line': '줄로 이동',
  go: '이동',
  Diagnostics: '진단',
  'No diagnostics': '진단 없음',
  Completions: '자동 완성',
  'Control character': '제어 문자',
  'Selection deleted': '선택 영역 삭제됨',
};
