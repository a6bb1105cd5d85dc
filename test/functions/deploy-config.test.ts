// The deploy configuration stays in step with the code: every function in the
// registry is deployed, the cron function has its timer, and every declared
// index becomes a CloudBase index request.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { FUNCTION_NAMES, PLATFORM_FUNCTION_NAMES } from '../../cloudfunctions/functions'
import { allCollections } from '../../cloudfunctions/platform/collection-indexes'
import { indexRequests } from '../../scripts/cloudbase-setup'
import { generateKeyPairSync } from 'node:crypto'
import { tmpdir } from 'node:os'
import { deployVariables, environmentBytes, renderCloudbaserc, renderedProblems, SCF_ENV_LIMIT_BYTES, type RenderedFunction } from '../../scripts/deploy-env'
import { wechatPayConfigFromEnv } from '../../cloudfunctions/adapters/wechatpay/config-from-env'
import { subscribeTemplatesFromEnv, ticketSecretFromEnv } from '../../cloudfunctions/adapters/cloudbase/settings-from-env'
import { parseOpenidList } from '../../cloudfunctions/platform/runtime'

const rc = JSON.parse(readFileSync(join(__dirname, '..', '..', 'cloudbaserc.json'), 'utf8'))

test('cloudbaserc.json deploys exactly the registered functions from dist/functions', () => {
  expect(rc.functionRoot).toBe('./dist/functions')
  expect(rc.functions.map((f: { name: string }) => f.name).sort()).toEqual([...FUNCTION_NAMES, ...PLATFORM_FUNCTION_NAMES].sort())
  for (const fn of rc.functions) expect(fn.handler).toBe('index.main')
})

test('the cron function runs on a timer trigger', () => {
  const cron = rc.functions.find((f: { name: string }) => f.name === 'cron')
  expect(cron.triggers).toEqual([expect.objectContaining({ type: 'timer' })])
})

test('every declared index becomes one CloudBase index with matching key order and directions', () => {
  const requests = indexRequests()
  const declared = allCollections().flatMap((c) => c.indexes)
  expect(requests).toHaveLength(declared.length)
  expect(requests.find((r) => r.collection === 'outbox')).toEqual({
    collection: 'outbox',
    IndexName: 'ix_due',
    MgoKeySchema: {
      MgoIsUnique: false,
      MgoIndexKeys: [
        { Name: 'status', Direction: '1' },
        { Name: 'nextAttemptAt', Direction: '1' },
        { Name: '_id', Direction: '1' }
      ]
    }
  })
})

// ---------------------------------------------------------------------------
// `npm run deploy` through the CLI's own renderer. @cloudbase/cli 2.12.10 renders
// cloudbaserc.json with @cloudbase/toolbox's ConfigParser.parseRawConfig (bundled
// unchanged; the devDependency is that exact version, 0.7.19): the config is
// stringified, `{{env.X}}` is substituted into the text by mustache with escaping
// turned off, and the result is JSON.parse'd (any string that parses as a JSON
// object becomes that object). scripts/deploy-env.ts calls it exactly so.
const { privateKey: PRIVATE_PEM, publicKey: PUBLIC_PEM } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' }
})
const templateId = (seed: string) => `${seed}${'x'.repeat(43)}`.slice(0, 43).replace(/[^A-Za-z0-9_-]/g, 'Q')
const TEMPLATES: Record<string, string> = {
  welcome: templateId('W7kQ-welcome'),
  tierUp: templateId('Tq9_tierUp'),
  membershipActive: templateId('MbAct1'),
  renewalReminder: templateId('RnwRem2'),
  membershipExpired: templateId('MbExp3'),
  waitlistPromoted: templateId('WaitP4'),
  eventReminder: templateId('EvRem5'),
  eventCancelled: templateId('EvCan6'),
  prizeWon: templateId('Prize7'),
  checkinReminder: templateId('ChkRem8'),
  streakAtRisk: templateId('Streak9'),
  // Quotes, backslashes and Chinese: what broke the CLI's text substitution.
  备注: '会员"到期"提醒 \\ 模板'
}
const OPENIDS = ['oWx1a2B3c4D5e6F7g8H9i0JkLmNo', 'oWx1Zz9Yy8Xx7Ww6Vv5Uu4Tt3Ss2', 'oWx1Qq1Rr2Ss3Tt4Uu5Vv6Ww7Xx8']
const SETTINGS: Readonly<Record<string, string | undefined>> = {
  TCB_ENV_ID: 'community-prod-7g3xk2a1b2c3d4e5',
  HOST_OPENIDS: OPENIDS.join(','),
  TICKET_SECRET: 'f3b9c0d2e8a14b6f9d7e5c3a1b2c4d6e8f0a1b3c5d7e9f1a2b4c6d8e0f2a4b6c',
  WX_SUBSCRIBE_TEMPLATES: JSON.stringify(TEMPLATES),
  WXPAY_APPID: 'wx8f3c2a1b0d9e7f65',
  WXPAY_MCHID: '1900012345',
  WXPAY_SERIAL_NO: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1',
  WXPAY_PRIVATE_KEY: PRIVATE_PEM,
  WXPAY_APIV3_KEY: 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6',
  WXPAY_PUBLIC_KEY_ID: 'PUB_KEY_ID_0119000123452025010100000000000000',
  WXPAY_PUBLIC_KEY: PUBLIC_PEM,
  WXPAY_NOTIFY_URL: 'https://community-prod-7g3xk2a1b2c3d4e5-1312345678.ap-shanghai.app.tcloudbase.com/pay/notify'
}

