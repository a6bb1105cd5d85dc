// Every collection's name, declared once: the functions name collections only
// through COLLECTIONS. Each collection's indexes are declared beside it in
// collection-indexes.ts, read by the embedded store and the CloudBase setup
// script (scripts/cloudbase-setup.ts), never by a deployed function, so a
// function's bundle carries the names alone.

export const COLLECTIONS = {
  /** Analytics (domain/analytics): a non-paying member's view of a check-in, keyed viewer:checkinId (first view only). */
  touches: { name: 'attribution_touches' },
  /** One per payer whose first payment a check-in touched within the window, keyed by the payer. */
  conversions: { name: 'attribution_conversions' },
  /** Per check-in conversion totals, written only by the attribution job; the host's list reads them by score. */
  checkinConversions: { name: 'checkin_conversions' },
  /** Precomputed reports and the analytics jobs' cursors (a handful of documents, written by cron only). */
  analytics: { name: 'analytics' },
  members: { name: 'members' },
  /** Single-use links the owner sends to add an admin, moderator or guest. */
  staffInvites: { name: 'staff_invites' },
  outbox: { name: 'outbox' },
  notifications: { name: 'notifications' },
  jobRuns: { name: 'job_runs' },
  files: { name: 'files' },
  /** The facts log (stored under its first name, domain_events: renaming a collection would need a migration). */
  facts: { name: 'domain_events' },
  challenges: { name: 'challenges' },
  /** Deposit challenges (domain/deposits): one per (challenge, member) who paid, keyed challengeId:openid; the settlement walks a challenge's by status. */
  deposits: { name: 'challenge_deposits' },
  /** One per deposit challenge (id: challengeId), written by hosts' challenge edits and the settlement job; the job finds the due ones. */
  depositSettlements: { name: 'deposit_settlements' },
  /** A completer's share paid to their WeChat balance (商家转账), one per (challenge, member); the job asks about the unsettled ones. */
  depositTransfers: { name: 'deposit_transfers' },
  participants: { name: 'challenge_participants' },
  checkins: { name: 'checkins' },
  /** Perceptual hashes of check-in photos, one document per band of each hash (domain/integrity): a near match shares a band key `k`. */
  photoHashes: { name: 'photo_hashes' },
  likes: { name: 'likes' },
  comments: { name: 'comments' },
  /** Circle content (domain/posts): posts and announcements by the host, staff and 嘉宾. */
  posts: { name: 'posts' },
  /** A post under one 话题, `${postId}:${topic}` (≤ 3 per post, written by its author): browsing a topic without array queries. */
  postTopicLinks: { name: 'post_topic_links' },
  /** A circle's 话题, `${circleId}:${topic}`, written only when an author posts (never by members' actions). */
  postTopics: { name: 'post_topics' },
  /** 已读 of an announcement, one per member and post `${postId}:${openid}`: no counter every member writes. */
  postReads: { name: 'post_reads' },
  /** Likes of circle posts, `${postId}:${openid}` (the check-in like code, pointed at posts). */
  postLikes: { name: 'post_likes' },
  /** Comments on circle posts (the check-in comment code, pointed at posts). */
  postComments: { name: 'post_comments' },
  reports: { name: 'reports' },
  reportMarks: { name: 'report_marks' },
  settings: { name: 'settings' },
  wallets: { name: 'wallets' },
  ledger: { name: 'ledger' },
  dailyTotals: { name: 'daily_totals' },
  perkGrants: { name: 'perk_grants' },
  tierUps: { name: 'tier_ups' },
  mallItems: { name: 'mall_items' },
  redemptions: { name: 'redemptions' },
  /** Redemptions per member of a limited mall item, `${itemId}:${openid}`: read and written in the redemption's transaction. */
  redemptionCounts: { name: 'redemption_counts' },
  circles: { name: 'circles' },
  circleMembers: { name: 'circle_members' },
  orders: { name: 'orders' },
  refunds: { name: 'refunds' },
  /** One per member and thing bought (a plan, an event): the member's open order for it, so paying again reuses it. */
  orderSlots: { name: 'order_slots' },
  flaggedPayments: { name: 'flagged_payments' },
  /** 活动 (stored under their first name, meetups: renaming a collection would need a migration). */
  events: { name: 'meetups' },
  signups: { name: 'signups' },
  /** `${eventId}:${code}`: a ticket's short code, unique per event (claimed by insert). */
  ticketCodes: { name: 'ticket_codes' },
  boards: { name: 'boards' },
  boardEntries: { name: 'board_entries' },
  rankCounts: { name: 'rank_counts' },
  boardMoves: { name: 'board_moves' },
  referrals: { name: 'referrals' },
  inviteCodes: { name: 'invite_codes' },
  contests: { name: 'contests' },
  campaigns: { name: 'coupon_campaigns' },
  coupons: { name: 'coupons' },
  mediaChecks: { name: 'media_checks' },
  // Subscribe-message grants per member and template (id openid:template), spent one per message.
  subscribeGrants: { name: 'subscribe_grants' },
  // One per requestSubscribeMessage answer recorded (id openid:requestId): replays record nothing.
  subscribeGrantRequests: { name: 'subscribe_grant_requests' },
  // Opt-in check-in reminders (id kind:challengeId:openid), taken by cron when due.
  // The message centre (消息, domain/inbox): one document per message, id = the message's idempotency key.
  inboxMessages: { name: 'inbox_messages' },
  // Recall campaigns (domain/recall), and one target per (campaign, member): treated or holdout, measured at 1, 3 and 7 days.
  recallCampaigns: { name: 'recall_campaigns' },
  recallTargets: { name: 'recall_targets' },
  /** Host-defined member tags (domain/crm). */
  crmTags: { name: 'crm_tags' },
  /** One document per (tag, member): the tag filter's index (the member also carries its tag ids in `tags`). */
  memberTags: { name: 'member_tags' },
  /** Hosts' notes on a member. */
  memberNotes: { name: 'member_notes' },
  /** Join applications of circles that review joins; one per (circle, member). */
  joinApplications: { name: 'join_applications' },
  reminders: { name: 'reminders' },
  /** The console's numbers (domain/console): one document per China day, id 'YYYY-MM-DD', written by the timer only. */
  dailyStats: { name: 'daily_stats' },
  /** One per member and China day they were active, id `${day}:${openid}`: distinct active members by count. */
  memberDays: { name: 'member_days' },
  /** Where each of the console's activity scans has got to (id: the source). */
  statsCursors: { name: 'stats_cursors' },
  // Background CSV exports (domain/exports): the job with its cursor, and the CSV parts written so far.
  export_jobs: { name: 'export_jobs' },
  export_parts: { name: 'export_parts' },
  /** Q&A in a circle (domain/questions): who answers and at what price, one document per circle (id: circleId). */
  questionSettings: { name: 'question_settings' },
  /** Questions to a circle's host or guests; the refund job finds open paid ones by refundAt. */
  questions: { name: 'questions' },
  /** 送 gifts (domain/plays/gift): the host's welcome gift and the prices cards sold at, one document ('welcome'). */
  giftSettings: { name: 'gift_settings' },
  /** 礼品卡: one per paid card, its id the claim token; claimed and refunded by conditional writes on it by id. */
  giftCards: { name: 'gift_cards' },
  /** The welcome gift of a member who joined through an invite (`_id` = openid): once per invitee, ever. */
  giftWelcomes: { name: 'gift_welcomes' },
  /** The host's log of gifts: purchases, claims, refusals, refunds, welcome gifts. */
  giftLogs: { name: 'gift_logs' },
  /** 助力 help campaigns (domain/plays/help): written by hosts only (members and helpers only read them). */
  helpCampaigns: { name: 'help_campaigns' },
  /** One per task a member started (`${campaignId}:${openid}:${attempt}`); written by its owner's start and its one completion, never by helpers. */
  helpTasks: { name: 'help_tasks' },
  /** One per friend per task (`${taskId}:${openid}`): a task's progress is counted from these; the host's help log. */
  helps: { name: 'help_records' },
  /** A helper's helps of one campaign on one China day (`${campaignId}:${openid}:${yyyymmdd}`): the daily cap. Read by id only. */
  helpDaily: { name: 'help_daily' },
  /** 秒杀 flash sales (domain/plays/flash-sale): the sale, written by hosts only (buyers only read it). */
  flashSales: { name: 'flash_sales' },
  /** One per unit of a sale's stock (`${saleId}:${n}`), taken by a conditional update: the stock has no counter every buyer writes. */
  flashSaleSlots: { name: 'flash_sale_slots' },
  /** One per member per sale (`${saleId}:${openid}`): the per-member limit, and the host's measures by count. */
  flashSaleClaims: { name: 'flash_sale_claims' },
  /** 拼团 group buys (domain/plays/group-buy): the host's offer, written by hosts only. */
  groupBuys: { name: 'group_buys' },
  /** One per group a member started; written by its starter's payment and the group's settling only (never by joiners). */
  groupBuyGroups: { name: 'group_buy_groups' },
  /** One per seat of a group (`${groupId}:${n}`, made by the member who takes it), taken by insert or conditional update: no counter every joiner writes. */
  groupBuySeats: { name: 'group_buy_seats' },
  /** One per member per group (`${groupId}:${openid}`): one seat per WeChat user per group. */
  groupBuyClaims: { name: 'group_buy_claims' },
  /** What happened in a group buy, for the host (starts, joins, completions, refunds, refusals). */
  groupBuyLogs: { name: 'group_buy_logs' },
  /** 砍价 bargain campaigns (domain/plays/bargain): written by hosts only. */
  bargainCampaigns: { name: 'bargain_campaigns' },
  /** One member's bargain: its seed, schedule, cuts and cutters; a cut is one conditional update on it (cuts: c → c + 1). */
  bargains: { name: 'bargains' },
  /** One per friend per bargain (`${bargainId}:${openid}`): the one-cut rule and the host's cut log. */
  bargainCuts: { name: 'bargain_cuts' },
  /** One per member per campaign (`${campaignId}:${openid}`): names the member's one open bargain. */
  bargainStarts: { name: 'bargain_starts' },
  /** A friend's cuts in a campaign on one China day (`${campaignId}:${openid}:${date}`): the daily cap. */
  bargainCaps: { name: 'bargain_caps' }
} as const satisfies Record<string, { name: string }>

export type CollectionKey = keyof typeof COLLECTIONS
