import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import EmptyState from '../../../components/empty-state'
import EmptyAction from '../../../components/empty-state/action'
import PagedList from '../../../components/paged-list'
import Segmented from '../../../components/segmented'
import { ApiCallError } from '../../../services/api'
import { useMe } from '../../../services/member'
import { fetchQuestions, questionsKey } from '../../../services/questions'
import { askUrl, circleUrl, questionSettingsUrl, routeParam } from '../../../services/routes'
import { usePagedQuery } from '../../../services/use-paged-query'
import { isManager } from '../../../../types/roles'
import type { QuestionView } from '../../../../types/questions'
import { QuestionList, QuestionListSkeleton } from '../components/question-card'
import '../components/question.css'

const SCOPES = [
  { value: 'answered', label: '精选问答' },
  { value: 'mine', label: '我的提问' }
] as const

/** A circle's Q&A: its answered public questions, or the member's own; 提问 at the bottom. Members only. */
export default function QuestionsPage() {
  const circleId = routeParam(useRouter().params.id)
  const [scope, setScope] = useState<'answered' | 'mine'>('answered')
  const list = usePagedQuery<QuestionView>(questionsKey(circleId, scope), (after) => fetchQuestions(circleId, scope, after))
  const me = useMe()
  const locked = list.error instanceof ApiCallError && list.error.code === 'FORBIDDEN'
  if (locked)
    return (
      <View className='page qa-page qa-locked'>
        <EmptyState
          glyph='锁'
          title='仅圈子成员可见'
          description='加入圈子后，可以向主理人和嘉宾提问，也能看到大家的精选问答'
          action={<EmptyAction label='去加入圈子' onClick={() => Taro.navigateTo({ url: circleUrl(circleId) })} />}
        />
      </View>
    )
  return (
    <>
      <PagedList
        list={list}
        className='qa-page'
        skeleton={<QuestionListSkeleton />}
        header={
          <View>
            {me.data && isManager(me.data.role) ? (
              <Text className='qa-host-link text-link' onClick={() => void Taro.navigateTo({ url: questionSettingsUrl(circleId) })}>
                答疑设置：谁来回答、价格与退款天数 ›
              </Text>
            ) : null}
            <Segmented className='qa-tabs' options={SCOPES} value={scope} onChange={setScope} />
          </View>
        }
        empty={
          scope === 'answered' ? (
            <EmptyState glyph='问' title='还没有公开的问答' description='向主理人或嘉宾提个问题，回答后大家都能看到' />
          ) : (
            <EmptyState glyph='问' title='你还没有提过问题' description='点下方「提问」，向主理人或嘉宾请教' />
          )
        }>
        {(items) => <QuestionList questions={items} />}
      </PagedList>
      <View className='qa-bottom'>
        <View className='btn btn-primary qa-ask-btn' onClick={() => void Taro.navigateTo({ url: askUrl(circleId) })}>
          提问
        </View>
      </View>
    </>
  )
}
