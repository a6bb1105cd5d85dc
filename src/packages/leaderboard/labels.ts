import type { BoardKind, ContestView } from '../../../types/leaderboard'
import { chinaTime } from '../../utils/china-time'

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
