import { editDistance, matchUnits } from './matching';
import type { UnitDirectoryEntry } from './types';

const DIRECTORY: UnitDirectoryEntry[] = [
  { id: 'jfj', name: '区经发局' },
  { id: 'gaj', name: '经开公安分局' },
  { id: 'db', name: '区党办' },
  { id: 'sh', name: '区社会事业服务中心' },
  { id: 'dgw', name: '区党工委办公室' },
  { id: 'rlj', name: '区人力资源和劳动保障局', shortName: '区人劳局', aliases: ['人劳局'] },
  { id: 'czj', name: '区财政局' },
  { id: 'mzj', name: '区民政局' },
];

const one = (name: string, directory = DIRECTORY) => matchUnits([name], directory)[0];

describe('matchUnits', () => {
  it('matches the same name exactly, ignoring width and spaces', () => {
    expect(one('区财政局')).toMatchObject({ kind: 'exact', entry: { id: 'czj' } });
    expect(one(' 区 财政局 ')).toMatchObject({ kind: 'exact', entry: { id: 'czj' } });
  });

  it('matches a short name or alias as alias', () => {
    expect(one('区人劳局')).toMatchObject({ kind: 'alias', entry: { id: 'rlj' } });
    expect(one('人劳局')).toMatchObject({ kind: 'alias', entry: { id: 'rlj' } });
  });

  it.each([
    ['经发局', 'jfj'],
    ['公安分局', 'gaj'],
    ['党办', 'db'],
    ['经开区经发局', 'jfj'],
  ])('matches %s without its area prefix as prefix', (name, id) => {
    expect(one(name)).toMatchObject({ kind: 'prefix', entry: { id } });
  });

  it('offers the same name written for another area as fuzzy, for a person to confirm', () => {
    // A district's directory: 市财政局 and 县财政局 are other levels' units, or a slip.
    for (const name of ['市财政局', '县财政局', '市社会事业服务中心(卫健委)']) {
      expect([name, one(name).kind]).toEqual([name, 'fuzzy']);
    }
    expect(one('市财政局').entry).toMatchObject({ id: 'czj' });
    // No area written, or the district's own under a longer name (区 is short for it), is the same unit.
    expect(one('财政局')).toMatchObject({ kind: 'prefix', entry: { id: 'czj' } });
    expect(one('经开区财政局')).toMatchObject({ kind: 'prefix', entry: { id: 'czj' } });
  });

  it('matches a name with a bracketed function as bracket', () => {
    expect(one('区社会事业服务中心(卫健委)')).toMatchObject({
      kind: 'bracket',
      entry: { id: 'sh' },
    });
    expect(one('社会事业服务中心(卫健委)')).toMatchObject({ kind: 'bracket', entry: { id: 'sh' } });
  });

  it('matches a close typo as fuzzy with its distance', () => {
    expect(one('区政党工委办公室')).toEqual({
      name: '区政党工委办公室',
      kind: 'fuzzy',
      entry: DIRECTORY[4],
      distance: 1,
    });
  });

  it('does not fuzzy-match short names that differ by one character', () => {
    // 区财政局 and 区民政局 are two real units; 区审计局 is neither.
    expect(one('区审计局')).toMatchObject({ kind: 'none', proposal: { name: '区审计局' } });
  });

  it('offers the full name a short name (简称) stands for, to be confirmed as fuzzy', () => {
    const county: UnitDirectoryEntry[] = [
      ...[
        '县发展和改革局',
        '县人力资源和社会保障局',
        '县市场监督管理局',
        '县卫生健康委员会',
        '县自然资源和规划局',
        '县农业农村局',
        '贵州银保监局',
        '县文化和旅游局',
        '县文化广电和旅游局',
        '各有关省级人民政府',
      ].map((name, i) => ({ id: String(i), name })),
      // An alias without the area does not make the unit another area's.
      { id: 'qz', name: '区住房和城乡建设局', aliases: ['住房和城乡建设局'] },
    ];
    const seen = (name: string) => {
      const m = matchUnits([name], county)[0];
      return [m.kind, m.entry?.name ?? m.candidates?.map((c) => c.name).join('|') ?? ''];
    };
    expect(seen('县发改局')).toEqual(['fuzzy', '县发展和改革局']);
    expect(seen('县人社局')).toEqual(['fuzzy', '县人力资源和社会保障局']);
    expect(seen('县市场监管局')).toEqual(['fuzzy', '县市场监督管理局']);
    expect(seen('县卫健委')).toEqual(['fuzzy', '县卫生健康委员会']);
    expect(seen('县自然资源局')).toEqual(['fuzzy', '县自然资源和规划局']);
    // Two units fit: a person chooses.
    expect(seen('县文旅局')).toEqual(['ambiguous', '县文化和旅游局|县文化广电和旅游局']);
    // Only the opening of a longer name, another area, or a group phrase: no guess.
    expect(seen('县农业局')).toEqual(['none', '']);
    expect(seen('贵州局')).toEqual(['none', '']);
    expect(seen('市发改局')).toEqual(['none', '']);
    expect(seen('县住建局')).toEqual(['none', '']);
    expect(seen('区住建局')).toEqual(['fuzzy', '区住房和城乡建设局']);
    expect(seen('各省级人民政府')).toEqual(['none', '']);
  });

  it('reports ambiguity instead of choosing between two units that fit equally', () => {
    const directory = [
      { id: 'a', name: '区市场监管一分局' },
      { id: 'b', name: '区市场监管二分局' },
      { id: 'c', name: '县公安分局' },
      { id: 'd', name: '经开公安分局' },
    ];
    const fuzzy = one('区市场监管三分局', directory);
    expect(fuzzy.kind).toBe('ambiguous');
    expect(fuzzy.candidates?.map((c) => c.id)).toEqual(['a', 'b']);
    expect(fuzzy.entry).toBeUndefined();
    expect(one('公安分局', directory)).toMatchObject({
      kind: 'ambiguous',
      candidates: [{ id: 'c' }, { id: 'd' }],
    });
  });

  it('proposes unknown names as new units instead of dropping them', () => {
    const result = matchUnits(['区信访局', '区财政局', '各镇(街道)'], DIRECTORY);
    expect(result.map((m) => m.kind)).toEqual(['none', 'exact', 'none']);
    expect(result[0].proposal).toEqual({ name: '区信访局' });
    expect(result[2].proposal).toEqual({ name: '各镇(街道)' });
  });

  it('answers one match per name, in order, even for an empty directory', () => {
    expect(matchUnits(['a', 'b'], []).map((m) => [m.name, m.kind])).toEqual([
      ['a', 'none'],
      ['b', 'none'],
    ]);
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('政党工委办公室', '党工委办公室', 3)).toBe(1);
    expect(editDistance('财政局', '民政局', 3)).toBe(1);
    expect(editDistance('abc', 'abc', 0)).toBe(0);
  });

  it('gives up past the limit', () => {
    expect(editDistance('区财政局', '区人力资源和劳动保障局', 2)).toBe(3);
  });
});
