// Points for the top places of weekly and monthly boards, set by the host.
import { COLLECTIONS } from '../../platform/collections'
import type { Runtime } from '../../platform/runtime'

export interface BoardRewards {
  weekly: number[]
  monthly: number[]
}

export const DEFAULT_BOARD_REWARDS: BoardRewards = { weekly: [100, 60, 30], monthly: [300, 200, 100] }

export async function loadBoardRewards(runtime: Runtime): Promise<BoardRewards> {
  const doc = await runtime.store.collection<BoardRewards & { _id: string }>(COLLECTIONS.settings.name).get('boardRewards')
  return doc ? { weekly: doc.weekly, monthly: doc.monthly } : DEFAULT_BOARD_REWARDS
}

export async function saveBoardRewards(runtime: Runtime, rewards: BoardRewards): Promise<BoardRewards> {
  await runtime.store.collection<BoardRewards & { _id: string }>(COLLECTIONS.settings.name).set({ _id: 'boardRewards', ...rewards })
  return rewards
}
