// Budget scenarios of the message centre (member.inbox, unreadCount, markRead,
// claimGift), recall campaigns and automations (host), and their cron jobs
// (sendRecalls, runAutomations, measureRecalls). Spread into scenarios.ts.
import type { MeterReading } from '../../cloudfunctions/adapters/store/counting-store'
import { emptyWallet, type WalletDoc } from '../../cloudfunctions/domain/growth/wallet'
import type { MemberDoc } from '../../cloudfunctions/domain/members/member'
import { INBOX, type InboxMessageDoc } from '../../cloudfunctions/domain/inbox/inbox'
import type { Gift } from '../../types/inbox'
import { HOST, XIAOMEI, type World } from './world'
import type { Scenario } from './scenarios'

type Run = (world: World) => Promise<MeterReading & { work?: number }>
const scenario = (id: string, run: Run): Scenario => {
  const [fn, action] = id.split('.')
  return { id, fn: fn as Scenario['fn'], action, kind: fn === 'host' || fn === 'marketing' ? 'host' : 'member', run }
}

let fresh = 0
/** Members who opened the app and sit in the silent segment (their wallets written directly: setup). */
async function silentMembers(w: World, count: number): Promise<string[]> {
  const ids: string[] = []
  for (let i = 0; i < count; i++) {
    fresh += 1
    const openid = `budget_recall_${fresh}`
    await w.call('member', 'me', {}, openid)
    await w.runtime.embedded.collection<WalletDoc>('wallets').set({ ...emptyWallet(openid, w.now()), segment: 'silent' })
    ids.push(openid)
  }
  return ids
}

/** A message in 小美's inbox (setup: as the sending job writes it). */
async function messageFor(w: World, gift: Gift | null): Promise<string> {
  fresh += 1
  const id = `recall:budget_${fresh}:${XIAOMEI}`
  const doc: InboxMessageDoc = {
    _id: id,
    openid: XIAOMEI,
    title: '好久不见',
    body: '回来打个卡吧',
    action: gift ? { kind: 'gift', gift } : null,
    giftLabel: gift ? '礼物' : null,
    source: 'recall',
    createdAt: w.now(),
    readAt: null,
    claimedAt: null
  }
  await w.runtime.embedded.collection<InboxMessageDoc>(INBOX).insert(doc)
  return id
}

async function recallCampaign(w: World): Promise<string> {
  fresh += 1
  const campaign = await w.call(
    'marketing',
    'createRecallCampaign',
    { requestId: `budget-recall-${fresh}`, segment: 'silent', title: '好久不见', body: '回来打个卡吧', gift: { kind: 'makeupCard', count: 1 } },
    HOST
  )
  return campaign.id
}

async function sendAll(w: World): Promise<void> {
  for (let run = 0; run < 20; run++) {
    const report = await w.call('insights', 'run', { jobs: ['sendRecalls'] }, HOST)
    if (report.jobs[0].counts.finished) return
  }
}

export const RECALL_SCENARIOS: Scenario[] = [
  scenario('member.inbox', async (w) => {
    for (let i = 0; i < 5; i++) await messageFor(w, null)
    return (await w.measure('member', 'inbox', {}, XIAOMEI)).usage
  }),
  scenario('member.unreadCount', async (w) => {
    await messageFor(w, null)
    return (await w.measure('member', 'unreadCount', {}, XIAOMEI)).usage
  }),
  scenario('member.markRead', async (w) => {
    const ids = []
    for (let i = 0; i < 10; i++) ids.push(await messageFor(w, null))
    return (await w.measure('member', 'markRead', { messageIds: ids }, XIAOMEI)).usage
  }),
  scenario('member.claimGift', async (w) => {
    const campaign = await w.doc<{ _id: string }>('campaigns', { kind: 'amountOff' })
    const id = await messageFor(w, { kind: 'coupon', campaignId: campaign._id })
    return (await w.measure('member', 'claimGift', { messageId: id }, XIAOMEI)).usage
  }),
  scenario('marketing.createRecallCampaign', async (w) => {
    const campaign = await w.doc<{ _id: string }>('campaigns', { kind: 'amountOff' })
    return (
      await w.measure(
        'marketing',
        'createRecallCampaign',
        { requestId: 'budget-recall-create', segment: 'silent', title: '好久不见', body: '回来打个卡吧', gift: { kind: 'coupon', campaignId: campaign._id } },
        HOST
      )
    ).usage
  }),
  scenario('marketing.recallCampaigns', async (w) => {
    for (let i = 0; i < 3; i++) await recallCampaign(w)
    return (await w.measure('marketing', 'recallCampaigns', {}, HOST)).usage
  }),
  scenario('marketing.recallCampaign', async (w) => (await w.measure('marketing', 'recallCampaign', { campaignId: await recallCampaign(w) }, HOST)).usage),
  scenario('marketing.automations', async (w) => {
    await w.call('marketing', 'updateAutomation', { kind: 'silent', enabled: true }, HOST)
    return (await w.measure('marketing', 'automations', {}, HOST)).usage
  }),
  scenario(
    'marketing.updateAutomation',
    async (w) => (await w.measure('marketing', 'updateAutomation', { kind: 'welcome', enabled: true, title: '欢迎你', body: '先去参加一个打卡挑战吧' }, HOST)).usage
  )
]

/** Backlogs of the recall cron jobs (not counted). */
export const RECALL_BACKLOG: Record<string, (w: World) => Promise<void>> = {
  async sendRecalls(w) {
    // 60 silent members: more than one run's batch.
    await silentMembers(w, 60)
    for (let i = 0; i < 5; i++) await w.call('member', 'recordSubscribeGrants', { requestId: `budget-notice-${i}`, accepted: ['communityNotice'] }, `budget_recall_${fresh - i}`)
    await recallCampaign(w)
  },
  async runAutomations(w) {
    for (const kind of ['welcome', 'silent', 'trialEnding', 'renewalDue', 'streakBroken'] as const) await w.call('marketing', 'updateAutomation', { kind, enabled: true }, HOST)
    w.advanceDays(0.01)
    // 40 members join after the welcome was switched on: more than one run's batch.
    await silentMembers(w, 40)
    // 10 of them were last active 20 days ago (silent 14 days; lastActiveAt as the console's job keeps it).
    for (const openid of (await silentMembers(w, 10)).values()) await w.runtime.embedded.collection<MemberDoc>('members').update(openid, { set: { lastActiveAt: w.now() - 20 * 24 * 3600_000 } })
  },
  async measureRecalls(w) {
    await silentMembers(w, 60)
    await recallCampaign(w)
    await sendAll(w)
    w.advanceDays(1)
  }
}
