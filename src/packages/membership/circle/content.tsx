import { useState } from 'react'
import Taro, { useReachBottom } from '@tarojs/taro'
import { View, Text, ScrollView } from '@tarojs/components'
import InputBar from '../../../components/input-bar'
import EmptyState from '../../../components/empty-state'
import ErrorState from '../../../components/error-state'
import Skeleton, { AuthorSkeleton } from '../../../components/skeleton'
import Tag from '../../../components/tag'
import { PagedListView } from '../../../components/paged-list'
import { usePosts, useCircleContent } from '../../../services/posts'
import { postComposeUrl, postUrl } from '../../../services/routes'
import type { PostTab } from '../../../../types/posts'
import PostCard from './post-card'

type View_ = { tab: PostTab } | { topic: string } | { q: string }

const TABS: Array<{ value: PostTab; label: string }> = [
  { value: 'all', label: '全部' },
  { value: 'featured', label: '精华' },
  { value: 'announcements', label: '公告' }
]

/** The circle's content (pinned announcements, tabs, posts) and how to refresh it, for the circle page. */
export function useCirclePosts(circleId: string) {
  const [view, setView] = useState<View_>({ tab: 'all' })
  const content = useCircleContent(circleId)
  const list = usePosts(circleId, 'tab' in view ? view.tab : view)
  // The page is long: the next page of posts near its bottom.
  useReachBottom(() => {
    void list.loadMore()
  })
  const refetch = () => Promise.all([content.refetch(), list.refetch()]).then(() => undefined)
  return { circleId, view, setView, content, list, refetch }
}

/** 圈子内容: 置顶公告 on top, then 全部 / 精华 / 公告 / #话题#, search, and 发布 for the host and 嘉宾. */
export default function CircleContent({ posts }: { posts: ReturnType<typeof useCirclePosts> }) {
  const { circleId, view, setView, content, list } = posts
  const [draft, setDraft] = useState('')
  const data = content.data
  const search = (q: string) => {
    const words = q.trim()
    setView(words ? { q: words } : { tab: 'all' })
  }
  return (
    <View className='card circle-section circle-content'>
      <View className='circle-section-head'>
        <Text className='circle-section-title text-strong'>圈子内容</Text>
        {data?.canPost ? (
          <View
            className='btn btn-primary btn-small circle-content-compose'
            onClick={() => {
              void Taro.navigateTo({ url: postComposeUrl(circleId) })
            }}>
            发布
          </View>
        ) : null}
      </View>

      {data && data.pinned.length > 0 ? (
        <View className='circle-pinned col'>
          {data.pinned.map((p) => (
            <View
              key={p.id}
              className='circle-pinned-row row'
              onClick={() => {
                void Taro.navigateTo({ url: postUrl(p.id) })
              }}>
              <Tag tone='orange'>置顶</Tag>
              <Text className='circle-pinned-title text-body ellipsis'>{p.teaser || '公告'}</Text>
              {p.locked ? <Text className='circle-pinned-lock'>🔒</Text> : !p.readByMe ? <Text className='circle-pinned-dot' /> : null}
            </View>
          ))}
        </View>
      ) : null}

      <InputBar
        className='circle-content-search'
        inputClass='circle-content-search-input'
        value={draft}
        maxlength={30}
        confirmType='search'
        placeholder='搜索圈子内容'
        onValue={setDraft}
        onSubmit={() => search(draft)}>
        {'q' in view ? (
          <Text
            className='circle-content-search-clear text-link'
            onClick={() => {
              setDraft('')
              search('')
            }}>
            清除
          </Text>
        ) : (
          <Text className='circle-content-search-go' onClick={() => search(draft)}>
            搜索
          </Text>
        )}
      </InputBar>

      {'q' in view ? null : (
        <ScrollView scrollX className='circle-content-tabs' enableFlex>
          {TABS.map((t) => (
            <Text key={t.value} className={`circle-content-tab text-label ${'tab' in view && view.tab === t.value ? 'circle-content-tab-on' : ''}`} onClick={() => setView({ tab: t.value })}>
              {t.label}
            </Text>
          ))}
          {(data?.topics ?? []).map((topic) => (
            <Text key={topic} className={`circle-content-tab text-label ${'topic' in view && view.topic === topic ? 'circle-content-tab-on' : ''}`} onClick={() => setView({ topic })}>
              #{topic}
            </Text>
          ))}
        </ScrollView>
      )}
      {'q' in view ? <Text className='circle-section-hint text-meta'>搜索「{view.q}」的结果</Text> : null}

      {content.error && !data ? <ErrorState error={content.error} onRetry={content.refetch} /> : null}
      <PagedListView
        list={list}
        className='circle-content-list'
        skeleton={<PostsSkeleton />}
        empty={
          <EmptyState
            glyph={'q' in view ? '搜' : '帖'}
            title={emptyTitle(view)}
            description={'q' in view ? '换个关键词试试' : data?.canPost ? '点右上角「发布」，写下第一条' : '主理人发布后会出现在这里'}
          />
        }>
        {(items) => items.map((p) => <PostCard key={p.id} post={p} />)}
      </PagedListView>
    </View>
  )
}

function emptyTitle(view: View_): string {
  if ('q' in view) return '没有找到相关内容'
  if ('topic' in view) return `#${view.topic}# 下还没有内容`
  if (view.tab === 'featured') return '还没有精华'
  if (view.tab === 'announcements') return '还没有公告'
  return '还没有内容'
}

function PostsSkeleton() {
  return (
    <View className='circle-content-list' aria-busy>
      {[0, 1].map((i) => (
        <View key={i} className='post-card'>
          <AuthorSkeleton avatar={64} widths={[160, 120]} />
          <Skeleton width='100%' height={26} className='circle-skeleton-gap' />
          <Skeleton width='70%' height={26} className='circle-skeleton-gap' />
        </View>
      ))}
    </View>
  )
}
