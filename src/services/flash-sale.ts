import type { FlashSalePhase, FlashSaleView, StockBand } from '../../types/flash-sale'
import type { Tone } from '../components/tag'
import { callAction } from './api'
import { chinaTime } from '../utils/china-time'
import { countdown, formatFen } from '../utils/format'

export { countdown }

// 秒杀 flash sales in the client, for the member pages (packages/flash-sale)
// and the host's (packages/host-flash-sale): cache keys, the countdown and the
// words for each phase in China time, the share title, and the server calls
// (pages call these, never callFunction).

export const FLASH_SALES_KEY = 'flashSale.list'
export const HOST_FLASH_SALES_KEY = 'flashSale.host'
export const flashSaleKey = (saleId: string) => `flashSale.detail.${saleId}`

export const PHASE_LABEL: Record<FlashSalePhase, string> = { upcoming: '即将开始', onSale: '立即抢购', soldOut: '已抢光', paused: '已暂停', ended: '已结束' }
export const PHASE_TONE: Record<FlashSalePhase, Tone> = { upcoming: 'blue', onSale: 'red', soldOut: 'grey', paused: 'orange', ended: 'grey' }
export const TARGET_LABEL: Record<FlashSaleView['targetType'], string> = { plan: '会员', event: '活动名额', mall: '商城好物' }
const BAND_LABEL: Record<StockBand, string> = { plenty: '库存充足', some: '剩余不多', few: '即将抢光', none: '已抢光' }

/** The server's clock as the page sees it: the offset of the answer's serverNow from this device's clock, so a wrong phone clock cannot start the countdown early. */
export const clockOffset = (sale: Pick<FlashSaleView, 'serverNow'>, receivedAt: number) => sale.serverNow - receivedAt

/** The phase as the countdown moves (the server's answer decides again at each refresh). */
export function livePhase(sale: FlashSaleView, now: number): FlashSalePhase {
  if (now >= sale.endAt) return 'ended'
  if (sale.phase === 'paused' || sale.phase === 'soldOut') return sale.phase
  return now < sale.startAt ? 'upcoming' : 'onSale'
}

/** 12月06日 20:00 (China time). */
export const formatSaleTime = (at: number) => chinaTime(at).format('MM月DD日 HH:mm')

/** What the line under the price says in each phase. */
export function phaseLine(sale: FlashSaleView, now: number): string {
  const phase = livePhase(sale, now)
  if (phase === 'upcoming') return `距开抢 ${countdown(sale.startAt, now)}`
  if (phase === 'onSale') return `${BAND_LABEL[sale.stockBand]} · 约剩 ${sale.leftPercent}% · 距结束 ${countdown(sale.endAt, now)}`
  if (phase === 'soldOut') return '已抢光，有人未付款时会放出名额'
  if (phase === 'paused') return '主理人暂停了这场秒杀'
  return `已于 ${formatSaleTime(sale.endAt)} 结束`
}

/** The buy button: its words and whether it can be tapped. */
export function buyButton(sale: FlashSaleView, now: number, busy: boolean): { label: string; enabled: boolean } {
  if (sale.mine?.status === 'paid') return { label: '已抢到', enabled: false }
  if (sale.mine?.status === 'refunded') return { label: '已退款', enabled: false }
  if (sale.mine?.status === 'held' && sale.mine.payBefore > now) return { label: `去支付 ${countdown(sale.mine.payBefore, now).slice(3)}`, enabled: !busy }
  const phase = livePhase(sale, now)
  if (phase === 'upcoming') return { label: `${formatSaleTime(sale.startAt)} 开抢`, enabled: false }
  if (phase === 'onSale') return { label: busy ? '抢购中…' : `立即抢购 ${formatFen(sale.priceFen)}`, enabled: !busy }
  return { label: PHASE_LABEL[phase], enabled: false }
}

/** The share card's title: the price, what it is and when. */
export function shareTitle(sale: FlashSaleView, now: number): string {
  const price = `${formatFen(sale.priceFen)}${sale.originalFen > sale.priceFen ? `（原价${formatFen(sale.originalFen)}）` : ''}`
  const when = now < sale.startAt ? `${formatSaleTime(sale.startAt)} 开抢` : '正在秒杀'
  return `【秒杀】${price}抢「${sale.itemName}」，${when}，每人限 1 件`
}

// Server calls (fission)

export const fetchFlashSales = callAction('sales', 'flashSales')
export const fetchFlashSale = callAction('sales', 'flashSale')
export const buyFlashSale = callAction('sales', 'buyFlashSale')
export const fetchHostFlashSales = callAction('sales', 'hostFlashSales')
export const createFlashSale = callAction('sales', 'createFlashSale')
export const pauseFlashSale = callAction('sales', 'pauseFlashSale')
