import { defineActions } from '../platform/define-action'
import { isManager } from '../../types/roles'
import * as s from '../domain/leaderboard/schemas'
import { emptyInput, pageInput } from '../domain/growth/schemas'
import { boardView } from '../domain/leaderboard/board-view'
import { inviteInfo, myInvitees } from '../domain/leaderboard/referral'
import { cancelContest, createContest, listContests, updateContest } from '../domain/leaderboard/contests'
import { saveBoardRewards } from '../domain/leaderboard/rewards'
import { settleOwnFacts } from '../domain/growth/apply-events'
import type { ContestInput } from '../../types/leaderboard'

const CONTEST_EXAMPLE: ContestInput = {
  title: '12 月邀请赛',
  startAt: Date.parse('2026-12-01T00:00:00+08:00'),
  endAt: Date.parse('2026-12-31T23:59:59+08:00'),
  prizes: [
    { points: 500, couponCampaignId: null },
    { points: 300, couponCampaignId: null },
    { points: 100, couponCampaignId: null }
  ]
}

export const leaderboardActions = defineActions('leaderboard', {
  board: {
    role: 'member',
    input: s.boardInput,
    example: { kind: 'pointsWeek' },
    // Boards move by cron (the board mover), a minute or so after the facts behind them.
    handle: (input, { runtime, caller, now }) => boardView(runtime, caller, input, now)
  },
  myInvite: {
    role: 'member',
    input: emptyInput,
    example: {},
    handle: async (_input, { runtime, caller, member }) => {
      await settleOwnFacts(runtime, caller.openid, member)
      return inviteInfo(runtime, caller.openid, member)
    }
  },
  myInvitees: {
    role: 'member',
    input: pageInput,
    example: {},
    handle: async (input, { runtime, caller, member }) => {
      if (!input.after) await settleOwnFacts(runtime, caller.openid, member)
      return myInvitees(runtime, caller.openid, input)
    }
  },
  contests: { role: 'member', input: pageInput, example: {}, handle: (input, { runtime, caller, now }) => listContests(runtime, input, now, { withCancelled: isManager(caller.role) }) },
  createContest: {
    role: 'admin',
    input: s.contestInput,
    example: CONTEST_EXAMPLE,
    handle: (input, { runtime, now }) => createContest(runtime, input, now)
  },
  updateContest: {
    role: 'admin',
    input: s.updateContestInput,
    example: { contestId: 'k1', ...CONTEST_EXAMPLE },
    handle: (input, { runtime, now }) => updateContest(runtime, input, now)
  },
  cancelContest: { role: 'admin', input: s.contestIdInput, example: { contestId: 'k1' }, handle: (input, { runtime, now }) => cancelContest(runtime, input.contestId, now) },
  setBoardRewards: { role: 'admin', input: s.rewardsInput, example: { weekly: [100, 60, 30], monthly: [300, 200, 100] }, handle: (input, { runtime }) => saveBoardRewards(runtime, input) }
})
