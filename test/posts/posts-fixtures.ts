// A paid circle with people in every role and membership state, for the circle content tests.
import type { CircleInput } from '../../types/membership'
import type { Role } from '../../types/roles'
import { COLLECTIONS } from '../../cloudfunctions/platform/collections'
import { HOST, call, ok, type TestRuntime } from '../helpers/test-runtime'
import { circleInput as sharedCircleInput } from '../helpers/circle'

export const DAY = 24 * 3600_000
export const ADMIN = 'o_admin'
export const MODERATOR = 'o_moderator'
export const GUEST = 'o_guest'
export const MEMBER = 'o_member'
export const TRIAL = 'o_trial'
export const EXPIRED = 'o_expired'
export const OUTSIDER = 'o_outsider'
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n')

/** 跑者精进营: a 7-day trial, then the paid 月卡. */
export const circleInput = (overrides: Partial<CircleInput> = {}): CircleInput => sharedCircleInput({ name: '跑者精进营', description: '主理人的训练计划与答疑', kind: 'trialThenPaid', ...overrides })

export async function setRole(runtime: TestRuntime, openid: string, role: Role): Promise<void> {
  ok(await call('member', 'me', {}, openid))
  await runtime.store.collection(COLLECTIONS.members.name).update(openid, { set: { role } })
}

export async function addMembership(runtime: TestRuntime, circleId: string, openid: string, endsAt: number): Promise<void> {
  ok(await call('member', 'me', {}, openid))
  await runtime.store.collection<{ _id: string } & Record<string, unknown>>(COLLECTIONS.circleMembers.name).set({
    _id: `${circleId}:${openid}`,
    circleId,
    openid,
    startedAt: runtime.clock.now() - DAY,
    endsAt,
    source: 'paid',
    trialUsed: false,
    remindedFor: null,
    expiredNoticeFor: null
  })
}

/** A paid circle (with a trial) and: an admin, a moderator, a guest who is a member, a paying member, a member on trial, an expired member and an outsider. */
export async function circleWithPeople(runtime: TestRuntime, overrides: Partial<CircleInput> = {}) {
  const circle = ok(await call('membership', 'createCircle', circleInput(overrides), HOST))
  await setRole(runtime, ADMIN, 'admin')
  await setRole(runtime, MODERATOR, 'moderator')
  await setRole(runtime, GUEST, 'guest')
  const now = runtime.clock.now()
  await addMembership(runtime, circle.id, GUEST, now + 30 * DAY)
  await addMembership(runtime, circle.id, MEMBER, now + 30 * DAY)
  await addMembership(runtime, circle.id, EXPIRED, now - 1)
  if (circle.kind === 'trialThenPaid') ok(await call('membership', 'startTrial', { circleId: circle.id }, TRIAL))
  ok(await call('member', 'me', {}, OUTSIDER))
  return circle
}

/** A PDF the given member uploaded (as the dev host saves it). */
export async function uploadPdf(runtime: TestRuntime, openid: string, name = '训练计划.pdf') {
  return runtime.files.saveDocument(openid, PDF, 'application/pdf', name)
}

export async function uploadPhoto(runtime: TestRuntime, openid: string) {
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex')
  return runtime.files.save(openid, png, 'image/png')
}
