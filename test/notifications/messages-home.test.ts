// Every subscribe message is built in one module (domain/notifications/messages.ts):
// what each template's fields say and which page it opens live there, not
// inline in the capabilities that send them.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

const ROOT = join(__dirname, '..', '..')
const DOMAIN = join(ROOT, 'cloudfunctions', 'domain')
const HOME = ['cloudfunctions/domain/notifications/messages.ts', 'cloudfunctions/domain/notifications/format.ts']

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : []
  })
}

test('no capability shapes a subscribe message itself: only the builders in notifications/messages.ts call subscribeMessage', () => {
  const outside = sources(DOMAIN)
    .map((path) => relative(ROOT, path).replace(/\\/g, '/'))
    .filter((path) => !HOME.includes(path))
    .filter((path) => /\bsubscribeMessage\(|template: '/.test(readFileSync(join(ROOT, path), 'utf8')))
  expect(outside).toEqual([])
})
