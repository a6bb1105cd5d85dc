// `npm run lock:complete`: after `npm install` on a registry mirror that lacks
// other platforms' builds of a native package (e.g. @swc/core-darwin-arm64 of
// the version we use), npm writes a lock without them and `npm ci` then refuses
// it as out of sync. This adds the missing optional platform packages to the
// lock (version, os, cpu, libc; no tarball is needed: npm never fetches a
// package for another platform), so `npm ci` works on every machine.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

interface LockNode {
  version?: string
  optionalDependencies?: Record<string, string>
  dev?: boolean
  devOptional?: boolean
  [key: string]: unknown
}

const PLATFORM = /-(darwin|linux|win32|android|freebsd|openharmony)-([a-z0-9]+)(?:-([a-z]+))?$/

/** Where npm would look for `name` from the package at `from`: its own node_modules, then each parent's. */
export function resolveFrom(packages: Record<string, LockNode>, from: string, name: string): string | null {
  let base = from
  for (;;) {
    const key = `${base ? `${base}/` : ''}node_modules/${name}`
    if (packages[key]) return key
    if (!base) return null
    const cut = base.lastIndexOf('/node_modules/')
    base = cut >= 0 ? base.slice(0, cut) : ''
  }
}

/** The optional platform packages the lock is missing, keyed where npm ci expects them. */
export function missingPlatformPackages(packages: Record<string, LockNode>): Record<string, LockNode> {
  const added: Record<string, LockNode> = {}
  for (const [path, node] of Object.entries(packages)) {
    for (const [name, version] of Object.entries(node.optionalDependencies ?? {})) {
      const found = resolveFrom(packages, path, name)
      if (found && packages[found].version === version) continue
      const match = PLATFORM.exec(name)
      if (!match) continue
      const [, os, cpu, abi] = match
      const key = found ? `${path}/node_modules/${name}` : `node_modules/${name}`
      const entry: LockNode = { version, cpu: [cpu], ...(node.dev ? { dev: true } : {}), ...(node.devOptional ? { devOptional: true } : {}) }
      if (abi?.startsWith('gnu')) entry.libc = ['glibc']
      if (abi?.startsWith('musl')) entry.libc = ['musl']
      added[key] = { ...entry, optional: true, os: [os] }
    }
  }
  return added
}

if (require.main === module) {
  const file = join(__dirname, '..', 'package-lock.json')
  const lock = JSON.parse(readFileSync(file, 'utf8')) as { packages: Record<string, LockNode> }
  const added = missingPlatformPackages(lock.packages)
  Object.assign(lock.packages, added)
  writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`)
  console.log(`lock: added ${Object.keys(added).length} platform package(s)`)
}
