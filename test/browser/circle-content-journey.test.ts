// Browser journey for a circle's content, in the H5 build on the dev host: the
// host posts a pinned announcement with a PDF in 减脂私教营 (upload progress,
// the file named with its size) → Lily, not a member, sees it listed locked and,
// opened, only its title and 加入「减脂私教营」（¥99.00 起）解锁 → she pays 月卡 in
// the sandbox → the announcement opens whole; she taps 标记已读 and opens the PDF
// (a link only members get) → the host sees 已读 1 人 with her.
// Screenshots: test/artifacts/circle-content-*.png and /work/notes/shots/circle-content-*.png.
import type { PostView } from '../../types/posts'
import { describeJourney } from './journey'

const CIRCLE = '减脂私教营'
const TITLE = '12 月私教营训练安排'
const BODY = '本月每周二、四晚 8 点直播，训练计划见附件 PDF。'
const PDF = Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n${'%'.repeat(2000)}\ntrailer << /Root 1 0 R >>\n%%EOF\n`)

describeJourney('circle content: a pinned announcement with a PDF, locked to non-members, read after paying', { prefix: 'circle-content' }, ({ harness, page, shot, payOnSandbox }) => {
  let circleId = ''
  let postId = ''

  const call = async <T>(persona: string, event: object): Promise<T> => harness.call<T>(await harness.tokenFor(persona), 'circle', event)

  it('the host posts a pinned announcement with a PDF from the circle page', async () => {
    const circles = await harness.call<{ items: Array<{ id: string; name: string }> }>(await harness.tokenFor('host'), 'membership', { action: 'listCircles' })
    circleId = circles.items.find((c) => c.name === CIRCLE)?.id ?? ''
    expect(circleId).not.toBe('')
    await harness.loginAs('host')
    await harness.open(`/packages/membership/circle/index?id=${encodeURIComponent(circleId)}`)
    await page.locator('.circle-content .empty-state-title', { hasText: '还没有内容' }).waitFor({ timeout: 15_000 })
    await harness.tap('.circle-content-compose')
    await page.locator('.compose-post').waitFor({ timeout: 15_000 })
    await harness.tap('.compose-post-kind .segmented-item', { hasText: '置顶公告' })
    await page.locator('.compose-post-title input').fill(TITLE)
    await page.locator('.compose-post-text textarea').fill(BODY)
    const chooser = page.waitForEvent('filechooser')
    await harness.tap('.compose-post-add-file')
    await (await chooser).setFiles({ name: '12月训练计划.pdf', mimeType: 'application/pdf', buffer: PDF })
    await page.locator('.compose-post-file-name', { hasText: '12月训练计划.pdf' }).waitFor({ timeout: 15_000 })
    await page.locator('.compose-post-file-size', { hasText: /KB$/ }).waitFor({ timeout: 15_000 })
    await shot('01-compose')
    await harness.tap('.compose-post-submit', { hasText: '发布公告' })
    await page.waitForURL(/circle-posts\/post\/index\?id=/, { timeout: 15_000 })
    postId = decodeURIComponent(/[?&]id=([^&]+)/.exec(page.url())?.[1] ?? '')
    expect(postId).not.toBe('')
    await page.locator('.post-title', { hasText: TITLE }).waitFor({ timeout: 15_000 })
    await page.locator('.post-file-name', { hasText: '12月训练计划.pdf' }).waitFor({ timeout: 15_000 })
    await page.locator('.post-reads .post-section-title', { hasText: '已读 0 人' }).waitFor({ timeout: 15_000 })
  }, 60_000)

  it('Lily, not a member, sees it listed locked with what unlocks it, and nothing of its body', async () => {
    await harness.loginAs('lily')
    await harness.open(`/packages/membership/circle/index?id=${encodeURIComponent(circleId)}`)
    const pinned = page.locator('.circle-pinned-row', { hasText: TITLE })
    await pinned.waitFor({ timeout: 15_000 })
    await expect(pinned.locator('.circle-pinned-lock').count()).resolves.toBe(1)
    await harness.tap('.circle-content-tab', { hasText: '公告' })
    const card = page.locator('.post-card-locked', { hasText: TITLE })
    await card.waitFor({ timeout: 15_000 })
    await expect(card.locator('.post-card-lock-label').textContent()).resolves.toBe('加入「减脂私教营」（¥99.00 起）解锁')
    await expect(card.locator('.post-card-counts').textContent()).resolves.toContain('1 个文件')
    await page.locator('.circle-content').scrollIntoViewIfNeeded()
    await shot('circle-locked')

    await harness.tap('.post-card-locked', { hasText: TITLE })
    await page.locator('.post-lock-box').waitFor({ timeout: 15_000 })
    await expect(page.locator('.post-lock-button').textContent()).resolves.toBe('加入「减脂私教营」（¥99.00 起）解锁')
    await expect(page.locator('.post-page').textContent()).resolves.not.toContain('直播')
    await expect(page.locator('.post-file').count()).resolves.toBe(0)
    await shot('locked')
    // The server keeps the body and the file link from her, whatever the page shows.
    const view = await call<PostView>('lily', { action: 'getPost', postId })
    expect(view).toMatchObject({ text: '', files: [], locked: { reason: 'join' } })
    const refused = await fetch(`${harness.url}/fn/circle`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await harness.tokenFor('lily')}` },
      body: JSON.stringify({ action: 'postFileUrls', postId })
    })
    expect(((await refused.json()) as { ok: boolean; error: { code: string } }).error.code).toBe('FORBIDDEN')
  }, 60_000)

  it('she pays 月卡 in the sandbox, reads it whole, taps 已读 and opens the PDF', async () => {
    await harness.tap('.post-lock-button')
    await page.locator('.circle-name:visible', { hasText: CIRCLE }).waitFor({ timeout: 15_000 })
    await harness.tap('.plan-card', { hasText: '月卡' })
    await page.locator('.plan-card-on .plan-card-name:visible', { hasText: '月卡' }).waitFor({ timeout: 15_000 })
    await harness.tap('.circle-pay-button')
    await payOnSandbox()

    await harness.open(`/packages/membership/circle/index?id=${encodeURIComponent(circleId)}`)
    const pinned = page.locator('.circle-pinned-row', { hasText: TITLE })
    await pinned.waitFor({ timeout: 15_000 })
    await expect(pinned.locator('.circle-pinned-lock').count()).resolves.toBe(0)
    await page.locator('.circle-content').scrollIntoViewIfNeeded()
    await shot('circle-member')
    await harness.tap('.circle-pinned-row', { hasText: TITLE })
    await page.locator('.post-text', { hasText: '直播' }).waitFor({ timeout: 15_000 })
    await expect(page.locator('.post-file-size').textContent()).resolves.toMatch(/KB$/)
    await harness.tap('.post-read', { hasText: '标记已读' })
    await page.locator('.post-read', { hasText: '已读 ✓' }).waitFor({ timeout: 15_000 })
    await shot('member-read')

    const popup = page.waitForEvent('popup')
    await harness.tap('.post-file', { hasText: '12月训练计划.pdf' })
    const opened = await popup
    const link = opened.url()
    expect(link).toMatch(/\/files\/[0-9a-f]+\.pdf$/)
    const res = await fetch(link)
    expect(res.status).toBe(200)
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 5)
        .toString()
    ).toBe('%PDF-')
    await opened.close()
  }, 60_000)

  it('the host sees 已读 1 人 with Lily', async () => {
    await harness.loginAs('host')
    await harness.open(`/packages/circle-posts/post/index?id=${encodeURIComponent(postId)}`)
    await page.locator('.post-reads .post-section-title', { hasText: '已读 1 人' }).waitFor({ timeout: 15_000 })
    await page.locator('.post-reader-name', { hasText: 'Lily' }).waitFor({ timeout: 15_000 })
    await page.locator('.post-reads').scrollIntoViewIfNeeded()
    await shot('host-reads')
  }, 45_000)
})
