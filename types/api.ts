// The contract of every cloud function action: what the client sends, what it gets back.
// Both src/ (the typed client) and cloudfunctions/ (the action registry) are checked against it.
import type { MeInput, MemberProfile, UpdateProfileInput } from './member'
import type { ChallengeReminderInput, ChallengeReminderView, RecordSubscribeGrantsInput, SetChallengeReminderInput, SubscribeGrantsView, SubscribeTemplates } from './notifications'
import type { CronRunInput, CronRunReport } from './cron'
import type { DepositSettlementView, DepositStatusView, PayDepositResult } from './deposits'
import type {
  BargainCampaignIdInput,
  BargainCampaignView,
  BargainCutLogEntry,
  BargainCutLogInput,
  BargainIdInput,
  BargainView,
  CreateBargainCampaignInput,
  CutBargainResult,
  HostBargainCampaignView,
  PauseBargainCampaignInput,
  PayBargainInput,
  PayBargainResult
} from './bargain'
import type { BuyFlashSaleInput, BuyFlashSaleResult, CreateFlashSaleInput, FlashSaleIdInput, FlashSaleView, HostFlashSaleView, PauseFlashSaleInput } from './flash-sale'
import type { CreateGroupBuyInput, GroupBuyIdInput, GroupBuyLogView, GroupBuyOrderResult, GroupBuyView, GroupIdInput, GroupView, HostGroupBuyView, PauseGroupBuyInput } from './group-buy'
import type {
  CreateHelpCampaignInput,
  HelpCampaignIdInput,
  HelpCampaignView,
  HelpLogEntry,
  HelpLogInput,
  HelpResult,
  HelpTaskIdInput,
  HelpTaskView,
  HostHelpCampaignView,
  PauseHelpCampaignInput
} from './help'
import type { BuyGiftCardInput, BuyGiftCardResult, GiftCardIdInput, GiftCardView, GiftLogView, GiftLogsInput, GiftPlanOption, HostGiftView, MyWelcomeGiftView, SetWelcomeGiftInput } from './gift'
import type { Page, PageInput } from './page'
import type { CompletionReport, CompletionReportInput } from './completion'
import type {
  AddPostCommentInput,
  AnnouncementReads,
  AnnouncementReadsInput,
  CircleContentView,
  FeaturePostInput,
  ListPostCommentsInput,
  ListPostsInput,
  MarkReadResult,
  PostCommentIdInput,
  PostCommentView,
  PostFileUrls,
  PostIdInput,
  PostInput,
  PostView,
  SearchPostsInput,
  UpdatePostInput
} from './posts'
import type {
  AnswerQuestionInput,
  AskOptionsView,
  AskQuestionInput,
  AskQuestionResult,
  CircleIdOnlyInput,
  ListQuestionsInput,
  QuestionIdInput,
  QuestionQueueInput,
  QuestionSettingsView,
  QuestionView,
  UpdateQuestionSettingsInput
} from './questions'
import type {
  AddCommentInput,
  Challenge,
  ChallengeDetail,
  ChallengeIdInput,
  ChallengeInput,
  CheckinIdInput,
  CheckinView,
  CommentIdInput,
  CommentView,
  FeatureInput,
  FeedInput,
  HideCheckinInput,
  LikeResult,
  ListChallengesInput,
  ListCommentsInput,
  MakeupCheckinInput,
  PostCheckinInput,
  PostCheckinResult,
  ReportInput,
  ReportView,
  ResolveReportInput,
  ReviewCheckinInput,
  UpdateChallengeInput,
  ChallengeProgress
} from './checkin'
import type {
  AdjustPointsInput,
  GrowthSettings,
  GrowthSummary,
  LedgerEntryView,
  ListRedemptionsInput,
  MallItem,
  MallItemInput,
  MemberSegmentView,
  RedeemInput,
  RedemptionView,
  SegmentsInput,
  ShipRedemptionInput,
  UpdateGrowthSettingsInput,
  UpdateMallItemInput
} from './growth'
import type {
  Circle,
  CircleDetail,
  CircleIdInput,
  CircleInput,
  CreateOrderInput,
  CreateOrderResult,
  FlaggedPaymentView,
  HostRefundInput,
  JoinFreeInput,
  ListOrdersInput,
  MembershipView,
  OrderIdInput,
  OrderView,
  UpdateCircleInput,
  MyOrdersInput
} from './membership'
import type { BoardInput, BoardView, ContestIdInput, ContestInput, ContestView, InviteInfo, InviteeView, MyInvitesInput, UpdateContestInput } from './leaderboard'
import type {
  AttendeeList,
  AttendeeView,
  CheckInAttendeeInput,
  CheckInTicketInput,
  EventIdInput,
  EventInput,
  EventView,
  ListEventsInput,
  SignupInput,
  SignupResult,
  SignupView,
  UpdateEventInput
} from './events'
import type { CommunitySettings, UpdateCommunityInput } from './community'
import type { ClaimGiftResult, InboxInput, InboxMessageView, MarkReadInput, MessageIdInput, UnreadCount } from './inbox'
import type { AutomationView, CreateRecallCampaignInput, RecallCampaignIdInput, RecallCampaignView, RecallCampaignsInput, UpdateAutomationInput } from './recall'
import type { CreateStaffInviteInput, RemoveStaffInput, StaffInvitePreview, StaffInviteTokenInput, StaffInviteView, StaffMemberView, TeamView } from './staff'
import type { DashboardView } from './console'
import type { AnalyticsInput, AnalyticsView, ConvertingCheckinView, GetCheckinInput, TopConvertingInput } from './analytics'
import type {
  AddMemberNoteInput,
  CrmTag,
  JoinApplicationView,
  JoinApplicationsInput,
  MemberDetail,
  MemberIdInput,
  MemberListInput,
  MemberNoteView,
  MemberRow,
  RemoveFromCircleInput,
  RemoveFromCircleResult,
  ReviewJoinInput,
  SetMemberSegmentInput,
  TagIdInput,
  TagInput,
  TagMembersInput,
  TagMembersResult,
  UpdateTagInput
} from './crm'
import type { Segment as CrmSegment } from './growth'
import type { CampaignIdInput, CampaignInput, CampaignView, CouponView, HostCampaignView, MyCouponsInput, UpdateCampaignInput } from './coupons'
import type { ExportJobView, ExportsInput, StartExportInput } from './exports'

