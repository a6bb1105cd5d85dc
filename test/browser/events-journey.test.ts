// Browser journey for events, in the H5 build on the dev host: the host creates
// a paid event with 2 seats (¥10) through the form → 小美 and 大伟 sign up and
// pay on the sandbox's 模拟支付 page, 阿杰 finds it full and joins the waitlist
// (第 1 位) → 大伟 cancels (refunded by policy) → 阿杰 is promoted (offered) and
// pays → Lily queues too (set up through the API) → the host sees the
// attendees, downloads the CSV (大伟's refund on it), and types 小美's 6-character
// ticket code into the scanner a week early: refused with the time the door
// opens; the event is moved to start within the hour (set-up through the API:
// the dev host runs on the real clock), and the same code gives 签到成功, then
// 票已核销; 阿杰 is checked in by name from the attendee list. Screenshots go to
// test/artifacts/events-*.png.
import { readFileSync } from 'node:fs'
import type { AttendeeList, EventView } from '../../types/events'
import type { Page as ListPage } from '../../types/page'
import { describeJourney } from './journey'
import { makePng } from './png'

const TITLE = '周日读书会·小范围分享'
const ADDRESS = '上海市黄浦区福州路 465 号（书城三楼咖啡区）'
const DETAIL = '/packages/events/detail/index'
const SCANNER = '/packages/host-events/scanner/index'
const ATTENDEES = '/packages/host-events/attendees/index'
/** MM-DD HH:mm in China time, as the door's refusal says it. */
const chinaClock = (at: number) => new Date(at + 8 * 3600_000).toISOString().slice(5, 16).replace('T', ' ')

