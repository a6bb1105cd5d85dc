// Referral: every member has a short invite code; a new member's first login
// with a code records who invited them, once (no self-invites, no
// re-attribution, no cycles). The inviter is rewarded when the invitee
// activates — first check-in or first payment — not on arrival.
import { randomInt } from 'node:crypto'
import type { InviteInfo, InvitePoster, InviteeView } from '../../../types/leaderboard'
import { CHECKINS, type CheckinDoc } from '../checkin/checkin'
import type { Page, PageInput } from '../../../types/page'
import type { Transaction } from '../../ports/store'
import { isConflict } from '../../ports/store'
import { COLLECTIONS } from '../../platform/collections'
import type { Runtime } from '../../platform/runtime'
import { FACTS, type FactDoc } from '../facts/facts'
import { MEMBERS, type MemberDoc } from '../members/member'
import { authorsOf } from '../checkin/views'
import { LEDGER, type LedgerEntryDoc } from '../growth/wallet'

export const REFERRALS = COLLECTIONS.referrals.name
export const INVITE_CODES = COLLECTIONS.inviteCodes.name
/** A member counts as new for attribution during their first 10 minutes. */
export const FIRST_LOGIN_MS = 10 * 60_000
// Characters allowed in a mini-program code's scene, minus look-alikes.
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz'

export interface ReferralDoc {
  _id: string // the invitee's openid: one inviter per member, ever
  inviter: string
  code: string
  status: 'joined' | 'activated'
  joinedAt: number
  activatedAt: number | null
}

interface CodeDoc {
  _id: string // the code
  openid: string
}