export interface ApiContract {
  member: {
    me: { input: MeInput; output: MemberProfile }
    updateProfile: { input: UpdateProfileInput; output: MemberProfile }
    /** The member skipped the nickname and avatar prompt: not asked again, on any device. */
    markProfilePrompted: { input: Record<string, never>; output: MemberProfile }
    // subscribe messages and reminders
    subscribeTemplates: { input: Record<string, never>; output: SubscribeTemplates }
    recordSubscribeGrants: { input: RecordSubscribeGrantsInput; output: SubscribeGrantsView }
    challengeReminder: { input: ChallengeReminderInput; output: ChallengeReminderView }
    setChallengeReminder: { input: SetChallengeReminderInput; output: ChallengeReminderView }
    // the message centre (消息): recall and automation messages, gifts claimed from them
    inbox: { input: InboxInput; output: Page<InboxMessageView> }
    unreadCount: { input: Record<string, never>; output: UnreadCount }
    markRead: { input: MarkReadInput; output: UnreadCount }
    claimGift: { input: MessageIdInput; output: ClaimGiftResult }
    // the community's settings (its name): read by everyone, edited by hosts
    community: { input: Record<string, never>; output: CommunitySettings }
    updateCommunity: { input: UpdateCommunityInput; output: CommunitySettings }
  }
  /** The timer functions (domain/jobs/jobs.ts): each runs its own jobs every minute; `run` runs named ones on demand. */
  cron: {
    run: { input: CronRunInput; output: CronRunReport }
  }
  settle: {
    run: { input: CronRunInput; output: CronRunReport }
  }
  insights: {
    run: { input: CronRunInput; output: CronRunReport }
  }
  photoCheck: {
    run: { input: CronRunInput; output: CronRunReport }
  }
  checkin: {
    // members
    listChallenges: { input: ListChallengesInput; output: Page<Challenge> }
    getChallenge: { input: ChallengeIdInput; output: ChallengeDetail }
    joinChallenge: { input: ChallengeIdInput; output: ChallengeProgress }
    postCheckin: { input: PostCheckinInput; output: PostCheckinResult }
    makeupCheckin: { input: MakeupCheckinInput; output: PostCheckinResult }
    feed: { input: FeedInput; output: Page<CheckinView> }
    getCheckin: { input: GetCheckinInput; output: CheckinView }
    toggleLike: { input: CheckinIdInput; output: LikeResult }
    addComment: { input: AddCommentInput; output: CommentView }
    deleteComment: { input: CommentIdInput; output: { deleted: true } }
    listComments: { input: ListCommentsInput; output: Page<CommentView> }
    report: { input: ReportInput; output: { reported: true } }
    /** 完成报告: a completer's own report (calendar, streaks, before/after, 点评, invite code for the poster). */
    /** 点评: the host grades a check-in of a challenge with host review (不合格 takes the day off the member's progress). */
  }
  /** a challenge's setup and moderation by hosts (domain/checkin/challenge-admin, moderation) and the completer's 完成报告 (completion-report). */
  challenges: {
    completionReport: { input: CompletionReportInput; output: CompletionReport }
    // hosts
    createChallenge: { input: ChallengeInput; output: Challenge }
    updateChallenge: { input: UpdateChallengeInput; output: Challenge }
    archiveChallenge: { input: ChallengeIdInput; output: Challenge }
    featureCheckin: { input: FeatureInput; output: CheckinView }
    hideCheckin: { input: HideCheckinInput; output: CheckinView }
    hideComment: { input: CommentIdInput; output: { hidden: true } }
    moderationQueue: { input: PageInput; output: Page<ReportView> }
    resolveReport: { input: ResolveReportInput; output: ReportView }
    reviewCheckin: { input: ReviewCheckinInput; output: CheckinView }
  }
  /** deposit challenges (押金): paying the deposit to join, the member's view of the deposit and the pool, and the host's settlement report (domain/deposits). */
  deposits: {
    // deposit challenges (押金): pay to join, the member's deposit and the pool, the host's settlement report
    payDeposit: { input: ChallengeIdInput; output: PayDepositResult }
    depositStatus: { input: ChallengeIdInput; output: DepositStatusView }
    depositSettlement: { input: ChallengeIdInput; output: DepositSettlementView }
  }
  growth: {
    // members
    summary: { input: Record<string, never>; output: GrowthSummary }
    ledger: { input: PageInput; output: Page<LedgerEntryView> }
    acknowledgeCelebration: { input: Record<string, never>; output: { acknowledged: true } }
    mallItems: { input: PageInput; output: Page<MallItem> }
    redeem: { input: RedeemInput; output: RedemptionView }
    myRedemptions: { input: PageInput; output: Page<RedemptionView> }
    // hosts
    settings: { input: Record<string, never>; output: GrowthSettings }
    updateSettings: { input: UpdateGrowthSettingsInput; output: GrowthSettings }
    adjustPoints: { input: AdjustPointsInput; output: LedgerEntryView }
    createMallItem: { input: MallItemInput; output: MallItem }
    updateMallItem: { input: UpdateMallItemInput; output: MallItem }
    listRedemptions: { input: ListRedemptionsInput; output: Page<RedemptionView> }
    shipRedemption: { input: ShipRedemptionInput; output: RedemptionView }
    segments: { input: SegmentsInput; output: Page<MemberSegmentView> }
  }
  membership: {
    // members
    listCircles: { input: PageInput; output: Page<Circle> }
    getCircle: { input: CircleIdInput; output: CircleDetail }
    joinFree: { input: JoinFreeInput; output: MembershipView }
    startTrial: { input: CircleIdInput; output: MembershipView }
    createOrder: { input: CreateOrderInput; output: CreateOrderResult }
    getOrder: { input: OrderIdInput; output: OrderView }
    myOrders: { input: MyOrdersInput; output: Page<OrderView> }
    myMemberships: { input: Record<string, never>; output: MembershipView[] }
    cancelOrder: { input: OrderIdInput; output: OrderView }
    requestRefund: { input: OrderIdInput; output: OrderView }
    // hosts
    createCircle: { input: CircleInput; output: Circle }
    updateCircle: { input: UpdateCircleInput; output: Circle }
    archiveCircle: { input: CircleIdInput; output: Circle }
    listOrders: { input: ListOrdersInput; output: Page<OrderView> }
    refundOrder: { input: HostRefundInput; output: OrderView }
    flaggedPayments: { input: PageInput; output: Page<FlaggedPaymentView> }
  }
  events: {
    // members
    listEvents: { input: ListEventsInput; output: Page<EventView> }
    getEvent: { input: EventIdInput; output: EventView }
    signup: { input: SignupInput; output: SignupResult }
    paySeat: { input: SignupInput; output: SignupResult }
    cancelSignup: { input: EventIdInput; output: SignupView }
    myTickets: { input: PageInput; output: Page<EventView> }
    // hosts
    createEvent: { input: EventInput; output: EventView }
    updateEvent: { input: UpdateEventInput; output: EventView }
    cancelEvent: { input: EventIdInput; output: EventView }
    attendees: { input: EventIdInput; output: AttendeeList }
    exportAttendees: { input: EventIdInput; output: { filename: string; csv: string } }
    checkInTicket: { input: CheckInTicketInput; output: AttendeeView }
    checkInAttendee: { input: CheckInAttendeeInput; output: AttendeeView }
  }
  leaderboard: {
    // members
    board: { input: BoardInput; output: BoardView }
    myInvite: { input: Record<string, never>; output: InviteInfo }
    myInvitees: { input: MyInvitesInput; output: Page<InviteeView> }
    contests: { input: PageInput; output: Page<ContestView> }
    // hosts
    createContest: { input: ContestInput; output: ContestView }
    updateContest: { input: UpdateContestInput; output: ContestView }
    cancelContest: { input: ContestIdInput; output: ContestView }
    setBoardRewards: { input: { weekly: number[]; monthly: number[] }; output: { weekly: number[]; monthly: number[] } }
  }
  rewards: {
    // members
    campaigns: { input: PageInput; output: Page<CampaignView> }
    claimCoupon: { input: CampaignIdInput; output: CouponView }
    myCoupons: { input: MyCouponsInput; output: Page<CouponView> }
    // hosts
    createCampaign: { input: CampaignInput; output: CampaignView }
    hostCampaigns: { input: PageInput; output: Page<HostCampaignView> }
    updateCampaign: { input: UpdateCampaignInput; output: HostCampaignView }
    stopCampaign: { input: CampaignIdInput; output: HostCampaignView }
  }
  /** A circle's content: posts, announcements, likes and comments (domain/posts). */
  circle: {
    // posts and announcements
    circleContent: { input: CircleIdInput; output: CircleContentView }
    listPosts: { input: ListPostsInput; output: Page<PostView> }
    searchPosts: { input: SearchPostsInput; output: Page<PostView> }
    getPost: { input: PostIdInput; output: PostView }
    createPost: { input: PostInput; output: PostView }
    updatePost: { input: UpdatePostInput; output: PostView }
    deletePost: { input: PostIdInput; output: { deleted: true } }
    featurePost: { input: FeaturePostInput; output: PostView }
    markAnnouncementRead: { input: PostIdInput; output: MarkReadResult }
    announcementReads: { input: AnnouncementReadsInput; output: AnnouncementReads }
    postFileUrls: { input: PostIdInput; output: PostFileUrls }
    togglePostLike: { input: PostIdInput; output: LikeResult }
    addPostComment: { input: AddPostCommentInput; output: PostCommentView }
    listPostComments: { input: ListPostCommentsInput; output: Page<PostCommentView> }
    deletePostComment: { input: PostCommentIdInput; output: { deleted: true } }
  }
  /** paid questions and answers (问答): asking, paying, answering, the host's answerer settings (domain/questions). */
  questions: {
    // questions and answers
    askOptions: { input: CircleIdOnlyInput; output: AskOptionsView }
    askQuestion: { input: AskQuestionInput; output: AskQuestionResult }
    payQuestion: { input: QuestionIdInput; output: AskQuestionResult }
    question: { input: QuestionIdInput; output: QuestionView }
    questions: { input: ListQuestionsInput; output: Page<QuestionView> }
    questionQueue: { input: QuestionQueueInput; output: Page<QuestionView> }
    answerQuestion: { input: AnswerQuestionInput; output: QuestionView }
    questionSettings: { input: CircleIdOnlyInput; output: QuestionSettingsView }
    updateQuestionSettings: { input: UpdateQuestionSettingsInput; output: QuestionSettingsView }
  }
  fission: {
    // 助力 help tasks
    createHelpCampaign: { input: CreateHelpCampaignInput; output: HostHelpCampaignView }
    pauseHelpCampaign: { input: PauseHelpCampaignInput; output: HostHelpCampaignView }
    hostHelpCampaigns: { input: PageInput; output: Page<HostHelpCampaignView> }
    helpLog: { input: HelpLogInput; output: Page<HelpLogEntry> }
    helpCampaigns: { input: PageInput; output: Page<HelpCampaignView> }
    startHelpTask: { input: HelpCampaignIdInput; output: HelpTaskView }
    helpTask: { input: HelpTaskIdInput; output: HelpTaskView }
    helpFriend: { input: HelpTaskIdInput; output: HelpResult }
    // 砍价 bargains
    createBargainCampaign: { input: CreateBargainCampaignInput; output: HostBargainCampaignView }
    pauseBargainCampaign: { input: PauseBargainCampaignInput; output: HostBargainCampaignView }
    hostBargainCampaigns: { input: PageInput; output: Page<HostBargainCampaignView> }
    bargainCutLog: { input: BargainCutLogInput; output: Page<BargainCutLogEntry> }
    bargainCampaigns: { input: PageInput; output: Page<BargainCampaignView> }
    bargainCampaign: { input: BargainCampaignIdInput; output: BargainCampaignView }
    startBargain: { input: BargainCampaignIdInput; output: BargainView }
    bargain: { input: BargainIdInput; output: BargainView }
    cutBargain: { input: BargainIdInput; output: CutBargainResult }
    payBargain: { input: PayBargainInput; output: PayBargainResult }
  }
  /** 送 gifts: gift cards bought for a friend and claimed, and the invite welcome gift (domain/plays/gift). */
  gifts: {
    // 送 gifts
    hostGifts: { input: Record<string, never>; output: HostGiftView }
    setWelcomeGift: { input: SetWelcomeGiftInput; output: HostGiftView }
    giftLogs: { input: GiftLogsInput; output: Page<GiftLogView> }
    giftPlans: { input: Record<string, never>; output: GiftPlanOption[] }
    buyGiftCard: { input: BuyGiftCardInput; output: BuyGiftCardResult }
    myGiftCards: { input: PageInput; output: Page<GiftCardView> }
    giftCard: { input: GiftCardIdInput; output: GiftCardView }
    claimGiftCard: { input: GiftCardIdInput; output: GiftCardView }
    myWelcomeGift: { input: Record<string, never>; output: MyWelcomeGiftView | null }
  }
  /** timed and group prices: 秒杀 flash sales and 拼团 group buying (domain/plays/flash-sale, group-buy). */
  sales: {
    // 秒杀 flash sales
    createFlashSale: { input: CreateFlashSaleInput; output: HostFlashSaleView }
    pauseFlashSale: { input: PauseFlashSaleInput; output: HostFlashSaleView }
    hostFlashSales: { input: PageInput; output: Page<HostFlashSaleView> }
    flashSales: { input: PageInput; output: Page<FlashSaleView> }
    flashSale: { input: FlashSaleIdInput; output: FlashSaleView }
    buyFlashSale: { input: BuyFlashSaleInput; output: BuyFlashSaleResult }
    // 拼团 group buying
    createGroupBuy: { input: CreateGroupBuyInput; output: HostGroupBuyView }
    pauseGroupBuy: { input: PauseGroupBuyInput; output: HostGroupBuyView }
    hostGroupBuys: { input: PageInput; output: Page<HostGroupBuyView> }
    groupBuyLogs: { input: GroupBuyIdInput & PageInput; output: Page<GroupBuyLogView> }
    groupBuys: { input: PageInput; output: Page<GroupBuyView> }
    groupBuy: { input: GroupBuyIdInput; output: GroupBuyView }
    groupBuyGroup: { input: GroupIdInput; output: GroupView }
    startGroupBuy: { input: GroupBuyIdInput; output: GroupBuyOrderResult }
    joinGroupBuy: { input: GroupIdInput; output: GroupBuyOrderResult }
  }
  /** The host's operating layer: team, console, members, exports. */
  host: {
    // the team (owner), and the invite link a new staff member opens
    team: { input: Record<string, never>; output: TeamView }
    createStaffInvite: { input: CreateStaffInviteInput; output: StaffInviteView }
    revokeStaffInvite: { input: StaffInviteTokenInput; output: { revoked: true } }
    removeStaff: { input: RemoveStaffInput; output: { removed: true } }
    previewStaffInvite: { input: StaffInviteTokenInput; output: StaffInvitePreview }
    acceptStaffInvite: { input: StaffInviteTokenInput; output: StaffMemberView }
    // the member CRM (admin): list, a member's page, tags, notes, manual segment, removal, join review
    members: { input: MemberListInput; output: Page<MemberRow> }
    memberDetail: { input: MemberIdInput; output: MemberDetail }
    tags: { input: Record<string, never>; output: CrmTag[] }
    createTag: { input: TagInput; output: CrmTag }
    updateTag: { input: UpdateTagInput; output: CrmTag }
    deleteTag: { input: TagIdInput; output: { deleted: true } }
    tagMembers: { input: TagMembersInput; output: TagMembersResult }
    addMemberNote: { input: AddMemberNoteInput; output: MemberNoteView }
    setMemberSegment: { input: SetMemberSegmentInput; output: { segment: CrmSegment; segmentOverride: CrmSegment | null } }
    removeFromCircle: { input: RemoveFromCircleInput; output: RemoveFromCircleResult }
    joinApplications: { input: JoinApplicationsInput; output: Page<JoinApplicationView> }
    reviewJoin: { input: ReviewJoinInput; output: JoinApplicationView }
    // the console's numbers (admin): today, the last 7 days and the 7 before, and what waits
    dashboard: { input: Record<string, never>; output: DashboardView }
    // exports (admin): a CSV written in the background by cron; the list shows progress and, when done, a link
    startExport: { input: StartExportInput; output: ExportJobView }
    exports: { input: ExportsInput; output: Page<ExportJobView> }
  }
  /** the host's reach: recall campaigns and automations (召回, domain/recall) and the analytics of who joins, stays and pays (数据分析, domain/analytics). */
  marketing: {
    // recall campaigns to a segment with a holdout, and the automations (admin)
    createRecallCampaign: { input: CreateRecallCampaignInput; output: RecallCampaignView }
    recallCampaigns: { input: RecallCampaignsInput; output: Page<RecallCampaignView> }
    recallCampaign: { input: RecallCampaignIdInput; output: RecallCampaignView }
    automations: { input: Record<string, never>; output: AutomationView[] }
    updateAutomation: { input: UpdateAutomationInput; output: AutomationView }
    // analytics (admin): AARRR, cohorts, completion and revenue, precomputed by cron; check-ins that brought first payments
    analytics: { input: AnalyticsInput; output: AnalyticsView }
    topConverting: { input: TopConvertingInput; output: Page<ConvertingCheckinView> }
  }
}

export type FunctionName = keyof ApiContract
export type ActionName<F extends FunctionName> = keyof ApiContract[F] & string
export type ActionInput<F extends FunctionName, A extends ActionName<F>> = ApiContract[F][A] extends { input: infer I } ? I : never
export type ActionOutput<F extends FunctionName, A extends ActionName<F>> = ApiContract[F][A] extends { output: infer O } ? O : never

/** The event a function receives: the action name beside the action's own fields. */
export type ActionEvent<F extends FunctionName, A extends ActionName<F>> = { action: A } & ActionInput<F, A>
