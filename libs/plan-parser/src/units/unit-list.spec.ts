import { foldWidth } from '../normalise';
import { NameDictionary, splitConcatenated } from './concatenated';
import { isKnownGroup } from './groups';
import { assignRoles, parseUnitList } from './unit-list';

const units = (content: string) => assignRoles(parseUnitList(foldWidth(content)));
const names = (content: string) => units(content).map((u) => u.name);
const roles = (content: string) => units(content).map((u) => `${u.name}:${u.role}`);

describe('unit lists', () => {
  it.each([
    ['、', '区人劳局、区财政局、区审计局'],
    ['full-width comma', '区人劳局，区财政局，区审计局'],
    ['half-width comma', '区人劳局,区财政局,区审计局'],
    ['semicolons', '区人劳局;区财政局；区审计局'],
    ['spaces', '区人劳局 区财政局　区审计局'],
    ['a label with a full-width colon', '责任单位：区人劳局、区财政局、区审计局'],
  ])('splits names separated by %s', (_, content) => {
    expect(names(content)).toEqual(['区人劳局', '区财政局', '区审计局']);
  });

  it.each([
    ['区人劳局、区经发局区建设局', ['区人劳局', '区经发局', '区建设局']],
    ['区监察室经发局区社会事业服务中心', ['区监察室', '经发局', '区社会事业服务中心']],
    ['区党办区非公党建学院区社会事业服务中心', ['区党办', '区非公党建学院', '区社会事业服务中心']],
    ['区信息中心公安分局', ['区信息中心', '公安分局']],
    ['区财政局税务分局', ['区财政局', '税务分局']],
    ['县财政局人行宿松支行', ['县财政局', '人行宿松支行']],
    ['区行政服务中心区社会事业服务中心', ['区行政服务中心', '区社会事业服务中心']],
  ])('splits %s written without separators', (content, expected) => {
    expect(names(content)).toEqual(expected);
  });

  it.each([
    ['区社会事业服务中心(卫健委)', 'a function in brackets'],
    ['区自然资源和规划分局', '和 inside a name'],
    ['区人大政协联络办公室', '办 inside 办公室'],
    ['区党工委办公室', '委 before 办公室'],
    ['区政党工委办公室', 'a typo before 办公室'],
    ['区住房和城乡建设局', '乡 inside 城乡'],
    ['区委宣传部', '区委 before a department'],
    ['区政府办公室', '区政府 before its office'],
    ['区科技局', '科 right after the area prefix'],
    ['经开公安分局', 'the 经开 prefix'],
    ['区市场监管分局', '市 inside 市场'],
    ['县工业和科技局', '科 after 和'],
    ['县人大常委会办公室', '委 inside 常委会'],
    ['县委机构编制委员会办公室', '机构 inside 机构编制'],
    ['县纪委监委', 'two organs that work as one'],
    ['县纪委监委机关', 'their office'],
    ['市生态环境局青山分局', 'a bureau and its branch'],
    ['县公安局交警大队', 'a bureau and its team'],
    ['安庆市住房公积金管理中心宿松分中心', 'a centre and its branch'],
  ])('keeps %s as one unit (%s)', (name) => {
    expect(names(name)).toEqual([name]);
  });

  it('drops 等部门 / 等单位 and keeps the names before them', () => {
    expect(names('区行政服务中心等部门,各镇()')).toEqual(['区行政服务中心', '各镇(街道)']);
    expect(names('区财政局、区审计局等单位')).toEqual(['区财政局', '区审计局']);
    expect(names('区财政局等')).toEqual(['区财政局']);
  });

  it('keeps group phrases as groups, repairs 各镇() and remembers the raw text', () => {
    expect(units('区直各相关部门,各镇()')).toEqual([
      { name: '区直各相关部门', role: 'lead', group: true, roleSource: 'order' },
      { name: '各镇(街道)', role: 'co', group: true, raw: '各镇()', roleSource: 'order' },
    ]);
    expect(names('各乡镇人民政府、各县(市、区)、区直各行政执法部门')).toEqual([
      '各乡镇人民政府',
      '各县(市、区)',
      '区直各行政执法部门',
    ]);
  });

  it('separates a group phrase written straight after a unit', () => {
    expect(units('区人劳局各镇()').map((u) => [u.name, u.group])).toEqual([
      ['区人劳局', false],
      ['各镇(街道)', true],
    ]);
  });

  it.each([
    ['区各行业主管部门', 'a bare level before it'],
    ['县政府各部门', 'a government before its departments'],
    ['市委各部门', 'a committee before its departments'],
    ['全区各镇(街道)', '全区 before it'],
  ])('keeps %s one group (%s)', (name) => {
    expect(units(name).map((u) => [u.name, u.group])).toEqual([[name, true]]);
  });

  it('knows …各行业主管部门 as a group, so it asks for no confirmation of what it is', () => {
    expect(isKnownGroup('区各行业主管部门')).toBe(true);
    expect(isKnownGroup('各行业主管部门')).toBe(true);
  });

  it('makes the first listed unit lead and the others co when no role is written', () => {
    expect(roles('责任单位:区人劳局、区财政局,各镇()')).toEqual([
      '区人劳局:lead',
      '区财政局:co',
      '各镇(街道):co',
    ]);
    expect(units('区人劳局、区财政局').every((u) => u.roleSource === 'order')).toBe(true);
  });

  it('follows explicit 牵头单位 / 配合单位 labels', () => {
    expect(roles('牵头单位:区发改委;配合单位:区财政局、区审计局')).toEqual([
      '区发改委:lead',
      '区财政局:co',
      '区审计局:co',
    ]);
    expect(roles('配合单位:区财政局;牵头单位:区发改委')).toEqual(['区财政局:co', '区发改委:lead']);
  });

  it('makes 责任单位 co when a 牵头单位 is named beside it', () => {
    expect(roles('牵头单位:区司法局;责任单位:区直各相关部门、各镇()')).toEqual([
      '区司法局:lead',
      '区直各相关部门:co',
      '各镇(街道):co',
    ]);
  });

  it('reads roles written after the names: 区发改委牵头,区财政局配合', () => {
    expect(roles('区发改委牵头,区财政局、区审计局配合')).toEqual([
      '区发改委:lead',
      '区财政局:co',
      '区审计局:co',
    ]);
  });

  it('lists a unit named twice once, with the stronger role', () => {
    expect(roles('配合单位:区财政局;牵头单位:区财政局、区审计局')).toEqual([
      '区财政局:lead',
      '区审计局:lead',
    ]);
  });

  it('takes the role of a table column as the default label', () => {
    expect(
      assignRoles(parseUnitList('区委编办、区人社局', undefined, 'lead')).map((u) => u.role),
    ).toEqual(['lead', 'lead']);
    expect(assignRoles(parseUnitList('区财政局', undefined, 'co'))[0]).toMatchObject({
      role: 'co',
      roleSource: 'label',
    });
  });
});

