import type { BoardInput, BoardKind, BoardView, ContestIdInput, ContestInput, ContestView, InviteInfo, InviteeView, MyInvitesInput, UpdateContestInput } from '../../types/leaderboard'
import type { Page, PageInput } from '../../types/page'
import { chinaTime } from '../utils/china-time'
import { callFunction } from './api'

// Boards, invites and contests: every leaderboard call the pages make, named
// and typed from types/leaderboard (pages call these, never callFunction).

export function fetchBoard(input: BoardInput): Promise<BoardView> {
  return callFunction('leaderboard', 'board', input)
}

export function fetchMyInvite(): Promise<InviteInfo> {
  return callFunction('leaderboard', 'myInvite', {})
}

export function fetchMyInvitees(input: MyInvitesInput): Promise<Page<InviteeView>> {
  return callFunction('leaderboard', 'myInvitees', input)
}

export function fetchContests(input: PageInput): Promise<Page<ContestView>> {
  return callFunction('leaderboard', 'contests', input)
}

export function createContest(input: ContestInput): Promise<ContestView> {
  return callFunction('leaderboard', 'createContest', input)
}

export function setBoardRewards(input: { weekly: number[]; monthly: number[] }): Promise<{ weekly: number[]; monthly: number[] }> {
  return callFunction('leaderboard', 'setBoardRewards', input)
}

/** Before the start: new terms (prize coupons set aside again). */
export function updateContest(input: UpdateContestInput): Promise<ContestView> {
  return callFunction('leaderboard', 'updateContest', input)
}

/** Before the start: cancelled, its prize coupons back to their campaigns. */
export function cancelContest(input: ContestIdInput): Promise<ContestView> {
  return callFunction('leaderboard', 'cancelContest', input)
}

// Wording shared by the leaderboard pages and the host's.

/** What a shared invite says in WeChat's chat list: the community by its name. */
export function inviteShareTitle(communityName: string): string {
  return `邀请你加入${communityName}，一起打卡`
}

export const boardKey = (input: object) => `leaderboard.board.${JSON.stringify(input)}`
export const MY_INVITE_KEY = 'leaderboard.myInvite'
export const MY_INVITEES_KEY = 'leaderboard.myInvitees'
export const CONTESTS_KEY = 'leaderboard.contests'

export const SCORE_UNIT: Record<BoardKind, string> = {
  pointsWeek: '积分',
  pointsMonth: '积分',
  pointsAll: '积分',
  challengeCheckins: '次',
  challengeStreak: '天',
  contestInvites: '人'
}

export const PHASE_LABEL: Record<ContestView['phase'], string> = { upcoming: '未开始', running: '进行中', ended: '已结束' }

/** 12月01日 00:00 – 12月31日 23:59 (China time; the year when not this year's). */
export function contestWindow(startAt: number, endAt: number, now: number = Date.now()): string {
  const year = chinaTime(now).year()
  const fmt = (at: number) => {
    const t = chinaTime(at)
    return `${t.year() === year ? '' : `${t.year()}年`}${t.format('MM月DD日 HH:mm')}`
  }
  return `${fmt(startAt)} – ${fmt(endAt)}`
}

/** 第 1 名 +100 积分, with a contest's prize coupon: 第 1 名 +500 积分 + 免费活动票 (or 第 1 名 免费活动票 without points). */
export function rewardLabel(place: number, points: number, coupon?: string | null): string {
  const prizes = [points > 0 ? `+${points} 积分` : '', coupon ?? ''].filter(Boolean)
  return `第 ${place} 名 ${prizes.join(' + ')}`
}
