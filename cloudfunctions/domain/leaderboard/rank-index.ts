// A member's rank without scanning the board: a Fenwick tree (binary indexed
// tree) over score values, stored as small documents, counts how many members
// have a score at or below any value in log2(size) reads. Scores from 0 to
// SIZE-1 are indexed exactly; higher scores share the last slot and are ranked
// among themselves by a direct count (there are few of them).
import type { DocOps } from '../../ports/store'
import { COLLECTIONS } from '../../platform/collections'

export const TREE = COLLECTIONS.boardTree.name
export const SIZE = 1 << 17 // 131,072 score values

interface NodeDoc {
  _id: string
  n: number
}

const slot = (score: number) => Math.min(Math.max(0, Math.floor(score)), SIZE - 1) + 1 // 1-based

export async function treeAdd(nodes: Pick<DocOps<NodeDoc>, 'get' | 'set'>, boardId: string, score: number, delta: number): Promise<void> {
  for (let i = slot(score); i <= SIZE; i += i & -i) {
    const id = `${boardId}:${i}`
    const node = await nodes.get(id)
    await nodes.set({ _id: id, n: (node?.n ?? 0) + delta })
  }
}

/** How many members have a score ≤ score (scores past the last slot count as the last slot). */
export async function treeCountAtOrBelow(nodes: Pick<DocOps<NodeDoc>, 'get'>, boardId: string, score: number): Promise<number> {
  let count = 0
  for (let i = slot(score); i > 0; i -= i & -i) count += (await nodes.get(`${boardId}:${i}`))?.n ?? 0
  return count
}

export function beyondIndex(score: number): boolean {
  return score >= SIZE - 1
}
