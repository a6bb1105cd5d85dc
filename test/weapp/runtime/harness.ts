// Runs the weapp build headless, the way WeChat splits it:
// - the logic layer: app.js, the vendors/runtime/taro chunks and each page script
//   run in their own `vm` context that has only WeChat's globals (wx, App, Page,
//   Component, Behavior, getApp, getCurrentPages, requirePlugin) and per-file
//   require/module/exports, as WeChat's define() wrapper gives them;
// - the view layer: WeChat's own template compiler (wcc, from miniprogram-compiler)
//   turns every .wxml/.wxs into the `$gwx` render functions, and WeChat's
//   published component framework (j-component on miniprogram-exparser, in jsdom)
//   renders what they produce and dispatches taps back to the page's handlers.
// Everything that crosses from logic to view (setData) is JSON round-tripped,
// as WeChat's bridge does.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, normalize, relative } from 'node:path'
import vm from 'node:vm'

/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-this-alias -- a stand-in for WeChat's untyped JS globals, whose App/Page/Component callbacks see the harness as `self` */
import { JSDOM } from 'jsdom'
import { allPages, builtFiles, readAppJson, runWcc, WEAPP_DIR } from '../weapp-build'

type AnyFn = (...args: any[]) => any
type Dict = Record<string, any>

// ---------------------------------------------------------------- view layer

let jsdom: JSDOM | undefined

/**
 * jsdom as the global DOM for exparser. Node 20 has its own Event/EventTarget
 * globals; exparser must get jsdom's, or events created by one cannot be
 * dispatched on nodes of the other.
 */
export function installDom(): void {
  if (jsdom) return
  jsdom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true })
  const win = jsdom.window as unknown as Dict
  const names = [
    'document',
    'navigator',
    'Node',
    'Element',
    'HTMLElement',
    'Text',
    'Event',
    'CustomEvent',
    'UIEvent',
    'MouseEvent',
    'TouchEvent',
    'KeyboardEvent',
    'FocusEvent',
    'EventTarget',
    'getComputedStyle',
    'requestAnimationFrame',
    'cancelAnimationFrame',
    'MutationObserver'
  ]
  const g = globalThis as Dict
  Object.defineProperty(g, 'window', { value: win, configurable: true, writable: true })
  for (const name of names) if (win[name] !== undefined) Object.defineProperty(g, name, { value: win[name], configurable: true, writable: true })
}

interface JComponentNode {
  dom: HTMLElement
  instance: Dict
  data: Dict
  querySelector(selector: string): JComponentNode | undefined
  querySelectorAll(selector: string): JComponentNode[]
  dispatchEvent(name: string, options?: Dict): void
  attach(parent: Element): void
  detach(): void
}
interface JComponent {
  register(definition: Dict): string
  create(id: string, properties?: Dict): JComponentNode
}

let jComponent: JComponent | undefined
function jc(): JComponent {
  if (!jComponent) {
    installDom()
    // Loaded after the DOM is in place: exparser reads the globals when it starts.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- must load after installDom()
    jComponent = require('j-component') as JComponent
    // WeChat's built-in components as j-component renders them (as miniprogram-simulate registers them).
    // wcc output keeps the `wx-` prefix on the tags j-component calls official, so both ids are registered.
    const builtins = [
      'view',
      'text',
      'image',
      'button',
      'input',
      'textarea',
      'scroll-view',
      'swiper',
      'swiper-item',
      'picker',
      'switch',
      'navigator',
      'icon',
      'progress',
      'rich-text',
      'checkbox',
      'checkbox-group',
      'radio',
      'radio-group',
      'label',
      'form',
      'slider',
      'canvas',
      'video',
      'map',
      'web-view',
      'open-data',
      'movable-area',
      'movable-view',
      'cover-view',
      'cover-image',
      'block'
    ]
    for (const name of builtins) {
      for (const id of [name, 'wx-' + name]) jComponent.register({ id, tagName: 'wx-' + name, template: '<slot/>' })
    }
  }
  return jComponent
}

