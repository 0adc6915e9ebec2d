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
  'logging',
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
  // Real services on a shared 2-core machine: an app's start in a beforeAll can take far longer
  // than Jest's 5 s default when the machine is busy. Not a timed assertion: a bound on a hang.
  // (A global option: Jest ignores it inside a project.)
  testTimeout: 120_000,
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
      // Each Jest worker on a database and Redis database of its own (test/support/workers.ts).
      setupFiles: ['<rootDir>/test/support/worker-env.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/support/timeout.ts'],
    },
  ],
};
