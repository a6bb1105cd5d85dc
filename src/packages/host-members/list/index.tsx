import { useEffect, useMemo, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { TextInput } from '../../../components/text-input'
import Avatar from '../../../components/avatar'
import EmptyState from '../../../components/empty-state'
import PagedList from '../../../components/paged-list'
import Popup from '../../../components/popup'
import Tag from '../../../components/tag'
import { usePagedQuery } from '../../../services/use-paged-query'
import { useQuery } from '../../../services/use-query'
import { ACTIVE_LABEL, SEGMENTS, SEGMENT_LABEL, TAGS_KEY, TAG_TONE, fetchMembers, fetchTags, membersKey, tagMembers } from '../../../services/crm'
import { fetchCircles } from '../../../services/membership'
import { useSubmit } from '../../../services/use-submit'
import { HOST_JOIN_APPLICATIONS_PAGE, HOST_MEMBER_PAGE, HOST_TAGS_PAGE } from '../../../services/routes'
import type { ActiveWithin, MemberListInput, MemberRow } from '../../../../types/crm'
import type { Segment } from '../../../../types/growth'
import RowsSkeleton from '../skeleton'
import { formatChineseDate } from '../../../utils/format'
import '../styles.css'
import './index.css'

const DAY = 24 * 3600_000
type Joined = '7d' | '30d'
const JOINED_LABEL: Record<Joined, string> = { '7d': '近 7 天加入', '30d': '近 30 天加入' }
const TIERS = [1, 2, 3, 4, 5]

interface Filters {
  q: string
  segment?: Segment
  tagId?: string
  circleId?: string
  tier?: number
  joined?: Joined
  active?: ActiveWithin
}

function toInput(f: Filters, now: number): Omit<MemberListInput, 'after'> {
  return {
    ...(f.q ? { q: f.q } : {}),
    ...(f.segment ? { segment: f.segment } : {}),
    ...(f.tagId ? { tagId: f.tagId } : {}),
    ...(f.circleId ? { circleId: f.circleId } : {}),
    ...(f.tier ? { tier: f.tier } : {}),
    ...(f.joined ? { joinedFrom: now - (f.joined === '7d' ? 7 : 30) * DAY } : {}),
    ...(f.active ? { active: f.active } : {})
  }
}

export default function HostMembersPage() {
  const [filters, setFilters] = useState<Filters>({ q: '' })
  const [draft, setDraft] = useState('')
  const [selecting, setSelecting] = useState(false)
  const [selected, setSelected] = useState<string[]>([])
  const [tagging, setTagging] = useState(false)
  const [tagged, setTagged] = useState(0)
  const tags = useQuery(TAGS_KEY, fetchTags)
  const circles = useQuery('hostMembers.circles', () => fetchCircles({}))
  const toggle = <K extends keyof Filters>(key: K, value: Filters[K]) => setFilters((f) => ({ ...f, [key]: f[key] === value ? undefined : value }))
  const chip = (key: string, on: boolean, label: string, onClick: () => void, extra = '') => (
    <Text key={key} className={`hm-chip text-small ${extra} ${on ? 'hm-chip-on' : ''}`} onClick={onClick}>
      {label}
    </Text>
  )

  return (
    <View className='page hm-page'>
      <View className='hm-search-bar row'>
        <TextInput
          className='hm-search'
          value={draft}
          placeholder='搜索昵称'
          confirmType='search'
          maxlength={20}
          onValue={(value) => setDraft(value)}
          onConfirm={() => setFilters((f) => ({ ...f, q: draft.trim() }))}
        />
        <Text className='hm-search-go text-link' onClick={() => setFilters((f) => ({ ...f, q: draft.trim() }))}>
          搜索
        </Text>
      </View>
      <View className='hm-links'>
        <Text className='hm-link hm-link-tags' onClick={() => void Taro.navigateTo({ url: HOST_TAGS_PAGE })}>
          标签管理
        </Text>
        <Text className='hm-link hm-link-applications' onClick={() => void Taro.navigateTo({ url: HOST_JOIN_APPLICATIONS_PAGE })}>
          入圈审核
        </Text>
        <Text
          className={`hm-link hm-select-toggle ${selecting ? 'hm-select-toggle-on' : ''}`}
          onClick={() => {
            setSelecting((s) => !s)
            setSelected([])
          }}>
          {selecting ? '完成' : '多选'}
        </Text>
      </View>
      <View className='hm-chips'>
        {SEGMENTS.map((s) => chip(`seg-${s}`, filters.segment === s, SEGMENT_LABEL[s], () => toggle('segment', s), `hm-chip-segment hm-chip-${s}`))}
        {(Object.keys(ACTIVE_LABEL) as ActiveWithin[]).map((a) => chip(`act-${a}`, filters.active === a, ACTIVE_LABEL[a], () => toggle('active', a), `hm-chip-active hm-chip-active-${a}`))}
        {(Object.keys(JOINED_LABEL) as Joined[]).map((j) => chip(`join-${j}`, filters.joined === j, JOINED_LABEL[j], () => toggle('joined', j), 'hm-chip-joined'))}
        {TIERS.map((t) => chip(`tier-${t}`, filters.tier === t, `Lv${t}`, () => toggle('tier', t), 'hm-chip-tier'))}
        {(tags.data ?? []).map((t) => chip(`tag-${t.id}`, filters.tagId === t.id, `#${t.name}`, () => toggle('tagId', t.id), 'hm-chip-tag'))}
        {(circles.data?.items ?? []).map((c) => chip(`circle-${c.id}`, filters.circleId === c.id, c.name, () => toggle('circleId', c.id), 'hm-chip-circle'))}
      </View>
      <MemberList
        key={JSON.stringify(filters)}
        filters={filters}
        tagged={tagged}
        selecting={selecting}
        selected={selected}
        onToggle={(id) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : s.length >= 100 ? s : [...s, id]))}
      />
      {selecting ? (
        <View className='hm-batch-bar row-between'>
          <Text className='hm-batch-count text-value'>已选 {selected.length} 人</Text>
          <View className={`btn btn-primary hm-batch-tag ${selected.length === 0 ? 'btn-disabled' : ''}`} onClick={() => selected.length > 0 && setTagging(true)}>
            打标签
          </View>
        </View>
      ) : null}
      <Popup open={tagging} position='bottom' onClose={() => setTagging(false)}>
        <BatchTagSheet
          memberIds={selected}
          onDone={() => {
            setTagging(false)
            setSelected([])
            setSelecting(false)
            // The rows show the tags just given: the list is read again.
            setTagged((n) => n + 1)
          }}
        />
      </Popup>
    </View>
  )
}

