// The caller's rank and the top 50 at 1,000,000 members, measured side by side
// with a Redis sorted set (ZREVRANK / ZREVRANGE) on the same data in the same
// run, when redis-server is installed (apt-get install redis-server).
import { spawn, spawnSync } from 'node:child_process'
import { createLocalRuntime } from '../cloudfunctions/adapters/local/local-runtime'
import { BOARDS, ENTRIES, type EntryDoc } from '../cloudfunctions/domain/leaderboard/boards'
import { SIZE, TREE } from '../cloudfunctions/domain/leaderboard/rank-index'
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
      try { await redis.connect(); break } catch { await new Promise((r) => setTimeout(r, 100)) }
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
  // Bulk-load the same state score changes build one by one: entries, the rank index, the total.
  const tree = new Array<number>(SIZE + 1).fill(0)
  await runtime.store.transaction(async (tx) => {
    const entries = tx.collection<EntryDoc>(ENTRIES)
    for (let i = 0; i < MEMBERS; i++) {
      const score = scoreOf(i)
      await entries.insert({ _id: `${boardId}:o${i}`, boardId, openid: `o${i}`, score, reachedAt: i })
      for (let j = Math.min(score, SIZE - 1) + 1; j <= SIZE; j += j & -j) tree[j]++
    }
    const nodes = tx.collection<{ _id: string; n: number }>(TREE)
    for (let j = 1; j <= SIZE; j++) if (tree[j] !== 0) await nodes.insert({ _id: `${boardId}:${j}`, n: tree[j] })
    await tx.collection(BOARDS).insert({ _id: boardId, total: MEMBERS, settled: false, results: null } as never)
  })
  const loadSeconds = Number(process.hrtime.bigint() - started) / 1e9
  const samples = Array.from({ length: SAMPLES }, (_, k) => (k * 7919 * 31) % MEMBERS)
  const entries = runtime.store.collection<EntryDoc>(ENTRIES)
  const docs = await Promise.all(samples.map((i) => entries.get(`${boardId}:o${i}`)))
  const rank = await timeEach(SAMPLES, (k) => rankOf(runtime, boardId, docs[k]!))
  const top = await timeEach(300, () => topEntries(runtime, boardId))
  await runtime.store.close()
  const ours = { rank: percentile(rank, 95), top: percentile(top, 95) }
  const redis = await redisFigures(samples)
  return {
    leaderboard_members: MEMBERS,
    leaderboard_load_s: round(loadSeconds, 1),
    rank_p95_ms_1m: round(ours.rank),
    top50_p95_ms_1m: round(ours.top),
    ...('skipped' in redis
      ? { rank_vs_redis_ratio: `skipped: ${redis.skipped}` }
      : { redis_zrevrank_p95_ms: round(redis.rank), redis_top50_p95_ms: round(redis.top), rank_vs_redis_ratio: round(ours.rank / redis.rank, 2), top50_vs_redis_ratio: round(ours.top / redis.top, 2) })
  }
}
