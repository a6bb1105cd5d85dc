// Every change of an order's status goes through the Order entity
// (domain/orders/order.ts, checked by order-status.ts). This keeps it so: no
// other server file that touches orders (names ORDERS or OrderDoc) spells a
// status an order is moved to.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

const ROOT = join(__dirname, '../../cloudfunctions')
const OWNERS = new Set(['domain/orders/order.ts', 'domain/orders/order-status.ts'])
// The statuses an order only reaches by a move ('created' is where every order starts, and a filter's word).
const MOVED_TO = /status\s*:[^,}\n]*'(paid|fulfilled|refunding|refunded|closed)'/

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : files(path)
    return path.endsWith('.ts') ? [path] : []
  })
}

test('no file but the Order entity writes an order status', () => {
  const offenders = files(ROOT)
    .filter((path) => !OWNERS.has(relative(ROOT, path)))
    .map((path) => ({ path, text: readFileSync(path, 'utf8') }))
    .filter(({ text }) => /\bORDERS\b|\bOrderDoc\b/.test(text))
    .flatMap(({ path, text }) => text.split('\n').map((line, i) => ({ where: `${relative(ROOT, path)}:${i + 1}`, line })))
    .filter(({ line }) => MOVED_TO.test(line))
    .map(({ where, line }) => `${where}  ${line.trim()}`)
  expect(offenders).toEqual([])
})
