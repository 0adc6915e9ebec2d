/*
 * Group phrases stand for many units (各镇(街道), 区直各相关部门). They are kept as units with
 * group: true so that a person can expand them; the known shapes are listed so that an unusual
 * phrase is flagged for review instead of being trusted.
 */

/*
 * Vague groups name no unit of their own: 各…, 其他…, …直相关单位, 属地人民政府, …部门和单位.
 * 乡镇人民政府 / 属地人民政府 without 各 are groups too (they mean every town, the town concerned),
 * and so is a place's body named without its place (街道办事处, 社区居委会 after 各乡镇人民政府).
 */
const GROUP_MARK =
  /各|^(?:其他|其它)|^(?:[省市县区]直)?(?:相关|有关)|(?:相关|有关|成员|责任)(?:部门|单位|机构)|部门和单位$|^(?:属地|所在地|当地|乡镇|乡\(镇\)|各级|辖区)(?:人民)?政府$|^(?:街道办事处|街道办|社区居委会|居委会|村委会|村\(社区\))$/;

/** Where a level of government or a department's office stands before 相关部门 / 各部门. */
const OWNER = '(?:[省市县区]直|[省市县区](?:政府|委|管委会)?|区管委会|管委会)?';
const AREA_KINDS =
  '(?:省级|市级|县级|乡级|省|市|州|盟|县|区|旗|乡|镇|村|街道|乡镇|社区|行政村|县区|区县|县市区|市县|市州|省辖市|自治州|开发区|园区|管理区|功能区|有关省级|有关地方)';

const KNOWN_GROUPS: RegExp[] = [
  // 各镇(街道), 各乡镇人民政府, 各市(州)人民政府, 各县(市、区、特区)人民政府, 各省级人民政府
  new RegExp(
    `^(?:各|相关|有关)${AREA_KINDS}(?:\\([^()]{1,12}\\))?(?:人民政府|政府|党委|党委和政府|党委、政府|管委会|办事处|街道办事处)?$`,
  ),
  // 区直各相关部门, 县直相关单位, 市政府相关单位, 其他省直有关部门和单位, 各有关部门和单位
  new RegExp(
    `^(?:其他|其它)?${OWNER}(?:各)?(?:相关|有关|其他|成员|责任|行政执法|执法|职能)?(?:行业主管|主管)?(?:部门|单位|机构)(?:和(?:部门|单位))?$`,
  ),
  /^(?:属地|所在地|当地|乡镇|乡\(镇\)|各级|辖区)(?:人民)?政府$/,
  /^各(?:村|社区|村\(社区\)|行政村)(?:委员会)?$/,
  /^(?:街道办事处|街道办|社区居委会|居委会|村委会|村\(社区\))$/,
];

export function isGroupPhrase(name: string): boolean {
  return GROUP_MARK.test(name);
}

export function isKnownGroup(name: string): boolean {
  return KNOWN_GROUPS.some((pattern) => pattern.test(name));
}

/**
 * The seed page lost 街道 from 各镇(街道), leaving 各镇(); an empty bracket after 镇 can only have
 * held it.
 */
export function repairGroup(name: string): string {
  return name.replace(/(镇|乡镇)\(\s*\)/g, '$1(街道)');
}

/** Where a group phrase starts inside a token written without a separator (区人劳局各镇()). */
export function groupStartIn(token: string): number {
  const m = /(?:[区县市]直)?各/.exec(token);
  return m ? m.index : -1;
}
