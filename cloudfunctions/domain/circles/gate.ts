// One rule for content gated by a circle and/or a tier (challenges, events):
// what locks it for this member, in the words the app shows (加入「圈名」后可参加,
// 达到 LvN 解锁), and the refusal the server gives when they try anyway. The
// circle comes first: a member outside it is told to join before the tier.
import type { LockView } from '../../../types/gating'
import { AppError } from '../../platform/app-error'
import type { Runtime } from '../../platform/runtime'
import { WALLETS, type WalletDoc } from '../growth/wallet'
import { CIRCLES, CIRCLE_MEMBERS } from './access'

export interface Gated {
  circleId: string | null
  /** 1 or absent: every tier. */
  minTierLevel?: number
}

interface CircleRow {
  _id: string
  name: string
  kind?: string
  plans?: Array<{ priceFen: number }>
}

function circleLock(circle: CircleRow | null, circleId: string): LockView {
  const name = circle?.name ?? '圈子'
  const prices = circle?.kind === 'free' ? [] : (circle?.plans ?? []).map((p) => p.priceFen)
  return { kind: 'circle', circleId, circleName: name, lowestPriceFen: prices.length > 0 ? Math.min(...prices) : null, text: `加入「${name}」后可参加` }
}

const tierLock = (level: number, mine: number): LockView => ({ kind: 'tier', tierLevel: level, myTierLevel: mine, text: `达到 Lv${level} 解锁` })

/**
 * What locks one item for this member (null: open to them), with the circle's
 * name and whether they are in it. `exempt`: staff, who see and run everything.
 * Reads the circle and the membership (when the item has a circle) and the
 * wallet (when it asks for a tier above 1).
 */
export async function lockFor(runtime: Runtime, item: Gated, openid: string, now: number, exempt: boolean): Promise<{ lock: LockView | null; circleName: string | null; inCircle: boolean }> {
  const level = item.minTierLevel ?? 1
  const [circle, membership, wallet] = await Promise.all([
    item.circleId ? runtime.store.collection<CircleRow>(CIRCLES).get(item.circleId) : null,
    item.circleId ? runtime.store.collection<{ _id: string; endsAt: number }>(CIRCLE_MEMBERS).get(`${item.circleId}:${openid}`) : null,
    level > 1 && !exempt ? runtime.store.collection<WalletDoc>(WALLETS).get(openid) : null
  ])
  const inCircle = item.circleId === null || (membership !== null && membership.endsAt > now)
  const circleName = item.circleId ? (circle?.name ?? null) : null
  if (exempt) return { lock: null, circleName, inCircle: true }
  if (!inCircle) return { lock: circleLock(circle, item.circleId!), circleName, inCircle }
  const mine = wallet?.tierLevel ?? 1
  return { lock: mine < level ? tierLock(level, mine) : null, circleName, inCircle }
}

/**
 * The locks of a page of items, in three reads at most whatever its length:
 * their circles, the member's memberships of them, and the wallet.
 */
export async function locksFor(runtime: Runtime, items: Gated[], openid: string, now: number, exempt: boolean): Promise<Array<LockView | null>> {
  if (exempt) return items.map(() => null)
  const circleIds = [...new Set(items.map((i) => i.circleId).filter((id): id is string => id !== null))]
  const needsWallet = items.some((i) => (i.minTierLevel ?? 1) > 1)
  const [circles, memberships, wallet] = await Promise.all([
    circleIds.length > 0 ? runtime.store.collection<CircleRow>(CIRCLES).find({ _id: { $in: circleIds } }, { limit: 100 }) : null,
    circleIds.length > 0 ? runtime.store.collection<{ _id: string; endsAt: number }>(CIRCLE_MEMBERS).find({ _id: { $in: circleIds.map((id) => `${id}:${openid}`) } }, { limit: 100 }) : null,
    needsWallet ? runtime.store.collection<WalletDoc>(WALLETS).get(openid) : null
  ])
  const byId = new Map((circles?.items ?? []).map((c) => [c._id, c]))
  const current = new Set((memberships?.items ?? []).filter((m) => m.endsAt > now).map((m) => m._id))
  const mine = wallet?.tierLevel ?? 1
  return items.map((item) => {
    if (item.circleId && !current.has(`${item.circleId}:${openid}`)) return circleLock(byId.get(item.circleId) ?? null, item.circleId)
    const level = item.minTierLevel ?? 1
    return mine < level ? tierLock(level, mine) : null
  })
}

/** The refusal when a locked item is joined anyway: FORBIDDEN, in the lock's words (the tier's with the member's own level). */
export async function assertUnlocked(runtime: Runtime, item: Gated, openid: string, now: number, exempt: boolean): Promise<void> {
  const { lock } = await lockFor(runtime, item, openid, now, exempt)
  if (!lock) return
  if (lock.kind === 'circle') throw new AppError('FORBIDDEN', lock.text, 'circleId')
  throw new AppError('FORBIDDEN', `${lock.text}（你当前 Lv${lock.myTierLevel}）`, 'minTierLevel')
}