function MemberList({ filters, selecting, selected, onToggle, tagged }: { filters: Filters; selecting: boolean; selected: string[]; onToggle: (id: string) => void; tagged: number }) {
  const now = useMemo(() => Date.now(), [])
  const input = toInput(filters, now)
  const list = usePagedQuery<MemberRow>(membersKey(JSON.stringify(filters)), (after) => fetchMembers({ ...input, after }))
  const { refetch } = list
  useEffect(() => {
    if (tagged > 0) void refetch()
  }, [tagged, refetch])
  const filtered = Object.keys(input).length > 0
  return (
    <PagedList
      list={list}
      className='hm-list-page'
      skeleton={<RowsSkeleton />}
      empty={<EmptyState glyph='人' title={filtered ? '没有符合条件的成员' : '还没有成员'} description={filtered ? '换个筛选条件试试' : '成员打开小程序后会出现在这里'} />}>
      {(items) => (
        <View className='card hm-rows'>
          {items.map((m) => (
            <View
              key={m.memberId}
              className='hm-row row divided'
              data-id={m.memberId}
              onClick={() => (selecting ? onToggle(m.memberId) : void Taro.navigateTo({ url: `${HOST_MEMBER_PAGE}?id=${encodeURIComponent(m.memberId)}` }))}>
              {selecting ? <Text className={`hm-row-check row ${selected.includes(m.memberId) ? 'hm-row-check-on' : ''}`}>{selected.includes(m.memberId) ? '✓' : ''}</Text> : null}
              <Avatar url={m.avatarUrl} nickname={m.nickname} size={72} />
              <View className='hm-row-main fill-col'>
                <Text className='hm-row-name text-value'>{m.nickname}</Text>
                <View className='hm-row-tags'>
                  {m.roleLabel ? <Tag tone='gold'>{m.roleLabel}</Tag> : null}
                  <Tag tone={m.segment === 'silent' ? 'grey' : 'green'}>{SEGMENT_LABEL[m.segment]}</Tag>
                  <Tag tone='blue'>Lv{m.tierLevel}</Tag>
                  {m.tags.map((t) => (
                    <Tag key={t.id} tone={TAG_TONE[t.color]}>
                      {t.name}
                    </Tag>
                  ))}
                </View>
                <Text className='hm-row-meta text-meta'>
                  {formatChineseDate(m.joinedAt)} 加入 · {m.lastActiveAt ? `最近活跃 ${formatChineseDate(m.lastActiveAt)}` : '暂无活跃'}
                </Text>
              </View>
            </View>
          ))}
        </View>
      )}
    </PagedList>
  )
}

function BatchTagSheet({ memberIds, onDone }: { memberIds: string[]; onDone: () => void }) {
  const tags = useQuery(TAGS_KEY, fetchTags)
  const [op, setOp] = useState<'add' | 'remove'>('add')
  const { busy, run } = useSubmit()
  const apply = async (tagId: string) => {
    if (busy) return
    await run(async () => {
      const { changed } = await tagMembers({ memberIds, tagId, op })
      void Taro.showToast({ title: changed > 0 ? `已更新 ${changed} 人` : '无需更新', icon: 'success' })
      onDone()
    })
  }
  return (
    <View className='hm-sheet'>
      <Text className='hm-section-title text-value'>给 {memberIds.length} 位成员打标签</Text>
      <View className='hm-ops'>
        <Text className={`hm-chip text-small hm-op-add ${op === 'add' ? 'hm-chip-on' : ''}`} onClick={() => setOp('add')}>
          添加标签
        </Text>
        <Text className={`hm-chip text-small hm-op-remove ${op === 'remove' ? 'hm-chip-on' : ''}`} onClick={() => setOp('remove')}>
          移除标签
        </Text>
      </View>
      {(tags.data ?? []).length === 0 ? <Text className='hm-muted text-meta'>还没有标签，请先在「标签管理」里创建</Text> : null}
      <View className='hm-tag-choices'>
        {(tags.data ?? []).map((t) => (
          <View key={t.id} className='hm-tag-choice' data-id={t.id} onClick={() => void apply(t.id)}>
            <Tag tone={TAG_TONE[t.color]}>{t.name}</Tag>
          </View>
        ))}
      </View>
    </View>
  )
}
