import { useEffect, useMemo, useRef, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text, ScrollView } from '@tarojs/components'
import { TextInput } from '../../../components/text-input'
import Avatar from '../../../components/avatar'
import ErrorState from '../../../components/error-state'
import Skeleton from '../../../components/skeleton'
import { ApiCallError } from '../../../services/api'
import { formatDateTime, formatPoints, adjustPoints, fetchSegments } from '../../../services/growth'
import { newRequestId } from '../../../services/request-id'
import { usePagedQuery } from '../../../services/use-paged-query'
import { useSubmit } from '../../../services/use-submit'
import type { LedgerEntryView, MemberSegmentView } from '../../../../types/growth'
import '../components/form.css'
import SectionTitle from '../components/section-title'
import RadioRow from '../../../components/radio-row'
import './index.css'

type Sign = 'grant' | 'deduct'
type Field = 'memberOpenid' | 'points' | 'reason'
const QUICK_REASONS = ['活动奖励', '线下打卡补录', '优质分享', '违规扣除']
// No answer from the server: the same request id goes out again, so it applies once.
const UNKNOWN_OUTCOME = new Set(['NETWORK', 'INTERNAL', 'RATE_LIMITED'])

interface Done {
  entry: LedgerEntryView
  nickname: string
}

export default function AdjustPage() {
  const members = usePagedQuery<MemberSegmentView>('hostGrowth.segments.all', (after) => fetchSegments({ after }))
  const [search, setSearch] = useState('')
  const [member, setMember] = useState<MemberSegmentView | null>(null)
  const [sign, setSign] = useState<Sign>('grant')
  const [points, setPoints] = useState('')
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const { busy, run } = useSubmit()
  const [done, setDone] = useState<Done[]>([])
  const requestId = useRef<string | null>(null)

  // Opened from 成员分层 with a member in mind: select them once the list is in.
  const wanted = useRouter().params.openid
  useEffect(() => {
    if (!wanted || member) return
    const found = members.items.find((m) => m.openid === wanted)
    if (found) setMember(found)
  }, [wanted, member, members.items])

  const shown = useMemo(() => {
    const q = search.trim().toLowerCase()
    return q ? members.items.filter((m) => m.nickname.toLowerCase().includes(q)) : members.items
  }, [members.items, search])

  // Any change makes it a different adjustment, with its own request id.
  const edit = (field: Field, apply: () => void) => {
    apply()
    requestId.current = null
    setErrors((e) => ({ ...e, [field]: undefined }))
  }

  const amount = Number(points)
  const validAmount = /^\d+$/.test(points.trim()) && amount >= 1 && amount <= 1_000_000

  const submit = async () => {
    if (busy) return
    const found: Partial<Record<Field, string>> = {}
    if (!member) found.memberOpenid = '请选择成员'
    if (!validAmount) found.points = '请填写 1–1,000,000 之间的整数'
    const why = reason.trim()
    if (!why) found.reason = '请填写调整原因，成员会看到'
    else if (Array.from(why).length > 100) found.reason = '原因最多 100 个字'
    setErrors(found)
    if (Object.keys(found).length > 0 || !member) return

    const id = (requestId.current ??= newRequestId('adj'))
    await run(
      async () => {
        const entry = await adjustPoints({ memberOpenid: member.openid, points: sign === 'grant' ? amount : -amount, reason: why, requestId: id })
        requestId.current = null
        setDone((d) => [{ entry, nickname: member.nickname }, ...d])
        setPoints('')
        setReason('')
        void Taro.showToast({ title: sign === 'grant' ? '积分已发放' : '积分已扣除', icon: 'success', duration: 1500 })
      },
      (err) => {
        if (!(err instanceof ApiCallError) || !UNKNOWN_OUTCOME.has(err.code)) requestId.current = null
        if (err instanceof ApiCallError && err.code === 'INVALID_INPUT' && err.field) setErrors({ [err.field as Field]: err.message })
      }
    )
  }

  return (
    <View className='page hg-adjust'>
      <SectionTitle title='选择成员' hint={member ? `已选：${member.nickname}` : undefined} />
      <View className={`card hg-adjust-members ${errors.memberOpenid ? 'hg-adjust-invalid' : ''}`}>
        <View className='hg-adjust-search'>
          <TextInput className='hg-adjust-search-input' value={search} placeholder='搜索昵称' placeholderClass='hg-placeholder' onValue={(value) => setSearch(value)} />
        </View>
        {members.loading ? <MemberSkeleton /> : null}
        {members.error ? <ErrorState error={members.error} onRetry={members.refetch} /> : null}
        {!members.loading && !members.error ? (
          <ScrollView
            scrollY
            className='hg-adjust-list'
            onScrollToLower={() => {
              void members.loadMore()
            }}>
            {shown.map((m) => (
              <RadioRow
                key={m.openid}
                on={member?.openid === m.openid}
                mark='end'
                className={`hg-adjust-member row divided ${member?.openid === m.openid ? 'hg-adjust-member-on' : ''}`}
                data={{ openid: m.openid }}
                onSelect={() => edit('memberOpenid', () => setMember(m))}>
                <Avatar url={m.avatarUrl} nickname={m.nickname} size={64} />
                <View className='hg-adjust-member-text fill-col'>
                  <Text className='hg-adjust-member-name text-body'>{m.nickname}</Text>
                  <Text className='hg-adjust-member-meta text-faint'>
                    Lv{m.tierLevel} · 成长值 {formatPoints(m.growth)}
                  </Text>
                </View>
              </RadioRow>
            ))}
            {shown.length === 0 ? <Text className='hg-adjust-none'>{search.trim() ? '没有匹配的成员' : '还没有成员获得过积分'}</Text> : null}
          </ScrollView>
        ) : null}
      </View>
      {errors.memberOpenid ? <Text className='hg-error-line text-error hg-adjust-error'>{errors.memberOpenid}</Text> : null}

      <View className='card hg-form'>
        <View className='hg-row row divided'>
          <Text className='hg-row-label text-body'>方式</Text>
          <View className='hg-chips hg-adjust-sign'>
            <Text className={`hg-chip text-label sign-grant ${sign === 'grant' ? 'hg-chip-on' : ''}`} onClick={() => edit('points', () => setSign('grant'))}>
              ＋ 增加
            </Text>
            <Text className={`hg-chip text-label sign-deduct ${sign === 'deduct' ? 'hg-chip-on hg-chip-deduct' : ''}`} onClick={() => edit('points', () => setSign('deduct'))}>
              － 扣除
            </Text>
          </View>
        </View>
        <View className={`hg-row row divided ${errors.points ? 'hg-row-invalid' : ''}`}>
          <Text className='hg-row-label text-body'>积分</Text>
          <TextInput
            className='hg-row-input field-points'
            type='number'
            value={points}
            maxlength={7}
            placeholder='调整多少积分'
            placeholderClass='hg-placeholder'
            onValue={(value) => edit('points', () => setPoints(value))}
          />
        </View>
        {errors.points ? <Text className='hg-row-error text-error'>{errors.points}</Text> : null}
        <View className={`hg-row row divided ${errors.reason ? 'hg-row-invalid' : ''}`}>
          <Text className='hg-row-label text-body'>原因</Text>
          <TextInput
            className='hg-row-input field-reason'
            value={reason}
            maxlength={100}
            placeholder='成员会在积分明细里看到'
            placeholderClass='hg-placeholder'
            onValue={(value) => edit('reason', () => setReason(value))}
          />
        </View>
        {errors.reason ? <Text className='hg-row-error text-error'>{errors.reason}</Text> : null}
        <View className='hg-adjust-quick'>
          {QUICK_REASONS.map((r) => (
            <Text key={r} className='hg-adjust-quick-chip text-small' onClick={() => edit('reason', () => setReason(r))}>
              {r}
            </Text>
          ))}
        </View>
      </View>

      <View
        className={`btn btn-primary hg-adjust-submit ${sign === 'deduct' ? 'hg-adjust-submit-deduct' : ''} ${busy ? 'btn-disabled' : ''}`}
        onClick={() => {
          void submit()
        }}>
        {busy ? '提交中…' : `确认${sign === 'grant' ? '增加' : '扣除'}${validAmount ? ` ${formatPoints(amount)} ` : ''}积分`}
      </View>

      {done.length > 0 ? (
        <View className='card hg-adjust-done'>
          <Text className='hg-adjust-done-title text-desc'>本次已调整</Text>
          {done.map(({ entry, nickname }) => (
            <View key={entry.id} className='hg-adjust-done-row row divided'>
              <View className='hg-adjust-done-text fill-col'>
                <Text>{nickname}</Text>
                <Text className='hg-adjust-done-meta text-faint'>
                  {entry.reason} · {formatDateTime(entry.createdAt)}
                </Text>
              </View>
              <Text className={entry.points > 0 ? 'hg-plus' : 'hg-minus'}>
                {entry.points > 0 ? '+' : '−'}
                {formatPoints(Math.abs(entry.points))}
              </Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  )
}

function MemberSkeleton() {
  return (
    <View>
      {[0, 1, 2].map((i) => (
        <View key={i} className='hg-adjust-member row divided'>
          <Skeleton width={64} height={64} round />
          <View className='hg-adjust-member-text fill-col'>
            <Skeleton width={180} height={28} />
          </View>
        </View>
      ))}
    </View>
  )
}