export interface RenderLayer {
  /** `$gwx(path)` for a .wxml path relative to the build, or undefined when wcc did not compile it. */
  render(path: string, data: Dict): Dict
  /** What the generated render code warned about (template not found, recursion, …). */
  warnings: string[]
}

/** wcc over the whole app (all .wxml and .wxs, custom components declared), evaluated into `$gwx`. */
export function compileRenderLayer(weappDir = WEAPP_DIR): RenderLayer {
  const wxml = builtFiles('.wxml')
  const wxs = builtFiles('.wxs')
  // The same wcc call the compile suite makes (compiler() sets the execute bit a fresh `npm ci` lacks).
  const run = runWcc(wxml, wxs, weappDir)
  if (run.error) throw new Error(`wcc could not run: ${run.error.message}`)
  if (run.status !== 0) throw new Error('wcc failed: ' + String(run.stderr))
  const warnings: string[] = []
  const record = (...args: unknown[]) => warnings.push(args.map(String).join(' '))
  // The view layer's own global object (WeChat's webview): wcc's code reads and writes `window`.
  const sandbox: Dict = { console: { log: record, warn: record, error: record, info: () => {}, debug: () => {} } }
  sandbox.window = sandbox
  sandbox.__webview_engine_version__ = 0.02
  sandbox.__mergeData__ = (env: Dict) => env
  vm.createContext(sandbox)
  vm.runInContext(run.stdout.toString(), sandbox, { filename: 'wcc-output.js' })
  const parse = vm.runInContext('JSON.parse', sandbox) as JSON['parse']
  const gwx = sandbox.$gwx as (path: string, global?: Dict) => ((env: Dict, dd: Dict, global: Dict) => Dict) | undefined
  return {
    warnings,
    render(path, data) {
      const generate = gwx(path)
      if (!generate) throw new Error(`wcc has no template for ${path}`)
      // The data arrives in the view layer's own realm, serialised (wcc's runtime tests
      // `o.constructor === Object`, so objects of another realm would not reach wxs).
      return generate(parse(JSON.stringify(data)) as Dict, {}, {})
    }
  }
}

// ---------------------------------------------------------------- logic layer

export interface CallRecord {
  api: string
  args: Dict
}

export type CloudAnswer = (name: string, data: Dict) => unknown

export interface LogicOptions {
  /** Answers wx.cloud.callFunction: the function's `result` envelope ({ ok, data } / { ok: false, error }). */
  cloud: CloudAnswer
  /** Storage the app starts with. */
  storage?: Dict
  /** Extra or replacing wx APIs (e.g. requestPayment answering fail cancel). */
  wx?: Dict
}

export interface PageInstance {
  path: string
  root: JComponentNode
  instance: Dict
}

/** A fresh WeChat logic layer (its own vm context) plus the view layer that renders its pages. */
export class WeappRuntime {
  readonly calls: CallRecord[] = []
  /** Uncaught errors, unhandled rejections and console.error of the logic layer. */
  readonly errors: string[] = []
  readonly warnings: string[] = []
  readonly pageConfigs = new Map<string, Dict>()
  readonly pageStack: PageInstance[] = []
  appConfig: Dict | undefined
  private readonly context: Dict
  private readonly modules = new Map<string, { exports: unknown }>()
  private loading: string | undefined
  private readonly componentConfigs = new Map<string, Dict>()
  private readonly componentIds = new Map<string, string>()
  private readonly storage: Map<string, unknown>
  private readonly timers = new Set<NodeJS.Timeout>()

