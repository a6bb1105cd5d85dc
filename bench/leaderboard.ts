// The caller's rank and the top 50 at 1,000,000 members, measured side by side
// with a Redis sorted set (ZREVRANK / ZREVRANGE) on the same data in the same
// run, when redis-server is installed (apt-get install redis-server).
//
// Ranks come from the two-level score histogram (rank-counts.ts): the board is
// bulk-loaded in the shapes the board mover writes (entries, the coarse
// document `${boardId}#c` counting members per bucket of BUCKET scores, one
// document `${boardId}#b${bucket}` per bucket counting members per score), then
// `rankOf` is timed, and its cloud cost counted by the CountingStore.
import { spawn, spawnSync } from 'node:child_process'
import { createLocalRuntime } from '../cloudfunctions/adapters/local/local-runtime'
import { CountingStore } from '../cloudfunctions/adapters/store/counting-store'
import { BOARDS, ENTRIES, type BoardDoc, type EntryDoc } from '../cloudfunctions/domain/leaderboard/boards'
import { RANK_COUNTS, bucketId, bucketOf, coarseId, type CountsDoc } from '../cloudfunctions/domain/leaderboard/rank-counts'
import { rankOf, topEntries } from '../cloudfunctions/domain/leaderboard/board-view'
import { percentile, round, timeEach } from './stats'

const MEMBERS = 1_000_000
const SAMPLES = 2000

function scoreOf(i: number): number {
  // Skewed like real boards: most members low, a few very high.
  const x = ((i * 2654435761) % 1_000_003) / 1_000_003
  return Math.floor(100_000 * x ** 3)
}

async function redisFigures(samples: number[]): Promise<{ rank: number; top: number } | { skipped: string }> {
  if (spawnSync('which', ['redis-server']).status !== 0) return { skipped: 'redis-server not installed' }
  const port = 16000 + Math.floor(Math.random() * 1000)
  const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' })
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Redis = require('ioredis')
  const redis = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 5, retryStrategy: (n: number) => (n > 20 ? null : 100) })
  try {
    for (let i = 0; i < 50; i++) {
      try {
        await redis.connect()
        break
      } catch {
        await new Promise((r) => setTimeout(r, 100))
      }
    }
    for (let start = 0; start < MEMBERS; start += 20_000) {
      const pipeline = redis.pipeline()
      for (let i = start; i < Math.min(MEMBERS, start + 20_000); i++) pipeline.zadd('board', scoreOf(i), `o${i}`)
      await pipeline.exec()
    }
    const rank = await timeEach(samples.length, (k) => redis.zrevrank('board', `o${samples[k]}`))
    const top = await timeEach(300, () => redis.zrevrange('board', 0, 49, 'WITHSCORES'))
    return { rank: percentile(rank, 95), top: percentile(top, 95) }
  } finally {
    redis.disconnect()
    server.kill()
  }
}

export async function benchLeaderboard(): Promise<Record<string, number | string>> {
  const runtime = createLocalRuntime({ dataDir: ':memory:' })
  const boardId = 'bench:1m'
  const started = process.hrtime.bigint()
  // Bulk-load the state the board mover builds fact by fact: entries, then the histogram.
  const coarse: Record<string, number> = {}
  const buckets = new Map<number, Record<string, number>>()
  await runtime.store.transaction(async (tx) => {
    const entries = tx.collection<EntryDoc>(ENTRIES)
    for (let i = 0; i < MEMBERS; i++) {
      const score = scoreOf(i)
      await entries.insert({ _id: `${boardId}:o${i}`, boardId, openid: `o${i}`, score, reachedAt: i })
      const bucket = bucketOf(score)
      coarse[bucket] = (coarse[bucket] ?? 0) + 1
      const n = buckets.get(bucket) ?? {}
      n[score] = (n[score] ?? 0) + 1
      buckets.set(bucket, n)
    }
    const counts = tx.collection<CountsDoc>(RANK_COUNTS)
    await counts.insert({ _id: coarseId(boardId), boardId, n: coarse })
    for (const [bucket, n] of buckets) await counts.insert({ _id: bucketId(boardId, bucket), boardId, n })
    await tx.collection<BoardDoc>(BOARDS).insert({ _id: boardId, settled: false, results: null })
  })
  const loadSeconds = Number(process.hrtime.bigint() - started) / 1e9
  const samples = Array.from({ length: SAMPLES }, (_, k) => (k * 7919 * 31) % MEMBERS)
  const entries = runtime.store.collection<EntryDoc>(ENTRIES)
  const docs = await Promise.all(samples.map((i) => entries.get(`${boardId}:o${i}`)))
  // The histogram must give the rank a sorted list gives: checked on the samples against a count of the scores.
  const sorted = Array.from({ length: MEMBERS }, (_, i) => scoreOf(i)).sort((a, b) => b - a)
  const above = (score: number) => {
    let lo = 0
    let hi = sorted.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (sorted[mid] > score) lo = mid + 1
      else hi = mid
    }
    return lo
  }
  for (const doc of docs.slice(0, 200)) {
    const rank = await rankOf(runtime, boardId, doc!)
    if (rank !== 1 + above(doc!.score)) throw new Error(`rank of ${doc!._id}: ${rank}, a count says ${1 + above(doc!.score)}`)
  }
  // Requests one rankOf sends, counted as the CloudBase adapter would send them.
  const counting = new CountingStore(runtime.store)
  const meter = counting.startMeter()
  await rankOf({ ...runtime, store: counting }, boardId, docs[0]!)
  const rankRequests = meter.stop().requests
  const rank = await timeEach(SAMPLES, (k) => rankOf(runtime, boardId, docs[k]!))
  const top = await timeEach(300, () => topEntries(runtime, boardId))
  await runtime.store.close()
  const ours = { rank: percentile(rank, 95), top: percentile(top, 95) }
  const redis = await redisFigures(samples)
  return {
    leaderboard_members: MEMBERS,
    leaderboard_load_s: round(loadSeconds, 1),
    rank_counts_docs_1m: 1 + buckets.size,
    rank_requests_1m: rankRequests,
    rank_p95_ms_1m: round(ours.rank),
    top50_p95_ms_1m: round(ours.top),
    ...('skipped' in redis
      ? { rank_vs_redis_ratio: `skipped: ${redis.skipped}` }
      : { redis_zrevrank_p95_ms: round(redis.rank), redis_top50_p95_ms: round(redis.top), rank_vs_redis_ratio: round(ours.rank / redis.rank, 2), top50_vs_redis_ratio: round(ours.top / redis.top, 2) })
  }
}

if (require.main === module) {
  benchLeaderboard().then(
    (figures) => console.log(JSON.stringify(figures, null, 2)),
    (error) => {
      console.error(error)
      process.exit(1)
    }
  )
}
