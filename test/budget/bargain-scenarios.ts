// Budget scenarios of 砍价 bargains (the fission function's bargain actions) and
// a bargain order's payment notify. Spread into scenarios.ts.
import { payNotifyMain } from '../../cloudfunctions/functions'
import { callRaw } from '../helpers/test-runtime'
import type { CreateBargainCampaignInput } from '../../types/bargain'
import { AJIE, DAWEI, HOST, LILY, XIAOMEI, type World } from './world'
import { scenario, member, host } from '../plays/budget'
import type { Scenario } from './scenarios'

let fresh = 0
const friend = () => `o_cutter_${String(++fresh).padStart(5, '0')}`

async function campaignInput(w: World, cuts = 10): Promise<CreateBargainCampaignInput> {
  const camp = await w.doc<{ _id: string; plans: Array<{ id: string }> }>('circles', { name: '减脂私教营' })
  return { target: { type: 'plan', circleId: camp._id, planId: camp.plans[0].id }, title: '月卡砍价', startFen: 200, floorFen: 100, cuts, hours: 24, dailyCap: 5, endAt: w.now() + 7 * 24 * 3600_000 }
}

/** A running campaign (setup). */
async function campaign(w: World, cuts = 10): Promise<string> {
  return (await w.call('fission', 'createBargainCampaign', await campaignInput(w, cuts), HOST)).id
}

/** A bargain of `starter` with `cutsTaken` cuts by fresh friends (setup). */
async function bargain(w: World, starter = AJIE, cutsTaken = 0, cuts = 10): Promise<{ campaignId: string; bargainId: string }> {
  const campaignId = await campaign(w, cuts)
  const b = await w.call('fission', 'startBargain', { campaignId }, starter)
  for (let i = 0; i < cutsTaken; i++) await w.call('fission', 'cutBargain', { bargainId: b.id }, friend())
  return { campaignId, bargainId: b.id }
}

