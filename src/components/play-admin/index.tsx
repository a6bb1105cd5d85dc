import { Fragment, useEffect, useState } from 'react'
import type { ReactNode } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Button } from '@tarojs/components'
import EmptyState from '../empty-state'
import { InputField } from '../form-field'
import PagedList from '../paged-list'
import RadioRow from '../radio-row'
import Segmented from '../segmented'
import Skeleton from '../skeleton'
import Tag from '../tag'
import type { Tone } from '../tag'
import { showError } from '../../services/show-error'
import { useSubmit } from '../../services/use-submit'
import { usePagedQuery } from '../../services/use-paged-query'
import { useQuery } from '../../services/use-query'
import type { Page } from '../../../types/page'
import './index.css'

// The host console of a growth play (秒杀, 拼团, 砍价, 助力, 礼品卡): the page of
// campaigns under a create form, the picker of what the play is about, the
// campaign card (status, pause/resume, measures, log). Each page keeps its own
// fields and lines; these are the parts they all had.

export { SALE_TYPES, eventCandidates, mallCandidates, planCandidates, saleCandidates } from './targets'
export type { Candidate, EventTarget, MallTarget, PlanTarget, SaleTarget } from './targets'

/** What a campaign's card shows; HostPlayList adds its id, paused state, class and the refetch after a change. */
export type PlayCardSpec = Omit<PlayCardProps, 'className' | 'id' | 'paused' | 'onChanged'>

/**
 * The page: the create form on top, then the campaigns as PlayCards (skeleton, error, empty as PagedList does).
 * A created or paused campaign refetches the list.
 */
export function HostPlayList<T extends { id: string; paused: boolean }>(props: {
  queryKey: string
  fetchPage: (after: string | null) => Promise<Page<T>>
  className: string
  cardClassName: string
  form: (onCreated: () => void) => ReactNode
  empty: { glyph: string; title: string; description: string }
  card: (item: T) => PlayCardSpec
}) {
  const { className, empty } = props
  const list = usePagedQuery<T>(props.queryKey, props.fetchPage)
  const refetch = () => void list.refetch()
  return (
    <PagedList
      list={list}
      className={className}
      header={props.form(refetch)}
      skeleton={
        <View className={`page ${className}`} aria-busy>
          {[0, 1].map((i) => (
            <View key={i} className='card'>
              <Skeleton width='100%' height={140} />
            </View>
          ))}
        </View>
      }
      empty={<EmptyState glyph={empty.glyph} title={empty.title} description={empty.description} />}>
      {(items) => items.map((item) => <PlayCard key={item.id} className={props.cardClassName} id={item.id} paused={item.paused} onChanged={refetch} {...props.card(item)} />)}
    </PagedList>
  )
}

/** The campaign's title, optional: the share card and the lists show it; left empty, the server's default names the item (or the reward). */
export function PlayTitleField(props: { className: string; value: string; onValue: (value: string) => void; placeholder: string; fallback?: string }) {
  return (
    <InputField
      label='标题'
      hint={`分享卡片和列表上显示，留空用${props.fallback ?? '商品名'}`}
      name={props.className}
      value={props.value}
      maxlength={30}
      placeholder={props.placeholder}
      onValue={props.onValue}
    />
  )
}

/**
 * The typed-in fields of a create form (title, price, counts) as typed, each bound to its input by field(name);
 * published() puts them back as they started and refetches the list (the Segmented choices keep theirs).
 */
export function usePlayFields<K extends string>(initial: Record<K, string>, onCreated: () => void) {
  const [values, setValues] = useState(initial)
  return {
    values,
    field: (key: K) => ({ value: values[key], onValue: (value: string) => setValues((now) => ({ ...now, [key]: value })) }),
    published: () => {
      setValues(initial)
      onCreated()
    }
  }
}