  constructor(
    readonly view: RenderLayer,
    private readonly options: LogicOptions,
    readonly weappDir = WEAPP_DIR
  ) {
    this.storage = new Map(Object.entries(options.storage ?? {}))
    const self = this
    const context: Dict = {
      wx: this.createWx(),
      App(config: Dict) {
        self.appConfig = config
      },
      Page(config: Dict) {
        if (!self.loading) throw new Error('Page() called outside a page script')
        self.pageConfigs.set(self.loading.replace(/\.js$/, ''), config)
      },
      Component(config: Dict) {
        if (!self.loading) throw new Error('Component() called outside a component script')
        self.componentConfigs.set(self.loading.replace(/\.js$/, ''), config)
      },
      Behavior(definition: Dict) {
        return definition
      },
      getApp() {
        return self.appConfig
      },
      getCurrentPages() {
        return self.pageStack.map((p) => p.instance)
      },
      requirePlugin(name: string) {
        throw new Error(`requirePlugin(${name}): no plugins in this app`)
      },
      console: {
        log() {},
        info() {},
        debug() {},
        warn: (...args: unknown[]) => self.warnings.push(args.map(String).join(' ')),
        error: (...args: unknown[]) => self.errors.push('console.error: ' + args.map((a) => (a instanceof Error ? (a.stack ?? a.message) : String(a))).join(' '))
      },
      setTimeout: (fn: AnyFn, ms?: number, ...args: unknown[]) => {
        if (self.disposed) return undefined
        const t = setTimeout(() => {
          self.timers.delete(t)
          self.guard('setTimeout', () => fn(...args))
        }, ms)
        self.timers.add(t)
        return t
      },
      clearTimeout: (t: NodeJS.Timeout) => {
        self.timers.delete(t)
        clearTimeout(t)
      },
      setInterval: (fn: AnyFn, ms?: number) => {
        if (self.disposed) return undefined
        const t = setInterval(() => self.guard('setInterval', fn), ms)
        self.timers.add(t)
        return t
      },
      clearInterval: (t: NodeJS.Timeout) => {
        self.timers.delete(t)
        clearInterval(t)
      }
    }
    vm.createContext(context)
    this.context = context
    // Unhandled rejections inside the logic layer: vm contexts share Node's microtask queue and its
    // unhandledRejection event, so rejections are tracked through the context's own Promise.
    this.trackRejections()
  }

  private guard(where: string, fn: AnyFn): void {
    try {
      fn()
    } catch (err) {
      this.errors.push(`${where}: ${(err as Error)?.stack ?? String(err)}`)
    }
  }

  private trackRejections(): void {
    const onRejection = (reason: unknown) => this.errors.push('unhandled rejection: ' + ((reason as Error)?.stack ?? String(reason)))
    process.on('unhandledRejection', onRejection)
    this.disposers.push(() => process.off('unhandledRejection', onRejection))
  }

  private readonly disposers: (() => void)[] = []

  private disposed = false

  dispose(): void {
    this.disposed = true
    for (const page of this.pageStack) page.root.detach()
    for (const t of this.timers) {
      clearTimeout(t)
      clearInterval(t)
    }
    this.timers.clear()
    for (const d of this.disposers) d()
  }

  private record(api: string, args: Dict): void {
    this.calls.push({ api, args: JSON.parse(JSON.stringify(args ?? {})) as Dict })
  }

  callsTo(api: string): Dict[] {
    return this.calls.filter((c) => c.api === api).map((c) => c.args)
  }

