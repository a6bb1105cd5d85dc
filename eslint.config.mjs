// `npm run lint`. Beyond the usual checks this file holds the architecture's
// boundaries (cloudfunctions/README.md, shared STYLE lesson 4): the domain
// imports no adapter and no SDK, the app imports nothing from the functions,
// and only the CloudBase adapter loads @cloudbase/node-sdk. Import cycles are
// refused everywhere. test/platform/lint-boundaries.test.ts proves each rule.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import { importX, createNodeResolver } from 'eslint-plugin-import-x'
import globals from 'globals'

const CLOUDBASE_SDK = {
  name: '@cloudbase/node-sdk',
  message: '只有 cloudfunctions/adapters/cloudbase/ 加载 @cloudbase/node-sdk：其他代码通过 ports 使用它。'
}

// Platform SDKs and drivers: adapters wrap them, the domain receives ports.
const SDKS = ['@cloudbase/*', 'wx-server-sdk', 'better-sqlite3', 'wechatpay-axios-plugin', 'ioredis']

/** One no-restricted-imports setting per folder: flat config replaces a rule's options, it never merges them. */
function restrict({ paths = [], patterns = [] }) {
  return ['error', { paths, patterns }]
}

const sdkOnlyInCloudbaseAdapter = { paths: [CLOUDBASE_SDK], patterns: [{ group: ['@cloudbase/node-sdk/*'], message: CLOUDBASE_SDK.message }] }

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', '.data/', '.swc/', 'coverage/', 'test/artifacts/']
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX, 'react-hooks': reactHooks },
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'] })]
    },
    rules: {
      // `require()` counts: the runtime holder loads its adapters that way.
      'import-x/no-cycle': ['error', { commonjs: true, ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      // Unused names are the compiler's job (noUnusedLocals/Parameters); `_` marks one kept on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }]
    }
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' }
  },
  {
    files: ['src/**'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict({
        paths: [CLOUDBASE_SDK],
        patterns: [
          { group: ['**/cloudfunctions', '**/cloudfunctions/**'], message: 'src/ 不导入 cloudfunctions/：前后端共享的只有 types/ 中的契约。' },
          { group: ['@cloudbase/node-sdk/*'], message: CLOUDBASE_SDK.message }
        ]
      }),
      // Taro's H5 Button styles any button carrying `disabled`, even disabled="false"
      // (60 % white text): pass it only when true.
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXOpeningElement[name.name='Button'] > JSXAttribute[name.name='disabled'] > JSXExpressionContainer > :not(LogicalExpression[operator='||'][right.name='undefined'])",
          message: 'Button 的 disabled 写成 {条件 || undefined}：Taro H5 会把 disabled="false" 也画成禁用样式。'
        }
      ]
    }
  },
  {
    files: ['types/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict({
        paths: [CLOUDBASE_SDK],
        patterns: [{ group: ['**/cloudfunctions', '**/cloudfunctions/**', '**/src', '**/src/**'], message: 'types/ 是契约：它不导入前端或云函数的代码。' }]
      })
    }
  },
  {
    files: ['cloudfunctions/**'],
    rules: { '@typescript-eslint/no-restricted-imports': restrict(sdkOnlyInCloudbaseAdapter) }
  },
  {
    files: ['cloudfunctions/domain/**', 'cloudfunctions/ports/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict({
        patterns: [
          { group: ['**/adapters', '**/adapters/**'], message: '领域代码不导入适配器：适配器经 Runtime 的 ports 交给领域。' },
          { group: SDKS, message: '领域代码不导入平台 SDK：需要时在 ports/ 声明接口，由 adapters/ 实现。' }
        ]
      })
    }
  },
  {
    files: ['cloudfunctions/adapters/cloudbase/**'],
    rules: { '@typescript-eslint/no-restricted-imports': 'off' }
  },
  {
    files: ['test/**', 'bench/**'],
    languageOptions: { globals: { ...globals.node, ...globals.jest } }
  }
)
