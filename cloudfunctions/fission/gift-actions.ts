// 送 gifts: two-sided invites and gift memberships (礼品卡).
import type { ActionMap } from '../platform/define-action'

export const giftActions: Pick<ActionMap<'fission'>, never> = {}
