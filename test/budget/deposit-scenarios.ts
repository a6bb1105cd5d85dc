// Budget scenarios of deposit challenges (押金, issue 16): paying the deposit
// (and resuming an open deposit order), its payment notify, the member's
// deposit view after the settlement, the host's settlement report, and the
// settleDeposits job on a challenge that just ended. Spread into scenarios.ts.
import { payNotifyMain } from '../../cloudfunctions/functions'
import type { ChallengeInput } from '../../types/checkin'
import { HOST, type World } from './world'
import type { Scenario } from './scenarios'
import { challengeInput } from '../checkin/checkin-fixtures'
import { payOrderOk } from '../helpers/pay'
import { scenario } from '../plays/budget'

let fresh = 0
const newMember = async (w: World) => {
  fresh += 1
  const openid = `budget_deposit_${fresh}`
  await w.call('member', 'me', {}, openid)
  return openid
}

/** A one-day challenge today with a ¥20 deposit (make-ups not counted: it settles right after today's window). */
function depositChallenge(w: World): ChallengeInput {
  return challengeInput({
    title: '今日早起押金挑战',
    description: '早起打卡，完成者平分未完成者的押金',
    depositFen: 2000,
    forfeitTo: 'completers',
    startDate: w.today(),
    days: 1,
    windowStart: '00:00',
    minTextLength: 0,
    streakBonuses: [],
    makeupCardsPerMember: 0,
    makeupsCount: false
  })
}

const pay = (w: World, orderId: string) => payOrderOk(w.runtime, orderId)

/** A deposit challenge with `members` paid depositors, the first `completers` of whom checked in (setup). */
async function paidUp(w: World, members: number, completers: number): Promise<{ challengeId: string; openids: string[] }> {
  const { id: challengeId } = await w.call('challenges', 'createChallenge', depositChallenge(w), HOST)
  const openids: string[] = []
  for (let i = 0; i < members; i++) {
    const openid = await newMember(w)
    await pay(w, (await w.call('deposits', 'payDeposit', { challengeId }, openid)).orderId)
    if (i < completers) await w.call('checkin', 'postCheckin', { challengeId, text: '早起打卡', photoFileIds: [] }, openid)
    openids.push(openid)
  }
  return { challengeId, openids }
}

/** The same challenge after its settlement ran (setup). */
async function settled(w: World): Promise<{ challengeId: string; openids: string[] }> {
  const done = await paidUp(w, 3, 2)
  w.advanceDays(1)
  for (let run = 0; run < 3; run++) await w.call('settle', 'run', { jobs: ['settleDeposits'] }, HOST)
  return done
}

export const DEPOSIT_SCENARIOS: Scenario[] = [
  scenario('deposits.payDeposit', 'member', async (w) => {
    const { id: challengeId } = await w.call('challenges', 'createChallenge', depositChallenge(w), HOST)
    return (await w.measure('deposits', 'payDeposit', { challengeId }, await newMember(w))).usage
  }),
  scenario('deposits.payDeposit.resumed', 'member', async (w) => {
    const { id: challengeId } = await w.call('challenges', 'createChallenge', depositChallenge(w), HOST)
    const openid = await newMember(w)
    await w.call('deposits', 'payDeposit', { challengeId }, openid)
    return (await w.measure('deposits', 'payDeposit', { challengeId }, openid)).usage
  }),
  scenario('payNotify.notify.deposit', 'member', async (w) => {
    const { id: challengeId } = await w.call('challenges', 'createChallenge', depositChallenge(w), HOST)
    const { orderId } = await w.call('deposits', 'payDeposit', { challengeId }, await newMember(w))
    const notify = await w.runtime.payments.pay(orderId)
    const { data, usage } = await w.measureWork(() => payNotifyMain({ headers: notify.headers, body: notify.body, isBase64Encoded: false }))
    if (data.statusCode >= 300) throw new Error(`payNotify answered ${data.statusCode}`)
    return usage
  }),
  scenario('deposits.depositStatus', 'member', async (w) => {
    const { challengeId, openids } = await settled(w)
    return (await w.measure('deposits', 'depositStatus', { challengeId }, openids[0])).usage
  }),
  scenario('deposits.depositSettlement', 'host', async (w) => {
    const { challengeId } = await settled(w)
    return (await w.measure('deposits', 'depositSettlement', { challengeId }, HOST)).usage
  })
]

export const DEPOSIT_BACKLOG: Record<string, (w: World) => Promise<void>> = {
  async settleDeposits(w) {
    // A challenge that ended yesterday: 30 depositors, 20 completed (a run classifies all 30, plans, and pays its batch of 20).
    await paidUp(w, 30, 20)
    w.advanceDays(1)
  }
}