export async function inviteCodeOf(runtime: Runtime, openid: string, known?: MemberDoc & { inviteCode?: string }): Promise<string> {
  const members = runtime.store.collection<MemberDoc & { inviteCode?: string }>(MEMBERS)
  const member = known ?? (await members.get(openid))
  if (member?.inviteCode) return member.inviteCode
  for (;;) {
    const code = Array.from({ length: 6 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')
    try {
      await runtime.store.collection<CodeDoc>(INVITE_CODES).insert({ _id: code, openid })
    } catch (error) {
      if (isConflict(error)) continue
      throw error
    }
    // Two first calls at once may both make a code; the member keeps whichever landed, the other stays unused.
    if (await members.updateIf(openid, { inviteCode: { $exists: false } }, { set: { inviteCode: code } })) return code
    return (await members.get(openid))?.inviteCode ?? code
  }
}

/** Records who invited a new member. Quietly ignores anything that does not qualify. */
export async function attributeInvite(runtime: Runtime, invitee: MemberDoc, code: string, now: number): Promise<boolean> {
  if (now - invitee.joinedAt > FIRST_LOGIN_MS) return false
  const owner = await runtime.store.collection<CodeDoc>(INVITE_CODES).get(code)
  if (!owner || owner.openid === invitee._id) return false
  // No cycles: the invitee must not be anywhere up the inviter's chain.
  let cursor: string | null = owner.openid
  for (let depth = 0; cursor && depth < 50; depth++) {
    if (cursor === invitee._id) return false
    cursor = (await runtime.store.collection<ReferralDoc>(REFERRALS).get(cursor))?.inviter ?? null
  }
  try {
    await runtime.store.collection<ReferralDoc>(REFERRALS).insert({ _id: invitee._id, inviter: owner.openid, code, status: 'joined', joinedAt: now, activatedAt: null })
    // So settling the invitee's facts knows to look for the invite (members never invited skip that read).
    await runtime.store.collection<MemberDoc>(MEMBERS).update(invitee._id, { set: { invite: 'pending' } })
    return true
  } catch (error) {
    if (isConflict(error)) return false
    throw error
  }
}

/** Inside the transaction applying a first check-in or first payment: the invite activates, once. */
export async function activateInvite(tx: Transaction, inviteeOpenid: string, at: number): Promise<void> {
  const referrals = tx.collection<ReferralDoc>(REFERRALS)
  const referral = await referrals.get(inviteeOpenid)
  if (!referral || referral.status !== 'joined') return
  await referrals.set({ ...referral, status: 'activated', activatedAt: at })
  // The referral's status, read and changed in this transaction, makes the fact new: a plain insert.
  await tx.collection<FactDoc>(FACTS).insert({
    _id: `invite.activated:${inviteeOpenid}`,
    type: 'invite.activated',
    openid: referral.inviter,
    refId: inviteeOpenid,
    payload: {},
    createdAt: at,
    processedAt: null,
    boards: 'pending'
  })
}

const QUOTE_CHARS = 40

/**
 * The testimonial on a member's invite poster: the photo and words of their
 * latest featured check-in with a photo, else their latest with a photo.
 * Only open check-ins: a members-only challenge's stay inside its circle.
 */
export async function posterOf(runtime: Runtime, openid: string): Promise<InvitePoster | null> {
  const recent = await runtime.store.collection<CheckinDoc>(CHECKINS).find({ openid, status: 'visible', circleId: { $in: [null] } }, { sort: [['createdAt', 'desc']], limit: 30 })
  const withPhoto = recent.items.filter((c) => c.photoFileIds.length > 0)
  const pick = withPhoto.find((c) => c.featured) ?? withPhoto[0]
  if (!pick) return null
  const chars = Array.from(pick.text.trim())
  return { photoUrl: runtime.files.urlFor(pick.photoFileIds[0]), quote: chars.length > QUOTE_CHARS ? `${chars.slice(0, QUOTE_CHARS).join('')}…` : chars.join(''), featured: pick.featured }
}

/** 我的邀请: my code, link, QR (a mini-program code in WeChat), poster and counts. */
export async function inviteInfo(runtime: Runtime, openid: string, member?: MemberDoc): Promise<InviteInfo> {
  const code = await inviteCodeOf(runtime, openid, member)
  const referrals = runtime.store.collection<ReferralDoc>(REFERRALS)
  const [qrImage, invitedCount, activatedCount, rewards, poster] = await Promise.all([
    // The QR is a nicety: when WeChat cannot make it, the page shows the text code ('' here).
    runtime.miniCodes.inviteImage(code).catch((error: unknown) => {
      console.error('[inviteInfo] invite QR unavailable:', (error as Error)?.message ?? error)
      return ''
    }),
    referrals.count({ inviter: openid }),
    referrals.count({ inviter: openid, status: 'activated' }),
    runtime.store.collection<LedgerEntryDoc>(LEDGER).find({ openid, rule: 'inviteActivated' }, { limit: 100 }),
    posterOf(runtime, openid)
  ])
  return { code, shareUrl: runtime.miniCodes.shareUrl(code), qrImage, invitedCount, activatedCount, rewardPoints: rewards.items.reduce((sum, e) => sum + e.points, 0), poster }
}

export async function myInvitees(runtime: Runtime, openid: string, input: PageInput): Promise<Page<InviteeView>> {
  const page = await runtime.store.collection<ReferralDoc>(REFERRALS).find({ inviter: openid }, { sort: [['joinedAt', 'desc']], limit: 20, after: input.after })
  const authors = await authorsOf(
    runtime,
    page.items.map((r) => r._id)
  )
  const items: InviteeView[] = []
  for (const r of page.items) {
    const reward = await runtime.store.collection<LedgerEntryDoc>(LEDGER).get(`${openid}:inviteActivated:invite.activated:${r._id}`)
    const a = authors.get(r._id)!
    items.push({ openid: r._id, nickname: a.nickname, avatarUrl: a.avatarUrl, status: r.status, joinedAt: r.joinedAt, activatedAt: r.activatedAt, rewardPoints: reward?.points ?? 0 })
  }
  return { items, next: page.next }
}
