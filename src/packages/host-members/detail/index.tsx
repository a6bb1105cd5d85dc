import { useState, type ReactNode } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { TextArea } from '../../../components/text-input'
import Avatar from '../../../components/avatar'
import ConfirmDialog from '../../../components/confirm-dialog'
import { ErrorPage } from '../../../components/error-state'
import Tag from '../../../components/tag'
import { usePullDownRefetch, useQuery } from '../../../services/use-query'
import { REFUND_POLICY, SEGMENTS, SEGMENT_LABEL, TAG_TONE, addMemberNote, fetchMemberDetail, memberKey, removeFromCircle, setMemberSegment } from '../../../services/crm'
import { showError } from '../../../services/show-error'
import { formatChineseDate, formatChineseDateTime, formatFen } from '../../../utils/format'
import type { MemberCircleRow, MemberDetail, RefundChoice } from '../../../../types/crm'
import type { Segment } from '../../../../types/growth'
import RowsSkeleton from '../skeleton'
import '../styles.css'
import './index.css'

const day = formatChineseDate
const CIRCLE_STATUS: Record<MemberCircleRow['status'], string> = { active: '会员中', trial: '试用中', ended: '已结束', blocked: '已拉黑' }

/** A card of the member's page: its heading, then what it lists, or a grey line when there is nothing. */
function Section({ title, empty, children }: { title: string; empty?: string | null; children: ReactNode }) {
  return (
    <View className='card'>
      <Text className='hm-section-title text-value'>{title}</Text>
      {empty ? <Muted>{empty}</Muted> : null}
      {children}
    </View>
  )
}

/** One line of a section: what on the left, its figure on the right. */
function Line({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className='hm-line text-soft'>
      <Text>{label}</Text>
      <Text>{children}</Text>
    </View>
  )
}

function Muted({ children }: { children: ReactNode }) {
  return <Text className='hm-muted text-meta'>{children}</Text>
}

export default function HostMemberPage() {
  const router = useRouter()
  const memberId = decodeURIComponent(router.params.id ?? '')
  const detail = useQuery(memberKey(memberId), () => fetchMemberDetail(memberId))
  usePullDownRefetch(detail.refetch)
  if (detail.loading) return <RowsSkeleton rows={5} />
  if (detail.error || !detail.data) return <ErrorPage error={detail.error} onRetry={detail.refetch} />
  return <MemberView detail={detail.data} refetch={detail.refetch} />
}

function MemberView({ detail, refetch }: { detail: MemberDetail; refetch: () => Promise<void> }) {
  const { member } = detail
  const [removing, setRemoving] = useState<MemberCircleRow | null>(null)
  const override = async (segment: Segment | null) => {
    try {
      await setMemberSegment(member.memberId, segment)
      await refetch()
    } catch (err) {
      showError(err)
    }
  }
  return (
    <View className='page hd-page'>
      <View className='card hd-head row'>
        <Avatar url={member.avatarUrl} nickname={member.nickname} size={112} />
        <View className='hm-row-main fill-col'>
          <Text className='hm-row-name text-value'>{member.nickname}</Text>
          <View className='hm-row-tags'>
            {member.roleLabel ? <Tag tone='gold'>{member.roleLabel}</Tag> : null}
            <Tag tone='blue'>Lv{member.tierLevel}</Tag>
            {member.tags.map((t) => (
              <Tag key={t.id} tone={TAG_TONE[t.color]}>
                {t.name}
              </Tag>
            ))}
          </View>
          <Text className='hm-row-meta text-meta'>
            {day(member.joinedAt)} 加入 · {member.lastActiveAt ? `最近活跃 ${day(member.lastActiveAt)}` : '暂无活跃'}
          </Text>
        </View>
      </View>

      <Section title='成长'>
        <Line label='积分'>{detail.points}</Line>
        <Line label='成长值'>{detail.growth}</Line>
        <Line label='分层'>
          {SEGMENT_LABEL[member.segment]}
          {member.segmentOverride ? '（手动）' : '（自动）'}
        </Line>
        <View className='hd-segments'>
          {SEGMENTS.map((s) => (
            <Text key={s} className={`hm-chip text-small hd-segment hd-segment-${s} ${member.segmentOverride === s ? 'hm-chip-on' : ''}`} onClick={() => void override(s)}>
              {SEGMENT_LABEL[s]}
            </Text>
          ))}
          <Text className={`hm-chip text-small hd-segment-auto ${member.segmentOverride === null ? 'hm-chip-on' : ''}`} onClick={() => void override(null)}>
            自动
          </Text>
        </View>
      </Section>

      <Section title='邀请'>
        <Line label='邀请人'>{detail.invitedBy ? detail.invitedBy.nickname : '无'}</Line>
        <Line label='邀请了'>{detail.invitees.count} 人</Line>
        {detail.invitees.first.map((i) => (
          <Muted key={i.memberId}>
            {i.nickname} · {day(i.joinedAt)}
          </Muted>
        ))}
      </Section>

      <Section title={`打卡 · 共 ${detail.checkins.total} 次`} empty={detail.checkins.challenges.length === 0 ? '还没有参加挑战' : null}>
        {detail.checkins.challenges.map((c) => (
          <Line key={c.challengeId} label={c.title}>
            {c.checkins} 次 · 连续 {c.currentStreak} 天 · 最长 {c.bestStreak} 天
          </Line>
        ))}
      </Section>

      <Section title='圈子' empty={detail.circles.length === 0 ? '没有加入圈子' : null}>
        {detail.circles.map((c) => (
          <View key={c.circleId} className='hm-line text-soft'>
            <Text>
              {c.circleName} · {CIRCLE_STATUS[c.status]}
            </Text>
            {c.status === 'active' || c.status === 'trial' ? (
              <Text className='hd-remove' onClick={() => setRemoving(c)}>
                移出圈子
              </Text>
            ) : null}
          </View>
        ))}
      </Section>

      <Section title={`订单 · 实付 ${formatFen(detail.orders.paidFen)}`} empty={detail.orders.recent.length === 0 ? '还没有订单' : null}>
        {detail.orders.refundedFen > 0 ? <Muted>已退款 {formatFen(detail.orders.refundedFen)}</Muted> : null}
        {detail.orders.recent.map((o) => (
          <Line key={o.id} label={o.title}>
            {formatFen(o.amountFen)}
            {o.refundedFen > 0 ? ` · 退 ${formatFen(o.refundedFen)}` : ''}
          </Line>
        ))}
      </Section>

      <Section title='活动' empty={detail.events.length === 0 ? '还没有报名活动' : null}>
        {detail.events.map((e) => (
          <Line key={e.eventId} label={e.title}>
            {e.startAt ? day(e.startAt) : ''}
          </Line>
        ))}
      </Section>

      <Notes detail={detail} refetch={refetch} />

      {removing ? <RemoveDialog memberId={member.memberId} circle={removing} onClose={() => setRemoving(null)} onDone={() => void refetch()} /> : null}
    </View>
  )
}

