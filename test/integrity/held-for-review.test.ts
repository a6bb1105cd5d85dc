// A check-in photo that matches an earlier one by another member, or by the
// same member on another day, is held for the host: off the feed, pending with
// a reason to its author, in the moderation queue with both photos side by
// side. The same member's photos of one day never count against each other.
// Approve puts it on the wall with its day and points; reject hides it, takes
// the day off the member's progress and the points back.
import { HOST, call, ok, freshRuntimePerTest, type TestRuntime } from '../helpers/test-runtime'
import { CHECKINS, type CheckinDoc } from '../../cloudfunctions/domain/checkin/checkin'
import { PARTICIPANTS, participantId, type ParticipantDoc } from '../../cloudfunctions/domain/checkin/participant'
import { checkPhotoIntegrity } from '../../cloudfunctions/domain/integrity/check-photos'
import { FACTS, type FactDoc } from '../../cloudfunctions/domain/facts/facts'
import { CHINA_10AM, createChallenge } from '../checkin/checkin-fixtures'
import { crop, jpeg, scene } from './images'

jest.setTimeout(120_000)

let runtime: TestRuntime
freshRuntimePerTest((r) => (runtime = r))

const A = 'o_member_a'
const B = 'o_member_b'
const DAY = 86_400_000

const upload = async (openid: string, bytes: Buffer) => (await runtime.files.save(openid, bytes, 'image/jpeg')).fileId
const postWith = async (challengeId: string, openid: string, photoFileIds: string[]) =>
  ok(await call('checkin', 'postCheckin', { challengeId, text: '今天完成了训练，感觉很好', photoFileIds }, openid)).checkin
const doc = async (id: string) => (await runtime.store.collection<CheckinDoc>(CHECKINS).get(id))!
const feedIds = async (openid: string) => ok(await call('checkin', 'feed', { scope: 'all' }, openid)).items.map((c) => c.id)

test("another member's photo, re-encoded: held off the feed, pending with a reason to its author, both photos side by side for the host", async () => {
  const challengeId = await createChallenge()
  const photo = scene(21, 320, 240)
  const original = await postWith(challengeId, A, [await upload(A, jpeg(photo, 90))])
  expect(await checkPhotoIntegrity(runtime)).toEqual({ checkins: 1, photos: 1, held: 0 })
  expect((await doc(original.id)).status).toBe('visible')

  const copy = await postWith(challengeId, B, [await upload(B, jpeg(photo, 55))])
  // Visible until the job has run (it is not part of the check-in request).
  expect(copy.status).toBe('visible')
  expect(await checkPhotoIntegrity(runtime)).toEqual({ checkins: 1, photos: 1, held: 1 })

  const held = await doc(copy.id)
  expect(held).toMatchObject({ status: 'pending', hashState: 'done', integrity: { status: 'held', matches: [{ matchCheckinId: original.id, matchOpenid: A }] } })
  expect(await feedIds(A)).not.toContain(copy.id)
  expect(await feedIds(A)).toContain(original.id)
  const own = ok(await call('checkin', 'getCheckin', { checkinId: copy.id }, B))
  expect(own).toMatchObject({ status: 'pending', heldReason: '照片与其他成员的打卡照片相同，等待主理人审核' })
  expect(own.integrity).toBeUndefined()
  expect(ok(await call('checkin', 'getCheckin', { checkinId: copy.id }, HOST)).integrity).toEqual({ status: 'held', matchCount: 1 })
  expect((await call('checkin', 'getCheckin', { checkinId: copy.id }, 'o_someone_else')).ok).toBe(false)

  const queue = ok(await call('challenges', 'moderationQueue', {}, HOST))
  const report = queue.items.find((r) => r.targetId === copy.id)!
  expect(report.reason).toBe('疑似盗用他人照片')
  expect(report.matches).toEqual([
    expect.objectContaining({
      photo: copy.photos[0],
      match: original.photos[0],
      matchCheckinId: original.id,
      matchDate: original.date,
      sameMember: false,
      matchAuthor: expect.objectContaining({ openid: A })
    })
  ])
  // A rerun finds nothing new.
  expect(await checkPhotoIntegrity(runtime)).toEqual({ checkins: 0, photos: 0, held: 0 })
})

