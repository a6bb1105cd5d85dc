// Each collection's indexes (the collections and their names: collections.ts).
// The embedded adapter creates tables and expression indexes from these; the
// CloudBase setup script creates the same indexes at deploy. No deployed
// function imports this file (test/functions/bundle-contents.test.ts).
import type { SortDirection } from '../ports/store'
import { COLLECTIONS, type CollectionKey } from './collections'

export interface IndexDeclaration {
  name: string
  fields: Array<[string, SortDirection]>
}

export interface CollectionDeclaration {
  name: string
  indexes: IndexDeclaration[]
}

function index(name: string, ...fields: Array<[string, SortDirection]>): IndexDeclaration {
  return { name, fields }
}

export const COLLECTION_INDEXES: Record<CollectionKey, IndexDeclaration[]> = {
  touches: [index('viewer', ['viewer', 'asc'], ['at', 'asc'])],
  conversions: [index('paid', ['paidAt', 'desc'])],
  checkinConversions: [index('score', ['score', 'desc'])],
  analytics: [],
  members: [
    index('joined', ['joinedAt', 'desc']),
    /** Members by their last active day (domain/console keeps lastActiveAt): the 7-day active count and the CRM's 沉默 filter. */
    index('lastActive', ['lastActiveAt', 'asc']),
    /** The team: members holding a role (domain/staff). */
    index('role', ['role', 'asc'])
  ],
  staffInvites: [index('open', ['status', 'asc'], ['createdAt', 'desc'])],
  outbox: [index('due', ['status', 'asc'], ['nextAttemptAt', 'asc'])],
  notifications: [index('recipient', ['openid', 'asc'], ['sentAt', 'desc'])],
  jobRuns: [index('job', ['job', 'asc'], ['startedAt', 'desc'])],
  files: [index('owner', ['ownerOpenid', 'asc'], ['createdAt', 'desc'])],
  facts: [
    index('unprocessed', ['processedAt', 'asc'], ['createdAt', 'asc']),
    index('member', ['openid', 'asc'], ['createdAt', 'desc']),
    // A member's own facts, applied right after their action.
    index('memberUnprocessed', ['openid', 'asc'], ['processedAt', 'asc'], ['createdAt', 'asc']),
    // The board mover's queue: applied facts whose boards have not moved, in the order they were applied.
    index('boardQueue', ['boards', 'asc'], ['processedAt', 'asc']),
    // The attribution job's queue: first payments in the order they happened (domain/analytics).
    index('typeTime', ['type', 'asc'], ['createdAt', 'asc']),
    // The oldest fact still on its way to the boards: a period is settled only once none of its facts is.
    index('boardBacklog', ['boards', 'asc'], ['createdAt', 'asc'])
  ],
  challenges: [index('start', ['archived', 'asc'], ['startDate', 'desc'])],
  deposits: [index('challengeStatus', ['challengeId', 'asc'], ['status', 'asc'], ['paidAt', 'asc'])],
  depositSettlements: [index('due', ['active', 'asc'], ['dueAt', 'asc'])],
  depositTransfers: [
    index('unsettled', ['status', 'asc'], ['nextCheckAt', 'asc']),
    /** The host's settlement report counts a challenge's transfers by status. */
    index('challenge', ['challengeId', 'asc'], ['status', 'asc'], ['state', 'asc'])
  ],
  participants: [index('challenge', ['challengeId', 'asc'], ['joinedAt', 'desc']), index('member', ['openid', 'asc'], ['joinedAt', 'desc'])],
  checkins: [
    index('feed', ['status', 'asc'], ['createdAt', 'desc']),
    index('challenge', ['challengeId', 'asc'], ['status', 'asc'], ['createdAt', 'desc']),
    index('featured', ['featured', 'asc'], ['status', 'asc'], ['featuredAt', 'desc']),
    index('member', ['openid', 'asc'], ['status', 'asc'], ['createdAt', 'desc']),
    index('memberChallenge', ['challengeId', 'asc'], ['openid', 'asc'], ['status', 'asc'], ['createdAt', 'desc']),
    /** Check-ins whose photos wait for the integrity job (domain/integrity), oldest first. */
    index('hashQueue', ['hashState', 'asc'], ['createdAt', 'asc'])
  ],
  photoHashes: [index('band', ['k', 'asc'])],
  likes: [
    index('checkin', ['checkinId', 'asc'], ['createdAt', 'desc']),
    // The console's activity scan (domain/console): likes in the order they were given.
    index('recent', ['createdAt', 'asc'])
  ],
  comments: [index('checkin', ['checkinId', 'asc'], ['status', 'asc'], ['createdAt', 'asc'])],
  posts: [
    index('circle', ['circleId', 'asc'], ['status', 'asc'], ['createdAt', 'desc']),
    index('featured', ['circleId', 'asc'], ['featured', 'asc'], ['status', 'asc'], ['featuredAt', 'desc']),
    index('kind', ['circleId', 'asc'], ['kind', 'asc'], ['status', 'asc'], ['createdAt', 'desc'])
  ],
  postTopicLinks: [index('topic', ['circleId', 'asc'], ['topic', 'asc'], ['createdAt', 'desc'])],
  postTopics: [index('circle', ['circleId', 'asc'], ['lastUsedAt', 'desc'])],
  postReads: [index('post', ['postId', 'asc'], ['readAt', 'desc'])],
  postLikes: [index('post', ['postId', 'asc'], ['createdAt', 'desc'])],
  postComments: [index('post', ['postId', 'asc'], ['status', 'asc'], ['createdAt', 'asc'])],
  reports: [index('queue', ['status', 'asc'], ['updatedAt', 'desc'])],
  reportMarks: [],
  settings: [],
  wallets: [index('growth', ['growth', 'desc']), index('segment', ['segment', 'asc'], ['growth', 'desc']), index('segmentDay', ['segmentDay', 'asc'])],
  ledger: [index('member', ['openid', 'asc'], ['createdAt', 'desc']), index('expiring', ['expiresAt', 'asc']), index('memberRule', ['openid', 'asc'], ['rule', 'asc'])],
  dailyTotals: [],
  perkGrants: [],
  tierUps: [],
  mallItems: [index('shelf', ['active', 'asc'], ['createdAt', 'desc'])],
  redemptions: [index('member', ['openid', 'asc'], ['createdAt', 'desc']), index('status', ['status', 'asc'], ['createdAt', 'desc'])],
  redemptionCounts: [],
  circles: [index('list', ['archived', 'asc'], ['createdAt', 'desc'])],
  circleMembers: [index('circle', ['circleId', 'asc'], ['endsAt', 'desc']), index('member', ['openid', 'asc'], ['endsAt', 'desc']), index('ending', ['endsAt', 'asc'])],
  orders: [
    index('member', ['openid', 'asc'], ['createdAt', 'desc']),
    index('status', ['status', 'asc'], ['createdAt', 'desc']),
    index('kind', ['kind', 'asc'], ['createdAt', 'desc']),
    index('unpaid', ['status', 'asc'], ['payBefore', 'asc']),
    index('recent', ['createdAt', 'desc']),
    // The console's day totals (domain/console): payments by when they were paid.
    index('paid', ['paidAt', 'asc'])
  ],
  refunds: [
    index('order', ['orderId', 'asc'], ['createdAt', 'asc']),
    index('processing', ['status', 'asc'], ['nextCheckAt', 'asc']),
    // The console's day totals (domain/console): refunds by when they were asked for.
    index('recent', ['createdAt', 'asc'])
  ],
  orderSlots: [],
  flaggedPayments: [index('recent', ['createdAt', 'desc'])],
  events: [index('start', ['startAt', 'asc'])],
  signups: [
    index('event', ['eventId', 'asc'], ['status', 'asc'], ['createdAt', 'asc']),
    index('waitlist', ['eventId', 'asc'], ['status', 'asc'], ['waitlistedAt', 'asc']),
    index('member', ['openid', 'asc'], ['createdAt', 'desc']),
    index('holds', ['status', 'asc'], ['payBefore', 'asc']),
    // Held and offered seats together ($in): bounded by payBefore, status checked per row.
    index('lapsing', ['payBefore', 'asc']),
    index('eventAll', ['eventId', 'asc'], ['createdAt', 'asc']),
    index('eventStatus', ['eventId', 'asc'], ['status', 'asc'])
  ],
  ticketCodes: [],
  boards: [],
  boardEntries: [index('rank', ['boardId', 'asc'], ['score', 'desc'], ['reachedAt', 'asc'])],
  rankCounts: [],
  boardMoves: [],
  referrals: [index('inviter', ['inviter', 'asc'], ['joinedAt', 'desc']), index('inviterStatus', ['inviter', 'asc'], ['status', 'asc'], ['joinedAt', 'desc'])],
  inviteCodes: [],
  contests: [index('recent', ['startAt', 'desc']), index('unsettled', ['settled', 'asc'], ['endAt', 'asc'])],
  campaigns: [index('recent', ['createdAt', 'desc'])],
  coupons: [
    index('member', ['openid', 'asc'], ['claimedAt', 'desc']),
    // The host's campaign list counts each campaign's used coupons.
    index('campaignStatus', ['campaignId', 'asc'], ['status', 'asc'])
  ],
  mediaChecks: [index('checkin', ['checkinId', 'asc'], ['createdAt', 'asc'])],
  subscribeGrants: [index('member', ['openid', 'asc'])],
  subscribeGrantRequests: [],
  inboxMessages: [index('member', ['openid', 'asc'], ['createdAt', 'desc']), index('unread', ['openid', 'asc'], ['readAt', 'asc'])],
  recallCampaigns: [index('recent', ['createdAt', 'desc']), index('sending', ['status', 'asc'], ['createdAt', 'asc'])],
  recallTargets: [index('measure', ['nextCheckAt', 'asc']), index('group', ['campaignId', 'asc'], ['group', 'asc'])],
  crmTags: [],
  memberTags: [index('tag', ['tagId', 'asc'], ['createdAt', 'desc'])],
  memberNotes: [index('member', ['memberId', 'asc'], ['createdAt', 'desc'])],
  joinApplications: [index('status', ['status', 'asc'], ['createdAt', 'desc']), index('circleStatus', ['circleId', 'asc'], ['status', 'asc'], ['createdAt', 'desc'])],
  reminders: [index('due', ['kind', 'asc'], ['dueAt', 'asc'])],
  dailyStats: [],
  memberDays: [index('day', ['day', 'asc']), index('checkedIn', ['checkin', 'asc'], ['day', 'asc'])],
  statsCursors: [],
  export_jobs: [index('recent', ['createdAt', 'desc']), index('open', ['status', 'asc'], ['createdAt', 'asc'])],
  export_parts: [index('job', ['jobId', 'asc'], ['seq', 'asc'])],
  questionSettings: [],
  questions: [
    index('circlePublic', ['circleId', 'asc'], ['visibility', 'asc'], ['status', 'asc'], ['answeredAt', 'desc']),
    index('asker', ['asker', 'asc'], ['circleId', 'asc'], ['createdAt', 'desc']),
    index('answerer', ['answerer', 'asc'], ['status', 'asc'], ['publishedAt', 'desc']),
    index('refundDue', ['status', 'asc'], ['refundAt', 'asc'])
  ],
  giftSettings: [],
  giftCards: [
    index('buyer', ['buyer', 'asc'], ['createdAt', 'desc']),
    index('refundDue', ['state', 'asc'], ['expiresAt', 'asc']),
    index('measures', ['state', 'asc'], ['newMember', 'asc']),
    index('byPrice', ['priceFen', 'asc'], ['state', 'asc'])
  ],
  giftWelcomes: [index('byStatus', ['status', 'asc']), index('recent', ['grantedAt', 'desc'])],
  giftLogs: [index('recent', ['at', 'desc'])],
  helpCampaigns: [index('ending', ['endAt', 'asc']), index('recent', ['createdAt', 'desc'])],
  helpTasks: [index('byOwner', ['campaignId', 'asc'], ['openid', 'asc'], ['attempt', 'desc']), index('measures', ['campaignId', 'asc'], ['status', 'asc'], ['rewardStatus', 'asc'])],
  helps: [
    index('byTask', ['taskId', 'asc'], ['at', 'desc']),
    index('doubles', ['taskId', 'asc'], ['double', 'asc']),
    index('log', ['campaignId', 'asc'], ['at', 'desc']),
    index('newMembers', ['campaignId', 'asc'], ['newMember', 'asc'])
  ],
  helpDaily: [],
  flashSales: [index('ending', ['endAt', 'asc']), index('recent', ['createdAt', 'desc'])],
  flashSaleSlots: [index('byState', ['saleId', 'asc'], ['state', 'asc'], ['n', 'asc'])],
  flashSaleClaims: [index('byState', ['saleId', 'asc'], ['state', 'asc'], ['newMember', 'asc'])],
  groupBuys: [index('recent', ['createdAt', 'desc'])],
  groupBuyGroups: [
    index('due', ['state', 'asc'], ['expiresAt', 'asc']),
    index('byCampaign', ['campaignId', 'asc'], ['state', 'asc']),
    index('byLeader', ['campaignId', 'asc'], ['leader', 'asc'], ['createdAt', 'desc'])
  ],
  groupBuySeats: [
    index('byGroup', ['groupId', 'asc'], ['n', 'asc']),
    index('byState', ['groupId', 'asc'], ['state', 'asc'], ['n', 'asc']),
    index('byCampaign', ['campaignId', 'asc'], ['state', 'asc'], ['newMember', 'asc']),
    index('byMemberDay', ['openid', 'asc'], ['day', 'asc'], ['n', 'asc'])
  ],
  groupBuyClaims: [],
  groupBuyLogs: [index('byCampaign', ['campaignId', 'asc'], ['at', 'desc'])],
  bargainCampaigns: [index('ending', ['endAt', 'asc']), index('recent', ['createdAt', 'desc'])],
  bargains: [index('byStatus', ['campaignId', 'asc'], ['status', 'asc']), index('byFloor', ['campaignId', 'asc'], ['reachedFloor', 'asc'])],
  bargainCuts: [index('log', ['campaignId', 'asc'], ['state', 'asc'], ['at', 'desc']), index('newcomers', ['campaignId', 'asc'], ['state', 'asc'], ['newMember', 'asc'])],
  bargainStarts: [],
  bargainCaps: []
}

/**
 * An index's full key list as every adapter builds it: the declared fields, then
 * `_id` in the direction of the last field. Every find sorts by `_id` last as the
 * tie-breaker (normalizeSort), so an index that backs a sorted query must end with
 * it or the database sorts every matching document. The embedded store and the
 * CloudBase setup (scripts/cloudbase-setup.ts) both take their keys from here.
 */
export function indexKeys(index: IndexDeclaration): Array<[string, SortDirection]> {
  const fields = index.fields
  if (fields.length > 0 && fields[fields.length - 1][0] === '_id') return [...fields]
  const lastDirection: SortDirection = fields.length > 0 ? fields[fields.length - 1][1] : 'asc'
  return [...fields, ['_id', lastDirection]]
}

export function allCollections(): CollectionDeclaration[] {
  return (Object.keys(COLLECTIONS) as CollectionKey[]).map((key) => ({ name: COLLECTIONS[key].name, indexes: COLLECTION_INDEXES[key] }))
}