  private createWx(): Dict {
    const self = this
    // A WeChat async API: success/fail/complete callbacks (Taro promisifies them itself).
    const api =
      (name: string, answer: (args: Dict) => Dict | Promise<Dict> = () => ({})) =>
      (args: Dict = {}) => {
        self.record(name, args)
        Promise.resolve()
          .then(() => answer(args))
          .then(
            (res) => {
              args.success?.({ errMsg: `${name}:ok`, ...res })
              args.complete?.({ errMsg: `${name}:ok`, ...res })
            },
            (err: Error) => {
              const res = { errMsg: `${name}:fail ${err.message}` }
              args.fail?.(res)
              args.complete?.(res)
            }
          )
      }
    const sync =
      (name: string, fn: AnyFn) =>
      (...args: unknown[]) => {
        self.record(name, { args })
        return fn(...args)
      }
    const systemInfo = {
      brand: 'devtools',
      model: 'iPhone 12',
      pixelRatio: 3,
      screenWidth: 390,
      screenHeight: 844,
      windowWidth: 390,
      windowHeight: 750,
      statusBarHeight: 47,
      language: 'zh_CN',
      version: '8.0.50',
      system: 'iOS 16.0',
      platform: 'devtools',
      SDKVersion: '3.5.0',
      safeArea: { left: 0, right: 390, top: 47, bottom: 810, width: 390, height: 763 },
      theme: 'light'
    }
    const navigate = (name: string) =>
      api(name, (args) => {
        self.navigations.push({ api: name, url: String(args.url ?? '') })
        return {}
      })
    const wx: Dict = {
      cloud: {
        init: sync('cloud.init', () => undefined),
        callFunction: (args: Dict) => {
          self.record('cloud.callFunction', { name: args.name, data: args.data })
          // The bridge: the event is serialised on the way out, the answer on the way back.
          const data = JSON.parse(JSON.stringify(args.data ?? {})) as Dict
          const promise = Promise.resolve().then(() => ({
            errMsg: 'cloud.callFunction:ok',
            requestID: 'fixture',
            result: JSON.parse(JSON.stringify(self.options.cloud(args.name, data) ?? null)) as unknown
          }))
          if (args.success || args.fail || args.complete) {
            promise.then(
              (res) => {
                args.success?.(res)
                args.complete?.(res)
              },
              (err: Error) => {
                args.fail?.({ errMsg: err.message })
                args.complete?.({ errMsg: err.message })
              }
            )
            return undefined
          }
          return promise
        },
        uploadFile: api('cloud.uploadFile', () => ({ fileID: 'cloud://fixture/upload.jpg', statusCode: 200 })),
        getTempFileURL: api('cloud.getTempFileURL', (args) => ({ fileList: ((args.fileList as string[]) ?? []).map((fileID) => ({ fileID, tempFileURL: 'https://fixture/' + fileID, status: 0 })) }))
      },
      getSystemInfoSync: () => ({ ...systemInfo }),
      getSystemInfo: api('getSystemInfo', () => ({ ...systemInfo })),
      getWindowInfo: () => ({ ...systemInfo }),
      getDeviceInfo: () => ({ ...systemInfo }),
      getAppBaseInfo: () => ({ ...systemInfo }),
      getSystemSetting: () => ({}),
      getAppAuthorizeSetting: () => ({}),
      getMenuButtonBoundingClientRect: () => ({ width: 87, height: 32, top: 51, right: 380, bottom: 83, left: 293 }),
      getLaunchOptionsSync: () => ({ path: 'pages/feed/index', query: {}, scene: 1001, referrerInfo: {} }),
      getEnterOptionsSync: () => ({ path: 'pages/feed/index', query: {}, scene: 1001, referrerInfo: {} }),
      getAccountInfoSync: () => ({ miniProgram: { appId: 'wxfixture', envVersion: 'develop', version: '' } }),
      canIUse: () => true,
      nextTick: (fn: AnyFn) => Promise.resolve().then(fn),
      getUpdateManager: () => ({ onCheckForUpdate() {}, onUpdateReady() {}, onUpdateFailed() {}, applyUpdate() {} }),
      onAppShow() {},
      onAppHide() {},
      offAppShow() {},
      offAppHide() {},
      onError() {},
      onUnhandledRejection() {},
      onPageNotFound() {},
      onNetworkStatusChange() {},
      onMemoryWarning() {},
      onThemeChange() {},
      onWindowResize() {},
      offWindowResize() {},
      getStorageSync: (key: string) => (self.storage.has(key) ? self.storage.get(key) : ''),
      setStorageSync: (key: string, value: unknown) => {
        self.storage.set(key, JSON.parse(JSON.stringify(value)) as unknown)
      },
      removeStorageSync: (key: string) => {
        self.storage.delete(key)
      },
      clearStorageSync: () => self.storage.clear(),
      getStorageInfoSync: () => ({ keys: [...self.storage.keys()], currentSize: 1, limitSize: 10240 }),
      getStorage: api('getStorage', (args) => {
        if (!self.storage.has(args.key)) throw new Error('data not found')
        return { data: self.storage.get(args.key) }
      }),
      setStorage: api('setStorage', (args) => {
        self.storage.set(args.key, args.data)
        return {}
      }),
      removeStorage: api('removeStorage', (args) => {
        self.storage.delete(args.key)
        return {}
      }),
      login: api('login', () => ({ code: 'fixture-code' })),
      requestPayment: api('requestPayment'),
      requestSubscribeMessage: api('requestSubscribeMessage', (args) => Object.fromEntries(((args.tmplIds as string[]) ?? []).map((id) => [id, 'accept']))),
      getSetting: api('getSetting', () => ({ authSetting: {}, subscriptionsSetting: { mainSwitch: true } })),
      navigateTo: navigate('navigateTo'),
      redirectTo: navigate('redirectTo'),
      switchTab: navigate('switchTab'),
      reLaunch: navigate('reLaunch'),
      navigateBack: api('navigateBack', (args) => {
        self.navigations.push({ api: 'navigateBack', url: String(args.delta ?? 1) })
        return {}
      }),
      showToast: api('showToast'),
      hideToast: api('hideToast'),
      showLoading: api('showLoading'),
      hideLoading: api('hideLoading'),
      showModal: api('showModal', () => ({ confirm: true, cancel: false })),
      showActionSheet: api('showActionSheet', () => ({ tapIndex: 0 })),
      setNavigationBarTitle: api('setNavigationBarTitle'),
      setNavigationBarColor: api('setNavigationBarColor'),
      showNavigationBarLoading: api('showNavigationBarLoading'),
      hideNavigationBarLoading: api('hideNavigationBarLoading'),
      startPullDownRefresh: api('startPullDownRefresh'),
      stopPullDownRefresh: api('stopPullDownRefresh'),
      pageScrollTo: api('pageScrollTo'),
      setTabBarBadge: api('setTabBarBadge'),
      removeTabBarBadge: api('removeTabBarBadge'),
      showTabBarRedDot: api('showTabBarRedDot'),
      hideTabBarRedDot: api('hideTabBarRedDot'),
      setClipboardData: api('setClipboardData'),
      getClipboardData: api('getClipboardData', () => ({ data: '' })),
      chooseImage: api('chooseImage', () => {
        throw new Error('cancel')
      }),
      chooseMedia: api('chooseMedia', () => {
        throw new Error('cancel')
      }),
      previewImage: api('previewImage'),
      saveImageToPhotosAlbum: api('saveImageToPhotosAlbum'),
      getImageInfo: api('getImageInfo', () => ({ width: 100, height: 100, path: 'wxfile://fixture' })),
      compressImage: api('compressImage', (args) => ({ tempFilePath: args.src })),
      uploadFile: api('uploadFile', () => ({ statusCode: 200, data: '{}' })),
      downloadFile: api('downloadFile', () => ({ statusCode: 200, tempFilePath: 'wxfile://fixture' })),
      request: api('request', () => {
        throw new Error('no network in the harness')
      }),
      scanCode: api('scanCode', () => {
        throw new Error('cancel')
      }),
      getLocation: api('getLocation', () => ({ latitude: 31.23, longitude: 121.47 })),
      chooseLocation: api('chooseLocation', () => {
        throw new Error('cancel')
      }),
      vibrateShort: api('vibrateShort'),
      vibrateLong: api('vibrateLong'),
      shareFileMessage: api('shareFileMessage'),
      showShareMenu: api('showShareMenu'),
      hideShareMenu: api('hideShareMenu'),
      updateShareMenu: api('updateShareMenu'),
      getFileSystemManager: () => ({
        writeFile: api('fs.writeFile'),
        writeFileSync() {},
        readFile: api('fs.readFile', () => ({ data: '' })),
        readFileSync: () => '',
        access: api('fs.access'),
        mkdirSync() {},
        unlinkSync() {}
      }),
      env: { USER_DATA_PATH: 'wxfile://usr' },
      createSelectorQuery: () => {
        const q: Dict = {
          in: () => q,
          select: () => q,
          selectAll: () => q,
          selectViewport: () => q,
          boundingClientRect: () => q,
          scrollOffset: () => q,
          fields: () => q,
          node: () => q,
          exec: (cb?: AnyFn) => cb?.([])
        }
        return q
      },
      createIntersectionObserver: () => {
        const o: Dict = { relativeTo: () => o, relativeToViewport: () => o, observe() {}, disconnect() {} }
        return o
      },
      createCanvasContext: () => new Proxy({}, { get: () => () => undefined }),
      createInnerAudioContext: () => ({ play() {}, pause() {}, stop() {}, destroy() {}, onEnded() {}, onError() {} }),
      reportAnalytics() {},
      reportEvent() {},
      getRealtimeLogManager: () => ({ info() {}, warn() {}, error() {}, setFilterMsg() {} })
    }
    return Object.assign(wx, this.options.wx ?? {})
  }

