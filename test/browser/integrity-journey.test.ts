// Browser journey for check-in integrity, in the H5 build on the dev host:
// 小美 checks in with a photo → 大伟 posts the same photo (saved again at
// another JPEG quality) in his check-in → the cron's photo integrity job holds
// it: 大伟 sees it 审核中 with the reason, nobody else sees it in the feed →
// the host opens 内容审核, sees both photos side by side with the match, and
// 驳回 it (hidden, 大伟's day and points taken back).
// Screenshots: test/artifacts/integrity-*.png (and /work/notes/shots/ where /work/notes exists).
import { describeJourney } from './journey'
import { CHECKINS, type CheckinDoc } from '../../cloudfunctions/domain/checkin/checkin'
import { MODERATION_PAGE, checkinDetailUrl, composeUrl } from '../../src/services/routes'
import { jpeg, scene } from '../integrity/images'

const TITLE = '每日健身打卡'
const PHOTO = scene(12, 640, 480)

describeJourney('check-in integrity in the H5 build', { prefix: 'integrity' }, ({ harness, page, shot, createChallenge }) => {
  let challengeId = ''
  let original = ''
  let copy = ''

  const checkin = async (id: string) => (await harness.store.collection<CheckinDoc>(CHECKINS).get(id))!
  /** Cron until the photo integrity job has looked at this check-in (the seeded wall's photos queue before it, 8 a run). */
  const hashed = async (id: string) => {
    for (let run = 0; run < 30 && (await checkin(id)).hashState !== 'done'; run++) await harness.cron()
    expect((await checkin(id)).hashState).toBe('done')
  }

  beforeAll(async () => {
    const created = await createChallenge({ title: TITLE, description: '每天练 30 分钟，拍一张训练照', minPhotos: 1 })
    challengeId = created.id
    // 小美's own photo, posted through the functions (set-up: her check-in is not what is under test).
    const xiaomei = await harness.tokenFor('xiaomei')
    const res = await fetch(`${harness.url}/upload`, { method: 'POST', headers: { authorization: `Bearer ${xiaomei}`, 'content-type': 'image/jpeg' }, body: new Uint8Array(jpeg(PHOTO, 90)) })
    const { data } = (await res.json()) as { data: { fileId: string } }
    const posted = await harness.call<{ checkin: { id: string } }>(xiaomei, 'checkin', { action: 'postCheckin', challengeId, text: '今天练腿，深蹲 5 组', photoFileIds: [data.fileId] })
    original = posted.checkin.id
    await hashed(original)
    expect((await checkin(original)).status).toBe('visible')
  }, 240_000)

  it("大伟 posts 小美's photo: after the integrity job it is held, 审核中 with the reason, and off the feed", async () => {
    await harness.loginAs('dawei')
    await harness.open(composeUrl(challengeId))
    await page.locator('.compose textarea').first().fill('今天也练了腿，状态不错！')
    const chooser = page.waitForEvent('filechooser')
    await page.locator('.photo-picker-add').click()
    await (await chooser).setFiles({ name: 'gym.jpg', mimeType: 'image/jpeg', buffer: jpeg(PHOTO, 60) })
    await page.locator('.photo-picker-done').waitFor({ timeout: 15_000 })
    await page.locator('.compose-submit').click()
    await page.locator('.compose').waitFor({ state: 'detached', timeout: 15_000 })
    const mine = await harness.call<{ items: Array<{ id: string; challengeId: string }> }>(await harness.tokenFor('dawei'), 'checkin', { action: 'feed', scope: 'member' })
    copy = mine.items.find((c) => c.challengeId === challengeId)!.id
    expect((await checkin(copy)).status).toBe('visible')

    await hashed(copy)
    expect(await checkin(copy)).toMatchObject({ status: 'pending', integrity: { status: 'held', matches: [{ matchCheckinId: original }] } })
    await harness.open(checkinDetailUrl(copy))
    await page.locator('.checkin-tag-pending', { hasText: '审核中' }).waitFor({ timeout: 15_000 })
    await expect(page.locator('.checkin-card-held').textContent()).resolves.toBe('照片与其他成员的打卡照片相同，等待主理人审核')
    await shot('01-member-held')

    const feed = await harness.call<{ items: Array<{ id: string }> }>(await harness.tokenFor('lily'), 'checkin', { action: 'feed', scope: 'all' })
    expect(feed.items.map((c) => c.id)).not.toContain(copy)
    expect(feed.items.map((c) => c.id)).toContain(original)
  }, 120_000)

  it('the host sees both photos side by side and rejects it', async () => {
    await harness.loginAs('host')
    await harness.open(MODERATION_PAGE)
    const report = page.locator(`.report[data-id="checkin:${copy}"]`)
    await report.locator('.match-row').waitFor({ timeout: 15_000 })
    await expect(report.locator('.report-type-integrity').textContent()).resolves.toBe('疑似重复图片')
    await expect(report.locator('.report-reason').textContent()).resolves.toBe('疑似盗用他人照片')
    await expect(report.locator('.match-photo').count()).resolves.toBe(2)
    await expect(report.locator('.match-caption').nth(1).textContent()).resolves.toMatch(/^小美 · \d{2}月\d{2}日$/)
    await expect(report.locator('.match-note').textContent()).resolves.toMatch(/^(同一张照片|高度相似（差异 \d+\/64）)$/)
    await report.evaluate((el) => el.scrollIntoView({ block: 'start' }))
    await shot('02-moderation-side-by-side')

    await harness.tap(`.report[data-id="checkin:${copy}"] .report-hide`, { hasText: '驳回' })
    await expect(page.locator('.taro-modal__title').textContent({ timeout: 15_000 })).resolves.toBe('驳回这条打卡？')
    await shot('03-reject-confirm')
    await page.locator('.taro-model__confirm').click()
    await report.waitFor({ state: 'detached', timeout: 15_000 })
    expect(await checkin(copy)).toMatchObject({ status: 'hidden', integrity: { status: 'rejected' } })
    expect((await checkin(original)).status).toBe('visible')

    // 大伟 sees it hidden, with the day gone from his progress.
    await harness.loginAs('dawei')
    await harness.open(checkinDetailUrl(copy))
    await page.locator('.checkin-tag-hidden', { hasText: '已隐藏' }).waitFor({ timeout: 15_000 })
    await expect(page.locator('.checkin-card-held').textContent()).resolves.toBe('照片与之前的打卡重复，主理人审核未通过')
    await shot('04-member-rejected')
    const detail = await harness.call<{ progress: { daysDone: number } }>(await harness.tokenFor('dawei'), 'checkin', { action: 'getChallenge', challengeId })
    expect(detail.progress.daysDone).toBe(0)
  }, 120_000)
})
