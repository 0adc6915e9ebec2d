/** One entry of the caller's unit directory (the units already known to the system). */
export interface UnitDirectoryEntry {
  id?: string;
  name: string;
  shortName?: string;
  aliases?: string[];
}

/** How a written unit name was matched against the directory. */
export type MatchKind = 'exact' | 'alias' | 'prefix' | 'bracket' | 'fuzzy' | 'ambiguous' | 'none';

export interface UnitMatch {
  /** The name as given to matchUnits. */
  name: string;
  kind: MatchKind;
  /** The directory entry matched (absent for `ambiguous` and `none`). */
  entry?: UnitDirectoryEntry;
  /** For `ambiguous`: the entries that fit equally well; a person has to choose. */
  candidates?: UnitDirectoryEntry[];
  /** For `fuzzy`: the edit distance between the compared names. */
  distance?: number;
  /** For `none`: the unit to create. Unknown names are proposed, never dropped. */
  proposal?: { name: string };
}

export type UnitRole = 'lead' | 'co';

export interface UnitRef {
  /** Normalised name as written (half-width punctuation, repaired group phrase). */
  name: string;
  role: UnitRole;
  /** True for a phrase that stands for many units, e.g. 各镇(街道). */
  group: boolean;
  /** The text as it stood in the document, when normalising changed it (e.g. 各镇()). */
  raw?: string;
  /** A function written in brackets after the name, e.g. 卫健委 in 区社会事业服务中心(卫健委). */
  bracket?: string;
  /** How the document assigned the role: by label (牵头/配合) or by position in the list. */
  roleSource: 'label' | 'order';
  /** Present when parsePlan was given a directory. */
  match?: UnitMatch;
}

export type DeadlineKind = 'date' | 'recurring' | 'relative';

export interface ItemDeadline {
  text: string;
  kind: DeadlineKind;
  dueOn?: string;
  count?: number;
  per?: 'year' | 'half' | 'quarter' | 'month' | 'week' | 'term';
  unit?: string;
  /** kind 'recurring': the clause it stands in, with its subject (区政府常务会议学法每年不少于4次). */
  subject?: string;
  workingDays?: number;
  days?: number;
  months?: number;
  /** 1-based line of the document the phrase stands on. */
  line: number;
}

export interface Task {
  number: number;
  numberText: string;
  title: string;
  body: string;
  line: number;
  units: UnitRef[];
  deadlines: ItemDeadline[];
  dueOn?: string;
}

export interface Item {
  number: number;
  numberText: string;
  title: string;
  body: string;
  preamble: boolean;
  units: UnitRef[];
  deadlines: ItemDeadline[];
  /** Earliest date deadline of the item, else the plan default; absent for preamble items. */
  dueOn?: string;
  dueOnSource?: 'item' | 'plan';
  /** 1-based first and last line of the item in the document. */
  line: number;
  lineEnd: number;
  /** The unit lists as written, e.g. `〔责任单位:…〕`. */
  unitsText: string[];
  /** Numbered measures inside the item (`1.`/`(1)` under `(一)`), each tracked on its own. */
  tasks: Task[];
  /**
   * Where the units came from: the item's own text, its tasks (the union), or a unit line given
   * once for the whole chapter. Absent when the item has no units.
   */
  unitsFrom?: 'item' | 'tasks' | 'section';
  /** The (一) heading the item stands under, when the numbered measures are the items. */
  under?: { numberText: string; title: string; line: number };
  /** Dates in the item's text that are not its deadlines (conditions, cut-offs, periods). */
  otherDates?: OtherDate[];
}

/** A date the parser found but did not take as a deadline, and why. */
export interface OtherDate {
  text: string;
  /** `condition`: 2021年11月24日前取得…的; `period`: 2019年1月1日至12月31日, 从…起, 延至…; `mention`: a date with no time-limit word. */
  reason: 'condition' | 'period' | 'mention';
  /** The first day of a period, when the text gives one. */
  startOn?: string;
  /** The last day the text names (the period's end, the condition's cut-off). */
  endOn?: string;
  line: number;
}

export interface Section {
  /** 0 for the implicit section of a document that has items but no chapters. */
  number: number;
  numberText: string;
  title: string;
  line: number;
  /** Paragraphs between the chapter heading and its first item. */
  intro: string;
  /** Units given once for all the chapter's items (a unit line before or after its items). */
  units?: UnitRef[];
  preamble: boolean;
  items: Item[];
}

export interface PlanMeta {
  title?: string;
  docNumber?: string;
  issuers: string[];
  issuedOn?: string;
  periodStart?: string;
  periodEnd?: string;
  defaultDueOn?: string;
  /** `closing`: read from the closing paragraph; `period`: the end of the plan period. */
  defaultDueOnSource?: 'closing' | 'period';
  layout: 'prose' | 'table';
}

export interface ParseWarning {
  /** 1-based line number in the text passed in. */
  line: number;
  /** The line (or the part of it) concerned, shortened when long. */
  text: string;
  /** For people, in Chinese. */
  message: string;
  /** For programs and tests. */
  code: WarningCode;
}

export type WarningCode =
  | 'CONTROL_CHARS_REMOVED'
  | 'DOC_NUMBER_REPAIRED'
  | 'NO_TITLE'
  | 'NO_PERIOD'
  | 'NO_DEFAULT_DUE'
  | 'UNRECOGNISED_PARAGRAPH'
  | 'ITEM_WITHOUT_UNITS'
  | 'UNBALANCED_BRACKETS'
  | 'GROUP_REPAIRED'
  | 'UNKNOWN_GROUP'
  | 'NUMBERING'
  | 'TASK_OUTSIDE_ITEM'
  | 'TABLE_ROW'
  | 'LONG_TITLE'
  | 'UNIT_NOT_IN_DIRECTORY'
  | 'UNIT_AMBIGUOUS'
  | 'UNIT_NOT_SPLIT'
  | 'DATE_NOT_DEADLINE'
  | 'DEADLINE_BEFORE_ISSUE'
  | 'TOO_MANY_WARNINGS';

export interface Paragraph {
  line: number;
  text: string;
}

export interface ParseResult {
  plan: PlanMeta;
  sections: Section[];
  warnings: ParseWarning[];
  /** Lines before the first chapter that are not page chrome (notice, recipients, intro). */
  preface: Paragraph[];
  /** Paragraphs after the last item (closing words, signature). */
  closing: Paragraph[];
  /** Web-page chrome that was skipped (设为首页, 上一篇/下一篇, timestamps). */
  ignored: Paragraph[];
}

export interface ParseOptions {
  /** Known units: used to split names written without separators and to match each unit. */
  directory?: UnitDirectoryEntry[];
}