  readonly navigations: { api: string; url: string }[] = []

  /** WeChat's require(): build-relative paths, each file once, within the package's folder tree. */
  require(file: string): unknown {
    const path = normalize(file.endsWith('.js') ? file : file + '.js')
    const cached = this.modules.get(path)
    if (cached) return cached.exports
    const full = join(this.weappDir, path)
    if (relative(this.weappDir, full).startsWith('..') || !existsSync(full)) throw new Error(`module "${path}" is not defined`)
    const module = { exports: {} as unknown }
    this.modules.set(path, module)
    const code = readFileSync(full, 'utf8')
    const fn = vm.runInContext(`(function (require, module, exports) {${code}\n})`, this.context, { filename: full }) as AnyFn
    const previous = this.loading
    this.loading = path
    try {
      fn.call(this.context, (dep: string) => this.require(join(dirname(path), dep)), module, module.exports)
    } finally {
      this.loading = previous
    }
    return module.exports
  }

  /** app.js, then App's onLaunch and onShow as WeChat calls them at a cold start. */
  launch(path = 'pages/feed/index', query: Dict = {}): void {
    this.require('app.js')
    if (!this.appConfig) throw new Error('app.js did not call App()')
    const options = { path, query, scene: 1001, referrerInfo: {} }
    this.appConfig.onLaunch?.call(this.appConfig, options)
    this.appConfig.onShow?.call(this.appConfig, options)
  }

