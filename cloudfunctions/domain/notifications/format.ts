// The one place message data is shaped to WeChat's subscribe-message field rules
// (订阅消息 参数值内容限制). A key's type is its name without the trailing digits:
// `thing1` is a thing, `time2` a time, `phrase3` a phrase. A value that breaks a
// rule is refused by WeChat with 47003, so every enqueue goes through here.
//   thing            ≤ 20 characters (we cut at 19 and add …)
//   time / date      a full date with the year, China time: YYYY年MM月DD日 HH:mm (date: YYYY年MM月DD日)
//   phrase           ≤ 5 Chinese characters, Chinese only
//   number           digits (with an optional sign and decimals), ≤ 32
//   amount           a currency amount from fen: ¥12.30
//   character_string ≤ 32 letters, digits and symbols
//   name             ≤ 10 characters
import { SUBSCRIBE_TEMPLATE_KEYS, type SubscribeTemplateKey } from '../../../types/notifications'
import type { SubscribeMessage } from '../../ports/notifier'
import { chinaTime } from '../../ports/clock'

export const THING_MAX = 20
export const PHRASE_MAX = 5

const ELLIPSIS = '…'
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g
const HAN = /\p{Script=Han}/u

/** Characters as WeChat counts them (code points, not UTF-16 units). */
function chars(value: string): string[] {
  return [...value]
}

function clean(value: string): string {
  return value.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim()
}

function cut(value: string, max: number, ellipsis = true): string {
  const all = chars(value)
  if (all.length <= max) return value
  return ellipsis
    ? all
        .slice(0, max - 1)
        .join('')
        .trimEnd() + ELLIPSIS
    : all.slice(0, max).join('')
}

export function thing(value: string): string {
  return cut(clean(value), THING_MAX) || '—'
}

const FULL_TIME = /^\d{4}年\d{2}月\d{2}日 \d{2}:\d{2}$/
const FULL_DATE = /^\d{4}年\d{2}月\d{2}日$/

/** A China-time date-time with the year. Takes epoch ms (or an already formatted value). */
export function time(value: number | string): string {
  if (typeof value === 'number') return chinaTime(value).format('YYYY年MM月DD日 HH:mm')
  if (FULL_TIME.test(value)) return value
  throw new Error(`time field needs an instant (epoch ms) or YYYY年MM月DD日 HH:mm, got "${value}"`)
}

export function date(value: number | string): string {
  if (typeof value === 'number') return chinaTime(value).format('YYYY年MM月DD日')
  if (FULL_DATE.test(value) || FULL_TIME.test(value)) return value
  throw new Error(`date field needs an instant (epoch ms) or YYYY年MM月DD日, got "${value}"`)
}

/** Chinese characters only, at most 5 (WeChat refuses anything else in a phrase). */
export function phrase(value: string): string {
  const han = chars(value)
    .filter((c) => HAN.test(c))
    .join('')
  return cut(han, PHRASE_MAX, false) || '通知'
}

export function number(value: number | string): string {
  const text = typeof value === 'number' ? String(value) : value.trim()
  if (!/^-?\d+(\.\d+)?$/.test(text) || text.length > 32) throw new Error(`number field needs digits, got "${text}"`)
  return text
}

/** An amount in fen → ¥12.30. */
export function amount(fen: number | string): string {
  if (typeof fen === 'string') {
    if (/^¥\d{1,10}(\.\d{1,2})?$/.test(fen)) return fen
    throw new Error(`amount field needs fen, got "${fen}"`)
  }
  if (!Number.isInteger(fen) || fen < 0) throw new Error(`amount field needs whole fen ≥ 0, got ${fen}`)
  return `¥${(fen / 100).toFixed(2)}`
}

export function characterString(value: string | number): string {
  const text = String(value).replace(/[^\x21-\x7e]/g, '')
  return text.slice(0, 32) || '-'
}

export function name(value: string): string {
  return cut(clean(value), 10, false) || '会员'
}

export type FieldValue = string | number

/** Formats one field by the type its key names. Unknown types are refused: WeChat would refuse them too. */
export function formatField(key: string, value: FieldValue): string {
  const type = key.replace(/\d+$/, '')
  switch (type) {
    case 'thing':
      return thing(String(value))
    case 'time':
      return time(value)
    case 'date':
      return date(value)
    case 'phrase':
      return phrase(String(value))
    case 'number':
      return number(value)
    case 'amount':
      return amount(value)
    case 'character_string':
      return characterString(value)
    case 'name':
      return name(String(value))
    default:
      throw new Error(`unknown subscribe message field type "${type}" (${key})`)
  }
}

export function formatData(data: Record<string, FieldValue>): Record<string, string> {
  return Object.fromEntries(Object.entries(data).map(([key, value]) => [key, formatField(key, value)]))
}

export function isTemplateKey(value: string): value is SubscribeTemplateKey {
  return (SUBSCRIBE_TEMPLATE_KEYS as readonly string[]).includes(value)
}

/** A message ready for the outbox: known template, every field within WeChat's rules. */
export function subscribeMessage(message: { openid: string; template: SubscribeTemplateKey; page?: string; data: Record<string, FieldValue> }): SubscribeMessage {
  if (!isTemplateKey(message.template)) throw new Error(`unknown subscribe template "${message.template}"`)
  return { openid: message.openid, template: message.template, ...(message.page !== undefined ? { page: message.page } : {}), data: formatData(message.data) }
}
