/*
 * One line per plan text in a folder: what the parser read, for a person to compare with the
 * hand counts (test/fixtures/corpus/README.md) or to try the parser on new documents.
 * Run: npm run parse:report -- <folder> [--no-directory]
 * Units are matched against the demo unit directory (apps/cli/src/demo) unless --no-directory:
 * then every unit is "proposed" (to be created), as on an empty system.
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import { collectUnitNames, matchUnits, parsePlan, PlanParseError } from '@app/plan-parser';
import type { ParseResult, UnitDirectoryEntry } from '@app/plan-parser';
import { DEMO_GROUPS, DEMO_UNITS } from '../../apps/cli/src/demo/demo-directory';

function textFiles(folder: string): string[] {
  return readdirSync(folder)
    .flatMap((name) => {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) return textFiles(path);
      return /\.txt$/i.test(name) ? [path] : [];
    })
    .sort();
}

function demoDirectory(): UnitDirectoryEntry[] {
  return [
    ...DEMO_UNITS.map((u) => ({
      name: u.name,
      ...(u.shortName ? { shortName: u.shortName } : {}),
      aliases: u.aliases ?? [],
    })),
    ...DEMO_GROUPS.map((g) => ({ name: g.name, aliases: g.aliases })),
  ];
}

function summary(result: ParseResult, directory: UnitDirectoryEntry[] | undefined): string {
  const items = result.sections.flatMap((s) => s.items);
  const withUnits = items.filter((i) => i.units.length > 0).length;
  const names = collectUnitNames(result);
  const matched = directory
    ? matchUnits(names, directory).filter((m) => m.kind !== 'none').length
    : 0;
  const deadlines = items.reduce(
    (n, i) => n + i.deadlines.filter((d) => d.kind === 'date' && d.dueOn).length,
    0,
  );
  return [
    `items ${items.length}`,
    `with units ${withUnits}`,
    `units matched ${matched} / proposed ${names.length - matched}`,
    `deadlines ${deadlines}`,
    `warnings ${result.warnings.length}`,
  ].join(', ');
}

function main(): void {
  const args = process.argv.slice(2);
  const folder = args.find((a) => !a.startsWith('--'));
  if (!folder) {
    console.error('用法: npm run parse:report -- <文件夹> [--no-directory]');
    process.exit(2);
  }
  const directory = args.includes('--no-directory') ? undefined : demoDirectory();
  console.log(
    directory
      ? `units matched against the demo directory (${directory.length} entries)`
      : 'no unit directory: every unit is proposed',
  );
  for (const file of textFiles(folder)) {
    const name = file.slice(folder.length).replace(/^\//, '');
    try {
      const result = parsePlan(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), { directory });
      console.log(`${name}: ${summary(result, directory)}`);
    } catch (error) {
      if (!(error instanceof PlanParseError)) throw error;
      console.log(`${name}: refused ${error.code} (${error.message})`);
    }
  }
}

main();
