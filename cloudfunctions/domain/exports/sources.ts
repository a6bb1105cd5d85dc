// What each export reads and how a document becomes a row. A kind reads one or
// more collections in turn (orders, then refunds), each in _id order by keyset
// pages, so a run can stop anywhere and the next picks up at the cursor.
import type { ExportKind } from '../../../types/exports'
import { COLLECTIONS } from '../../platform/collections'
import type { Runtime } from '../../platform/runtime'
import { chinaTime } from '../../ports/clock'
import type { BaseDoc } from '../../ports/store'
import { ROLE_LABELS } from '../../../types/roles'
import type { MemberDoc } from '../members/member'
import type { CheckinDoc } from '../checkin/checkin'
import { orderStatusText, type OrderDoc } from '../orders/order'
import type { RefundDoc } from '../orders/refund-doc'
import type { LedgerEntryDoc } from '../growth/wallet'
import { yuan, type CsvValue } from './csv'

export interface Source<T extends BaseDoc = BaseDoc> {
  collection: string
  /** When the row's thing happened (the filters' from / to apply to it). */
  at(doc: T): number
  /** Rows of one page; may read what the page needs in one request (refunds: their orders). */
  rows(runtime: Runtime, docs: T[]): Promise<CsvValue[][]>
}

export interface ExportDefinition {
  header: string[]
  sources: Source[]
}

const time = (at: number | null | undefined) => (at ? chinaTime(at).format('YYYY-MM-DD HH:mm:ss') : '')

const STATUS_TEXT: Record<string, string> = { visible: '公开', hidden: '已隐藏', pending: '审核中' }
const REFUND_STATUS: Record<string, string> = { processing: '退款中', success: '已退款', failed: '退款失败' }
const RULE_TEXT: Record<string, string> = {
  checkinPosted: '打卡',
  streakReached: '连续打卡',
  challengeCompleted: '完成挑战',
  featuredByHost: '被精选',
  commentReceived: '收到评论',
  eventAttended: '参加活动',
  inviteActivated: '邀请成功',
  firstPayment: '首次付费',
  manual: '手动调整',
  redeem: '兑换',
  expire: '过期',
  revoke: '撤回',
  refund: '退款扣回'
}

const members: Source<MemberDoc> = {
  collection: COLLECTIONS.members.name,
  at: (m) => m.joinedAt,
  rows: async (_runtime, docs) => docs.map((m) => [m._id, m.nickname, ROLE_LABELS[m.role] ?? m.role ?? '', `Lv${m.tierLevel ?? 1}`, time(m.joinedAt), m.invite === 'pending' ? '受邀加入' : ''])
}

const checkins: Source<CheckinDoc> = {
  collection: COLLECTIONS.checkins.name,
  at: (c) => c.createdAt,
  rows: async (runtime, docs) =>
    docs.map((c) => [
      c._id,
      c.openid,
      c.challengeTitle ?? c.challengeId,
      c.date,
      c.dayNumber ?? '',
      c.text,
      // One link per line inside the cell.
      c.photoFileIds.map((id) => runtime.files.urlFor(id)).join('\n'),
      c.location,
      STATUS_TEXT[c.status] ?? c.status,
      c.featured ? '是' : '',
      c.makeup ? '是' : '',
      c.likeCount,
      c.commentCount,
      time(c.createdAt)
    ])
}

const ORDER_HEADER = ['记录', '单号', '订单号', '成员ID', '业务', '金额（元）', '原价（元）', '优惠（元）', '已退款（元）', '状态', '说明', '时间', '支付时间', '微信支付单号']

const orders: Source<OrderDoc> = {
  collection: COLLECTIONS.orders.name,
  at: (o) => o.createdAt,
  rows: async (_runtime, docs) =>
    docs.map((o) => [
      '订单',
      o._id,
      o._id,
      o.openid,
      o.kind ?? 'membership',
      yuan(o.amountFen),
      yuan(o.listPriceFen ?? o.amountFen),
      yuan(o.discountFen ?? 0),
      yuan(o.refundedFen),
      orderStatusText(o),
      o.closedReason ?? '',
      time(o.createdAt),
      time(o.paidAt),
      o.transactionId
    ])
}

const PURPOSE_TEXT: Record<string, string> = { host: '主理人退款', cancel: '取消报名', attendance: '到场返还', noSeat: '无座退款', closedOrder: '关单后支付', external: '商户后台退款' }

const refunds: Source<RefundDoc> = {
  collection: COLLECTIONS.refunds.name,
  at: (r) => r.createdAt,
  async rows(runtime, docs) {
    // Whose each refund is: their orders, one request for the page.
    const ids = [...new Set(docs.map((r) => r.orderId))]
    const found = ids.length ? await runtime.store.collection<OrderDoc>(COLLECTIONS.orders.name).find({ _id: { $in: ids } }, { limit: 100 }) : { items: [] }
    const byId = new Map(found.items.map((o) => [o._id, o]))
    return docs.map((r) => {
      const order = byId.get(r.orderId)
      return [
        '退款',
        r._id,
        r.orderId,
        order?.openid ?? '',
        order?.kind ?? '',
        yuan(-r.amountFen),
        '',
        '',
        '',
        REFUND_STATUS[r.status] ?? r.status,
        [PURPOSE_TEXT[r.purpose ?? ''] ?? r.purpose ?? '', r.failure ?? ''].filter(Boolean).join('；'),
        time(r.createdAt),
        '',
        ''
      ]
    })
  }
}

const points: Source<LedgerEntryDoc> = {
  collection: COLLECTIONS.ledger.name,
  at: (e) => e.createdAt,
  rows: async (_runtime, docs) => docs.map((e) => [e._id, e.openid, RULE_TEXT[e.rule] ?? e.rule, e.reason, e.points, e.growth, time(e.createdAt), e.expiresAt ? time(e.expiresAt) : '', e.remaining])
}

export const EXPORTS: Record<ExportKind, ExportDefinition> = {
  members: { header: ['成员ID', '昵称', '角色', '等级', '加入时间', '来源'], sources: [members as unknown as Source] },
  checkins: { header: ['打卡ID', '成员ID', '挑战', '日期', '第几天', '内容', '照片链接', '地点', '状态', '精选', '补卡', '点赞', '评论', '发布时间'], sources: [checkins as unknown as Source] },
  orders: { header: ORDER_HEADER, sources: [orders as unknown as Source, refunds as unknown as Source] },
  points: { header: ['流水ID', '成员ID', '类型', '说明', '积分', '成长值', '时间', '到期时间', '剩余积分'], sources: [points as unknown as Source] }
}
