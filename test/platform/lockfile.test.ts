// `npm ci` (what CI runs) refuses a lock that misses any platform's build of a
// native package; this registry lacks some, so `npm install` alone writes such
// a lock. `npm run lock:complete` fixes it; this test says when it is needed.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { missingPlatformPackages, resolveFrom } from '../../scripts/complete-lock'

const lock = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string }> }

test('the lock lists every optional platform package, so npm ci accepts it (run npm run lock:complete if not)', () => {
  expect(Object.keys(missingPlatformPackages(lock.packages))).toEqual([])
})

test('a missing platform build is added where npm looks for it: nested when the top level holds another version', () => {
  const packages = {
    'node_modules/@swc/core': { version: '1.16.22', optionalDependencies: { '@swc/core-darwin-arm64': '1.16.22', '@swc/core-linux-x64-gnu': '1.16.22', '@swc/core-win32-x64-msvc': '1.16.22' } },
    'node_modules/@swc/core-linux-x64-gnu': { version: '1.16.22' },
    'node_modules/@swc/core-darwin-arm64': { version: '1.3.96' }
  }
  expect(missingPlatformPackages(packages)).toEqual({
    'node_modules/@swc/core/node_modules/@swc/core-darwin-arm64': { version: '1.16.22', cpu: ['arm64'], optional: true, os: ['darwin'] },
    'node_modules/@swc/core-win32-x64-msvc': { version: '1.16.22', cpu: ['x64'], optional: true, os: ['win32'] }
  })
  expect(resolveFrom(packages, 'node_modules/@swc/core', '@swc/core-linux-x64-gnu')).toBe('node_modules/@swc/core-linux-x64-gnu')
})
