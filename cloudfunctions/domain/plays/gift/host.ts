// The host's side of gifts: the welcome gift setting, the measures (counts on
// the cards and the welcomes; revenue as a count per price sold), and the log.
import type { GiftLogView, GiftLogsInput, GiftMeasures, HostGiftView } from '../../../../types/gift'
import type { Page } from '../../../../types/page'
import type { Runtime } from '../../../platform/runtime'
import { authorsOf } from '../../checkin/views'
import { GIFT_CARDS, GIFT_LOGS, GIFT_WELCOMES, loadGiftSettings, type GiftLogDoc, type GiftSettingsDoc, type GiftWelcomeDoc } from './gift'

const LOG_PAGE = 20

/** 6 counts, and one per price sold (at most MAX_PRICES). */
export async function measuresOf(runtime: Runtime, settings: GiftSettingsDoc): Promise<GiftMeasures> {
  const cards = runtime.store.collection(GIFT_CARDS)
  const prices = [...new Set(settings.soldPrices)]
  const [sold, claimed, unclaimed, newMembers, welcomed, ...byPrice] = await Promise.all([
    cards.count({}),
    cards.count({ state: 'claimed' }),
    cards.count({ state: 'unclaimed' }),
    cards.count({ state: 'claimed', newMember: true }),
    runtime.store.collection(GIFT_WELCOMES).count({ status: 'granted' }),
    ...prices.map((priceFen) => cards.count({ priceFen, state: { $in: ['unclaimed', 'claimed'] } }))
  ])
  const revenueFen = prices.reduce((sum, price, i) => sum + price * byPrice[i], 0)
  return { sold, claimed, unclaimed, refunded: sold - claimed - unclaimed, revenueFen, newMembers, welcomed }
}

export function hostGiftView(settings: GiftSettingsDoc, measures: GiftMeasures): HostGiftView {
  return { welcome: settings.welcome, welcomeTitle: settings.welcome.type === 'none' ? '未设置' : settings.welcomeTitle, measures }
}

export async function hostGifts(runtime: Runtime): Promise<HostGiftView> {
  const settings = await loadGiftSettings(runtime)
  return hostGiftView(settings, await measuresOf(runtime, settings))
}

/** The host's log: the cards' (purchases, claims, refusals, refunds) or the welcome gifts' (one per invitee). 3 requests. */
export async function giftLogs(runtime: Runtime, input: GiftLogsInput): Promise<Page<GiftLogView>> {
  if (input.source === 'welcomes') {
    const page = await runtime.store.collection<GiftWelcomeDoc>(GIFT_WELCOMES).find({}, { sort: [['grantedAt', 'desc']], limit: LOG_PAGE, after: input.after })
    const authors = await authorsOf(runtime, [...new Set(page.items.map((w) => w._id))])
    return {
      items: page.items.map((w) => ({
        id: w._id,
        kind: w.status === 'granted' ? 'welcomed' : 'welcomeFailed',
        at: w.grantedAt,
        memberName: authors.get(w._id)?.nickname ?? '',
        text: w.status === 'granted' ? `通过邀请加入，获得欢迎礼：${w.title}` : `通过邀请加入，欢迎礼未发放：${w.reason}`
      })),
      next: page.next
    }
  }
  const page = await runtime.store.collection<GiftLogDoc>(GIFT_LOGS).find({}, { sort: [['at', 'desc']], limit: LOG_PAGE, after: input.after })
  const authors = await authorsOf(runtime, [...new Set(page.items.map((l) => l.openid))])
  return { items: page.items.map((l) => ({ id: l._id, kind: l.kind, at: l.at, memberName: authors.get(l.openid)?.nickname ?? '', text: l.text })), next: page.next }
}