  /** Registers the custom component at this build path with j-component (once), its template rendered by wcc's output. */
  private registerComponent(path: string): string {
    const known = this.componentIds.get(path)
    if (known) return known
    this.require(path + '.js')
    const config = this.componentConfigs.get(path)
    if (!config) throw new Error(`${path}.js did not call Component()`)
    const id = 'weapp-' + path.replace(/\W/g, '-')
    this.componentIds.set(path, id)
    const usingComponents = this.usingComponents(path)
    const view = this.view
    const definition = {
      ...config,
      id,
      tagName: path.split('/').pop(),
      template: (data: Dict) => view.render(path + '.wxml', data),
      usingComponents,
      methods: { ...(config.methods as Dict) }
    }
    jc().register(this.wrapSetData(definition))
    return id
  }

  private usingComponents(path: string): Dict {
    const json = JSON.parse(readFileSync(join(this.weappDir, path + '.json'), 'utf8')) as { usingComponents?: Dict }
    const using: Dict = {}
    for (const [tag, target] of Object.entries(json.usingComponents ?? {})) {
      const resolved = String(target).startsWith('/') ? String(target).slice(1) : join(dirname(path), String(target))
      using[tag] = resolved === path ? 'weapp-' + path.replace(/\W/g, '-') : this.registerComponent(resolved)
    }
    // A component that uses itself (Taro's custom wrapper) refers to its own id.
    return using
  }

  /** setData through a JSON round trip, as WeChat's logic→view bridge serialises it. */
  private wrapSetData(definition: Dict): Dict {
    const created = definition.created as AnyFn | undefined
    const self = this
    definition.created = function (this: Dict, ...args: unknown[]) {
      const setData = this.setData as AnyFn
      this.setData = (data: Dict, cb?: AnyFn) => {
        let payload: Dict
        try {
          payload = JSON.parse(JSON.stringify(data)) as Dict
        } catch (err) {
          self.errors.push(`setData payload does not serialise: ${(err as Error).message}`)
          throw err
        }
        setData.call(this, payload, cb)
      }
      return created?.apply(this, args)
    }
    return definition
  }

