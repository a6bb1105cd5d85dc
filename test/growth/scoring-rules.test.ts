// The test every scoring rule passes (STYLE lesson 8). For each rule in
// cloudfunctions/domain/growth/rules/, with its fact recorded as its producer
// records it and applied by the real consumer on the embedded store:
// - a rerun grants nothing new: the fact recorded again is refused, the
//   consumer run again writes nothing;
// - a revoked fact scores 0: once the fact that takes it back is applied, the
//   member's points are where they were, whether the revocation came after the
//   grant or before the consumer ever ran, and however often it runs.
// A new rule file must join the registry (rules/index.ts) and get a line in
// CASES below saying how its fact is recorded and what revokes it.
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { call, closeTestRuntime, ok, useTestRuntime, type TestRuntime } from '../helpers/test-runtime'
import { applyFacts } from '../../cloudfunctions/domain/growth/apply-events'
import { entryId } from '../../cloudfunctions/domain/growth/ledger'
import { DEFAULT_RULES } from '../../cloudfunctions/domain/growth/settings'
import { LEDGER, WALLETS, type LedgerEntryDoc, type WalletDoc } from '../../cloudfunctions/domain/growth/wallet'
import { SCORING_RULES } from '../../cloudfunctions/domain/growth/rules'
import type { ScoringRule } from '../../cloudfunctions/domain/growth/rules/rule'
import { FACTS, recordFact, type FactDoc, type FactType } from '../../cloudfunctions/domain/facts/facts'
import type { GrowthRule } from '../../types/growth'
import { CHINA_10AM } from '../checkin/checkin-fixtures'

const RULES_DIR = join(__dirname, '..', '..', 'cloudfunctions', 'domain', 'growth', 'rules')
const MEMBER = 'o_rules'

interface FactShape {
  type: FactType
  key: string
  refId: string
  payload: Record<string, unknown>
}

interface RuleCase {
  /** The fact the rule counts (its type is the rule's `counts`), keyed as its producer keys it. */
  fact: Omit<FactShape, 'type'>
  /** The fact that takes the grant back, as its producer records it; `none` says why nothing does yet. */
  revokedBy: FactShape | { none: string }
}

const CASES: Record<GrowthRule, RuleCase> = {
  checkinPosted: {
    // domain/checkin/post-checkin.ts; hidden by the host: domain/checkin/moderation.ts
    fact: { key: 'ck1', refId: 'ck1', payload: { challengeId: 'ch1', challengeTitle: '21 天早起', date: '2026-12-01', makeup: false, points: 15, streak: 1 } },
    revokedBy: { type: 'checkin.revoked', key: 'ck1', refId: 'ck1', payload: { reason: '重复图片', challengeId: 'ch1' } }
  },
  firstPayment: {
    // domain/orders/settle-payment.ts; refunded: domain/orders/refunds.ts
    fact: { key: MEMBER, refId: 'order-1', payload: { circleName: '减脂营' } },
    revokedBy: { type: 'payment.refunded', key: 'order-1', refId: 'order-1', payload: { circleName: '减脂营' } }
  },
  streakReached: {
    fact: { key: `ch1:${MEMBER}:7`, refId: 'ck7', payload: { challengeId: 'ch1', challengeTitle: '21 天早起', streak: 7, points: 50 } },
    revokedBy: { none: 'hiding a check-in takes back only its own checkinPosted grant' }
  },
  challengeCompleted: {
    fact: { key: `ch1:${MEMBER}`, refId: 'ck21', payload: { challengeId: 'ch1', challengeTitle: '21 天早起' } },
    revokedBy: { none: 'hiding a check-in takes back only its own checkinPosted grant' }
  },
  featuredByHost: {
    fact: { key: 'ck1', refId: 'ck1', payload: {} },
    revokedBy: { none: 'hiding a featured check-in unfeatures it but keeps the featuredByHost grant' }
  },
  commentReceived: {
    fact: { key: 'cm1', refId: 'ck1', payload: { commentId: 'cm1', from: 'o_friend' } },
    revokedBy: { none: 'a deleted or taken-down comment keeps its commentReceived grant' }
  },
  eventAttended: {
    fact: { key: 'signup-1', refId: 'ev1', payload: { eventTitle: '周末徒步' } },
    revokedBy: { none: 'no fact undoes a door check-in' }
  },
  inviteActivated: {
    // domain/leaderboard/referral.ts: the inviter earns it, keyed by the invitee
    fact: { key: 'o_invitee', refId: 'o_invitee', payload: {} },
    revokedBy: { none: 'an activated invite stays activated' }
  },
  testimonialConverted: {
    // domain/analytics/attribution.ts: the last-touch author earns it, keyed by the payer
    fact: { key: 'o_payer', refId: 'ck1', payload: { payer: 'o_payer', revenueFen: 9900 } },
    revokedBy: { none: "a refund of the payer's first payment keeps the author's conversion grant" }
  }
}

