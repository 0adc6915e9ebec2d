/*
 * Shared knowledge about how Chinese unit names are built: an optional area prefix (区, 经开区…),
 * a body, a type suffix (局, 中心, 办公室…) and sometimes a function in brackets.
 */

/** Longest first, so 经开区 wins over 经开 and 区. */
export const AREA_PREFIXES = ['经开区', '开发区', '高新区', '经开', '区', '县', '市'] as const;

/** Where the prefix character starts a word instead: 市场监管, 区域, 县域. */
const WORD_AFTER_PREFIX: Record<string, RegExp> = {
  区: /^[域块]/,
  市: /^[场辖]/,
  县: /^[域]/,
};

/**
 * Type suffixes that end unit names, longest first so 办公室 wins over 办 and 分局 over 局.
 * Single characters that often sit inside names (会 in 社会, 社 in 人社, 乡 in 城乡, 镇 in 城镇)
 * appear only inside longer suffixes.
 */
export const UNIT_SUFFIXES = [
  '街道办事处',
  '工商联',
  // 审计署, 海关总署; not 署 alone, which would take 决策部署 for a unit.
  '审计署',
  '总署',
  '团中央',
  '基金会',
  '监管组',
  '工作组',
  '工作专班',
  '专班',
  '开发区',
  '产业园区',
  '机构',
  '机关',
  '小组',
  '总社',
  '监会',
  '商会',
  '学会',
  '海关',
  '人民政府',
  '办事处',
  '管委会',
  '委员会',
  '联合会',
  '办公室',
  '工作站',
  '检察院',
  '派出所',
  '司法所',
  '合作社',
  '供销社',
  '分局',
  '中心',
  '大队',
  '支队',
  '中队',
  '法院',
  '学院',
  '党校',
  '政府',
  '工会',
  '协会',
  '妇联',
  '科协',
  '残联',
  '公司',
  '集团',
  '银行',
  '支行',
  '分行',
  '报社',
  '局',
  '委',
  '办',
  '室',
  '队',
  '所',
  '站',
  '院',
  '处',
  '科',
  '部',
  '馆',
  '台',
  '庭',
  '厅',
] as const;

const SUFFIX_SET: ReadonlySet<string> = new Set(UNIT_SUFFIXES);
const MAX_SUFFIX_LENGTH = Math.max(...UNIT_SUFFIXES.map((s) => s.length));

export function areaPrefixOf(name: string): string | undefined {
  for (const prefix of AREA_PREFIXES) {
    if (!name.startsWith(prefix) || name.length === prefix.length) continue;
    const rest = name.slice(prefix.length);
    if (WORD_AFTER_PREFIX[prefix]?.test(rest)) continue;
    return prefix;
  }
  return undefined;
}

/** 区经发局 → 经发局, 经开公安分局 → 公安分局; names without a prefix come back unchanged. */
/** 等部门 / 等单位 / 等有关部门和单位 / 等 end a list ("and others"); they name nobody. */
export const ETC = /等(?:相关|有关|其他)?(?:部门|单位|机构)?(?:和(?:部门|单位))?$/;
/** A role written in brackets after a name: 市住房城乡建设局(牵头), 县财政局(配合). */
export const ROLE_MARK = /\((牵头(?:单位)?|主责|主办|配合(?:单位)?|协办|参与|协助)\)$/;

export function stripAreaPrefix(name: string): string {
  const prefix = areaPrefixOf(name);
  return prefix ? name.slice(prefix.length) : name;
}

/** The longest unit suffix that starts at `index`, if any. */
export function suffixAt(text: string, index: number): string | undefined {
  for (let len = Math.min(MAX_SUFFIX_LENGTH, text.length - index); len > 0; len--) {
    const candidate = text.slice(index, index + len);
    if (SUFFIX_SET.has(candidate)) return candidate;
  }
  return undefined;
}

export function isSuffixOnly(text: string): boolean {
  return SUFFIX_SET.has(text);
}

/**
 * A bank's branch by its short name (市人行, 县农发行) ends a unit's name, though a name written
 * run on (县财政局人行宿松支行) is not cut after it.
 */
const BANK_SHORT = /(?:人行|农发行)$/;

export function endsWithUnitSuffix(text: string): boolean {
  const base = splitBracket(text).base;
  if (BANK_SHORT.test(base)) return true;
  for (let len = Math.min(MAX_SUFFIX_LENGTH, base.length); len > 0; len--) {
    if (SUFFIX_SET.has(base.slice(base.length - len))) return true;
  }
  return false;
}

/** 区社会事业服务中心(卫健委) → base 区社会事业服务中心, bracket 卫健委. */
export function splitBracket(name: string): { base: string; bracket?: string } {
  if (!name.endsWith(')')) return { base: name };
  const open = name.lastIndexOf('(');
  if (open <= 0) return { base: name };
  const bracket = name.slice(open + 1, -1);
  return bracket ? { base: name.slice(0, open), bracket } : { base: name };
}

/** Name comparison key: width folded, no spaces, no trailing punctuation. */
export function cleanName(name: string): string {
  return name
    .replace(/\s+/g, '')
    .replace(/^[、,;:.。]+|[、,;:.。]+$/g, '')
    .replace(/^(?:以及|及|和|与)(?=.{2})/, '');
}
