import EmptyState from '../../../components/empty-state'
import PagedList from '../../../components/paged-list'
import { CardsSkeleton, type SkeletonLines } from '../../../components/skeleton'
import { usePagedQuery } from '../../../services/use-paged-query'
import type { ContestView } from '../../../../types/leaderboard'
import ContestCard from './contest-card'
import { CONTESTS_KEY, fetchContests } from '../../../services/leaderboard'

/** A contest card while the list loads: its title, its dates, the board's place. */
const CARD_LINES: SkeletonLines = [
  ['60%', 36],
  ['80%', 26],
  ['100%', 96]
]

export default function ContestsPage() {
  const list = usePagedQuery<ContestView>(CONTESTS_KEY, (after) => fetchContests({ after }))
  return (
    <PagedList
      list={list}
      className='ct-page'
      skeleton={<CardsSkeleton page='ct-page' count={2} lines={CARD_LINES} />}
      empty={<EmptyState glyph='赛' title='还没有邀请赛' description='主理人发起邀请赛后会出现在这里，邀请好友加入就能冲榜赢积分' />}>
      {(items) => items.map((contest) => <ContestCard key={contest.id} contest={contest} />)}
    </PagedList>
  )
}
