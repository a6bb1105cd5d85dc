// Jest runs TypeScript through swc (fast; `npm run typecheck` does the type checking).
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  // pbf (the 云调用 codec, adapters/cloudbase/wechat-openapi.ts) ships ES modules only.
  transformIgnorePatterns: ['/node_modules/(?!pbf/)'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2021' }, module: { type: 'commonjs' } }] },
  setupFiles: ['<rootDir>/test/setup-env.js'],
  globalSetup: '<rootDir>/test/global-setup.js',
  testTimeout: 20000,
  maxWorkers: 2
}
