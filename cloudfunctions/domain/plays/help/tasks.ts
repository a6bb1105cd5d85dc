// A member's side of 助力: the campaigns on now, starting a task, a task's page
// (which also completes a task whose helps reached N but whose completion lost
// a race), and helping a friend:
//   1. the task and its campaign by id, in parallel (self-help, pause, expiry,
//      an already completed task refused here);
//   2. the helper's own documents, each by one conditional write and no
//      transaction: a slot of their daily counter `${campaignId}:${openid}:${date}`
//      (an updateIf below the cap, an insert on their first help of the day),
//      then the help `${taskId}:${openid}` by insert (a duplicate id refuses a
//      second help and gives the slot back). Friends helping one task at once
//      write different documents and never conflict;
//   3. a count of the task's helps (and of the double ones) gives its points; at N, the completion
//      transaction (reward.ts) grants the reward exactly once.
import type { HelpCampaignView, HelpResult, HelpTaskView } from '../../../../types/help'
import type { Page, PageInput } from '../../../../types/page'
import { AppError, errors } from '../../../platform/app-error'
import type { Caller } from '../../../platform/define-action'
import type { Runtime } from '../../../platform/runtime'
import { isConflict } from '../../../ports/store'
import type { MemberDoc } from '../../members/member'
import { recordFact } from '../../facts/facts'
import { chinaDate } from '../../time/china-calendar'
import { SIGNUPS, signupId, type SignupDoc } from '../../events/event'
import { assertMayBuy } from '../../crm/circles'
import {
  HELPS,
  HELP_CAMPAIGNS,
  HELP_DAILY,
  HELP_TASKS,
  campaignOfTask,
  dailyIdOf,
  helpIdOf,
  loadHelpCampaign,
  taskIdOf,
  type HelpCampaignDoc,
  type HelpDailyDoc,
  type HelpDoc,
  type HelpTaskDoc
} from './help'
import { completeTask } from './reward'
import { pointsOf, taskView, toCampaignView } from './views'

const HOUR = 3600_000
/** Campaigns on a member's page (1 request each: the member's latest task). */
const MEMBER_PAGE = 6

const latestTask = (runtime: Runtime, campaignId: string, openid: string) =>
  runtime.store
    .collection<HelpTaskDoc>(HELP_TASKS)
    .find({ campaignId, openid }, { sort: [['attempt', 'desc']], limit: 1 })
    .then((p) => p.items[0] ?? null)

export async function listHelpCampaigns(runtime: Runtime, caller: Caller, input: PageInput, now: number): Promise<Page<HelpCampaignView>> {
  const page = await runtime.store.collection<HelpCampaignDoc>(HELP_CAMPAIGNS).find({ endAt: { $gt: now } }, { sort: [['endAt', 'asc']], limit: MEMBER_PAGE, after: input.after })
  const mine = await Promise.all(page.items.map((c) => latestTask(runtime, c._id, caller.openid)))
  return { items: page.items.map((c, i) => toCampaignView(c, mine[i]?._id ?? null, now)), next: page.next }
}

async function loadTask(runtime: Runtime, taskId: string): Promise<{ task: HelpTaskDoc; campaign: HelpCampaignDoc | null }> {
  const [task, campaign] = await Promise.all([runtime.store.collection<HelpTaskDoc>(HELP_TASKS).get(taskId), runtime.store.collection<HelpCampaignDoc>(HELP_CAMPAIGNS).get(campaignOfTask(taskId))])
  if (!task) throw errors.notFound('助力任务')
  return { task, campaign }
}

/** A task's page. A task whose helps reached N but is still open (its completion lost a race) is completed here. */
export async function getHelpTask(runtime: Runtime, caller: Caller, taskId: string, now: number): Promise<HelpTaskView> {
  const loaded = await loadTask(runtime, taskId)
  const campaign = loaded.campaign
  let task = loaded.task
  if (task.status === 'open') {
    const tally = await pointsOf(runtime, task._id, task.newMemberDouble)
    if (tally.points < task.need) return taskView(runtime, task, campaign, caller.openid, now, tally)
    await completeTask(runtime, task._id, tally, now)
    task = (await runtime.store.collection<HelpTaskDoc>(HELP_TASKS).get(taskId)) ?? task
    return taskView(runtime, task, campaign, caller.openid, now, tally)
  }
  return taskView(runtime, task, campaign, caller.openid, now)
}

/** What the reward needs of its owner, checked before a task starts. */
async function assertMayWin(runtime: Runtime, campaign: HelpCampaignDoc, openid: string): Promise<void> {
  const reward = campaign.reward
  if (reward.type === 'event') {
    const signup = await runtime.store.collection<SignupDoc>(SIGNUPS).get(signupId(reward.eventId, openid))
    if (signup && ['held', 'offered', 'confirmed', 'attended'].includes(signup.status)) throw new AppError('CONFLICT', '你已报名这个活动，无需助力')
  }
  if (reward.type === 'trial') await assertMayBuy(runtime, reward.circleId, openid)
}

/**
 * Starts the caller's task (or answers the one they have: open, or completed:
 * one reward per member per campaign). An expired one may be started again.
 */
