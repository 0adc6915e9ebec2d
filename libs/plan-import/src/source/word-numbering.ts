import { DomUtils, parseDocument } from 'htmlparser2';
import JSZip from 'jszip';
import { toChineseNumeral } from '@app/plan-parser';

/*
 * Word's automatic numbering — （一） or 1. from a list, 一、 from a heading style — is not in
 * the paragraphs' text: Word draws it from word/numbering.xml, and mammoth drops it. A plan
 * numbered that way read as paragraphs without numbers, so its items were not found. Here the
 * numbers are written into each paragraph's text as Word shows them, before mammoth reads it.
 */

interface Level {
  start: number;
  format: string;
  text: string;
  /** The paragraph style this level is bound to (a heading style numbered 一、). */
  style?: string;
}

interface AbstractNum {
  levels: Map<number, Level>;
  /** A list defined by a numbering style: the levels are that style's list's. */
  styleLink?: string;
}

interface Num {
  abstractId: string;
  /** Levels this instance restarts at a number of its own (w:startOverride). */
  starts: Map<number, number>;
}

interface Numbering {
  abstracts: Map<string, AbstractNum>;
  nums: Map<string, Num>;
  /** Paragraph and numbering styles that carry a list (w:numPr in the style), after basedOn. */
  styleLists: Map<string, { numId: string; level?: number }>;
}

const XML = { xmlMode: true, withStartIndices: true, withEndIndices: true } as const;
type Element = NonNullable<ReturnType<typeof DomUtils.findOne>>;

/** The .docx with its list numbers written into the text, or itself when it has none. */
export async function withNumberingWritten(docx: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx);
  const numberingXml = await zip.file('word/numbering.xml')?.async('string');
  const documentXml = await zip.file('word/document.xml')?.async('string');
  if (!numberingXml || !documentXml) return docx;
  const stylesXml = (await zip.file('word/styles.xml')?.async('string')) ?? '';
  // Nothing is numbered: mammoth reads the file as it came.
  if (!documentXml.includes('<w:numPr') && !stylesXml.includes('<w:numPr')) return docx;
  const written = writeNumbers(documentXml, readNumbering(numberingXml, stylesXml));
  if (written === documentXml) return docx;
  zip.file('word/document.xml', written);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const attr = (element: Element | null | undefined, name: string) =>
  element?.attribs[name] ?? undefined;
const child = (element: Element | null | undefined, name: string) =>
  element
    ? (DomUtils.findOne((e) => e.name === name, element.children, false) ?? undefined)
    : undefined;
const all = (nodes: Element['children'], name: string) =>
  DomUtils.findAll((e) => e.name === name, nodes);
const int = (value: string | undefined, fallback: number) =>
  value !== undefined && /^\d{1,4}$/.test(value) ? Number(value) : fallback;

function readNumbering(numberingXml: string, stylesXml: string): Numbering {
  const numbering = parseDocument(numberingXml, XML).children;
  const abstracts = new Map<string, AbstractNum>();
  for (const a of all(numbering, 'w:abstractNum')) {
    const levels = new Map<number, Level>();
    for (const lvl of all(a.children, 'w:lvl')) {
      levels.set(int(attr(lvl, 'w:ilvl'), 0), {
        start: int(attr(child(lvl, 'w:start'), 'w:val'), 1),
        format: attr(child(lvl, 'w:numFmt'), 'w:val') ?? 'decimal',
        text: attr(child(lvl, 'w:lvlText'), 'w:val') ?? '',
        style: attr(child(lvl, 'w:pStyle'), 'w:val'),
      });
    }
    const styleLink = attr(child(a, 'w:numStyleLink'), 'w:val');
    abstracts.set(attr(a, 'w:abstractNumId') ?? '', { levels, styleLink });
  }
  const nums = new Map<string, Num>();
  for (const n of all(numbering, 'w:num')) {
    const starts = new Map<number, number>();
    for (const o of all(n.children, 'w:lvlOverride')) {
      const start = attr(child(o, 'w:startOverride'), 'w:val');
      if (start !== undefined) starts.set(int(attr(o, 'w:ilvl'), 0), int(start, 1));
    }
    nums.set(attr(n, 'w:numId') ?? '', {
      abstractId: attr(child(n, 'w:abstractNumId'), 'w:val') ?? '',
      starts,
    });
  }
  return { abstracts, nums, styleLists: readStyleLists(stylesXml) };
}

/** Styles that number their paragraphs, each with its list, inherited along basedOn. */
function readStyleLists(stylesXml: string): Numbering['styleLists'] {
  const own = new Map<string, { numId?: string; level?: number; basedOn?: string }>();
  for (const style of all(parseDocument(stylesXml, XML).children, 'w:style')) {
    const numPr = child(child(style, 'w:pPr'), 'w:numPr');
    const level = attr(child(numPr, 'w:ilvl'), 'w:val');
    own.set(attr(style, 'w:styleId') ?? '', {
      numId: attr(child(numPr, 'w:numId'), 'w:val'),
      level: level === undefined ? undefined : int(level, 0),
      basedOn: attr(child(style, 'w:basedOn'), 'w:val'),
    });
  }
  const lists: Numbering['styleLists'] = new Map();
  for (const id of own.keys()) {
    let style = own.get(id);
    // A chain of basedOn is short in any real document; the bound stops a loop.
    for (let depth = 0; style && depth < 10; depth++) {
      if (style.numId !== undefined) {
        lists.set(id, { numId: style.numId, level: style.level });
        break;
      }
      style = style.basedOn ? own.get(style.basedOn) : undefined;
    }
  }
  return lists;
}