function Notes({ detail, refetch }: { detail: MemberDetail; refetch: () => Promise<void> }) {
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)
  const save = async () => {
    if (busy || !text.trim()) return
    setBusy(true)
    try {
      await addMemberNote(detail.member.memberId, text.trim())
      setText('')
      void Taro.showToast({ title: '已添加备注', icon: 'success' })
      await refetch()
    } catch (err) {
      showError(err)
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='card hd-notes'>
      <Text className='hm-section-title text-value'>备注</Text>
      <TextArea className='hd-note-input hm-note-input' value={text} maxlength={500} placeholder='添加备注（仅主理人和管理员可见）' onValue={(value) => setText(value)} />
      <View className={`btn btn-primary hm-note-save ${busy || !text.trim() ? 'btn-disabled' : ''}`} onClick={() => void save()}>
        {busy ? '保存中…' : '添加备注'}
      </View>
      {detail.notes.length === 0 ? <Muted>还没有备注</Muted> : null}
      {detail.notes.map((n) => (
        <View key={n.id} className='hd-note col'>
          <Text className='hd-note-text text-value'>{n.text}</Text>
          <Muted>
            {n.authorName} · {formatChineseDateTime(n.createdAt)}
          </Muted>
        </View>
      ))}
    </View>
  )
}

function RemoveDialog({ memberId, circle, onClose, onDone }: { memberId: string; circle: MemberCircleRow; onClose: () => void; onDone: () => void }) {
  const [refund, setRefund] = useState<RefundChoice>(circle.source === 'paid' ? 'prorated' : 'none')
  const [block, setBlock] = useState(false)
  const [busy, setBusy] = useState(false)
  const confirm = async () => {
    setBusy(true)
    try {
      const result = await removeFromCircle({ memberId, circleId: circle.circleId, block, refund })
      void Taro.showToast({ title: result.refundedFen > 0 ? `已移出，退款 ${formatFen(result.refundedFen)}` : '已移出', icon: 'none' })
      onClose()
      onDone()
    } catch (err) {
      showError(err)
    } finally {
      setBusy(false)
    }
  }
  const choices: RefundChoice[] = circle.source === 'paid' ? ['none', 'prorated', 'full'] : ['none']
  return (
    <ConfirmDialog
      title={`将成员移出「${circle.circleName}」`}
      confirmText='确认移出'
      busyText='处理中…'
      busy={busy}
      danger
      onConfirm={() => void confirm()}
      onCancel={onClose}
      className='hd-remove-dialog'>
      <View className='hd-refund-choices'>
        {choices.map((c) => (
          <Text key={c} className={`hm-chip text-small hd-refund hd-refund-${c} ${refund === c ? 'hm-chip-on' : ''}`} onClick={() => setRefund(c)}>
            {c === 'none' ? '不退款' : c === 'prorated' ? '按剩余天数' : '全额退款'}
          </Text>
        ))}
      </View>
      <Text className='hd-policy text-soft'>{REFUND_POLICY[refund]}</Text>
      <Text className={`hm-chip text-small hd-block ${block ? 'hm-chip-on' : ''}`} onClick={() => setBlock((b) => !b)}>
        {block ? '✓ ' : ''}同时拉黑：不能再加入或购买此圈子
      </Text>
    </ConfirmDialog>
  )
}
