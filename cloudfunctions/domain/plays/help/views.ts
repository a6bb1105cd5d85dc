// What members and hosts see: a campaign's phase from the server's clock; a
// task's progress counted from its help documents (two counts: every help, and
// the double ones), its latest helpers, and what the reward became; the host's
// measures by counts.
import type { HelpCampaignView, HelpMeasures, HelpTaskStatus, HelpTaskView, HostHelpCampaignView } from '../../../../types/help'
import type { Runtime } from '../../../platform/runtime'
import { HELPERS_SHOWN, HELPS, HELP_TASKS, helpIdOf, type HelpCampaignDoc, type HelpDoc, type HelpTaskDoc } from './help'

export function campaignPhase(campaign: HelpCampaignDoc, now: number): HelpCampaignView['phase'] {
  if (now >= campaign.endAt) return 'ended'
  return campaign.paused ? 'paused' : 'open'
}

export function toCampaignView(campaign: HelpCampaignDoc, mineTaskId: string | null, now: number): HelpCampaignView {
  return {
    id: campaign._id,
    title: campaign.title,
    rewardType: campaign.reward.type,
    rewardName: campaign.reward.name,
    need: campaign.need,
    newMemberDouble: campaign.newMemberDouble,
    dailyCap: campaign.dailyCap,
    taskHours: campaign.taskHours,
    endAt: campaign.endAt,
    phase: campaignPhase(campaign, now),
    mineTaskId,
    serverNow: now
  }
}

/** Points a task has: every help counts 1, a double one 1 more. 1 count, 2 when new members count double. */
export async function pointsOf(runtime: Runtime, taskId: string, countDoubles: boolean): Promise<{ helps: number; points: number }> {
  const helps = runtime.store.collection(HELPS)
  const [all, doubles] = await Promise.all([helps.count({ taskId }), countDoubles ? helps.count({ taskId, double: true }) : 0])
  return { helps: all, points: all + doubles }
}

export function taskStatus(task: HelpTaskDoc, campaign: Pick<HelpCampaignDoc, 'paused'> | null, now: number): HelpTaskStatus {
  if (task.status === 'completed') return 'completed'
  if (now >= task.expiresAt) return 'expired'
  return campaign?.paused ? 'paused' : 'open'
}

/** A task as the caller sees it: 4 requests (the latest helpers, two counts, the caller's own help). */
export async function taskView(
  runtime: Runtime,
  task: HelpTaskDoc,
  campaign: Pick<HelpCampaignDoc, 'paused'> | null,
  openid: string,
  now: number,
  counted?: { helps: number; points: number }
): Promise<HelpTaskView> {
  const helps = runtime.store.collection<HelpDoc>(HELPS)
  const [latest, tally, mine] = await Promise.all([
    helps.find({ taskId: task._id }, { sort: [['at', 'desc']], limit: HELPERS_SHOWN }),
    counted ?? pointsOf(runtime, task._id, task.newMemberDouble),
    task.openid === openid ? null : helps.get(helpIdOf(task._id, openid))
  ])
  const points = Math.min(task.need, tally.points)
  const reward = task.status === 'completed' && task.rewardStatus ? { status: task.rewardStatus, message: task.rewardMessage ?? '', couponId: task.couponId } : null
  return {
    id: task._id,
    campaignId: task.campaignId,
    title: task.title,
    rewardType: task.reward.type,
    rewardName: task.reward.name,
    owner: { nickname: task.nickname, avatarUrl: task.avatarFileId ? runtime.files.urlFor(task.avatarFileId) : '' },
    need: task.need,
    points: task.status === 'completed' ? task.need : points,
    left: task.status === 'completed' ? 0 : task.need - points,
    newMemberDouble: task.newMemberDouble,
    status: taskStatus(task, campaign, now),
    expiresAt: task.expiresAt,
    helpers: latest.items.map((h) => ({ nickname: h.nickname, avatarUrl: h.avatarFileId ? runtime.files.urlFor(h.avatarFileId) : '', weight: h.weight, at: h.at })),
    helperCount: tally.helps,
    isOwner: task.openid === openid,
    helpedByMe: mine !== null,
    reward,
    serverNow: now
  }
}

/** The host's measures: 5 counts. */
export async function measuresOf(runtime: Runtime, campaignId: string): Promise<HelpMeasures> {
  const tasks = runtime.store.collection(HELP_TASKS)
  const helps = runtime.store.collection(HELPS)
  const [started, completed, rewardsGranted, newMembers, given] = await Promise.all([
    tasks.count({ campaignId }),
    tasks.count({ campaignId, status: 'completed' }),
    tasks.count({ campaignId, status: 'completed', rewardStatus: 'granted' }),
    helps.count({ campaignId, newMember: true }),
    helps.count({ campaignId })
  ])
  return { started, completed, rewardsGranted, newMembers, helps: given }
}

export async function hostCampaignView(runtime: Runtime, campaign: HelpCampaignDoc, now: number): Promise<HostHelpCampaignView> {
  return { ...toCampaignView(campaign, null, now), paused: campaign.paused, measures: await measuresOf(runtime, campaign._id) }
}

export type { HelpTaskView }
