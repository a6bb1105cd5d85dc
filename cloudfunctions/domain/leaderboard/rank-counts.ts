// A member's rank without scanning the board, in one request at any size: a
// two-level histogram of scores. One document per board counts members per
// bucket of BUCKET score values; one document per bucket counts members per
// exact score. Rank = 1 + members above = the buckets above mine + the scores
// above mine in my bucket, read together with one `_id in [...]` query.
//
// Only the board mover (a cron job with a lease, see move-boards.ts) writes
// these documents, so no member's action ever writes a shared document.
import type { Collection } from '../../ports/store'
import { COLLECTIONS } from '../../platform/collections'

export const RANK_COUNTS = COLLECTIONS.rankCounts.name
export const BUCKET = 256

export interface CountsDoc {
  _id: string
  boardId: string
  /** Bucket (coarse document) or exact score (bucket document) → members there. */
  n: Record<string, number>
}

export const bucketOf = (score: number) => Math.floor(Math.max(0, score) / BUCKET)
export const coarseId = (boardId: string) => `${boardId}#c`
export const bucketId = (boardId: string, bucket: number) => `${boardId}#b${bucket}`

/** Members above a score and on the board at all, from the two documents that hold them. */
export function countAbove(coarse: CountsDoc | null, bucket: CountsDoc | null, score: number): { above: number; total: number } {
  const mine = bucketOf(score)
  let above = 0
  let total = 0
  // Integer keys: V8 keeps them as indexed elements, so a for-in over them is a plain loop (Object.entries was most of a rank's time).
  const buckets = coarse?.n ?? {}
  for (const key in buckets) {
    const n = buckets[key]
    total += n
    if (+key > mine) above += n
  }
  const scores = bucket?.n ?? {}
  for (const key in scores) if (+key > score) above += scores[key]
  return { above, total }
}

/** One request: the board's coarse counts and the counts of the caller's bucket. */
export async function readCounts(counts: Pick<Collection<CountsDoc>, 'find'>, boardId: string, score: number | null): Promise<{ coarse: CountsDoc | null; bucket: CountsDoc | null }> {
  const ids = [coarseId(boardId), ...(score === null ? [] : [bucketId(boardId, bucketOf(score))])]
  const page = await counts.find({ _id: { $in: ids } }, { limit: ids.length })
  const byId = new Map(page.items.map((doc) => [doc._id, doc]))
  return { coarse: byId.get(ids[0]) ?? null, bucket: score === null ? null : (byId.get(ids[1]) ?? null) }
}

/** The count changes one score change makes: out of the old score (if any), into the new one (if any). */
export function countChanges(boardId: string, from: number | null, to: number | null): Array<{ id: string; key: string; delta: number }> {
  const changes: Array<{ id: string; key: string; delta: number }> = []
  const move = (score: number, delta: number) => {
    changes.push({ id: coarseId(boardId), key: String(bucketOf(score)), delta })
    changes.push({ id: bucketId(boardId, bucketOf(score)), key: String(Math.max(0, score)), delta })
  }
  if (from !== null) move(from, -1)
  if (to !== null) move(to, 1)
  return changes
}