async function renderWith(settings: Readonly<Record<string, string | undefined>>) {
  const { values, problems } = deployVariables(settings)
  expect(problems).toEqual([])
  return renderCloudbaserc({ ...settings, ...values })
}

const fnEnv = (fns: RenderedFunction[], name: string) => fns.find((f) => f.name === name)?.envVariables as Readonly<Record<string, string | undefined>>

describe('cloudbaserc.json rendered by the CLI renderer with realistic settings', () => {
  test('the rule itself: a JSON map or a PEM pasted by {{env.X}} makes the config unparsable', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rc-'))
    const rc = join(dir, 'cloudbaserc.json')
    writeFileSync(rc, JSON.stringify({ envId: 'e', functions: [{ name: 'f', envVariables: { V: '{{env.V}}' } }] }))
    await expect(renderCloudbaserc({ V: JSON.stringify(TEMPLATES) }, rc)).rejects.toThrow(SyntaxError)
    await expect(renderCloudbaserc({ V: PRIVATE_PEM }, rc)).rejects.toThrow(SyntaxError)
    // Even escaped JSON would arrive as an object, not a string: the renderer parses object-shaped strings.
    expect((await renderCloudbaserc({ V: '{}' }, rc)).functions[0].envVariables?.V).toEqual({})
  })

  test.each([
    ['plain JSON and PEMs', {}],
    [
      'base64 of the JSON and `base64 -w0` of the PEM files',
      {
        WX_SUBSCRIBE_TEMPLATES: undefined,
        WX_SUBSCRIBE_TEMPLATES_B64: Buffer.from(SETTINGS.WX_SUBSCRIBE_TEMPLATES!).toString('base64'),
        WXPAY_PRIVATE_KEY: undefined,
        WXPAY_PRIVATE_KEY_B64: Buffer.from(PRIVATE_PEM).toString('base64'),
        WXPAY_PUBLIC_KEY: undefined,
        WXPAY_PUBLIC_KEY_B64: Buffer.from(PUBLIC_PEM).toString('base64')
      }
    ],
    [
      'the PEM bodies on one line',
      {
        WXPAY_PRIVATE_KEY: undefined,
        WXPAY_PRIVATE_KEY_B64: PRIVATE_PEM.replace(/-----[^-]+-----|\n/g, ''),
        WXPAY_PUBLIC_KEY: undefined,
        WXPAY_PUBLIC_KEY_B64: PUBLIC_PEM.replace(/-----[^-]+-----|\n/g, '')
      }
    ]
  ])('%s: parses, string values, every function under 4 KB, settings decode to the inputs', async (_label, overrides) => {
    const config = await renderWith({ ...SETTINGS, ...overrides })
    expect(config.envId).toBe(SETTINGS.TCB_ENV_ID)
    expect(renderedProblems(config)).toEqual([])
    for (const fn of config.functions) {
      for (const value of Object.values(fn.envVariables ?? {})) expect(typeof value).toBe('string')
      expect(environmentBytes(fn.envVariables)).toBeLessThan(SCF_ENV_LIMIT_BYTES)
    }
    for (const name of ['membership', 'payNotify', 'events', 'cron', 'checkin', 'host', 'circle', 'fission']) {
      const pay = wechatPayConfigFromEnv(fnEnv(config.functions, name))
      expect(pay.privateKeyPem).toBe(PRIVATE_PEM)
      expect(pay.platformKeys).toEqual({ [SETTINGS.WXPAY_PUBLIC_KEY_ID!]: PUBLIC_PEM })
      expect(pay).toMatchObject({
        appid: SETTINGS.WXPAY_APPID,
        mchid: SETTINGS.WXPAY_MCHID,
        serialNo: SETTINGS.WXPAY_SERIAL_NO,
        apiV3Key: SETTINGS.WXPAY_APIV3_KEY,
        notifyUrl: SETTINGS.WXPAY_NOTIFY_URL
      })
    }
    for (const name of ['member', 'cron'])
      expect(
        subscribeTemplatesFromEnv(fnEnv(config.functions, name), () => {
          throw new Error('no log expected')
        })
      ).toEqual(TEMPLATES)
    expect(
      ticketSecretFromEnv(fnEnv(config.functions, 'events'), () => {
        throw new Error('no log expected')
      })
    ).toBe(SETTINGS.TICKET_SECRET)
    for (const fn of config.functions.filter((f) => f.name !== 'payNotify' && f.name !== 'mediaCheck')) {
      expect([...parseOpenidList(fnEnv(config.functions, fn.name).HOST_OPENIDS)]).toEqual(OPENIDS)
    }
  })

  test('each function gets only the settings it uses', async () => {
    const config = await renderWith(SETTINGS)
    const names = (fn: string) => Object.keys(fnEnv(config.functions, fn) ?? {}).sort()
    // mediaCheck checks that a push names our mini-program: the appid, when the push's own context does not carry it.
    expect(names('mediaCheck')).toEqual(['WXPAY_APPID'])
    for (const fn of ['growth', 'leaderboard', 'rewards']) expect(names(fn)).toEqual(['HOST_OPENIDS'])
    expect(names('member')).toEqual(['HOST_OPENIDS', 'WX_SUBSCRIBE_TEMPLATES_B64'])
    expect(names('payNotify').every((n) => n.startsWith('WXPAY_'))).toBe(true)
    expect(names('events')).toContain('TICKET_SECRET')
    for (const fn of config.functions) expect(Object.keys(fn.envVariables ?? {}).filter((n) => /PRIVATE_KEY$|PUBLIC_KEY$|TEMPLATES$/.test(n))).toEqual([])
  })

  test('the cron trigger keeps its 7-field expression through the renderer', async () => {
    const config = await renderWith(SETTINGS)
    expect(config.functions.find((f) => f.name === 'cron')?.triggers).toEqual([{ name: 'every-minute', type: 'timer', config: '0 * * * * * *' }])
    expect(config.functions.at(-1)?.name).toBe('cron')
  })
})