test('the same member: a slightly cropped photo from another day is held; two shots of the same day (one check-in, or two challenges) are not', async () => {
  const challengeId = await createChallenge()
  const other = await createChallenge({ title: '早起打卡' })
  const photo = scene(33, 320, 240)
  const first = await postWith(challengeId, A, [await upload(A, jpeg(photo, 90)), await upload(A, jpeg(photo, 70))])
  await postWith(other, A, [await upload(A, jpeg(crop(photo, 0.03, 0.03), 80))])
  expect(await checkPhotoIntegrity(runtime)).toMatchObject({ checkins: 2, photos: 3, held: 0 })
  expect((await doc(first.id)).status).toBe('visible')

  runtime.clock.set(CHINA_10AM + DAY)
  const again = await postWith(challengeId, A, [await upload(A, jpeg(crop(photo, 0.05, 0.04), 75))])
  expect(await checkPhotoIntegrity(runtime)).toMatchObject({ held: 1 })
  expect(await doc(again.id)).toMatchObject({ status: 'pending', hiddenReason: '照片与你之前某天的打卡照片相同，等待主理人审核' })
  const report = ok(await call('challenges', 'moderationQueue', {}, HOST)).items.find((r) => r.targetId === again.id)!
  expect(report.reason).toBe('疑似重复使用旧照片')
  expect(report.matches!.every((m) => m.sameMember)).toBe(true)
})

test('a different photo is not held', async () => {
  const challengeId = await createChallenge()
  await postWith(challengeId, A, [await upload(A, jpeg(scene(40, 320, 240), 90))])
  const other = await postWith(challengeId, B, [await upload(B, jpeg(scene(41, 320, 240), 90))])
  expect(await checkPhotoIntegrity(runtime)).toMatchObject({ checkins: 2, held: 0 })
  expect((await doc(other.id)).status).toBe('visible')
})

async function heldCopy(): Promise<{ challengeId: string; copyId: string; reportId: string }> {
  const challengeId = await createChallenge()
  const photo = scene(50, 320, 240)
  await postWith(challengeId, A, [await upload(A, jpeg(photo, 90))])
  await checkPhotoIntegrity(runtime)
  const copy = await postWith(challengeId, B, [await upload(B, jpeg(photo, 60))])
  await checkPhotoIntegrity(runtime)
  const reportId = ok(await call('challenges', 'moderationQueue', {}, HOST)).items.find((r) => r.targetId === copy.id)!.id
  return { challengeId, copyId: copy.id, reportId }
}

test('approve: the held check-in goes up on the wall and keeps its day; its points were granted at posting and stay', async () => {
  const { challengeId, copyId, reportId } = await heldCopy()
  expect((await runtime.store.collection<ParticipantDoc>(PARTICIPANTS).get(participantId(challengeId, B)))!.doneDates).toHaveLength(1)
  const resolved = ok(await call('challenges', 'resolveReport', { reportId, resolution: 'dismiss' }, HOST))
  expect(resolved).toMatchObject({ status: 'resolved', resolution: 'dismissed' })
  expect(await doc(copyId)).toMatchObject({ status: 'visible', hiddenReason: '', integrity: { status: 'approved' } })
  expect(await feedIds(A)).toContain(copyId)
  expect((await runtime.store.collection<ParticipantDoc>(PARTICIPANTS).get(participantId(challengeId, B)))!.doneDates).toHaveLength(1)
  expect(await runtime.store.collection<FactDoc>(FACTS).get(`checkin.revoked:${copyId}`)).toBeNull()
  // Approved stays approved: the job never looks at it again.
  expect(await checkPhotoIntegrity(runtime)).toMatchObject({ checkins: 0 })
})

test('reject: hidden, the day leaves the progress, the points are taken back', async () => {
  const { challengeId, copyId, reportId } = await heldCopy()
  expect(ok(await call('growth', 'summary', {}, B)).points).toBe(10)
  const resolved = ok(await call('challenges', 'resolveReport', { reportId, resolution: 'hide' }, HOST))
  expect(resolved.resolution).toBe('hidden')
  expect(await doc(copyId)).toMatchObject({ status: 'hidden', hiddenReason: '照片与之前的打卡重复，主理人审核未通过', integrity: { status: 'rejected' } })
  expect((await runtime.store.collection<ParticipantDoc>(PARTICIPANTS).get(participantId(challengeId, B)))!.doneDates).toEqual([])
  expect(await runtime.store.collection<FactDoc>(FACTS).get(`checkin.revoked:${copyId}`)).not.toBeNull()
  expect(ok(await call('growth', 'summary', {}, B)).points).toBe(0)
})
