import { useState, type ReactNode } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { TextInput } from '../text-input'
import EmptyState from '../empty-state'
import { ErrorCard } from '../error-state'
import PagedList from '../paged-list'
import FormField from '../form-field'
import ProgressBar from '../progress-bar'
import Skeleton from '../skeleton'
import Tag, { type Tone } from '../tag'
import { ApiCallError } from '../../services/api'
import { showError, useRefreshErrorToast } from '../../services/show-error'
import { openPayment } from '../../services/payment'
import type { PagedQuery } from '../../services/use-paged-query'
import { setQueryData, usePullDownRefetch, useQuery, type QueryState } from '../../services/use-query'
import { formatFen } from '../../utils/format'
import type { ClientPaymentView } from '../../../types/membership'
import type { ShippingAddress } from '../../../types/growth'
import './index.css'

/**
 * The shared parts of the growth plays' member pages (秒杀, 拼团, 砍价, 助力, 礼品卡). Each play keeps its own content
 * (seats, cutters, helpers, countdown, address form) in its page; these give the frame around it one look.
 */

export interface PlayQuery<T> extends QueryState<T> {
  /** 重试 on the error card: fetch again, or back to the play's list when the page was opened without an id. */
  retry: () => void
}

/**
 * One play object by the id in the route: pull-to-refresh, a refetch when the page shows again (back from paying or
 * sharing, things may have moved), and a toast when a refresh fails while the page still shows the last answer.
 */
export function usePlayQuery<T>(id: string, options: { key: (id: string) => string; fetch: (id: string) => Promise<T>; missing: string; listUrl: string }): PlayQuery<T> {
  const query = useQuery<T>(options.key(id || 'none'), () => (id ? options.fetch(id) : Promise.reject(new ApiCallError('NOT_FOUND', options.missing))))
  usePullDownRefetch(query.refetch)
  useDidShow(() => {
    if (id) void query.refetch()
  })
  useRefreshErrorToast(query.error, query.data)
  const retry = () => {
    if (id) void query.refetch()
    else void Taro.redirectTo({ url: options.listUrl })
  }
  return { ...query, retry }
}

/** The page around a play query: the skeleton while loading, the error card with 重试, else the play's own content. */
export function PlayQueryPage<T>({ query, className, skeletonHeight, children }: { query: PlayQuery<T>; className?: string; skeletonHeight?: number; children: (data: T) => ReactNode }) {
  if (query.loading) {
    return (
      <View className={`page play-page ${className ?? ''}`} aria-busy>
        <View className='card'>
          {skeletonHeight ? null : <Skeleton width='60%' height={40} />}
          <Skeleton width='100%' height={skeletonHeight ?? 160} />
        </View>
      </View>
    )
  }
  if (query.data === undefined) {
    return (
      <View className={`page play-page ${className ?? ''}`}>
        <ErrorCard error={query.error} onRetry={query.retry} />
      </View>
    )
  }
  return <>{children(query.data)}</>
}

/** The skeleton of a play's list (PagedList's skeleton): a few grey cards. */
export function PlayListSkeleton({ cards = 3, height = 120, className }: { cards?: number; height?: number; className?: string }) {
  return (
    <View className={`page play-page ${className ?? ''}`} aria-busy>
      {Array.from({ length: cards }, (_, i) => (
        <View key={i} className='card'>
          <Skeleton width='100%' height={height} />
        </View>
      ))}
    </View>
  )
}

/**
 * The head of a play card (in a list or as the page's hero): the status tag with the kind beside it (or a lead, such
 * as the owner, before it), the title, a subtitle, and the price with the struck list price.
 */
export function PlayHeader(props: {
  /** The status tag, as PlayCard's and LogRow's. */
  tag: { tone: Tone; label: string }
  kind?: ReactNode
  lead?: ReactNode
  title?: string
  hero?: boolean
  subtitle?: ReactNode
  subtitleClassName?: string
  price?: { fen: number; listFen?: number; label?: string }
}) {
  const { kind, lead, title, hero, subtitle, subtitleClassName, price } = props
  const tag = <Tag tone={props.tag.tone}>{props.tag.label}</Tag>
  return (
    <>
      <View className='play-head row-between'>
        {lead ?? tag}
        {lead ? tag : typeof kind === 'string' ? <Text className='play-kind text-note'>{kind}</Text> : (kind ?? null)}
      </View>
      {title ? <Text className={`play-title text-title ${hero ? 'play-title-hero' : ''}`}>{title}</Text> : null}
      {subtitle ? <Text className={subtitleClassName ?? 'play-item'}>{subtitle}</Text> : null}
      {price ? (
        <View className='play-price-row'>
          {price.label ? <Text className='play-price-label text-error'>{price.label}</Text> : null}
          <Text className={`play-price ${hero ? 'play-price-big' : ''}`}>{formatFen(price.fen)}</Text>
          {price.listFen !== undefined && price.listFen > price.fen ? <Text className='play-list-price text-quiet'>{formatFen(price.listFen)}</Text> : null}
        </View>
      ) : null}
    </>
  )
}

