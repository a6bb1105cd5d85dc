import { useState } from 'react'
import EmptyState from '../../../components/empty-state'
import PagedList from '../../../components/paged-list'
import Segmented from '../../../components/segmented'
import { fetchQueue, queueKey } from '../../../services/questions'
import { usePagedQuery } from '../../../services/use-paged-query'
import type { QuestionView } from '../../../../types/questions'
import { QuestionList, QuestionListSkeleton } from '../components/question-card'
import '../components/question.css'

const TABS = [
  { value: 'open', label: '待回答' },
  { value: 'answered', label: '已回答' }
] as const

/** The answerer's queue (嘉宾 and hosts, from 我的): questions put to them, oldest first while waiting. */
export default function QueuePage() {
  const [status, setStatus] = useState<'open' | 'answered'>('open')
  const list = usePagedQuery<QuestionView>(queueKey(status), (after) => fetchQueue(status, after))
  return (
    <PagedList
      list={list}
      className='qa-page qa-queue'
      skeleton={<QuestionListSkeleton />}
      header={<Segmented className='qa-tabs' options={TABS} value={status} onChange={setStatus} />}
      empty={
        status === 'open' ? <EmptyState glyph='答' title='没有待回答的问题' description='成员向你提问后会出现在这里，也会在「消息」里通知你' /> : <EmptyState glyph='答' title='还没有回答过问题' />
      }>
      {(items) => <QuestionList questions={items} />}
    </PagedList>
  )
}