let runtime: TestRuntime
beforeEach(async () => {
  runtime = useTestRuntime()
  runtime.clock.set(CHINA_10AM)
  ok(await call('member', 'me', {}, MEMBER))
})
afterEach(() => closeTestRuntime(runtime))

const record = (shape: FactShape) => recordFact(runtime.store, { type: shape.type, key: shape.key, openid: MEMBER, refId: shape.refId, payload: shape.payload as never, at: runtime.clock.now() })

/** Everything the consumer writes for the member: the wallet and the ledger, entry by entry. */
async function standing() {
  const wallet = await runtime.store.collection<WalletDoc>(WALLETS).get(MEMBER)
  const ledger = (await runtime.store.collection<LedgerEntryDoc>(LEDGER).find({ openid: MEMBER }, { limit: 100 })).items
  return {
    points: wallet?.points ?? 0,
    growth: wallet?.growth ?? 0,
    ledger: ledger.map((e) => ({ id: e._id, points: e.points, growth: e.growth, remaining: e.remaining })).sort((a, b) => a.id.localeCompare(b.id))
  }
}

async function unapplied(): Promise<number> {
  return runtime.store.collection<FactDoc>(FACTS).count({ processedAt: null })
}

test('every file in growth/rules/ is a rule in the registry, and every registered rule has a case here', async () => {
  const files = readdirSync(RULES_DIR).filter((f) => f.endsWith('.ts') && f !== 'index.ts' && f !== 'rule.ts')
  const fromFiles: ScoringRule[] = []
  for (const file of files) {
    const exported = Object.values((await import(join(RULES_DIR, file))) as Record<string, unknown>)
    const rules = exported.filter((v): v is ScoringRule => typeof v === 'object' && v !== null && 'counts' in v && 'worth' in v)
    expect({ file, rules: rules.length }).toEqual({ file, rules: 1 })
    fromFiles.push(rules[0])
  }
  expect(new Set(fromFiles)).toEqual(new Set(SCORING_RULES))
  expect(SCORING_RULES.map((r) => r.rule).sort()).toEqual(Object.keys(CASES).sort())
  // One rule per fact: the consumer finds a fact's rule by its type.
  expect(new Set(SCORING_RULES.map((r) => r.counts)).size).toBe(SCORING_RULES.length)
})

describe.each(SCORING_RULES.map((rule) => [rule.rule, rule] as const))('%s', (_name, rule) => {
  const shape: FactShape = { type: rule.counts, ...CASES[rule.rule].fact }
  const revokedBy = CASES[rule.rule].revokedBy

  test('scores what its default setting says, and a rerun grants nothing new', async () => {
    expect(await record(shape)).toBe(true)
    await applyFacts(runtime)
    const once = await standing()
    const worth = rule.worth((await runtime.store.collection<FactDoc>(FACTS).get(`${shape.type}:${shape.key}`))!, DEFAULT_RULES[rule.rule])
    expect(worth.points).toBeGreaterThan(0)
    expect(once.ledger).toEqual([{ id: entryId(MEMBER, rule.rule, `${shape.type}:${shape.key}`), points: worth.points, growth: worth.growth, remaining: worth.points }])
    expect(once).toMatchObject({ points: worth.points, growth: worth.growth })

    // The producer retried, the consumer ran again (twice): nothing changes.
    expect(await record(shape)).toBe(false)
    runtime.clock.advance(60_000)
    await applyFacts(runtime)
    await applyFacts(runtime)
    expect(await standing()).toEqual(once)
    expect(await unapplied()).toBe(0)
  })

  if ('none' in revokedBy) {
    test.todo(`a revoked fact scores 0: nothing revokes it yet (${revokedBy.none})`)
    return
  }

  test(`a revoked fact scores 0 (${revokedBy.type} after the grant), once however often it is applied`, async () => {
    await record(shape)
    await applyFacts(runtime)
    expect((await standing()).points).toBeGreaterThan(0)
    runtime.clock.advance(24 * 3600_000)
    expect(await record(revokedBy)).toBe(true)
    await applyFacts(runtime)
    const revoked = await standing()
    expect(revoked.points).toBe(0)
    expect(revoked.ledger.reduce((sum, e) => sum + e.points, 0)).toBe(0)
    expect(await record(revokedBy)).toBe(false)
    await applyFacts(runtime)
    await applyFacts(runtime)
    expect(await standing()).toEqual(revoked)
  })

  test(`a fact revoked before the consumer ran scores 0 (${revokedBy.type})`, async () => {
    await record(shape)
    runtime.clock.advance(60_000)
    await record(revokedBy)
    await applyFacts(runtime)
    await applyFacts(runtime)
    const revoked = await standing()
    expect(revoked.points).toBe(0)
    expect(revoked.ledger.reduce((sum, e) => sum + e.points, 0)).toBe(0)
    expect(await unapplied()).toBe(0)
  })
})
