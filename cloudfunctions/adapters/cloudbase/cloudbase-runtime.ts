// The runtime inside a CloudBase function instance: created once per instance and
// reused while it stays warm. Only ever loaded when APP_RUNTIME is 'cloudbase'.
import tcb from '@cloudbase/node-sdk'
import { systemClock } from '../../ports/clock'
import { parseOpenidList, type Runtime } from '../../platform/runtime-shape'
import { CloudbaseStore } from './cloudbase-store'
import { WechatNotifier } from './wechat-notifier'
import { CloudbaseFiles, type CloudStorage } from './cloudbase-files'
import { WechatContentSafety } from './wechat-content-safety'
import { WechatPayV3 } from '../wechatpay/wechatpay-v3'
import { wechatPayConfigFromEnv } from '../wechatpay/config-from-env'
import { WechatMiniCodes } from './wechat-mini-codes'
import type { Payments } from '../../ports/payments'
import { subscribeTemplatesFromEnv, ticketSecretFromEnv as ticketSecretSetting } from './settings-from-env'

/** WX_SUBSCRIBE_TEMPLATES_B64 (what the deploy sets) or WX_SUBSCRIBE_TEMPLATES; a bad value logs and turns messages off. */
function templatesFromEnv(): Record<string, string> {
  return subscribeTemplatesFromEnv(process.env)
}

/** Payments are configured lazily so functions that never take money run without WeChat Pay settings. */
function lazyWechatPay(): Payments {
  let instance: WechatPayV3 | null = null
  const get = () => (instance ??= new WechatPayV3(wechatPayConfigFromEnv(process.env), systemClock))
  return {
    provider: 'wechat',
    get appid() {
      return get().appid
    },
    get mchid() {
      return get().mchid
    },
    prepay: (r) => get().prepay(r),
    verifyNotify: (h, b) => get().verifyNotify(h, b),
    query: (o) => get().query(o),
    close: (o) => get().close(o),
    refund: (r) => get().refund(r),
    queryRefund: (n) => get().queryRefund(n),
    transfer: (r) => get().transfer(r),
    queryTransfer: (n) => get().queryTransfer(n)
  }
}

/** TICKET_SECRET; missing or short logs and signs with a throwaway key (tickets unforgeable, not scannable). */
function ticketSecretFromEnv(): string {
  return ticketSecretSetting(process.env)
}

export function createCloudbaseRuntime(): Runtime {
  const app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV })
  const templates = templatesFromEnv()
  return {
    store: new CloudbaseStore(app.database()),
    clock: systemClock,
    notifier: new WechatNotifier(app, templates, process.env.WX_MINIPROGRAM_STATE ?? 'formal'),
    files: new CloudbaseFiles(process.env.TCB_ENV ?? process.env.SCF_NAMESPACE ?? '', app as unknown as CloudStorage),
    contentSafety: new WechatContentSafety(app, async (fileIds) => {
      const { fileList } = await app.getTempFileURL({ fileList: fileIds })
      return fileList.map((f: { tempFileURL: string }) => f.tempFileURL)
    }),
    payments: lazyWechatPay(),
    miniCodes: new WechatMiniCodes(app, process.env.WX_MINIPROGRAM_STATE === 'developer' ? 'develop' : process.env.WX_MINIPROGRAM_STATE === 'trial' ? 'trial' : 'release'),
    config: { mode: 'cloudbase', hostOpenids: parseOpenidList(process.env.HOST_OPENIDS), ticketSecret: ticketSecretFromEnv(), subscribeTemplates: templates }
  }
}
