// Every cloud function that can talk to WeChat Pay is deployed with its
// settings. A function without them builds and runs, and fails only when a
// payment call is made (payments are built lazily): on CloudBase, where nobody
// here can see it. So this reads each function's import graph for a module that
// uses `runtime.payments` and checks cloudbaserc.json gives that function every
// WXPAY_* setting. The orders' kind registry (installed-kinds.ts) is not
// followed: it makes every kind reachable everywhere, but a kind's effects only
// run from paying, settling, closing or refunding, which the graph finds directly.
import { readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { FUNCTION_NAMES, PLATFORM_FUNCTION_NAMES } from '../../cloudfunctions/functions'
import { reachableModules } from '../helpers/import-graph'

const ROOT = join(__dirname, '..', '..')
const FUNCTIONS_DIR = join(ROOT, 'cloudfunctions')
const rc = JSON.parse(readFileSync(join(ROOT, 'cloudbaserc.json'), 'utf8')) as { functions: Array<{ name: string; envVariables?: Record<string, string> }> }
const PAYMENT_SETTINGS = ['WXPAY_APPID', 'WXPAY_MCHID', 'WXPAY_SERIAL_NO', 'WXPAY_PRIVATE_KEY_B64', 'WXPAY_APIV3_KEY', 'WXPAY_PUBLIC_KEY_ID', 'WXPAY_PUBLIC_KEY_B64', 'WXPAY_NOTIFY_URL']

const usesPayments = (file: string) => /runtime\.payments\b/.test(readFileSync(file, 'utf8'))

function paymentModulesOf(name: string): string[] {
  const modules = reachableModules(join(FUNCTIONS_DIR, name, 'index.ts'), (file) => file.endsWith('installed-kinds.ts'))
  return [...modules].filter(usesPayments).map((file) => relative(FUNCTIONS_DIR, file))
}

describe.each([...FUNCTION_NAMES, ...PLATFORM_FUNCTION_NAMES])('%s', (name) => {
  const payments = paymentModulesOf(name)
  const settings = Object.keys(rc.functions.find((f) => f.name === name)?.envVariables ?? {})
  it(payments.length > 0 ? `reaches WeChat Pay (${payments.join(', ')}) and is deployed with its settings` : 'does not reach WeChat Pay', () => {
    if (payments.length > 0) expect(PAYMENT_SETTINGS.filter((key) => !settings.includes(key))).toEqual([])
  })
})

test('the graph finds payments where they are known to be (a check that cannot pass vacuously)', () => {
  expect(paymentModulesOf('membership')).toContain('domain/orders/open-order.ts')
  expect(paymentModulesOf('payNotify')).toContain('domain/orders/pay-notify.ts')
  expect(paymentModulesOf('mediaCheck')).toEqual([])
})
