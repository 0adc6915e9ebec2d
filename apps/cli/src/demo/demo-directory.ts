import { UnitKind } from '@app/database';

/**
 * The units of the district that issued the seed plan (经开区法治政府建设实施方案, the text in
 * test/fixtures/plan-003.txt), with the other ways the plan writes them as aliases. `login` is the demo clerk's username.
 */
export interface DemoUnit {
  name: string;
  login: string;
  kind: UnitKind;
  shortName?: string;
  aliases?: string[];
  enforcement?: boolean;
}

export const DEMO_UNITS: DemoUnit[] = [
  {
    name: '区法治政府建设领导小组办公室',
    login: 'leader',
    kind: UnitKind.LeadershipOffice,
    shortName: '领导小组办公室',
  },
  { name: '区督查室', login: 'supervisor', kind: UnitKind.SupervisionOffice, shortName: '督查室' },
  { name: '区党工委办公室', login: 'dgwbgs', kind: UnitKind.Department, aliases: ['党工委办公室'] },
  { name: '区党办', login: 'dangban', kind: UnitKind.Department, aliases: ['党办'] },
  { name: '区人劳局', login: 'renlaoju', kind: UnitKind.Department, aliases: ['人劳局'] },
  { name: '区经发局', login: 'jingfaju', kind: UnitKind.Department, aliases: ['经发局'] },
  {
    name: '区建设局',
    login: 'jiansheju',
    kind: UnitKind.Department,
    aliases: ['建设局'],
    enforcement: true,
  },
  {
    name: '区市场监管分局',
    login: 'shichangjianguan',
    kind: UnitKind.Department,
    aliases: ['市场监管分局'],
    enforcement: true,
  },
  {
    name: '区社会事业服务中心',
    login: 'shehuishiye',
    kind: UnitKind.Department,
    aliases: ['社会事业服务中心', '区社会事业服务中心(卫健委)', '卫健委'],
    enforcement: true,
  },
  {
    name: '区自然资源和规划分局',
    login: 'ziranziyuan',
    kind: UnitKind.Department,
    aliases: ['自然资源和规划分局'],
    enforcement: true,
  },
  {
    name: '区行政服务中心',
    login: 'xingzhengfuwu',
    kind: UnitKind.Department,
    aliases: ['行政服务中心'],
  },
  { name: '区监察室', login: 'jianchashi', kind: UnitKind.Department, aliases: ['监察室'] },
  { name: '区信息中心', login: 'xinxizhongxin', kind: UnitKind.Department, aliases: ['信息中心'] },
  {
    name: '经开公安分局',
    login: 'gongan',
    kind: UnitKind.Department,
    aliases: ['公安分局', '区公安分局'],
    enforcement: true,
  },
  {
    name: '区应急管理局',
    login: 'yingji',
    kind: UnitKind.Department,
    aliases: ['应急管理局'],
    enforcement: true,
  },
  {
    name: '区消防救援大队',
    login: 'xiaofang',
    kind: UnitKind.Department,
    aliases: ['消防救援大队'],
    enforcement: true,
  },
  { name: '区法院', login: 'fayuan', kind: UnitKind.Other, aliases: ['法院'] },
  { name: '区信访局', login: 'xinfang', kind: UnitKind.Department, aliases: ['信访局'] },
  { name: '区发改委', login: 'fagaiwei', kind: UnitKind.Department, aliases: ['发改委'] },
  {
    name: '区人大政协联络办公室',
    login: 'renda',
    kind: UnitKind.Department,
    aliases: ['人大政协联络办公室'],
  },
  { name: '区财政局', login: 'caizheng', kind: UnitKind.Department, aliases: ['财政局'] },
  { name: '区审计局', login: 'shenji', kind: UnitKind.Department, aliases: ['审计局'] },
  { name: '区统计局', login: 'tongji', kind: UnitKind.Department, aliases: ['统计局'] },
  { name: '区非公党建学院', login: 'feigong', kind: UnitKind.Other, aliases: ['非公党建学院'] },
  { name: '后谢镇', login: 'houxie', kind: UnitKind.Town },
  { name: '湘江路管理办公室', login: 'xiangjianglu', kind: UnitKind.Town, aliases: ['湘江路街道'] },
];

export const DEMO_GROUPS = [
  {
    name: '各镇(街道)',
    aliases: ['各镇()', '各镇', '各乡镇(街道)'],
    members: (u: DemoUnit) => u.kind === UnitKind.Town,
  },
  {
    name: '区直各相关部门',
    aliases: ['区直有关部门', '各相关部门'],
    members: (u: DemoUnit) => u.kind === UnitKind.Department,
  },
  {
    name: '区直各行政执法部门',
    aliases: ['各行政执法部门'],
    members: (u: DemoUnit) => Boolean(u.enforcement),
  },
];
