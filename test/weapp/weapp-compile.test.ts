// The weapp build as WeChat would take it: every template through wcc, every
// style through wcsc, an app.json DevTools would accept, and a small main package.
import { existsSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { measure } from '../../scripts/size'
import { WEAPP_DIR, allPages, builtFiles, compileWxml, compileWxss, ensureWeappBuild, readAppJson, subPackagesOf } from './weapp-build'

const GOAL_KB = 600

// At load time, not in beforeAll: the per-page tests below are listed from the build itself.
ensureWeappBuild()

describe('app.json', () => {
  it('declares pages that exist as built files, each once', () => {
    const app = readAppJson()
    const pages = allPages(app)
    expect(new Set(pages).size).toBe(pages.length)
    const missing = pages.flatMap((page) => ['.js', '.json', '.wxml'].map((ext) => page + ext)).filter((f) => !existsSync(join(WEAPP_DIR, f)))
    expect(missing).toEqual([])
  })

  it('keeps tab pages in the main package, with 2–5 valid tabs', () => {
    const app = readAppJson()
    const tabs = app.tabBar?.list ?? []
    expect(tabs.length).toBeGreaterThanOrEqual(2)
    expect(tabs.length).toBeLessThanOrEqual(5)
    const subRoots = subPackagesOf(app).map((p) => p.root.replace(/\/+$/, '') + '/')
    for (const tab of tabs) {
      expect(app.pages).toContain(tab.pagePath)
      expect(subRoots.some((root) => tab.pagePath.startsWith(root))).toBe(false)
      expect(tab.text.length).toBeGreaterThan(0)
      // WeChat: icons are local png/jpg files of at most 40 KB, and come as a pair.
      expect(Boolean(tab.iconPath)).toBe(Boolean(tab.selectedIconPath))
      for (const icon of [tab.iconPath, tab.selectedIconPath].filter((p): p is string => Boolean(p))) {
        expect(icon).toMatch(/\.(png|jpe?g)$/)
        expect(statSync(join(WEAPP_DIR, icon)).size).toBeLessThanOrEqual(40 * 1024)
      }
    }
  })

  it('keeps main-package pages out of subpackage roots and ships no H5-only page', () => {
    const app = readAppJson()
    const subRoots = subPackagesOf(app).map((p) => p.root.replace(/\/+$/, '') + '/')
    for (const page of app.pages) expect(subRoots.some((root) => page.startsWith(root))).toBe(false)
    expect(allPages(app).some((page) => page.includes('dev-login'))).toBe(false)
  })
})

describe('templates compile with wcc', () => {
  const wxml = builtFiles('.wxml')
  const wxs = builtFiles('.wxs')
  const pages = allPages(readAppJson())
  // Shared templates (base.wxml, comp.wxml, …) are compiled with each page, as DevTools would.
  const shared = wxml.filter((f) => !pages.includes(f.replace(/\.wxml$/, '')))

  it('compiles the whole app together', () => {
    expect(compileWxml(wxml, wxs)).toEqual({ status: 0, stderr: '' })
  })

  it.each(pages)('%s.wxml', (page) => {
    expect(compileWxml([...shared, `${page}.wxml`], wxs)).toEqual({ status: 0, stderr: '' })
  })
})

describe('styles compile with wcsc', () => {
  it('compiles every .wxss', () => {
    const wxss = builtFiles('.wxss')
    expect(wxss.length).toBeGreaterThan(0)
    expect(compileWxss(wxss)).toEqual({ status: 0, stderr: '' })
  })
})

describe('package size', () => {
  it(`keeps the main package under ${GOAL_KB} KB`, () => {
    const report = measure(WEAPP_DIR)
    expect(report.main_package_kb).toBeGreaterThan(0)
    expect(report.main_package_kb).toBeLessThan(GOAL_KB)
  })
})