export async function startHelpTask(runtime: Runtime, caller: Caller, member: MemberDoc, campaignId: string, now: number): Promise<HelpTaskView> {
  const [campaign, latest] = await Promise.all([loadHelpCampaign(runtime, campaignId), latestTask(runtime, campaignId, caller.openid)])
  if (latest && (latest.status === 'completed' || now < latest.expiresAt)) return getHelpTask(runtime, caller, latest._id, now)
  if (now >= campaign.endAt) throw new AppError('CHECKIN_CLOSED', '助力活动已结束')
  if (campaign.paused) throw new AppError('CONFLICT', '助力活动已暂停，请稍后再来')
  await assertMayWin(runtime, campaign, caller.openid)
  const attempt = (latest?.attempt ?? 0) + 1
  const task: HelpTaskDoc = {
    _id: taskIdOf(campaign._id, caller.openid, attempt),
    campaignId: campaign._id,
    openid: caller.openid,
    attempt,
    nickname: member.nickname,
    avatarFileId: member.avatarFileId,
    title: campaign.title,
    reward: campaign.reward,
    need: campaign.need,
    newMemberDouble: campaign.newMemberDouble,
    status: 'open',
    // A task runs its own hours even past the campaign's end (its friends were promised them); an event's seat
    // only until the campaign's end, which is before the event's signup deadline.
    expiresAt: campaign.reward.type === 'event' ? Math.min(now + campaign.taskHours * HOUR, campaign.endAt) : now + campaign.taskHours * HOUR,
    createdAt: now,
    completedAt: null,
    rewardStatus: null,
    rewardMessage: null,
    couponId: null
  }
  try {
    await runtime.store.collection<HelpTaskDoc>(HELP_TASKS).insert(task)
  } catch (error) {
    // A second tap of the same member started it first: that task is the answer.
    if (!isConflict(error)) throw error
    return getHelpTask(runtime, caller, task._id, now)
  }
  await recordFact(runtime.store, {
    type: 'help.started',
    key: task._id,
    openid: caller.openid,
    refId: campaign._id,
    payload: { campaignId: campaign._id, rewardType: campaign.reward.type, need: campaign.need },
    at: now
  })
  return taskView(runtime, task, campaign, caller.openid, now, { helps: 0, points: 0 })
}

/**
 * One of the helper's helps of this campaign today, by conditional updates of
 * their own counter (never above the cap): 1 request, 2 on their first help of
 * the day. Refused at the cap.
 */
async function takeDailySlot(runtime: Runtime, campaign: HelpCampaignDoc, openid: string, date: string): Promise<void> {
  const daily = runtime.store.collection<HelpDailyDoc>(HELP_DAILY)
  const id = dailyIdOf(campaign._id, openid, date)
  for (let attempt = 0; attempt < 2; attempt++) {
    if (await daily.updateIf(id, { count: { $lt: campaign.dailyCap } }, { inc: { count: 1 } })) return
    try {
      await daily.insert({ _id: id, campaignId: campaign._id, openid, date, count: 1 })
      return
    } catch (error) {
      // There is a counter: at the cap, or another tap of theirs made it a moment ago (try it once more).
      if (!isConflict(error)) throw error
    }
  }
  throw new AppError('LIMIT_REACHED', `今天已助力 ${campaign.dailyCap} 次，明天再来吧`)
}

/** A friend's 助力: refused for oneself, twice, over the daily cap, on a paused campaign, an expired or completed task. */
export async function helpFriend(runtime: Runtime, caller: Caller, member: MemberDoc, taskId: string, now: number): Promise<HelpResult> {
  const { task, campaign } = await loadTask(runtime, taskId)
  if (task.openid === caller.openid) throw new AppError('FORBIDDEN', '不能给自己助力，快分享给好友吧')
  if (task.status === 'completed') throw new AppError('CONFLICT', '好友的奖励已解锁，谢谢你')
  if (now >= task.expiresAt) throw new AppError('CHECKIN_CLOSED', '这个助力已过期')
  if (!campaign || campaign.paused) throw new AppError('CONFLICT', '助力活动已暂停，请稍后再来')
  const newMember = member.joinedAt > task.createdAt
  const double = task.newMemberDouble && newMember
  const weight = double ? 2 : 1
  const helpId = helpIdOf(task._id, caller.openid)
  await takeDailySlot(runtime, campaign, caller.openid, chinaDate(now))
  try {
    await runtime.store.collection<HelpDoc>(HELPS).insert({
      _id: helpId,
      taskId: task._id,
      campaignId: campaign._id,
      ownerOpenid: task.openid,
      ownerNickname: task.nickname,
      openid: caller.openid,
      nickname: member.nickname,
      avatarFileId: member.avatarFileId,
      weight,
      double,
      newMember,
      at: now
    })
  } catch (error) {
    if (!isConflict(error)) throw error
    // Helped this task already (another tap got there first): the day's slot goes back.
    await runtime.store.collection<HelpDailyDoc>(HELP_DAILY).updateIf(dailyIdOf(campaign._id, caller.openid, chinaDate(now)), { count: { $gt: 0 } }, { inc: { count: -1 } })
    throw new AppError('LIMIT_REACHED', '你已经帮 TA 助力过了')
  }
  const tally = await pointsOf(runtime, task._id, task.newMemberDouble)
  const points = tally.points
  const completed = points >= task.need ? await completeTask(runtime, task._id, tally, now) : false
  return { weight, points: Math.min(points, task.need), need: task.need, completed: completed || points >= task.need }
}
