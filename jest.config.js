// Jest 30 cannot load the ESM-only NestJS 12 packages on Node 20 by itself: @swc/jest
// compiles both our TypeScript and @nestjs/* to CommonJS (see STACK-NOTES).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];
const aliases = [
  'annual-report',
  'reminders',
  'plan-parser',
  'plan-import',
  'calendar',
  'database',
  'queue-contracts',
  'config',
  'safe-zip',
];
const moduleNameMapper = Object.fromEntries(
  aliases.flatMap((name) => [
    [`^@app/${name}$`, `<rootDir>/libs/${name}/src`],
    [`^@app/${name}/(.*)$`, `<rootDir>/libs/${name}/src/$1`],
  ]),
);
const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': swc, '^.+\\.mjs$': swc },
  transformIgnorePatterns: ['/node_modules/(?!@nestjs/)'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  moduleNameMapper,
};
module.exports = {
  // The shared CI machines run many suites at once; a hook that imports a plan can take more
  // than Jest's 5 s there. This bounds a hung test, it does not time behaviour.
  testTimeout: 60_000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      roots: ['<rootDir>/apps', '<rootDir>/libs'],
      testMatch: ['**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
    },
  ],
};
