// Every collection and its indexes, declared once. The embedded adapter creates
// tables and expression indexes from this; the CloudBase setup script creates the
// same collections and indexes at deploy.
import type { SortDirection } from '../ports/store'

export interface IndexDeclaration {
  name: string
  fields: Array<[string, SortDirection]>
}

export interface CollectionDeclaration {
  name: string
  indexes: IndexDeclaration[]
}

export const COLLECTIONS = {
  /** Analytics (domain/analytics): a non-paying member's view of a check-in, keyed viewer:checkinId (first view only). */
  touches: {
    name: 'attribution_touches',
    indexes: [
      {
        name: 'viewer',
        fields: [
          ['viewer', 'asc'],
          ['at', 'asc']
        ]
      }
    ]
  },
  /** One per payer whose first payment a check-in touched within the window, keyed by the payer. */
  conversions: { name: 'attribution_conversions', indexes: [{ name: 'paid', fields: [['paidAt', 'desc']] }] },
  /** Per check-in conversion totals, written only by the attribution job; the host's list reads them by score. */
  checkinConversions: { name: 'checkin_conversions', indexes: [{ name: 'score', fields: [['score', 'desc']] }] },
  /** Precomputed reports and the analytics jobs' cursors (a handful of documents, written by cron only). */
  analytics: { name: 'analytics', indexes: [] },
  members: {
    name: 'members',
    indexes: [
      { name: 'joined', fields: [['joinedAt', 'desc']] },
      /** Members by their last active day (domain/console keeps lastActiveAt): the 7-day active count and the CRM's 沉默 filter. */
      { name: 'lastActive', fields: [['lastActiveAt', 'asc']] },
      /** The team: members holding a role (domain/staff). */
      { name: 'role', fields: [['role', 'asc']] }
    ]
  },
  /** Single-use links the owner sends to add an admin, moderator or guest. */
  staffInvites: {
    name: 'staff_invites',
    indexes: [
      {
        name: 'open',
        fields: [
          ['status', 'asc'],
          ['createdAt', 'desc']
        ]
      }
    ]
  },
  outbox: {
    name: 'outbox',
    indexes: [
      {
        name: 'due',
        fields: [
          ['status', 'asc'],
          ['nextAttemptAt', 'asc']
        ]
      }
    ]
  },
  notifications: {
    name: 'notifications',
    indexes: [
      {
        name: 'recipient',
        fields: [
          ['openid', 'asc'],
          ['sentAt', 'desc']
        ]
      }
    ]
  },
  jobRuns: {
    name: 'job_runs',
    indexes: [
      {
        name: 'job',
        fields: [
          ['job', 'asc'],
          ['startedAt', 'desc']
        ]
      }
    ]
  },
  files: {
    name: 'files',
    indexes: [
      {
        name: 'owner',
        fields: [
          ['ownerOpenid', 'asc'],
          ['createdAt', 'desc']
        ]
      }
    ]
  },
  /** The facts log (stored under its first name, domain_events: renaming a collection would need a migration). */
  facts: {
    name: 'domain_events',
    indexes: [
      {
        name: 'unprocessed',
        fields: [
          ['processedAt', 'asc'],
          ['createdAt', 'asc']
        ]
      },
      {
        name: 'member',
        fields: [
          ['openid', 'asc'],
          ['createdAt', 'desc']
        ]
      },
      // A member's own facts, applied right after their action.
      {
        name: 'memberUnprocessed',
        fields: [
          ['openid', 'asc'],
          ['processedAt', 'asc'],
          ['createdAt', 'asc']
        ]
      },
      // The board mover's queue: applied facts whose boards have not moved, in the order they were applied.
      {
        name: 'boardQueue',
        fields: [
          ['boards', 'asc'],
          ['processedAt', 'asc']
        ]
      },
      // The attribution job's queue: first payments in the order they happened (domain/analytics).
      {
        name: 'typeTime',
        fields: [
          ['type', 'asc'],
          ['createdAt', 'asc']
        ]
      },
      // The oldest fact still on its way to the boards: a period is settled only once none of its facts is.
      {
        name: 'boardBacklog',
        fields: [
          ['boards', 'asc'],
          ['createdAt', 'asc']
        ]
      }
    ]
  },
  challenges: {
    name: 'challenges',
    indexes: [
      {
        name: 'start',
        fields: [
          ['archived', 'asc'],
          ['startDate', 'desc']
        ]
      }
    ]
  },
  /** Deposit challenges (domain/deposits): one per (challenge, member) who paid, keyed challengeId:openid; the settlement walks a challenge's by status. */
  deposits: {
    name: 'challenge_deposits',
    indexes: [
      {
        name: 'challengeStatus',
        fields: [
          ['challengeId', 'asc'],
          ['status', 'asc'],
          ['paidAt', 'asc']
        ]
      }
    ]
  },
  /** One per deposit challenge (id: challengeId), written by hosts' challenge edits and the settlement job; the job finds the due ones. */
  depositSettlements: {
    name: 'deposit_settlements',
    indexes: [
      {
        name: 'due',
        fields: [
          ['active', 'asc'],
          ['dueAt', 'asc']
        ]
      }
    ]
  },
  /** A completer's share paid to their WeChat balance (商家转账), one per (challenge, member); the job asks about the unsettled ones. */
  depositTransfers: {
    name: 'deposit_transfers',
    indexes: [
      {
        name: 'unsettled',
        fields: [
          ['status', 'asc'],
          ['nextCheckAt', 'asc']
        ]
      },
      /** The host's settlement report counts a challenge's transfers by status. */
      {
        name: 'challenge',
        fields: [
          ['challengeId', 'asc'],
          ['status', 'asc'],
          ['state', 'asc']
        ]
      }
    ]
  },
  participants: {
    name: 'challenge_participants',
    indexes: [
      {
        name: 'challenge',
        fields: [
          ['challengeId', 'asc'],
          ['joinedAt', 'desc']
        ]
      },
      {
        name: 'member',
        fields: [
          ['openid', 'asc'],
          ['joinedAt', 'desc']
        ]
      }
    ]
  },
  checkins: {
    name: 'checkins',
    indexes: [
      {
        name: 'feed',
        fields: [
          ['status', 'asc'],
          ['createdAt', 'desc']
        ]
      },
      {
        name: 'challenge',
        fields: [
          ['challengeId', 'asc'],
          ['status', 'asc'],
          ['createdAt', 'desc']
        ]
      },
      {
        name: 'featured',
        fields: [
          ['featured', 'asc'],
          ['status', 'asc'],
          ['featuredAt', 'desc']
        ]
      },
      {
        name: 'member',
        fields: [
          ['openid', 'asc'],
          ['status', 'asc'],
          ['createdAt', 'desc']
        ]
      },
      {
        name: 'memberChallenge',
        fields: [
          ['challengeId', 'asc'],
          ['openid', 'asc'],
          ['status', 'asc'],
          ['createdAt', 'desc']
        ]
      },
      /** Check-ins whose photos wait for the integrity job (domain/integrity), oldest first. */
      {
        name: 'hashQueue',
        fields: [
          ['hashState', 'asc'],
          ['createdAt', 'asc']
        ]
      }
    ]
  },
  /** Perceptual hashes of check-in photos, one document per band of each hash (domain/integrity): a near match shares a band key `k`. */
  photoHashes: {
    name: 'photo_hashes',
    indexes: [{ name: 'band', fields: [['k', 'asc']] }]
  },
  likes: {
    name: 'likes',
    indexes: [
      {
        name: 'checkin',
        fields: [
          ['checkinId', 'asc'],
          ['createdAt', 'desc']
        ]
      },
      // The console's activity scan (domain/console): likes in the order they were given.
      { name: 'recent', fields: [['createdAt', 'asc']] }
    ]
  },
  comments: {
    name: 'comments',
    indexes: [
      {
        name: 'checkin',
        fields: [
          ['checkinId', 'asc'],
          ['status', 'asc'],
          ['createdAt', 'asc']
        ]
      }
    ]
  },
  /** Circle content (domain/posts): posts and announcements by the host, staff and 嘉宾. */
  posts: {
    name: 'posts',
    indexes: [
      {
        name: 'circle',
        fields: [
          ['circleId', 'asc'],
          ['status', 'asc'],
          ['createdAt', 'desc']
        ]
      },
      {
        name: 'featured',
        fields: [
          ['circleId', 'asc'],
          ['featured', 'asc'],
          ['status', 'asc'],
          ['featuredAt', 'desc']
        ]
      },
      {
        name: 'kind',
        fields: [
          ['circleId', 'asc'],
          ['kind', 'asc'],
          ['status', 'asc'],
          ['createdAt', 'desc']
        ]
      }
    ]
  },
  /** A post under one 话题, `${postId}:${topic}` (≤ 3 per post, written by its author): browsing a topic without array queries. */
  postTopicLinks: {
    name: 'post_topic_links',
    indexes: [
      {
        name: 'topic',
        fields: [
          ['circleId', 'asc'],
          ['topic', 'asc'],
          ['createdAt', 'desc']
        ]
      }
    ]
  },
  /** A circle's 话题, `${circleId}:${topic}`, written only when an author posts (never by members' actions). */
  postTopics: {
    name: 'post_topics',
    indexes: [
      {
        name: 'circle',
        fields: [
          ['circleId', 'asc'],
          ['lastUsedAt', 'desc']
        ]
      }
    ]
  },
  /** 已读 of an announcement, one per member and post `${postId}:${openid}`: no counter every member writes. */
  postReads: {
    name: 'post_reads',
    indexes: [
      {
        name: 'post',
        fields: [
          ['postId', 'asc'],
          ['readAt', 'desc']
        ]
      }
    ]
  },
  /** Likes of circle posts, `${postId}:${openid}` (the check-in like code, pointed at posts). */
  postLikes: {
    name: 'post_likes',
    indexes: [
      {
        name: 'post',
        fields: [
          ['postId', 'asc'],
          ['createdAt', 'desc']
        ]
      }
    ]
  },
  /** Comments on circle posts (the check-in comment code, pointed at posts). */
  postComments: {
    name: 'post_comments',
    indexes: [
      {
        name: 'post',
        fields: [
          ['postId', 'asc'],
          ['status', 'asc'],
          ['createdAt', 'asc']
        ]
      }
    ]
  },
  reports: {
    name: 'reports',
    indexes: [
      {
        name: 'queue',
        fields: [
          ['status', 'asc'],
          ['updatedAt', 'desc']
        ]
      }
    ]
  },
  reportMarks: {
    name: 'report_marks',
    indexes: []
  },
  settings: {
    name: 'settings',
    indexes: []
  },
  wallets: {
    name: 'wallets',
    indexes: [
      { name: 'growth', fields: [['growth', 'desc']] },
      {
        name: 'segment',
        fields: [
          ['segment', 'asc'],
          ['growth', 'desc']
        ]
      },
      { name: 'segmentDay', fields: [['segmentDay', 'asc']] }
    ]
  },
  ledger: {
    name: 'ledger',
    indexes: [
      {
        name: 'member',
        fields: [
          ['openid', 'asc'],
          ['createdAt', 'desc']
        ]
      },
      { name: 'expiring', fields: [['expiresAt', 'asc']] },
      {
        name: 'memberRule',
        fields: [
          ['openid', 'asc'],
          ['rule', 'asc']
        ]
      }
    ]
  },
  dailyTotals: {
    name: 'daily_totals',
    indexes: []
  },
  perkGrants: {
    name: 'perk_grants',
    indexes: []
  },
  tierUps: {
    name: 'tier_ups',
    indexes: []
  },
  mallItems: {
    name: 'mall_items',
    indexes: [
      {
        name: 'shelf',
        fields: [
          ['active', 'asc'],
          ['createdAt', 'desc']
        ]
      }
    ]
  },
  redemptions: {
    name: 'redemptions',
    indexes: [
      {
        name: 'member',
        fields: [
          ['openid', 'asc'],
          ['createdAt', 'desc']
        ]
      },
      {
        name: 'status',
        fields: [
          ['status', 'asc'],
          ['createdAt', 'desc']
        ]
      }
    ]
  },
  /** Redemptions per member of a limited mall item, `${itemId}:${openid}`: read and written in the redemption's transaction. */
  redemptionCounts: {
    name: 'redemption_counts',
    indexes: []
  },
  circles: {
    name: 'circles',
    indexes: [
      {
        name: 'list',
        fields: [
          ['archived', 'asc'],
          ['createdAt', 'desc']
        ]
      }
    ]
  },
  circleMembers: {
    name: 'circle_members',
    indexes: [
      {
        name: 'circle',
        fields: [
          ['circleId', 'asc'],
          ['endsAt', 'desc']
        ]
      },
      {
        name: 'member',
        fields: [
          ['openid', 'asc'],
          ['endsAt', 'desc']
        ]
      },
      { name: 'ending', fields: [['endsAt', 'asc']] }
    ]
  },
  orders: {
    name: 'orders',
    indexes: [
      {
        name: 'member',
        fields: [
          ['openid', 'asc'],
          ['createdAt', 'desc']
        ]
      },
      {
        name: 'status',
        fields: [
          ['status', 'asc'],
          ['createdAt', 'desc']
        ]
      },
      {
        name: 'kind',
        fields: [
          ['kind', 'asc'],
          ['createdAt', 'desc']
        ]
      },
      {
        name: 'unpaid',
        fields: [
          ['status', 'asc'],
          ['payBefore', 'asc']
        ]
      },
      { name: 'recent', fields: [['createdAt', 'desc']] },
      // The console's day totals (domain/console): payments by when they were paid.
      { name: 'paid', fields: [['paidAt', 'asc']] }
    ]
  },
  refunds: {
    name: 'refunds',
    indexes: [
      {
        name: 'order',
        fields: [
          ['orderId', 'asc'],
          ['createdAt', 'asc']
        ]
      },
      {
        name: 'processing',
        fields: [
          ['status', 'asc'],
          ['nextCheckAt', 'asc']
        ]
      },
      // The console's day totals (domain/console): refunds by when they were asked for.
      { name: 'recent', fields: [['createdAt', 'asc']] }
    ]
  },
  /** One per member and thing bought (a plan, an event): the member's open order for it, so paying again reuses it. */
  orderSlots: {
    name: 'order_slots',
    indexes: []
  },
  flaggedPayments: {
    name: 'flagged_payments',
    indexes: [{ name: 'recent', fields: [['createdAt', 'desc']] }]
  },
  /** 活动 (stored under their first name, meetups: renaming a collection would need a migration). */
  events: {
    name: 'meetups',
    indexes: [{ name: 'start', fields: [['startAt', 'asc']] }]
  },
  signups: {
    name: 'signups',
    indexes: [
      {
        name: 'event',
        fields: [
          ['eventId', 'asc'],
          ['status', 'asc'],
          ['createdAt', 'asc']
        ]
      },
      {
        name: 'waitlist',
        fields: [
          ['eventId', 'asc'],
          ['status', 'asc'],
          ['waitlistedAt', 'asc']
        ]
      },
      {
        name: 'member',
        fields: [
          ['openid', 'asc'],
          ['createdAt', 'desc']
        ]
      },
      {
        name: 'holds',
        fields: [
          ['status', 'asc'],
          ['payBefore', 'asc']
        ]
      },
      // Held and offered seats together ($in): bounded by payBefore, status checked per row.
      { name: 'lapsing', fields: [['payBefore', 'asc']] },
      {
        name: 'eventAll',
        fields: [
          ['eventId', 'asc'],
          ['createdAt', 'asc']
        ]
      },
      {
        name: 'eventStatus',
        fields: [
          ['eventId', 'asc'],
          ['status', 'asc']
        ]
      }
    ]
  },
  /** `${eventId}:${code}`: a ticket's short code, unique per event (claimed by insert). */
  ticketCodes: {
    name: 'ticket_codes',
    indexes: []
  },
  boards: {
    name: 'boards',
    indexes: []
  },
  boardEntries: {
    name: 'board_entries',
    indexes: [
      {
        name: 'rank',
        fields: [
          ['boardId', 'asc'],
          ['score', 'desc'],
          ['reachedAt', 'asc']
        ]
      }
    ]
  },
  rankCounts: {
    name: 'rank_counts',
    indexes: []
  },
  boardMoves: {
    name: 'board_moves',
    indexes: []
  },
  referrals: {
    name: 'referrals',
    indexes: [
      {
        name: 'inviter',
        fields: [
          ['inviter', 'asc'],
          ['joinedAt', 'desc']
        ]
      },
      {
        name: 'inviterStatus',
        fields: [
          ['inviter', 'asc'],
          ['status', 'asc'],
          ['joinedAt', 'desc']
        ]
      }
    ]
  },
  inviteCodes: {
    name: 'invite_codes',
    indexes: []
  },
  contests: {
    name: 'contests',
    indexes: [
      { name: 'recent', fields: [['startAt', 'desc']] },
      {
        name: 'unsettled',
        fields: [
          ['settled', 'asc'],
          ['endAt', 'asc']
        ]
      }
    ]
  },
  campaigns: {
    name: 'coupon_campaigns',
    indexes: [{ name: 'recent', fields: [['createdAt', 'desc']] }]
  },
  coupons: {
    name: 'coupons',
    indexes: [
      {
        name: 'member',
        fields: [
          ['openid', 'asc'],
          ['claimedAt', 'desc']
        ]
      },
      // The host's campaign list counts each campaign's used coupons.
      {
        name: 'campaignStatus',
        fields: [
          ['campaignId', 'asc'],
          ['status', 'asc']
        ]
      }
    ]
  },
  mediaChecks: {
    name: 'media_checks',
    indexes: [
      {
        name: 'checkin',
        fields: [
          ['checkinId', 'asc'],
          ['createdAt', 'asc']
        ]
      }
    ]
  },
  // Subscribe-message grants per member and template (id openid:template), spent one per message.
  subscribeGrants: {
    name: 'subscribe_grants',
    indexes: [{ name: 'member', fields: [['openid', 'asc']] }]
  },
  // One per requestSubscribeMessage answer recorded (id openid:requestId): replays record nothing.
  subscribeGrantRequests: {
    name: 'subscribe_grant_requests',
    indexes: []
  },
  // Opt-in check-in reminders (id kind:challengeId:openid), taken by cron when due.
  // The message centre (消息, domain/inbox): one document per message, id = the message's idempotency key.
  inboxMessages: {
    name: 'inbox_messages',
    indexes: [
      {
        name: 'member',
        fields: [
          ['openid', 'asc'],
          ['createdAt', 'desc']
        ]
      },
      {
        name: 'unread',
        fields: [
          ['openid', 'asc'],
          ['readAt', 'asc']
        ]
      }
    ]
  },
  // Recall campaigns (domain/recall), and one target per (campaign, member): treated or holdout, measured at 1, 3 and 7 days.
  recallCampaigns: {
    name: 'recall_campaigns',
    indexes: [
      { name: 'recent', fields: [['createdAt', 'desc']] },
      {
        name: 'sending',
        fields: [
          ['status', 'asc'],
          ['createdAt', 'asc']
        ]
      }
    ]
  },
  recallTargets: {
    name: 'recall_targets',
    indexes: [
      { name: 'measure', fields: [['nextCheckAt', 'asc']] },
      {
        name: 'group',
        fields: [
          ['campaignId', 'asc'],
          ['group', 'asc']
        ]
      }
    ]
  },
  /** Host-defined member tags (domain/crm). */
  crmTags: { name: 'crm_tags', indexes: [] },
  /** One document per (tag, member): the tag filter's index (the member also carries its tag ids in `tags`). */
  memberTags: {
    name: 'member_tags',
    indexes: [
      {
        name: 'tag',
        fields: [
          ['tagId', 'asc'],
          ['createdAt', 'desc']
        ]
      }
    ]
  },
  /** Hosts' notes on a member. */
  memberNotes: {
    name: 'member_notes',
    indexes: [
      {
        name: 'member',
        fields: [
          ['memberId', 'asc'],
          ['createdAt', 'desc']
        ]
      }
    ]
  },
  /** Join applications of circles that review joins; one per (circle, member). */
  joinApplications: {
    name: 'join_applications',
    indexes: [
      {
        name: 'status',
        fields: [
          ['status', 'asc'],
          ['createdAt', 'desc']
        ]
      },
      {
        name: 'circleStatus',
        fields: [
          ['circleId', 'asc'],
          ['status', 'asc'],
          ['createdAt', 'desc']
        ]
      }
    ]
  },
  reminders: {
    name: 'reminders',
    indexes: [
      {
        name: 'due',
        fields: [
          ['kind', 'asc'],
          ['dueAt', 'asc']
        ]
      }
    ]
  },
  /** The console's numbers (domain/console): one document per China day, id 'YYYY-MM-DD', written by the timer only. */
  dailyStats: { name: 'daily_stats', indexes: [] },
  /** One per member and China day they were active, id `${day}:${openid}`: distinct active members by count. */
  memberDays: {
    name: 'member_days',
    indexes: [
      { name: 'day', fields: [['day', 'asc']] },
      {
        name: 'checkedIn',
        fields: [
          ['checkin', 'asc'],
          ['day', 'asc']
        ]
      }
    ]
  },
  /** Where each of the console's activity scans has got to (id: the source). */
  statsCursors: { name: 'stats_cursors', indexes: [] },
  // Background CSV exports (domain/exports): the job with its cursor, and the CSV parts written so far.
  export_jobs: {
    name: 'export_jobs',
    indexes: [
      { name: 'recent', fields: [['createdAt', 'desc']] },
      {
        name: 'open',
        fields: [
          ['status', 'asc'],
          ['createdAt', 'asc']
        ]
      }
    ]
  },
  export_parts: {
    name: 'export_parts',
    indexes: [
      {
        name: 'job',
        fields: [
          ['jobId', 'asc'],
          ['seq', 'asc']
        ]
      }
    ]
  },
  /** Q&A in a circle (domain/questions): who answers and at what price, one document per circle (id: circleId). */
  questionSettings: { name: 'question_settings', indexes: [] },
  /** Questions to a circle's host or guests; the refund job finds open paid ones by refundAt. */
  questions: {
    name: 'questions',
    indexes: [
      {
        name: 'circlePublic',
        fields: [
          ['circleId', 'asc'],
          ['visibility', 'asc'],
          ['status', 'asc'],
          ['answeredAt', 'desc']
        ]
      },
      {
        name: 'asker',
        fields: [
          ['asker', 'asc'],
          ['circleId', 'asc'],
          ['createdAt', 'desc']
        ]
      },
      {
        name: 'answerer',
        fields: [
          ['answerer', 'asc'],
          ['status', 'asc'],
          ['publishedAt', 'desc']
        ]
      },
      {
        name: 'refundDue',
        fields: [
          ['status', 'asc'],
          ['refundAt', 'asc']
        ]
      }
    ]
  },
  /** 送 gifts (domain/plays/gift): the host's welcome gift and the prices cards sold at, one document ('welcome'). */
  giftSettings: {
    name: 'gift_settings',
    indexes: []
  },
  /** 礼品卡: one per paid card, its id the claim token; claimed and refunded by conditional writes on it by id. */
  giftCards: {
    name: 'gift_cards',
    indexes: [
      {
        name: 'buyer',
        fields: [
          ['buyer', 'asc'],
          ['createdAt', 'desc']
        ]
      },
      {
        name: 'refundDue',
        fields: [
          ['state', 'asc'],
          ['expiresAt', 'asc']
        ]
      },
      {
        name: 'measures',
        fields: [
          ['state', 'asc'],
          ['newMember', 'asc']
        ]
      },
      {
        name: 'byPrice',
        fields: [
          ['priceFen', 'asc'],
          ['state', 'asc']
        ]
      }
    ]
  },
  /** The welcome gift of a member who joined through an invite (`_id` = openid): once per invitee, ever. */
  giftWelcomes: {
    name: 'gift_welcomes',
    indexes: [
      { name: 'byStatus', fields: [['status', 'asc']] },
      { name: 'recent', fields: [['grantedAt', 'desc']] }
    ]
  },
  /** The host's log of gifts: purchases, claims, refusals, refunds, welcome gifts. */
  giftLogs: {
    name: 'gift_logs',
    indexes: [{ name: 'recent', fields: [['at', 'desc']] }]
  },
  /** 助力 help campaigns (domain/plays/help): written by hosts only (members and helpers only read them). */
  helpCampaigns: {
    name: 'help_campaigns',
    indexes: [
      { name: 'ending', fields: [['endAt', 'asc']] },
      { name: 'recent', fields: [['createdAt', 'desc']] }
    ]
  },
  /** One per task a member started (`${campaignId}:${openid}:${attempt}`); written by its owner's start and its one completion, never by helpers. */
  helpTasks: {
    name: 'help_tasks',
    indexes: [
      {
        name: 'byOwner',
        fields: [
          ['campaignId', 'asc'],
          ['openid', 'asc'],
          ['attempt', 'desc']
        ]
      },
      {
        name: 'measures',
        fields: [
          ['campaignId', 'asc'],
          ['status', 'asc'],
          ['rewardStatus', 'asc']
        ]
      }
    ]
  },
  /** One per friend per task (`${taskId}:${openid}`): a task's progress is counted from these; the host's help log. */
  helps: {
    name: 'help_records',
    indexes: [
      {
        name: 'byTask',
        fields: [
          ['taskId', 'asc'],
          ['at', 'desc']
        ]
      },
      {
        name: 'doubles',
        fields: [
          ['taskId', 'asc'],
          ['double', 'asc']
        ]
      },
      {
        name: 'log',
        fields: [
          ['campaignId', 'asc'],
          ['at', 'desc']
        ]
      },
      {
        name: 'newMembers',
        fields: [
          ['campaignId', 'asc'],
          ['newMember', 'asc']
        ]
      }
    ]
  },
  /** A helper's helps of one campaign on one China day (`${campaignId}:${openid}:${yyyymmdd}`): the daily cap. Read by id only. */
  helpDaily: {
    name: 'help_daily',
    indexes: []
  },
  /** 秒杀 flash sales (domain/plays/flash-sale): the sale, written by hosts only (buyers only read it). */
  flashSales: {
    name: 'flash_sales',
    indexes: [
      { name: 'ending', fields: [['endAt', 'asc']] },
      { name: 'recent', fields: [['createdAt', 'desc']] }
    ]
  },
  /** One per unit of a sale's stock (`${saleId}:${n}`), taken by a conditional update: the stock has no counter every buyer writes. */
  flashSaleSlots: {
    name: 'flash_sale_slots',
    indexes: [
      {
        name: 'byState',
        fields: [
          ['saleId', 'asc'],
          ['state', 'asc'],
          ['n', 'asc']
        ]
      }
    ]
  },
  /** One per member per sale (`${saleId}:${openid}`): the per-member limit, and the host's measures by count. */
  flashSaleClaims: {
    name: 'flash_sale_claims',
    indexes: [
      {
        name: 'byState',
        fields: [
          ['saleId', 'asc'],
          ['state', 'asc'],
          ['newMember', 'asc']
        ]
      }
    ]
  },
  /** 拼团 group buys (domain/plays/group-buy): the host's offer, written by hosts only. */
  groupBuys: {
    name: 'group_buys',
    indexes: [{ name: 'recent', fields: [['createdAt', 'desc']] }]
  },
  /** One per group a member started; written by its starter's payment and the group's settling only (never by joiners). */
  groupBuyGroups: {
    name: 'group_buy_groups',
    indexes: [
      {
        name: 'due',
        fields: [
          ['state', 'asc'],
          ['expiresAt', 'asc']
        ]
      },
      {
        name: 'byCampaign',
        fields: [
          ['campaignId', 'asc'],
          ['state', 'asc']
        ]
      },
      {
        name: 'byLeader',
        fields: [
          ['campaignId', 'asc'],
          ['leader', 'asc'],
          ['createdAt', 'desc']
        ]
      }
    ]
  },
  /** One per seat of a group (`${groupId}:${n}`, made by the member who takes it), taken by insert or conditional update: no counter every joiner writes. */
  groupBuySeats: {
    name: 'group_buy_seats',
    indexes: [
      {
        name: 'byGroup',
        fields: [
          ['groupId', 'asc'],
          ['n', 'asc']
        ]
      },
      {
        name: 'byState',
        fields: [
          ['groupId', 'asc'],
          ['state', 'asc'],
          ['n', 'asc']
        ]
      },
      {
        name: 'byCampaign',
        fields: [
          ['campaignId', 'asc'],
          ['state', 'asc'],
          ['newMember', 'asc']
        ]
      },
      {
        name: 'byMemberDay',
        fields: [
          ['openid', 'asc'],
          ['day', 'asc'],
          ['n', 'asc']
        ]
      }
    ]
  },
  /** One per member per group (`${groupId}:${openid}`): one seat per WeChat user per group. */
  groupBuyClaims: {
    name: 'group_buy_claims',
    indexes: []
  },
  /** What happened in a group buy, for the host (starts, joins, completions, refunds, refusals). */
  groupBuyLogs: {
    name: 'group_buy_logs',
    indexes: [
      {
        name: 'byCampaign',
        fields: [
          ['campaignId', 'asc'],
          ['at', 'desc']
        ]
      }
    ]
  },
  /** 砍价 bargain campaigns (domain/plays/bargain): written by hosts only. */
  bargainCampaigns: {
    name: 'bargain_campaigns',
    indexes: [
      { name: 'ending', fields: [['endAt', 'asc']] },
      { name: 'recent', fields: [['createdAt', 'desc']] }
    ]
  },
  /** One member's bargain: its seed, schedule, cuts and cutters; a cut is one conditional update on it (cuts: c → c + 1). */
  bargains: {
    name: 'bargains',
    indexes: [
      {
        name: 'byStatus',
        fields: [
          ['campaignId', 'asc'],
          ['status', 'asc']
        ]
      },
      {
        name: 'byFloor',
        fields: [
          ['campaignId', 'asc'],
          ['reachedFloor', 'asc']
        ]
      }
    ]
  },
  /** One per friend per bargain (`${bargainId}:${openid}`): the one-cut rule and the host's cut log. */
  bargainCuts: {
    name: 'bargain_cuts',
    indexes: [
      {
        name: 'log',
        fields: [
          ['campaignId', 'asc'],
          ['state', 'asc'],
          ['at', 'desc']
        ]
      },
      {
        name: 'newcomers',
        fields: [
          ['campaignId', 'asc'],
          ['state', 'asc'],
          ['newMember', 'asc']
        ]
      }
    ]
  },
  /** One per member per campaign (`${campaignId}:${openid}`): names the member's one open bargain. */
  bargainStarts: { name: 'bargain_starts', indexes: [] },
  /** A friend's cuts in a campaign on one China day (`${campaignId}:${openid}:${date}`): the daily cap. */
  bargainCaps: { name: 'bargain_caps', indexes: [] }
} as const satisfies Record<string, CollectionDeclaration>

export type CollectionKey = keyof typeof COLLECTIONS

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
  return Object.values(COLLECTIONS) as unknown as CollectionDeclaration[]
}
