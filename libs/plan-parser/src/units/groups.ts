/*
 * Group phrases stand for many units (各镇(街道), 区直各相关部门). They are kept as units with
 * group: true so that a person can expand them; the known shapes are listed so that an unusual
 * phrase is flagged for review instead of being trusted.
 */

const GROUP_MARK = /各|^(?:[区县市]直)?(?:相关|有关)|(?:相关|有关|成员)(?:部门|单位)$/;

const KNOWN_GROUPS: RegExp[] = [
  /^各(?:乡镇|镇|乡|街道)(?:\((?:街道|乡镇|街道办事处|办事处)\))?(?:人民政府|政府|党委|党委和政府|办事处)?$/,
  /^(?:[区县市]直)?各(?:相关|有关|行政执法|执法|职能|成员|责任)?(?:部门|单位)$/,
  /^各(?:县区|区县|县市区|县\(市、区\)|县\(市\)|市县|省辖市|管理区|功能区)(?:人民政府|政府)?$/,
  /^(?:[区县市]直)?(?:相关|有关|成员)(?:部门|单位)$/,
  /^各(?:村|社区|村\(社区\)|行政村)$/,
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