/** The create form's card: title, the page's fields, and the publish button (busy, toast, error shown). */
export function PlayForm(props: {
  className: string
  title: string
  /** e.g. 发布秒杀. */
  submitLabel: string
  /** Checks the fields (a toast and undefined when one is missing) or returns the create call. */
  publish: () => Promise<unknown> | undefined
  /** After a publish went through: clear fields, refetch the list. */
  onPublished: () => void
  children: ReactNode
}) {
  const [sending, setSending] = useState(false)
  const submit = async () => {
    if (sending) return
    const call = props.publish()
    if (!call) return
    setSending(true)
    try {
      await call
      void Taro.showToast({ title: '已发布', icon: 'success' })
      props.onPublished()
    } catch (err) {
      showError(err)
    } finally {
      setSending(false)
    }
  }
  return (
    <View className={`card ${props.className}`}>
      <Text className='pa-form-title text-title'>{props.title}</Text>
      {props.children}
      <Button className={`btn btn-primary pa-submit ${sending ? 'btn-disabled' : ''}`} disabled={sending || undefined} onClick={() => void submit()}>
        {sending ? '发布中…' : props.submitLabel}
      </Button>
    </View>
  )
}

export interface TargetChoice<K extends string, C extends { key: string }> {
  type: K
  setType: (type: K) => void
  candidates: { data?: C[]; loading: boolean }
  picked: string | null
  setPicked: (key: string | null) => void
  /** The picked candidate, or null. */
  chosen: C | null
}

/** The state of a target picker: the kind (套餐/活动/商品…), its candidates, the one picked. */
export function useTargetChoice<K extends string, C extends { key: string }>(queryPrefix: string, first: NoInfer<K>, load: (type: K) => Promise<C[]>): TargetChoice<K, C> {
  const [type, setTypeState] = useState<K>(first)
  const candidates = useQuery<C[]>(`${queryPrefix}.candidates.${type}`, () => load(type))
  const [picked, setPicked] = useState<string | null>(null)
  const setType = (next: K) => {
    setTypeState(next)
    setPicked(null)
  }
  return { type, setType, candidates, picked, setPicked, chosen: candidates.data?.find((c) => c.key === picked) ?? null }
}

/** The kinds as tabs and the candidates of the kind as radio rows (name, detail). */
export function TargetPicker<K extends string, C extends { key: string; name: string; detail: string }>(props: {
  choice: TargetChoice<K, C>
  types: ReadonlyArray<{ value: K; label: string }>
  /** The empty line: 没有可以{verb}的{kind}. */
  verb: string
}) {
  const { choice, types, verb } = props
  const { candidates } = choice
  return (
    <View className='pa-picker'>
      <Segmented className='pa-types' options={types} value={choice.type} onChange={choice.setType} />
      <View className='pa-candidates col'>
        {candidates.loading ? <Skeleton width='100%' height={80} /> : null}
        {candidates.data && candidates.data.length === 0 ? (
          <Text className='muted'>
            没有可以{verb}的{types.find((t) => t.value === choice.type)!.label}
          </Text>
        ) : null}
        {(candidates.data ?? []).map((c) => (
          <RadioRow key={c.key} on={choice.picked === c.key} onSelect={() => choice.setPicked(c.key)} className='pa-candidate' data={{ key: c.key }}>
            <View className='pa-candidate-body col'>
              <Text className='pa-candidate-name text-value'>{c.name}</Text>
              <Text className='pa-candidate-detail text-note'>{c.detail}</Text>
            </View>
          </RadioRow>
        ))}
      </View>
    </View>
  )
}

export type Measure = readonly [label: string, value: string | number]

/** The numbers of a campaign: value over label, in one row (wrap: four to a row). */
export function MeasureGrid({ measures, wrap }: { measures: readonly Measure[]; wrap?: boolean }) {
  return (
    <View className={`pa-measures ${wrap ? 'pa-measures-wrap' : ''}`}>
      {measures.map(([label, value]) => (
        <View key={label} className='pa-measure col' data-measure={label}>
          <Text className='pa-measure-value text-title'>{value}</Text>
          <Text className='pa-measure-label text-note'>{label}</Text>
        </View>
      ))}
    </View>
  )
}

