import type { BoardInput, BoardView, ContestIdInput, ContestInput, ContestView, InviteInfo, InviteeView, MyInvitesInput, UpdateContestInput } from '../../types/leaderboard'
import type { Page, PageInput } from '../../types/page'
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