  /** Loads the page's script (and its chunks) into the logic layer, registering its Page(). */
  loadPage(path: string): Dict {
    this.require(path + '.js')
    const config = this.pageConfigs.get(path)
    if (!config) throw new Error(`${path}.js did not call Page()`)
    return config
  }

  /** Opens the page like a navigation: Page instance, onLoad(query), onShow, first render, onReady. */
  open(path: string, query: Dict = {}): PageInstance {
    const config = this.loadPage(path)
    const methods: Dict = {}
    const fields: Dict = {}
    for (const [key, value] of Object.entries(config)) {
      if (key === 'data' || key === 'behaviors' || key === 'options') continue
      if (typeof value === 'function') methods[key] = value
      else fields[key] = value
    }
    const view = this.view
    const id = jc().register(
      this.wrapSetData({
        tagName: 'page',
        template: (data: Dict) => view.render(path + '.wxml', data),
        usingComponents: this.usingComponents(path),
        data: JSON.parse(JSON.stringify(config.data ?? {})) as Dict,
        methods
      })
    )
    const root = jc().create(id)
    const instance = root.instance
    Object.assign(instance, JSON.parse(JSON.stringify(fields)) as Dict, { route: path, __route__: path, options: query })
    const page: PageInstance = { path, root, instance }
    this.pageStack.push(page)
    const host = document.createElement('page-host')
    document.body.appendChild(host)
    root.attach(host)
    this.guard(`${path} onLoad`, () => instance.onLoad?.call(instance, query))
    this.guard(`${path} onShow`, () => instance.onShow?.call(instance))
    this.guard(`${path} onReady`, () => instance.onReady?.call(instance))
    return page
  }

  close(page: PageInstance): void {
    this.guard(`${page.path} onUnload`, () => page.instance.onUnload?.call(page.instance))
    page.root.detach()
    const at = this.pageStack.indexOf(page)
    if (at >= 0) this.pageStack.splice(at, 1)
  }
}

/** Lets promises, React's scheduler (setTimeout) and Taro's batched setData settle. */
export async function settle(rounds = 6): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setTimeout(resolve, 0))
}

/** Settles until `done()` holds (or `timeoutMs` passes). */
export async function until(done: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!done() && Date.now() <= deadline) await settle(1)
}

/**
 * Settles until the page shows `text` (or `timeoutMs` passes): how many event-loop
 * turns a render takes depends on the machine's load, so a fixed count is flaky.
 */
export async function untilText(page: PageInstance, text: string, timeoutMs = 5000): Promise<string> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    await settle(1)
    const shown = textOf(page)
    if (shown.includes(text) || Date.now() > deadline) return shown
  }
}

/** The page's rendered text, as a member would read it. */
export function textOf(page: PageInstance): string {
  return (page.root.dom.textContent ?? '').replace(/\s+/g, ' ').trim()
}

/**
 * Taps the innermost element with a tap handler whose text contains `label`,
 * through exparser's event dispatch (so the page's own `eh` handler runs).
 */
export function tap(page: PageInstance, label: string | RegExp): void {
  const matches = (el: Element) => (typeof label === 'string' ? (el.textContent ?? '').includes(label) : label.test(el.textContent ?? ''))
  // exparser keeps ids off the DOM; Taro's data-sid is there, and its id is the sid (uid when set).
  const candidates = [...page.root.dom.querySelectorAll('[data-sid]')].filter((el) => matches(el))
  // Innermost first: the element whose own subtree matched, not its ancestors.
  const innermost = candidates.filter((el) => !candidates.some((other) => other !== el && el.contains(other)))
  for (const el of [...innermost, ...candidates.reverse()]) {
    const node = page.root.querySelector('#' + (el.getAttribute('data-sid') ?? ''))
    if (!node) continue
    node.dispatchEvent('tap')
    return
  }
  throw new Error(`nothing to tap with text ${String(label)} on ${page.path}`)
}

export { allPages, readAppJson }
