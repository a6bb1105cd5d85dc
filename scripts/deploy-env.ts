// The deploy's preflight (`npm run deploy` runs it before the CLI sees cloudbaserc.json).
//
// @cloudbase/cli pastes `{{env.X}}` into cloudbaserc.json's JSON text without
// escaping (its renderer: @cloudbase/toolbox lib/config/cloudbase.js, `renderConfig`
// and `ConfigParser.parseRawConfig`, bundled unchanged in @cloudbase/cli 2.12.10),
// and SCF caps a function's environment at 4 KB. So:
//   1. every value with quotes or newlines reaches the CLI as one line of base64:
//      WX_SUBSCRIBE_TEMPLATES_B64 (the JSON map), WXPAY_PRIVATE_KEY_B64 and
//      WXPAY_PUBLIC_KEY_B64 (the key's DER, i.e. the PEM body on one line — the
//      compact form; base64 of the whole PEM would not fit `cron` in 4 KB).
//      The plain forms (WX_SUBSCRIBE_TEMPLATES, a PEM in WXPAY_PRIVATE_KEY, or
//      `base64 -w0 apiclient_key.pem`) are accepted and converted here;
//   2. each value is checked with the decoders the functions use;
//   3. cloudbaserc.json is rendered with the CLI's own renderer and every
//      function's environment is checked: it parses, values are strings, ≤ 4,096 bytes.
// Prints `export NAME='value'` lines for deploy.sh to eval; problems go to stderr, exit 1.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createPrivateKey, createPublicKey } from 'node:crypto'
import { keyPemFromEnvValue } from '../cloudfunctions/adapters/wechatpay/config-from-env'
import { subscribeTemplatesFromEnv } from '../cloudfunctions/adapters/cloudbase/settings-from-env'

export const ROOT = join(__dirname, '..')
/** SCF: "单个函数的环境变量大小 4KB" (cloud.tencent.com/document/product/583/11637). */
export const SCF_ENV_LIMIT_BYTES = 4096

export interface RenderedFunction {
  name: string
  envVariables?: Record<string, unknown>
  triggers?: unknown[]
}
export interface RenderedConfig {
  envId: string
  functionRoot: string
  functions: RenderedFunction[]
}

/**
 * cloudbaserc.json rendered exactly as `tcb fn deploy` renders it: the CLI's
 * ConfigParser.parseRawConfig (from @cloudbase/toolbox 0.7.19, the version
 * @cloudbase/cli 2.12.10 bundles) over the given environment. It reads
 * process.env itself, so the environment is swapped in for the call.
 */
export async function renderCloudbaserc(env: Readonly<Record<string, string | undefined>>, rcPath = join(ROOT, 'cloudbaserc.json')): Promise<RenderedConfig> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { ConfigParser } = require('@cloudbase/toolbox/lib/config/cloudbase') as { ConfigParser: { parseRawConfig(raw: unknown, cwd?: string): Promise<RenderedConfig> } }
  const raw = JSON.parse(readFileSync(rcPath, 'utf8'))
  const saved = process.env
  process.env = { ...env } as NodeJS.ProcessEnv
  try {
    return await ConfigParser.parseRawConfig(raw, ROOT)
  } finally {
    process.env = saved
  }
}

/** Bytes of a function's environment as SCF counts it: every name and value, UTF-8. */
export function environmentBytes(vars: Record<string, unknown> = {}): number {
  return Object.entries(vars).reduce((sum, [name, value]) => sum + Buffer.byteLength(name) + Buffer.byteLength(String(value)), 0)
}

/** Problems with a rendered config: non-string values, environments over the SCF limit. */
export function renderedProblems(config: RenderedConfig): string[] {
  const problems: string[] = []
  for (const fn of config.functions) {
    for (const [name, value] of Object.entries(fn.envVariables ?? {})) {
      if (typeof value !== 'string') problems.push(`${fn.name}: ${name} renders as ${JSON.stringify(value)?.slice(0, 40)}, not a string`)
    }
    const bytes = environmentBytes(fn.envVariables)
    if (bytes > SCF_ENV_LIMIT_BYTES) problems.push(`${fn.name}: environment is ${bytes} bytes, over SCF's ${SCF_ENV_LIMIT_BYTES}`)
  }
  return problems
}

function derBase64(kind: 'private' | 'public', name: string, value: string): string {
  const pem = keyPemFromEnvValue(kind, name, value)
  const der = kind === 'private' ? createPrivateKey(pem).export({ format: 'der', type: 'pkcs8' }) : createPublicKey(pem).export({ format: 'der', type: 'spki' })
  return der.toString('base64')
}

/**
 * The `…_B64` variables cloudbaserc.json reads, made from whichever form was
 * given and checked with the functions' own decoders. WeChat Pay is optional:
 * when no key is given, nothing is derived (payments stay off).
 */
export function deployVariables(env: Readonly<Record<string, string | undefined>>): { values: Record<string, string>; problems: string[] } {
  const values: Record<string, string> = {}
  const problems: string[] = []
  const given = (...names: string[]) => names.map((name) => ({ name, value: env[name]?.trim() })).find((v) => v.value) as { name: string; value: string } | undefined

  const templates = given('WX_SUBSCRIBE_TEMPLATES_B64', 'WX_SUBSCRIBE_TEMPLATES')
  if (templates) {
    const errors: string[] = []
    const decoded = subscribeTemplatesFromEnv({ [templates.name]: templates.value }, (message) => errors.push(message))
    if (errors.length > 0) problems.push(...errors)
    else values.WX_SUBSCRIBE_TEMPLATES_B64 = Buffer.from(JSON.stringify(decoded)).toString('base64')
  }
  for (const [kind, base] of [
    ['private', 'WXPAY_PRIVATE_KEY'],
    ['public', 'WXPAY_PUBLIC_KEY']
  ] as const) {
    const key = given(`${base}_B64`, base)
    if (!key) continue
    try {
      values[`${base}_B64`] = derBase64(kind, key.name, key.value)
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error))
    }
  }
  return { values, problems }
}

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`
}

async function main(): Promise<void> {
  const problems: string[] = []
  for (const name of ['TCB_ENV_ID', 'HOST_OPENIDS']) if (!process.env[name]?.trim()) problems.push(`set ${name}`)
  if ((process.env.TICKET_SECRET?.trim() ?? '').length < 16) problems.push('set TICKET_SECRET to 16+ characters (e.g. `openssl rand -hex 32`)')
  const derived = deployVariables(process.env)
  problems.push(...derived.problems)
  const env = { ...process.env, ...derived.values }
  try {
    const config = await renderCloudbaserc(env)
    problems.push(...renderedProblems(config))
    for (const fn of config.functions) console.error(`${fn.name}: environment ${environmentBytes(fn.envVariables)} / ${SCF_ENV_LIMIT_BYTES} bytes`)
  } catch (error) {
    problems.push(`cloudbaserc.json does not render: ${error instanceof Error ? error.message : String(error)}`)
  }
  if (problems.length > 0) {
    for (const problem of problems) console.error(`deploy: ${problem}`)
    process.exit(1)
  }
  for (const [name, value] of Object.entries(derived.values)) console.log(`export ${name}=${shellQuote(value)}`)
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  })
}