/** How far the play has got: a red bar (when there is a percent) and the line under it. */
export function PlayProgress({ label, percent, text }: { label: string; percent?: number; text?: ReactNode }) {
  return (
    <>
      {percent !== undefined ? (
        <View className='play-progress' aria-label={label}>
          <ProgressBar percent={percent} />
        </View>
      ) : null}
      {text ? <Text className='play-progress-text'>{text}</Text> : null}
    </>
  )
}

/** The 规则 card: one line a rule. */
export function PlayRules({ lines, className }: { lines: ReactNode[]; className?: string }) {
  return (
    <View className={`card play-rules ${className ?? ''}`}>
      <Text className='play-section-title text-value'>规则</Text>
      {lines.map((line, i) => (
        <Text key={i} className='play-rules-line text-soft'>
          {line}
        </Text>
      ))}
    </View>
  )
}

/** The bar fixed at the bottom: a ghost side button (btn play-bar-side) and the main one (btn play-bar-main). */
export function PlayActionBar({ children }: { children: ReactNode }) {
  return <View className='play-bar row'>{children}</View>
}

/**
 * A play's button that calls the server: one call at a time (busy), a failure shown as a toast, and the page fetched
 * again afterwards whatever happened (the stock, the seats or the cuts may have moved meanwhile).
 */
export function usePlayAction(refetch: () => Promise<void>): { busy: boolean; run: (task: () => Promise<void>) => Promise<void> } {
  const [busy, setBusy] = useState(false)
  const run = async (task: () => Promise<void>) => {
    if (busy) return
    setBusy(true)
    try {
      await task()
    } catch (err) {
      showError(err)
    } finally {
      setBusy(false)
      void refetch()
    }
  }
  return { busy, run }
}

const POLL_EVERY_MS = 1500
const POLL_TIMES = 8

/**
 * The pay sheet of a play's order, then its outcome: paid → wait for the payment notify (it may land a moment after the
 * sheet closes) and say so; not paid → say how long the place is kept.
 */
export async function payPlayOrder<T>(payment: ClientPaymentView, options: { key: string; fetch: () => Promise<T>; paid: (view: T) => boolean; success: string; unpaid: string }): Promise<void> {
  const outcome = await openPayment(payment)
  if (outcome === 'paid') {
    const done = await pollUntil(options)
    void Taro.showToast({ title: done ? options.success : '支付结果确认中，请稍后刷新', icon: done ? 'success' : 'none', duration: 2000 })
  } else if (outcome === 'cancelled' || outcome === 'failed') {
    void Taro.showToast({ title: options.unpaid, icon: 'none', duration: 2500 })
  }
}

async function pollUntil<T>({ key, fetch, paid }: { key: string; fetch: () => Promise<T>; paid: (view: T) => boolean }): Promise<boolean> {
  for (let i = 0; i < POLL_TIMES; i++) {
    try {
      const view = await fetch()
      setQueryData(key, view)
      if (paid(view)) return true
    } catch {
      // keep trying: the member has paid, a lost answer must not read as a failure
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_EVERY_MS))
  }
  return false
}

export const EMPTY_ADDRESS: ShippingAddress = { name: '', phone: '', address: '' }

/** A physical item's address is complete (the server checks it again); else a toast says what is missing. */
export function addressReady(address: ShippingAddress): boolean {
  if (address.name.trim() && /^1\d{10}$/.test(address.phone) && address.address.trim().length >= 5) return true
  void Taro.showToast({ title: '请填写收货人、11 位手机号和收货地址', icon: 'none' })
  return false
}

/** 收货人 / 手机号 / 地址 for a play whose item is shipped. */
export function PlayAddress({ value, onChange }: { value: ShippingAddress; onChange: (value: ShippingAddress) => void }) {
  return (
    <View className='card play-address'>
      <FormField label='收货人'>
        <TextInput className='form-field-input' value={value.name} maxlength={20} placeholder='姓名' onValue={(v) => onChange({ ...value, name: v })} />
      </FormField>
      <FormField label='手机号'>
        <TextInput className='form-field-input' type='number' value={value.phone} maxlength={11} placeholder='11 位手机号' onValue={(v) => onChange({ ...value, phone: v })} />
      </FormField>
      <FormField label='地址'>
        <TextInput className='form-field-input' value={value.address} maxlength={200} placeholder='省市区和详细地址' onValue={(v) => onChange({ ...value, address: v })} />
      </FormField>
    </View>
  )
}

/**
 * A play's list page: the title and one line on how the play works, the play's cards, a skeleton, and while there is
 * none the play's glyph over 暂时没有{title} (the host has not published one yet).
 */
export function PlayList<T>({
  list,
  title,
  glyph,
  desc,
  skeletonHeight,
  children
}: {
  list: PagedQuery<T>
  title: string
  /** The play's character in the empty state: 秒, 拼, 砍, 助. */
  glyph: string
  desc: string
  skeletonHeight?: number
  children: (items: T[]) => ReactNode
}) {
  return (
    <PagedList
      list={list}
      className='play-page'
      header={
        <View className='page-intro'>
          <Text className='page-title'>{title}</Text>
          <Text className='page-desc'>{desc}</Text>
        </View>
      }
      skeleton={<PlayListSkeleton height={skeletonHeight} />}
      empty={<EmptyState glyph={glyph} title={`暂时没有${title}`} description={`主理人发布${title}后会出现在这里`} />}>
      {children}
    </PagedList>
  )
}
