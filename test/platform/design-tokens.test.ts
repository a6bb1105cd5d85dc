// One look (issue 14 item 2): every colour in src/ comes from the design tokens.
// src/styles/tokens.css declares them as custom properties; src/styles/tokens.ts mirrors the
// few that WeChat's JSON config and native APIs need as strings. Nothing else writes a colour.
//
// Why this fails when someone adds a literal: `colourLiterals` reads every .css/.ts/.tsx file
// under src/ (the walk has no allow-list besides the two token files), strips comments, and
// matches `#` followed by 3, 4, 6 or 8 hex digits at a word boundary, and rgb()/rgba()/hsl()/
// hsla() with a number inside. So `color: #16a36a;` in a page stylesheet, or
// `style={{ color: 'rgba(0, 0, 0, .5)' }}` in a .tsx, is a hit; the hit list is then compared
// with [] and the test prints file:line and the literal. (Named colours such as `transparent`
// or `currentColor` are not literals of a shade and stay allowed.)
import { readFileSync, readdirSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { colors } from '../../src/styles/tokens'

const SRC = join(__dirname, '..', '..', 'src')
const TOKEN_FILES = new Set(['styles/tokens.css', 'styles/tokens.ts'])
const HEX = /#(?:[0-9a-fA-F]{8}|[0-9a-fA-F]{6}|[0-9a-fA-F]{3,4})\b/g
const FUNC = /\b(?:rgba?|hsla?)\(\s*[\d.]/g

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    return entry.isDirectory() ? filesUnder(path) : [path]
  })
}

const rel = (file: string) => relative(SRC, file).split(sep).join('/')
const withoutComments = (text: string) =>
  // Keep line breaks so reported line numbers stay true; `//` only at a line start or after a space (not in url(http://…)).
  text.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).replace(/(^|\s)\/\/.*$/gm, '$1')

export function colourLiterals(path: string, text: string): string[] {
  const lines = withoutComments(text).split('\n')
  return lines.flatMap((line, i) => [...line.matchAll(HEX), ...line.matchAll(FUNC)].map((m) => `${path}:${i + 1} ${m[0]}`))
}

const sources = filesUnder(SRC).filter((f) => /\.(css|scss|ts|tsx)$/.test(f) && !TOKEN_FILES.has(rel(f)))
const sheet = readFileSync(join(SRC, 'styles', 'tokens.css'), 'utf8')
const declared = new Map([...sheet.matchAll(/(--[a-z0-9-]+)\s*:\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()]))

test('no hex or rgb/hsl colour literal in src outside the token files', () => {
  const hits = sources.flatMap((file) => colourLiterals(rel(file), readFileSync(file, 'utf8')))
  expect(hits).toEqual([])
})

test('the detector itself catches what it must and lets tokens through', () => {
  expect(colourLiterals('x.css', '.a { color: #16a36a; }')).toHaveLength(1)
  expect(colourLiterals('x.css', '.a { background: #fff }')).toHaveLength(1)
  expect(colourLiterals('x.css', '.a { box-shadow: 0 2px 8px rgba(0, 0, 0, 0.08); }')).toHaveLength(1)
  expect(colourLiterals('x.tsx', "<View style={{ color: 'rgb(1,2,3)' }} />")).toHaveLength(1)
  expect(colourLiterals('x.tsx', "Taro.showModal({ confirmColor: '#f04a3e' })")).toHaveLength(1)
  expect(colourLiterals('x.css', '.a { color: var(--brand); } /* was #16a36a */')).toEqual([])
  expect(colourLiterals('x.css', '.a { background: rgba(var(--x), 0.5) }')).toEqual([])
})

test('every var(--…) a stylesheet uses is declared in tokens.css', () => {
  const unknown = sources
    .filter((f) => f.endsWith('.css'))
    .flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/var\((--[a-z0-9-]+)/g)]
        .map((m) => m[1])
        .filter((name) => !declared.has(name))
        .map((name) => `${rel(file)} ${name}`)
    )
  expect(unknown).toEqual([])
})

test('tokens.ts mirrors tokens.css for the colours it exports', () => {
  const cssName = (key: string) => '--' + key.replace(/([a-z])([A-Z0-9])/g, '$1-$2').toLowerCase()
  for (const [key, value] of Object.entries(colors)) expect([cssName(key), declared.get(cssName(key))]).toEqual([cssName(key), value])
})

test('app.css imports the token sheet once, and tokens sit on both roots (page for WeChat, :root for H5)', () => {
  const app = readFileSync(join(SRC, 'app.css'), 'utf8')
  expect(app.match(/@import\s+['"]\.\/styles\/tokens\.css['"]/g)).toHaveLength(1)
  expect(sheet).toMatch(/^page,\s*\n:root\s*\{/m)
  const otherImports = sources.filter((f) => /tokens\.css/.test(readFileSync(f, 'utf8')) && rel(f) !== 'app.css')
  expect(otherImports.map(rel)).toEqual([])
})