interface PlayCardProps {
  className: string
  id: string
  tag: { tone: Tone; label: string }
  kind: string
  title: string
  onOpen?: () => void
  /** The terms in one line (item · price · time…). */
  line: ReactNode
  measures: readonly Measure[]
  paused: boolean
  /** No pause button once the campaign has ended. */
  ended?: boolean
  /** Pause (true) or resume (false). */
  onPause: (paused: boolean) => Promise<unknown>
  onChanged: () => void
  /** 暂停/恢复 unless told otherwise (暂停开团). */
  pauseLabels?: readonly [pause: string, resume: string]
  /** The log under the card, behind a toggle: its button and the log itself. */
  log?: { label: string; render: () => ReactNode }
}

/** A campaign on the host page: status tag and kind, title, its terms, measures, pause/resume and an optional log. */
export function PlayCard(props: PlayCardProps) {
  const { busy, run } = useSubmit()
  const [showLog, setShowLog] = useState(false)
  const [pauseLabel, resumeLabel] = props.pauseLabels ?? ['暂停', '恢复']
  const toggle = async () => {
    if (busy) return
    await run(async () => {
      await props.onPause(!props.paused)
      props.onChanged()
    })
  }
  return (
    <View className={`card pa-card ${props.className}`} data-id={props.id}>
      <View className='pa-card-head row-between'>
        <Tag tone={props.tag.tone}>{props.tag.label}</Tag>
        <Text className='pa-card-kind text-note'>{props.kind}</Text>
      </View>
      <Text className='pa-card-title text-title' onClick={props.onOpen}>
        {props.title}
      </Text>
      <Text className='pa-card-line text-soft'>{props.line}</Text>
      <MeasureGrid measures={props.measures} />
      <View className='pa-actions row'>
        {props.ended ? null : (
          <Button className={`btn btn-small btn-ghost pa-pause ${busy ? 'btn-disabled' : ''}`} disabled={busy || undefined} onClick={() => void toggle()}>
            {props.paused ? resumeLabel : pauseLabel}
          </Button>
        )}
        {props.log ? (
          <Button className='btn btn-small btn-ghost pa-log-toggle' onClick={() => setShowLog(!showLog)}>
            {showLog ? '收起记录' : props.log.label}
          </Button>
        ) : null}
      </View>
      {showLog && props.log ? props.log.render() : null}
    </View>
  )
}

/** One line of a log: an optional tag, what happened, when (or a note) on the right, and a detail under it. */
export function LogRow(props: { text: ReactNode; meta?: ReactNode; tag?: { tone: Tone; label: string }; detail?: ReactNode; highlight?: boolean }) {
  return (
    <View className='pa-log-row col divided'>
      <View className='pa-log-head row'>
        {props.tag ? <Tag tone={props.tag.tone}>{props.tag.label}</Tag> : null}
        <Text className='pa-log-text'>{props.text}</Text>
        {props.meta !== undefined ? <Text className={`pa-log-meta text-note ${props.highlight ? 'pa-log-new' : ''}`}>{props.meta}</Text> : null}
      </View>
      {props.detail !== undefined ? <Text className='pa-log-detail text-soft'>{props.detail}</Text> : null}
    </View>
  )
}

/** A paged log, fetched afresh when shown: its rows, 更多记录 while there are more, or the empty line. */
export function PlayLog<T extends { id: string }>(props: { queryKey: string; fetchPage: (after: string | null) => Promise<Page<T>>; empty: string; row: (item: T) => ReactNode }) {
  const list = usePagedQuery<T>(props.queryKey, props.fetchPage)
  useEffect(() => {
    void list.refetch()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per log shown
  }, [props.queryKey])
  if (list.loading) return <Skeleton width='100%' height={80} />
  if (list.items.length === 0) return <Text className='muted pa-log-empty'>{props.empty}</Text>
  return (
    <View className='pa-log'>
      {list.items.map((item) => (
        <Fragment key={item.id}>{props.row(item)}</Fragment>
      ))}
      {list.hasMore ? (
        <Button className='btn btn-small btn-ghost pa-log-more' disabled={list.loadingMore || undefined} onClick={() => void list.loadMore()}>
          {list.loadingMore ? '加载中…' : '更多记录'}
        </Button>
      ) : null}
    </View>
  )
}
