// The modules a cloud function's bundle can run: its index.ts and everything
// it imports (relative, non-type imports), read from the source as esbuild
// would follow them.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

const IMPORT = /(?:import|export)\s+(?!type\b)(?:[^'"]*?\sfrom\s+)?['"](\.{1,2}\/[^'"]+)['"]/g

function importsOf(file: string): string[] {
  const found: string[] = []
  for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
    const base = resolve(dirname(file), match[1])
    const target = [`${base}.ts`, join(base, 'index.ts')].find((candidate) => existsSync(candidate))
    if (target) found.push(target)
  }
  return found
}

/** Files reachable from `entry`; `stopAt(file)` keeps a file but does not follow its imports. */
export function reachableModules(entry: string, stopAt: (file: string) => boolean = () => false): Set<string> {
  const seen = new Set<string>()
  const stack = [entry]
  while (stack.length > 0) {
    const file = stack.pop()!
    if (seen.has(file)) continue
    seen.add(file)
    if (!stopAt(file)) stack.push(...importsOf(file))
  }
  return seen
}