/** Every numbered paragraph of document.xml with its number at the start of its text. */
function writeNumbers(documentXml: string, numbering: Numbering): string {
  const counters = new Map<string, number[]>();
  const inserts: Array<{ at: number; text: string }> = [];
  for (const p of all(parseDocument(documentXml, XML).children, 'w:p')) {
    // A text box stands twice, for Word (mc:Choice) and for older readers (mc:Fallback, the one
    // mammoth reads): counted once, where mammoth will see its number.
    if (within(p, 'mc:Choice')) continue;
    const pPr = child(p, 'w:pPr');
    const label = nextLabel(numbering, counters, listOf(numbering, pPr));
    if (!label) continue;
    const at = pPr ? pPr.endIndex! + 1 : p.startIndex! + openTagLength(documentXml, p.startIndex!);
    inserts.push({ at, text: `<w:r><w:t xml:space="preserve">${escapeXml(label)}</w:t></w:r>` });
  }
  // One pass over the text, whatever the number of paragraphs.
  const pieces: string[] = [];
  let from = 0;
  for (const { at, text } of inserts) {
    pieces.push(documentXml.slice(from, at), text);
    from = at;
  }
  pieces.push(documentXml.slice(from));
  return pieces.join('');
}

function within(element: Element, name: string): boolean {
  for (let node = element.parent; node; node = node.parent) {
    if ('name' in node && node.name === name) return true;
  }
  return false;
}

function openTagLength(xml: string, start: number): number {
  return xml.indexOf('>', start) - start + 1;
}

/** The list and level a paragraph is numbered by: its own w:numPr, else its style's. */
function listOf(numbering: Numbering, pPr: Element | undefined) {
  const numPr = child(pPr, 'w:numPr');
  const numId = attr(child(numPr, 'w:numId'), 'w:val');
  const level = attr(child(numPr, 'w:ilvl'), 'w:val');
  const styleId = attr(child(pPr, 'w:pStyle'), 'w:val');
  const styled = styleId ? numbering.styleLists.get(styleId) : undefined;
  // numId 0 takes a style's numbering off the paragraph.
  const id = numId ?? styled?.numId;
  if (!id || id === '0') return undefined;
  return { numId: id, level: level === undefined ? styled?.level : int(level, 0), styleId };
}

function nextLabel(
  numbering: Numbering,
  counters: Map<string, number[]>,
  list: ReturnType<typeof listOf>,
): string | undefined {
  if (!list) return undefined;
  const num = numbering.nums.get(list.numId);
  const abstract = num && levelsOf(numbering, num.abstractId);
  if (!num || !abstract) return undefined;
  const ilvl =
    list.level ??
    [...abstract.levels].find(([, l]) => l.style && l.style === list.styleId)?.[0] ??
    0;
  const level = abstract.levels.get(ilvl);
  if (!level || level.format === 'bullet') return undefined;
  // Lists of one definition share their count unless one restarts it (w:startOverride).
  const key = num.starts.size > 0 ? `num:${list.numId}` : `abstract:${num.abstractId}`;
  const count = counters.get(key) ?? [];
  counters.set(key, count);
  const startOf = (l: number) => num.starts.get(l) ?? abstract.levels.get(l)?.start ?? 1;
  count[ilvl] = count[ilvl] === undefined ? startOf(ilvl) : count[ilvl] + 1;
  count.length = ilvl + 1; // the levels below restart
  return level.text.replace(/%([1-9])/g, (_, k: string) => {
    const l = Number(k) - 1;
    return formatNumber(count[l] ?? startOf(l), abstract.levels.get(l)?.format ?? 'decimal');
  });
}

/** The levels of a list, through a numbering style's link (bounded like basedOn). */
function levelsOf(numbering: Numbering, abstractId: string): AbstractNum | undefined {
  let abstract = numbering.abstracts.get(abstractId);
  for (let depth = 0; abstract?.styleLink && depth < 10; depth++) {
    const linked = numbering.styleLists.get(abstract.styleLink);
    const num = linked && numbering.nums.get(linked.numId);
    abstract = num ? numbering.abstracts.get(num.abstractId) : undefined;
  }
  return abstract;
}

const STEMS = '甲乙丙丁戊己庚辛壬癸';
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

/** A count written in one of Word's number formats (w:numFmt). */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'ideographDigital':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return toChineseNumeral(n);
    case 'ideographTraditional':
      return n >= 1 && n <= 10 ? STEMS[n - 1] : String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
    case 'ideographEnclosedCircle':
      return n >= 1 && n <= 20 ? CIRCLED[n - 1] : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalZero':
      return String(n).padStart(2, '0');
    case 'upperLetter':
    case 'lowerLetter': {
      // Word writes AA, BBB… past Z; past three rounds a plain number keeps labels short (a
      // list of 100,000 letters would otherwise write hundreds of megabytes).
      if (n < 1 || n > 78) return String(n);
      const letter = String.fromCharCode(65 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
      return format === 'upperLetter' ? letter : letter.toLowerCase();
    }
    case 'upperRoman':
    case 'lowerRoman':
      return format === 'upperRoman' ? roman(n) : roman(n).toLowerCase();
    case 'none':
      return '';
    default:
      return String(n);
  }
}

function roman(n: number): string {
  if (n < 1 || n > 3999) return String(n);
  const marks: Array<[number, string]> = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [value, mark] of marks)
    while (n >= value) {
      out += mark;
      n -= value;
    }
  return out;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