describe('bad settings switch their feature off with a clear message', () => {
  test('templates that are not JSON or not base64: logged, no templates', () => {
    const log: string[] = []
    expect(subscribeTemplatesFromEnv({ WX_SUBSCRIBE_TEMPLATES_B64: '{"welcome":"x"}' }, (m) => log.push(m))).toEqual({})
    expect(subscribeTemplatesFromEnv({ WX_SUBSCRIBE_TEMPLATES: '{welcome:x}' }, (m) => log.push(m))).toEqual({})
    expect(subscribeTemplatesFromEnv({ WX_SUBSCRIBE_TEMPLATES: '["a"]' }, (m) => log.push(m))).toEqual({})
    expect(log).toEqual([
      expect.stringContaining('WX_SUBSCRIBE_TEMPLATES_B64 is not base64'),
      expect.stringContaining('WX_SUBSCRIBE_TEMPLATES is not valid JSON'),
      expect.stringContaining('WX_SUBSCRIBE_TEMPLATES must be a JSON object')
    ])
    expect(
      subscribeTemplatesFromEnv({}, () => {
        throw new Error('unset is not an error')
      })
    ).toEqual({})
  })

  test('a missing or short ticket secret is logged and replaced by a throwaway key', () => {
    const log: string[] = []
    const a = ticketSecretFromEnv({}, (m) => log.push(m))
    const b = ticketSecretFromEnv({ TICKET_SECRET: 'short' }, (m) => log.push(m))
    expect(a).toHaveLength(64)
    expect(b).not.toBe('short')
    expect(log).toEqual([expect.stringContaining('TICKET_SECRET is missing'), expect.stringContaining('TICKET_SECRET is shorter')])
  })

  test('a key that is not a key names its variable; the preflight refuses it before the CLI runs', () => {
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    try {
      expect(() => wechatPayConfigFromEnv({ ...SETTINGS, WXPAY_PRIVATE_KEY: undefined, WXPAY_PRIVATE_KEY_B64: 'bm90IGEga2V5' })).toThrow(/not configured: WXPAY_PRIVATE_KEY_B64 is not a private key/)
      expect(() => wechatPayConfigFromEnv({ ...SETTINGS, WXPAY_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----' })).toThrow(/WXPAY_PUBLIC_KEY is not a public key/)
      expect(() => wechatPayConfigFromEnv({ ...SETTINGS, WXPAY_APPID: '' })).toThrow(/set WXPAY_APPID/)
      expect(deployVariables({ WXPAY_PRIVATE_KEY_B64: 'bm90IGEga2V5', WX_SUBSCRIBE_TEMPLATES: '{' }).problems).toEqual([
        expect.stringContaining('WX_SUBSCRIBE_TEMPLATES is not valid JSON'),
        expect.stringContaining('WXPAY_PRIVATE_KEY_B64 is not a private key')
      ])
    } finally {
      error.mockRestore()
    }
  })

  test('the plain PEM with literal \\n (one-line console value) still works', () => {
    const config = wechatPayConfigFromEnv({ ...SETTINGS, WXPAY_PRIVATE_KEY: PRIVATE_PEM.replace(/\n/g, '\\n') })
    expect(config.privateKeyPem).toBe(PRIVATE_PEM)
  })
})
