/**
 * The texts of problems in the data files a workload replays (a CSV of arrival times or of
 * rate points, an OTLP/JSON trace file): one function per problem, as in messages.ts (which
 * re-exports them). Where they are found: model/replay/ (the rows), cli/workload-files.ts (the
 * files).
 */
import type { IssueCode, KoText } from './issues.ts';
import * as ko from './messages-ko-data.ts';
import { guessOr } from './messages-values.ts';
import { sortedNames } from './suggest.ts';

/** The text of one issue (messages.ts IssueText; not imported from there: no import loop). */
interface IssueText {
  code: IssueCode;
  message: string;
  hint?: string;
  ko?: KoText;
}

/** The file cannot be read (missing, not a regular file, too large, not UTF-8 text). */
export function dataFileUnreadable(file: string, why: string): IssueText {
  return {
    code: 'data-file',
    message: `cannot read the data file ${JSON.stringify(file)}: ${why}`,
    hint: 'the path is relative to the scenario file; give a regular file (not a link, a folder or a device)',
    ko: ko.dataFileUnreadable(file, why),
  };
}

/** A column named in the scenario is not in the file's header. */
export function unknownColumn(role: string, name: string, columns: readonly string[]): IssueText {
  const known = sortedNames(columns).join(', ');
  return {
    code: 'data-column',
    message: `no ${role} column ${JSON.stringify(name)} in the header; its columns: ${known === '' ? '(none)' : known}`,
    hint: guessOr(
      name,
      columns,
      (guess) => `did you mean "${guess}"? (or name the column in the scenario: ${role}: <column>)`,
      `name the column in the scenario (${role}: <column>), or add a header row that has it`,
    ),
    ko: ko.unknownColumn(role, name, columns),
  };
}

/** A row with fewer cells than the header needs. */
export function missingCell(column: string, cells: number): IssueText {
  return {
    code: 'data-value',
    message: `the row has ${cells} cell${cells === 1 ? '' : 's'}, none for column ${JSON.stringify(column)}`,
    hint: 'every row needs a value in each column the scenario reads',
    ko: ko.missingCell(column, cells),
  };
}

/** A cell that is not a time. */
export function badTime(text: string, unit: 's' | 'ms'): IssueText {
  return {
    code: 'data-value',
    message: `expected a time, found ${JSON.stringify(text.slice(0, 60))}`,
    hint: `a number of ${unit === 's' ? 'seconds' : 'milliseconds'} from the start (0 or more), or an ISO 8601 date-time such as 2024-05-01T12:00:00.250Z; one kind per file`,
    ko: ko.badTime(text, unit),
  };
}

/** A number where a date-time was expected, or the reverse. */
export function mixedTimes(first: 'number' | 'date-time'): IssueText {
  return {
    code: 'data-value',
    message: `this time is not a ${first}, as the first row's is`,
    hint: 'a file holds numbers of seconds (or ms) from the start, or ISO 8601 date-times, not both',
    ko: ko.mixedTimes(first),
  };
}

/** A cell that is not a rate. */
export function badRate(text: string): IssueText {
  return {
    code: 'data-value',
    message: `expected a rate (requests per second, 0 or more), found ${JSON.stringify(text.slice(0, 60))}`,
    hint: 'for example 120 or 0.5',
    ko: ko.badRate(text),
  };
}

/** An endpoint cell that names no target of the workload. */
export function unknownRowEndpoint(text: string, targets: readonly string[]): IssueText {
  return {
    code: 'data-value',
    message: `${JSON.stringify(text.slice(0, 80))} is not a target of this workload; its targets: ${sortedNames(targets).join(', ')}`,
    hint: guessOr(
      text,
      targets,
      (guess) => `did you mean "${guess}"?`,
      'list every endpoint the file names in the workload’s mix: (service/endpoint), or leave the cell empty to choose by the mix',
    ),
    ko: ko.unknownRowEndpoint(text, targets),
  };
}

/** A time earlier than the row before it. */
export function timeBackwards(previousLine: number): IssueText {
  return {
    code: 'data-order',
    message: `this time is earlier than the one on line ${previousLine}`,
    hint: 'sort the file by time (e.g. sort -t, -k1,1 -g); msasim streams it and does not sort',
    ko: ko.timeBackwards(previousLine),
  };
}

/** A quoted cell left open, or text after its closing quote. */
export function badQuote(): IssueText {
  return {
    code: 'data-value',
    message: 'a quoted cell is not closed on its line, or text follows its closing quote',
    hint: 'quote a cell as "text", doubling a quote inside it (""); a cell cannot span lines',
    ko: ko.badQuote(),
  };
}

/** A line longer than the reader's bound. */
export function lineTooLong(maxBytes: number): IssueText {
  return {
    code: 'data-value',
    message: `the line is longer than ${maxBytes} bytes`,
    hint: 'a row of a data file is a few cells; is this the right file?',
    ko: ko.lineTooLong(maxBytes),
  };
}

/** A line of a data file that is not UTF-8 (an invalid byte at the column). */
export function dataNotUtf8(): IssueText {
  return {
    code: 'data-value',
    message: 'the file is not UTF-8 text here (a byte that is not part of a UTF-8 character)',
    hint: 'save the file as UTF-8 (Excel on Korean Windows saves "CSV" as CP949: choose "CSV UTF-8")',
    ko: ko.dataNotUtf8(),
  };
}

/** A file with no header row or no data rows. */
export function noRows(what: 'header' | 'rows'): IssueText {
  return {
    code: 'data-value',
    message:
      what === 'header'
        ? 'the file is empty: it needs a header row'
        : 'the file has a header but no rows',
    hint: 'the first line names the columns (e.g. time,endpoint), each next line is one row',
    ko: ko.noRows(what),
  };
}

/** An OTLP/JSON file whose structure is not that of an export. */
export function badOtlp(what: string): IssueText {
  return {
    code: 'data-value',
    message: `not an OTLP/JSON trace export: ${what}`,
    hint: 'expected {"resourceSpans":[{"scopeSpans":[{"spans":[{"startTimeUnixNano":"…", …}]}]}]}, as Jaeger, Tempo or msasim --trace write it',
    ko: ko.badOtlp(what),
  };
}
