// Cloud function `leaderboard`: boards, the caller's rank, invites and invite contests.
import { createFunction } from '../platform/create-function'
import { leaderboardActions } from './actions'

export const main = createFunction('leaderboard', leaderboardActions)