describe('shared suffixes', () => {
  it.each([
    ['各乡、镇人民政府', ['各乡人民政府', '各镇人民政府']],
    ['经开区、东北新城管委会', ['经开区管委会', '东北新城管委会']],
    [
      '各市〔州〕、各县〔市、区、特区〕人民政府',
      ['各市(州)人民政府', '各县(市、区、特区)人民政府'],
    ],
    ['各市、县人民政府', ['各市人民政府', '各县人民政府']],
    ['高新区、经开区管委会', ['高新区管委会', '经开区管委会']],
  ])('gives %s the suffix written once', (content, expected) => {
    expect(names(content)).toEqual(expected);
  });

  it.each([
    ['各乡镇（街道）、县委网信办', ['各乡镇(街道)', '县委网信办']],
    ['各乡镇、县财政局', ['各乡镇', '县财政局']],
    ['各街道、各社区、县民政局', ['各街道', '各社区', '县民政局']],
    ['各乡（镇）、民政局', ['各乡(镇)', '民政局']],
  ])('lends no department’s suffix to a group of places before it: %s', (content, expected) => {
    expect(names(content)).toEqual(expected);
  });

  it('takes a place’s body named without its place for a group: 街道办事处', () => {
    expect(units('各乡镇人民政府、街道办事处').map((u) => [u.name, u.group])).toEqual([
      ['各乡镇人民政府', true],
      ['街道办事处', true],
    ]);
    expect(units('城关街道办事处').map((u) => u.group)).toEqual([false]);
  });
});