describeJourney('events: signup, capacity, waitlist, fees and tickets in the H5 build', { prefix: 'events' }, ({ harness, page, shot, payOnSandbox }) => {
  let eventId = ''
  let shortCode = ''

  const detail = () => harness.open(`${DETAIL}?id=${encodeURIComponent(eventId)}`)
  const text = (selector: string) => page.locator(selector).first().textContent({ timeout: 15_000 })

  /** 模拟支付: confirm on the sandbox page, which returns to the order page (支付成功), then back to the event. */
  const payInSandbox = async () => {
    await payOnSandbox()
    await detail()
  }

  it('the host creates a paid event with 2 seats through the form', async () => {
    await harness.loginAs('host')
    await page.locator('.me-host-entry').click()
    await page.locator('.host-entry[data-entry="events"]').click()
    await page.locator('.hev-create').click()
    await page.locator('.field-title input').waitFor({ timeout: 15_000 })

    // Nothing sent until the fields say what is missing.
    await page.locator('.hev-form-save').click()
    await expect(text('.form-field-error')).resolves.toBe('请填写活动标题')

    await page.locator('.field-title input').fill(TITLE)
    await page.locator('.field-description textarea').fill('每人带一本最近在读的书，10 分钟分享，之后自由交流。')
    const chooser = page.waitForEvent('filechooser')
    await page.locator('.hev-form-cover').click()
    await (await chooser).setFiles({ name: 'cover.png', mimeType: 'image/png', buffer: makePng(160) })
    await page.locator('.image-thumb-hint', { hasText: '封面已上传' }).waitFor({ timeout: 15_000 })
    await page.locator('.field-address textarea').fill(ADDRESS)
    await page.locator('.field-capacity input').fill('2')
    await page.locator('.field-fee input').fill('10')
    await page.locator('.fee-return-none').waitFor()
    // The door opens 2 hours before the start unless the host says otherwise.
    await expect(page.locator('.field-checkin-opens input').inputValue()).resolves.toBe('120')
    await expect(text('.hev-form-note')).resolves.toMatch(/；签到从 \d{2}月\d{2}日 周. 12:00 起开放，到活动结束为止$/)
    await page.locator('.field-checkin-opens').scrollIntoViewIfNeeded()
    await shot('00-form-checkin-window')
    await page.locator('.hev-form-save').click()

    const card = page.locator('.hev-card', { hasText: TITLE })
    await card.waitFor({ timeout: 15_000 })
    eventId = (await card.getAttribute('data-id')) ?? ''
    expect(eventId).not.toBe('')
    await expect(card.locator('.hev-card-meta').textContent()).resolves.toContain('¥10.00')
  }, 40_000)

  it('小美 finds it in 活动, sees seats and countdown, signs up and pays in the sandbox; her ticket shows', async () => {
    await harness.loginAs('xiaomei')
    await page.locator('.me-events-entry').click()
    const card = page.locator('.ev-card', { hasText: TITLE })
    await expect(card.locator('.ev-card-seats').textContent({ timeout: 15_000 })).resolves.toBe('剩 2 个名额')
    await card.click()

    await expect(text('.ev-detail-seats-left')).resolves.toBe('剩 2 个名额')
    await expect(text('.ev-detail-countdown')).resolves.toMatch(/^距开始 \d+ 天/)
    await expect(text('.ev-detail-rules')).resolves.toContain('活动开始前 24 小时以上取消可全额退款')
    await shot('01-detail')

    await page.locator('.ev-action-signup').click()
    await payInSandbox()
    await page.locator('.ev-ticket').waitFor({ timeout: 15_000 })
    // The app draws the QR code from the signed ticket (src/packages/events/detail/ticket-qr.ts): an SVG of the code's modules.
    const qrSrc = (await page.locator('.ev-ticket-qr img').getAttribute('src')) ?? ''
    expect(qrSrc).toMatch(/^data:image\/svg\+xml;base64,/)
    expect(Buffer.from(qrSrc.split(',')[1], 'base64').toString()).toMatch(/^<svg [^>]*viewBox="0 0 \d+ \d+"[\s\S]*<path [^>]*d="M/)
    // Under the QR, in large letters: the 6-character code to read out at the door.
    shortCode = (await page.locator('.ev-ticket-short-code').getAttribute('data-code')) ?? ''
    expect(shortCode).toMatch(/^[2-9A-HJKMNP-Z]{6}$/)
    await expect(text('.ev-ticket-short-code')).resolves.toBe(`${shortCode.slice(0, 3)} ${shortCode.slice(3)}`)
    await expect(text('.ev-ticket-hint')).resolves.toMatch(/起可签到$/)
    await expect(text('.ev-action-done')).resolves.toBe('已报名')
    await page.locator('.ev-ticket').scrollIntoViewIfNeeded()
    await shot('02-ticket')
  }, 40_000)

  it('大伟 takes the last seat; 阿杰 finds it full and is 第 1 位 on the waitlist', async () => {
    await harness.loginAs('dawei')
    await detail()
    await expect(text('.ev-detail-seats-left')).resolves.toBe('剩 1 个名额')
    await page.locator('.ev-action-signup').click()
    await payInSandbox()
    await page.locator('.ev-ticket').waitFor({ timeout: 15_000 })

    await harness.loginAs('ajie')
    await detail()
    await expect(text('.ev-detail-seats-left')).resolves.toBe('已满，可候补')
    await page.locator('.ev-action-waitlist').click()
    await expect(text('.ev-mine-position-num')).resolves.toBe('1')
    await expect(text('.ev-action-waiting')).resolves.toBe('候补中')
    await shot('03-waitlist')

    // 我的票 lists it with the place in line.
    await harness.open('/packages/events/tickets/index')
    await expect(page.locator('.ev-ticket-row', { hasText: TITLE }).locator('.tag').textContent({ timeout: 15_000 })).resolves.toBe('候补第 1 位')
  }, 40_000)

  it('大伟 cancels with a refund; 阿杰 is promoted, pays, and gets his ticket', async () => {
    await harness.loginAs('dawei')
    await detail()
    await page.locator('.ev-action-cancel').click()
    const dialog = page.locator('.ev-cancel-dialog')
    await expect(dialog.textContent({ timeout: 15_000 })).resolves.toContain('将原路退回')
    await page.locator('.ev-cancel-dialog .confirm-dialog-ok').click()
    await dialog.waitFor({ state: 'detached', timeout: 15_000 })
    // His seat went straight to 阿杰, so the event is still full.
    await page.locator('.ev-action-waitlist').waitFor({ timeout: 15_000 })

    await harness.loginAs('ajie')
    await detail()
    await expect(text('.ev-mine-pay .ev-mine-kicker')).resolves.toBe('候补成功，名额已为你保留')
    await expect(text('.ev-mine-timer-num')).resolves.toMatch(/^1[45]:\d\d$/)
    await page.locator('.ev-action-pay').click()
    await payInSandbox()
    await page.locator('.ev-ticket').waitFor({ timeout: 15_000 })
  }, 40_000)

  it("the host sees the attendees; 小美's short code is refused a week early and accepted once the door opens; 阿杰 is checked in by name", async () => {
    // Lily arrives late and queues (set-up through the API): the list shows a waitlist place too.
    const lily = await harness.call<{ signup: { status: string } }>(await harness.tokenFor('lily'), 'events', { action: 'signup', eventId })
    expect(lily.signup.status).toBe('waitlisted')

    await harness.loginAs('host')
    await page.locator('.me-host-entry').click()
    await page.locator('.host-entry[data-entry="events"]').click()
    await page.locator('.hev-card', { hasText: TITLE }).locator('.hev-open-attendees').click()
    await expect(text('.hev-att-count-confirmed .hev-att-count-num')).resolves.toBe('2')
    await expect(page.locator('.hev-att-row .hev-att-name').allTextContents()).resolves.toEqual(expect.arrayContaining(['小美', '阿杰']))
    await expect(page.locator('.hev-att-row', { hasText: '大伟' }).count()).resolves.toBe(0)
    await expect(page.locator('.hev-att-row', { hasText: 'Lily' }).locator('.hev-att-status').textContent()).resolves.toBe('候补第 1 位')
    await shot('04-attendees')

    // 导出 CSV downloads a file named by the server, with the money to reconcile: 大伟's fee came back.
    const download = page.waitForEvent('download')
    await page.locator('.hev-att-export').click()
    const file = await download
    expect(file.suggestedFilename()).toBe(`${TITLE}-报名名单.csv`)
    const csv = readFileSync((await file.path())!, 'utf8')
    expect(csv.split('\r\n')[0]).toContain('实付（元）,退款（元）,订单状态')
    expect(csv.split('\r\n').find((line) => line.startsWith('大伟,'))).toMatch(/^大伟,已取消,[^,]+,(\d+\.\d\d),\1,\1,已退款,M\w+,,$/) // fee (his tier's price), paid, refunded

    // A week before the event: 小美's code, typed as a host would (lower case, a space), is refused with the opening time.
    const token = await harness.tokenFor('host')
    const before = await harness.call<EventView>(token, 'events', { action: 'getEvent', eventId })
    expect(before.checkinOpensAt).toBe(before.startAt - 2 * 3600_000)
    await page.locator('.hev-att-scan').click()
    await expect(text('.hev-scan-door')).resolves.toBe(`签到未开始：${chinaClock(before.checkinOpensAt)} 起可签到`)
    await page.locator('.hev-scan-code textarea').fill(`${shortCode.slice(0, 3).toLowerCase()} ${shortCode.slice(3)}`)
    await page.locator('.hev-scan-submit').click()
    await expect(text('.hev-scan-result-title')).resolves.toBe('不能签到')
    await expect(text('.hev-scan-reason')).resolves.toBe(`活动未开始，${chinaClock(before.checkinOpensAt)} 起可签到`)
    await expect(text('.hev-scan-progress-num')).resolves.toBe('0')
    await shot('05-scanner-too-early')

    // The event now starts within the hour (the dev host keeps real time, so the event moves instead of the clock).
    const startAt = harness.now() + 3600_000
    await harness.call(token, 'events', { action: 'updateEvent', eventId, startAt, endAt: startAt + 2 * 3600_000, signupDeadline: startAt - 600_000 })
    await harness.open(`${SCANNER}?id=${encodeURIComponent(eventId)}`)
    await expect(text('.hev-scan-door')).resolves.toMatch(/^签到中 · /)
    await page.locator('.hev-scan-code textarea').fill(shortCode)
    await page.locator('.hev-scan-submit').click()
    await expect(text('.hev-scan-result-title')).resolves.toBe('签到成功')
    await expect(text('.hev-scan-name')).resolves.toBe('小美')
    // The count follows the attendee list, read again after the check-in.
    await page.locator('.hev-scan-progress-num', { hasText: /^1$/ }).waitFor({ timeout: 15_000 })
    await shot('06-scanner-ok')

    await page.locator('.hev-scan-code textarea').fill(shortCode)
    await page.locator('.hev-scan-submit').click()
    await expect(page.locator('.hev-scan-reason').textContent({ timeout: 15_000 })).resolves.toContain('票已核销')
    await shot('07-scanner-used')

    // 阿杰 left his phone at home: the host checks him in by name from the list, after a confirm step.
    await harness.open(`${ATTENDEES}?id=${encodeURIComponent(eventId)}`)
    const ajie = page.locator('.hev-att-row', { hasText: '阿杰' })
    await ajie.locator('.hev-att-checkin').waitFor({ timeout: 15_000 })
    await expect(page.locator('.hev-att-row', { hasText: '小美' }).locator('.hev-att-checkin').count()).resolves.toBe(0)
    await harness.tap('.hev-att-row .hev-att-checkin')
    await expect(page.locator('.taro-modal__text').textContent({ timeout: 15_000 })).resolves.toBe('确认「阿杰」已到场？签到后不能撤销。')
    await shot('08-attendee-confirm')
    await page.locator('.taro-model__confirm').click()
    await expect(ajie.locator('.hev-att-status').textContent({ timeout: 15_000 })).resolves.toBe('已签到')
    await expect(text('.hev-att-count-attended .hev-att-count-num')).resolves.toBe('2')
    await shot('09-attendee-checked-in')

    // The server agrees: two confirmed, both attended, Lily waiting.
    const list = await harness.call<AttendeeList>(token, 'events', { action: 'attendees', eventId })
    expect({ confirmed: list.confirmed, attended: list.attended, waitlisted: list.waitlisted, held: list.held }).toEqual({ confirmed: 2, attended: 2, waitlisted: 1, held: 0 })
    const mine = await harness.call<ListPage<EventView>>(await harness.tokenFor('xiaomei'), 'events', { action: 'myTickets' })
    expect(mine.items.find((e) => e.id === eventId)?.mySignup?.status).toBe('attended')
  }, 60_000)

  it('a members-only event: the host picks the circle in the form; a non-member is sent to join it, a member signs up', async () => {
    const RUN = '跑团夜跑·江边 5 公里'
    await harness.loginAs('host')
    await harness.open('/packages/host-events/event-form/index')
    await page.locator('.field-title input').waitFor({ timeout: 15_000 })
    await page.locator('.field-title input').fill(RUN)
    await page.locator('.field-address textarea').fill('上海市徐汇区龙腾大道 2350 号')
    await harness.tap('.circle-choice', { hasText: '跑步爱好者' })
    await expect(text('.hev-form-circle .hev-form-circle-hint')).resolves.toContain('只有「跑步爱好者」的当前成员')
    await shot('10-members-only-form')
    await page.locator('.hev-form-save').click()
    const card = page.locator('.hev-card', { hasText: RUN })
    await card.waitFor({ timeout: 15_000 })
    const runId = (await card.getAttribute('data-id')) ?? ''

    // 大伟 is not in 跑步爱好者: the list marks the event, the event says so and the button takes him to the circle.
    await harness.loginAs('dawei')
    await harness.open('/packages/events/list/index')
    await expect(page.locator('.ev-card', { hasText: RUN }).locator('.ev-card-circle').textContent({ timeout: 15_000 })).resolves.toBe('圈子专属 · 未加入')
    await page.locator('.ev-card', { hasText: RUN }).scrollIntoViewIfNeeded()
    await shot('12-members-only-list')
    await harness.open(`${DETAIL}?id=${encodeURIComponent(runId)}`)
    await expect(text('.ev-detail-rules')).resolves.toContain('仅「跑步爱好者」成员，加入圈子后即可报名')
    await shot('11-members-only-detail')
    await harness.tap('.ev-action-join-circle')
    await page.waitForURL(/packages\/membership\/circle\/index/, { timeout: 15_000 })
    // 阿杰 joined 跑步爱好者 in the seed: he signs up as usual.
    await harness.loginAs('ajie')
    await harness.open(`${DETAIL}?id=${encodeURIComponent(runId)}`)
    await harness.tap('.ev-action-signup')
    await page.locator('.ev-ticket').waitFor({ timeout: 15_000 })
    const event = await harness.call<EventView>(await harness.tokenFor('ajie'), 'events', { action: 'getEvent', eventId: runId })
    expect(event).toMatchObject({ circleName: '跑步爱好者', inCircle: true, mySignup: { status: 'confirmed' } })
  }, 60_000)
})