export const BARGAIN_SCENARIOS: Scenario[] = [
  host('fission.createBargainCampaign', async (w) => (await w.measure('fission', 'createBargainCampaign', await campaignInput(w), HOST)).usage),
  host('fission.pauseBargainCampaign', async (w) => {
    const { campaignId } = await bargain(w, AJIE, 2)
    return (await w.measure('fission', 'pauseBargainCampaign', { campaignId, paused: true }, HOST)).usage
  }),
  // A full page (3 campaigns), each with more than 100 paid bargains would add one count each: here a realistic page with some activity.
  host('fission.hostBargainCampaigns', async (w) => {
    for (let i = 0; i < 4; i++) await bargain(w, AJIE, 2)
    return (await w.measure('fission', 'hostBargainCampaigns', {}, HOST)).usage
  }),
  host('fission.bargainCutLog', async (w) => {
    const { campaignId } = await bargain(w, AJIE, 6)
    return (await w.measure('fission', 'bargainCutLog', { campaignId }, HOST)).usage
  }),
  member('fission.bargainCampaigns', async (w) => {
    for (let i = 0; i < 7; i++) await bargain(w, XIAOMEI, 1)
    return (await w.measure('fission', 'bargainCampaigns', {}, XIAOMEI)).usage
  }),
  member('fission.bargainCampaign', async (w) => {
    const { campaignId } = await bargain(w, XIAOMEI, 1)
    return (await w.measure('fission', 'bargainCampaign', { campaignId }, XIAOMEI)).usage
  }),
  member('fission.startBargain.first', async (w) => (await w.measure('fission', 'startBargain', { campaignId: await campaign(w) }, AJIE)).usage),
  member('fission.startBargain.again', async (w) => {
    const { campaignId } = await bargain(w, AJIE, 1)
    return (await w.measure('fission', 'startBargain', { campaignId }, AJIE)).usage
  }),
  // The member's earlier bargain expired unpaid: a new one replaces it.
  member('fission.startBargain.afterExpiry', async (w) => {
    const { campaignId } = await bargain(w, AJIE, 1)
    w.runtime.clock.advance(25 * 3600_000)
    return (await w.measure('fission', 'startBargain', { campaignId }, AJIE)).usage
  }),
  member('fission.bargain', async (w) => {
    const { bargainId } = await bargain(w, AJIE, 5)
    return (await w.measure('fission', 'bargain', { bargainId }, XIAOMEI)).usage
  }),
  member('fission.cutBargain.first', async (w) => {
    const { bargainId } = await bargain(w, AJIE, 3)
    return (await w.measure('fission', 'cutBargain', { bargainId }, XIAOMEI)).usage
  }),
  // The friend's second cut of the day in the campaign (the cap document exists).
  member('fission.cutBargain.secondToday', async (w) => {
    const campaignId = await campaign(w)
    const one = await w.call('fission', 'startBargain', { campaignId }, AJIE)
    const two = await w.call('fission', 'startBargain', { campaignId }, LILY)
    await w.call('fission', 'cutBargain', { bargainId: one.id }, DAWEI)
    return (await w.measure('fission', 'cutBargain', { bargainId: two.id }, DAWEI)).usage
  }),
  // The longest path: every place the friend tries is taken just before (another friend's cut, not counted), TRIES times;
  // the cut then gives its cap and cut document back, reads the bargain again and answers 人太多.
  member('fission.cutBargain.allPlacesTaken', async (w) => {
    const { bargainId } = await bargain(w, AJIE, 0, 20)
    const store = w.runtime.store as unknown as { collection(name: string): object }
    const collection = store.collection.bind(store)
    store.collection = (name: string) => {
      const real = collection(name) as { updateIf(id: string, condition: object, ops: object): Promise<boolean> }
      if (name !== 'bargains') return real
      return Object.assign(Object.create(real) as object, {
        updateIf: async (id: string, condition: object, ops: object) => {
          await w.runtime.embedded.collection('bargains').update(id, { inc: { cuts: 1 } })
          return real.updateIf(id, condition, ops)
        }
      })
    }
    try {
      const { data, usage } = await w.measureWork(() => callRaw('fission', { action: 'cutBargain', bargainId }, XIAOMEI))
      if (data.ok || data.error.code !== 'BUSY') throw new Error(`expected 人太多, got ${JSON.stringify(data)}`)
      return usage
    } finally {
      store.collection = collection
    }
  }),
  member('fission.cutBargain.refused', async (w) => {
    const { bargainId } = await bargain(w, AJIE, 10, 10)
    const { data, usage } = await w.measureWork(() => callRaw('fission', { action: 'cutBargain', bargainId }, XIAOMEI))
    if (data.ok || data.error.code !== 'CONFLICT') throw new Error('expected 已经砍到底价啦')
    return usage
  }),
  member('fission.payBargain.first', async (w) => {
    const { bargainId } = await bargain(w, AJIE, 4)
    return (await w.measure('fission', 'payBargain', { bargainId }, AJIE)).usage
  }),
  member('fission.payBargain.again', async (w) => {
    const { bargainId } = await bargain(w, AJIE, 4)
    await w.call('fission', 'payBargain', { bargainId }, AJIE)
    return (await w.measure('fission', 'payBargain', { bargainId }, AJIE)).usage
  }),
  scenario('payNotify.notify.bargain', 'member', async (w) => {
    const { bargainId } = await bargain(w, AJIE, 10, 10)
    const { orderId } = await w.call('fission', 'payBargain', { bargainId }, AJIE)
    const notify = await w.runtime.payments.pay(orderId)
    const { data, usage } = await w.measureWork(() => payNotifyMain({ headers: notify.headers, body: notify.body, isBase64Encoded: false }))
    if (data.statusCode >= 300) throw new Error(`payNotify answered ${data.statusCode}`)
    return usage
  })
]