describe('splitConcatenated with a directory', () => {
  const dictionary = new NameDictionary([
    { name: '区城管执法' },
    { name: '区人劳局' },
    { name: '区经济发展局', aliases: ['区经发局'] },
  ]);

  it('cuts at directory names where no suffix marks the end', () => {
    expect(splitConcatenated('区城管执法区人劳局')).toEqual(['区城管执法区人劳局']);
    expect(splitConcatenated('区城管执法区人劳局', dictionary)).toEqual(['区城管执法', '区人劳局']);
  });

  it('matches directory names without their area prefix and keeps the text as written', () => {
    expect(splitConcatenated('人劳局经发局', dictionary)).toEqual(['人劳局', '经发局']);
  });

  it('splits the unknown rest by suffixes', () => {
    expect(splitConcatenated('区人劳局区审计局区统计局', dictionary)).toEqual([
      '区人劳局',
      '区审计局',
      '区统计局',
    ]);
  });

  it('keeps a bracket and an area prefix with the directory name they belong to', () => {
    expect(splitConcatenated('经开区人劳局(社保)区城管执法', dictionary)).toEqual([
      '经开区人劳局(社保)',
      '区城管执法',
    ]);
  });

  it('keeps national and sector names whole, as without a directory', () => {
    const county = new NameDictionary([{ name: '县国资委' }, { name: '县科技局' }]);
    for (const name of [
      '人民银行宿松支行',
      '国务院国资委',
      '中央军委政治工作部',
      '进出口银行贵州省分行',
    ]) {
      expect(splitConcatenated(name, county)).toEqual([name]);
    }
    // Names the directory knows, one after another from the start, are still cut.
    expect(splitConcatenated('国资委科技局', county)).toEqual(['国资委', '科技局']);
  });

  it('reads a suffix character after 和 as the start of a word, not the end of a name', () => {
    expect(splitConcatenated('县工业和科技局')).toEqual(['县工业和科技局']);
    expect(splitConcatenated('示范区工业和科技创新委员会', dictionary)).toEqual([
      '示范区工业和科技创新委员会',
    ]);
    expect(splitConcatenated('县工业和科技局县财政局')).toEqual(['县工业和科技局', '县财政局']);
  });

  it('keeps a typo whole instead of cutting a made-up unit off a directory alias', () => {
    const withAlias = new NameDictionary([{ name: '区党工委办公室', aliases: ['党工委办公室'] }]);
    expect(splitConcatenated('区政党工委办公室', withAlias)).toEqual(['区政党工委办公室']);
    expect(splitConcatenated('区人劳局党工委办公室', withAlias)).toEqual([
      '区人劳局',
      '党工委办公室',
    ]);
  });
});

describe('names joined by 及, places sharing one 各, and a bank by its short name', () => {
  const names = (text: string) => parseUnitList(text).map((u) => u.name);

  it('splits two units or groups joined by 及 or 以及, and keeps any other 及', () => {
    expect(names('市级各有关部门及各县市区政府')).toEqual(['市级各有关部门', '各县市区政府']);
    expect(names('州委编办以及州直相关单位')).toEqual(['州委编办', '州直相关单位']);
    expect(names('县普及教育办公室')).toEqual(['县普及教育办公室']);
  });

  it('gives 各 to every place of 各县、市、区政府', () => {
    expect(names('各县、市、区政府')).toEqual(['各县政府', '各市政府', '各区政府']);
    expect(names('各乡、镇人民政府')).toEqual(['各乡人民政府', '各镇人民政府']);
  });

  it('keeps 市人行 a unit of its own instead of lending it the next name’s suffix', () => {
    expect(names('市人行、滁州经开区管委会')).toEqual(['市人行', '滁州经开区管委会']);
  });
});

describe('the lead rule a plan states with its first list', () => {
  it('drops 列第一位的为工作牵头单位或汇总单位,下同 in a bracket of its own, the first unit leading', () => {
    const units = assignRoles(
      parseUnitList(
        '市政府办公室、市级其他有关单位、各区县政府(南太湖新区管委会)(列第一位的为工作牵头单位或汇总单位,下同)',
      ),
    );
    expect(units.map((u) => `${u.name}:${u.role}`)).toEqual([
      '市政府办公室:lead',
      '市级其他有关单位:co',
      '各区县政府(南太湖新区管委会):co',
    ]);
  });
});

describe('labels and rules in the words of other plans', () => {
  const roles = (text: string) =>
    assignRoles(parseUnitList(text)).map((u) => `${u.name}:${u.role}`);

  it('drops 第一责任单位为牵头单位,下同 after the list', () => {
    expect(roles('市发改委、市财政局(第一责任单位为牵头单位,下同)')).toEqual([
      '市发改委:lead',
      '市财政局:co',
    ]);
  });

  it('reads 责任科室 and 牵头处室 as labels, as in a bureau’s own plan', () => {
    expect(roles('责任科室:组干科、机关党委')).toEqual(['组干科:lead', '机关党委:co']);
    expect(roles('牵头处室:办公室;配合处室:财务科')).toEqual(['办公室:lead', '财务科:co']);
  });
});

describe('各 given to a run of places, the run written with its own 各s', () => {
  it('gives each its 各 once', () => {
    expect(parseUnitList('各县、各市、区政府').map((u) => u.name)).toEqual([
      '各县政府',
      '各市政府',
      '各区政府',
    ]);
  });
});
