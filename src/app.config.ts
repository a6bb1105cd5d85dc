// The main package holds only the tab pages members open daily; everything else
// lives in subpackages so the first download stays small (WeChat caps it at 2 MB).
import { colors } from './styles/tokens'

const isH5 = process.env.TARO_ENV === 'h5'

export default defineAppConfig({
  pages: ['pages/feed/index', 'pages/challenges/index', 'pages/me/index'],
  subPackages: [
    {
      root: 'packages/account',
      // dev-login only makes sense against the dev host: in WeChat the caller's
      // identity comes from the cloud context, so the page is not even built there.
      pages: isH5 ? ['profile-edit/index', 'rules/index', 'dev-login/index'] : ['profile-edit/index', 'rules/index']
    },
    // Growth: the member's points, ledger, mall and redemptions; and the host's console for it.
    { root: 'packages/growth', pages: ['center/index', 'ledger/index', 'mall/index', 'redemptions/index'] },
    // Paid circles: list, detail with plans, the order page the pay flow returns to, 我的会员; and the host's console for them.
    { root: 'packages/membership', pages: ['circles/index', 'circle/index', 'order/index', 'mine/index'] },
    // A circle's content: one post or announcement with its comments, 已读 and reads; the composer for the host and 嘉宾.
    { root: 'packages/circle-posts', pages: ['post/index', 'compose/index'] },
    { root: 'packages/host-membership', pages: ['index/index', 'circle-form/index', 'orders/index', 'flagged/index'] },
    { root: 'packages/host-growth', pages: ['index/index', 'rules/index', 'items/index', 'item-edit/index', 'adjust/index', 'shipping/index', 'segments/index'] },
    // Events: list, detail with signup/pay/ticket, 我的票; and the host's console, form, attendee list and door scanner.
    { root: 'packages/events', pages: ['list/index', 'detail/index', 'tickets/index'] },
    { root: 'packages/host-events', pages: ['index/index', 'event-form/index', 'attendees/index', 'scanner/index'] },
    // 秒杀: the member's list of flash sales and one sale with its countdown; the host's console (create, pause, measures).
    { root: 'packages/flash-sale', pages: ['list/index', 'detail/index'] },
    { root: 'packages/host-flash-sale', pages: ['index/index'] },
    // 送: 我的礼品卡 and the welcome gift, buying a gift card, the card a claim link opens; the host's welcome gift, measures and log.
    { root: 'packages/gift', pages: ['mine/index', 'buy/index', 'card/index'] },
    { root: 'packages/host-gift', pages: ['index/index'] },
    // 拼团: the member's offers, one offer (发起拼团), one group (members, 还差 N 人, 参团, share card and poster); the host's console (create, pause, measures, log).
    { root: 'packages/group-buy', pages: ['list/index', 'detail/index', 'group/index'] },
    { root: 'packages/host-group-buy', pages: ['index/index'] },
    // 助力: the member's campaigns and one task (progress, helpers, 帮TA助力, the unlocked reward); the host's console (create, pause, measures, help log).
    { root: 'packages/help', pages: ['list/index', 'task/index'] },
    { root: 'packages/host-help', pages: ['index/index'] },
    // 砍价: the member's campaigns and one bargain (progress, cutters, 帮我砍一刀, pay); the host's console (create, pause, measures, cut log).
    { root: 'packages/bargain', pages: ['list/index', 'detail/index'] },
    { root: 'packages/host-bargain', pages: ['index/index'] },
    // Check-in challenges: detail with calendar, the composer and one check-in with its comments.
    { root: 'packages/challenge', pages: ['detail/index', 'compose/index', 'checkin/index'] },
    // 完成报告: a completer's calendar, before/after, 点评 and the poster that invites.
    { root: 'packages/challenge-report', pages: ['index/index'] },
    // The host console: challenges, the challenge form and the moderation queue.
    { root: 'packages/host', pages: ['index/index', 'challenges/index', 'challenge-form/index', 'moderation/index'] },
    // Leaderboards, 我的邀请 and invite contests; and the host's contests and board rewards.
    { root: 'packages/leaderboard', pages: ['boards/index', 'invite/index', 'contests/index'] },
    { root: 'packages/host-leaderboard', pages: ['index/index'] },
    // The team (owner): staff and invite links, the community's settings; and the page a staff invite link opens.
    { root: 'packages/host-team', pages: ['index/index', 'join/index', 'settings/index'] },
    // Coupons: 领券中心 and 我的优惠券; and the host's campaign form.
    { root: 'packages/rewards', pages: ['coupons/index'] },
    { root: 'packages/host-rewards', pages: ['campaign-form/index', 'campaigns/index'] },
    // 数据导出: the host's CSV exports (members, check-ins, orders and refunds, points), written in the background.
    { root: 'packages/host-exports', pages: ['index/index'] },
    // 消息: the member's message centre; and the host's recall campaigns and automations.
    { root: 'packages/inbox', pages: ['index/index'] },
    { root: 'packages/host-recall', pages: ['index/index'] },
    // Q&A in a circle: its questions, asking, a question, the answerer's queue (待回答), the host's answerers.
    { root: 'packages/questions', pages: ['list/index', 'ask/index', 'detail/index', 'queue/index', 'settings/index'] },
    // 成员管理: the host's member list with filters and batch tags, a member's page, tags, join applications.
    { root: 'packages/host-members', pages: ['list/index', 'detail/index', 'tags/index', 'applications/index'] },
    // 数据分析: AARRR, cohorts, completion curves, revenue and the check-ins that brought first payments (charts drawn with views).
    { root: 'packages/host-analytics', pages: ['index/index'] }
  ],
  // A challenge with a place (geofence) asks for the member's position at check-in (Taro.getLocation → wx.getLocation).
  permission: {
    'scope.userLocation': { desc: '在限定地点的挑战中，用于确认你在打卡地点附近' }
  },
  requiredPrivateInfos: ['getLocation'],
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: colors.bg,
    navigationBarBackgroundColor: colors.surface,
    navigationBarTitleText: '社群',
    navigationBarTextStyle: 'black'
  },
  // Icons are 81×81 PNGs (~1–2 KB each; sources beside them as SVG). Taro's H5 tab
  // bar draws an empty image box for items without one, so both builds get icons.
  tabBar: {
    color: colors.text3,
    selectedColor: colors.brand,
    backgroundColor: colors.surface,
    borderStyle: 'white',
    list: [
      { pagePath: 'pages/feed/index', text: '动态', iconPath: 'assets/tabbar/feed.png', selectedIconPath: 'assets/tabbar/feed-active.png' },
      { pagePath: 'pages/challenges/index', text: '挑战', iconPath: 'assets/tabbar/challenges.png', selectedIconPath: 'assets/tabbar/challenges-active.png' },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tabbar/me.png', selectedIconPath: 'assets/tabbar/me-active.png' }
    ]
  }
})
