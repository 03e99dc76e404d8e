/**
 * The Korean text of a file the YAML parser refuses (messages.ts `yamlSyntax`, re-exported by
 * messages-ko.ts): the parser's sentences a Korean student meets most, explained in Korean with
 * the parser's own sentence after them in parentheses; any other sentence quoted as it is.
 */

/**
 * The YAML parser's sentences a student meets most (a tab, an indentation, a full-width colon,
 * an unclosed quote or bracket), in Korean; its own sentence follows in parentheses (it is what a
 * search finds). Any other sentence is quoted as it is.
 */
const KO_YAML_SYNTAX: [RegExp, string][] = [
  [
    /^Tabs are not allowed as indentation/,
    '들여쓰기에 탭 문자를 쓸 수 없습니다. 스페이스로 들여 쓰세요',
  ],
  [
    /^All mapping items must start at the same column/,
    '한 맵의 키들은 같은 열에서 시작해야 합니다. 들여쓰기 칸 수를 맞추세요',
  ],
  [
    /^All sequence items must start at the same column/,
    '한 목록의 항목들은 같은 열에서 시작해야 합니다. 들여쓰기 칸 수를 맞추세요',
  ],
  [
    /^Implicit keys need to be on a single line/,
    '키가 그 줄에서 끝나지 않습니다. 콜론(:) 뒤에 공백이 있는지 보세요 (전각 콜론 ：은 콜론이 아닙니다)',
  ],
  [/^Implicit map keys need to be followed by map values/, '키 뒤에 콜론(:)과 값이 없습니다'],
  [
    /^Nested mappings are not allowed in compact mappings/,
    '한 줄에 키를 둘 쓸 수 없습니다. 안쪽 맵은 다음 줄에 들여 써서 쓰세요',
  ],
  [
    /^A block sequence may not be used as an implicit map key/,
    '목록 항목(-)이 키 자리에 있습니다. "-" 뒤의 공백과 들여쓰기를 보세요',
  ],
  [/^Missing closing ["']?quote/, '닫는 따옴표가 없습니다'],
  [/^Flow map in block collection/, '{ … }가 닫히지 않았거나 충분히 들여 쓰이지 않았습니다'],
  [/^Flow sequence in block collection/, '[ … ]가 닫히지 않았거나 충분히 들여 쓰이지 않았습니다'],
];

export function yamlSyntax(firstLine: string): string {
  const known = KO_YAML_SYNTAX.find(([re]) => re.test(firstLine));
  return known === undefined
    ? `파일을 해석할 수 없습니다: ${firstLine}`
    : `파일을 해석할 수 없습니다: ${known[1]} (${firstLine})`;
}
