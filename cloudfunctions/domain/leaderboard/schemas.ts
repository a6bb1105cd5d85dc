import * as z from 'zod/mini'
import { id, int } from '../input/fields'
import type { BoardInput, ContestIdInput, ContestInput, UpdateContestInput } from '../../../types/leaderboard'

const prize = (place: number) =>
  z.strictObject(
    {
      points: int(0, 100000, `第 ${place} 名奖励积分`),
      couponCampaignId: z.nullable(id(`第 ${place} 名奖品券`))
    },
    { error: `第 ${place} 名奖品格式不对` }
  )

export const boardInput: z.ZodMiniType<BoardInput> = z.lazy(() =>
  z.strictObject({
    kind: z.enum(['pointsWeek', 'pointsMonth', 'pointsAll', 'challengeCheckins', 'challengeStreak', 'contestInvites'], { error: '榜单类型不合法' }),
    challengeId: z.optional(id('挑战')),
    contestId: z.optional(id('邀请赛')),
    period: z.optional(z.enum(['current', 'previous'], { error: '周期只能是 current 或 previous' })),
    newcomers: z.optional(z.boolean({ error: 'newcomers 必须是布尔值' }))
  })
)
const contestFields = () => ({
  title: z.string({ error: '标题必须是文字' }).check(
    z.maxLength(40, { error: '标题最多 40 个字' }),
    z.refine((s) => s.trim().length > 0, { error: '请填写标题' })
  ),
  startAt: int(1_500_000_000_000, 4_102_444_800_000, '开始时间'),
  endAt: int(1_500_000_000_000, 4_102_444_800_000, '结束时间'),
  prizes: z.tuple([prize(1), prize(2), prize(3)], { error: '奖品需为 3 个名次' })
})
export const contestInput: z.ZodMiniType<ContestInput> = z.lazy(() => z.strictObject(contestFields()))
export const updateContestInput: z.ZodMiniType<UpdateContestInput> = z.lazy(() => z.strictObject({ contestId: id('邀请赛'), ...contestFields() }))
export const contestIdInput: z.ZodMiniType<ContestIdInput> = z.lazy(() => z.strictObject({ contestId: id('邀请赛') }))
export const rewardsInput = z.lazy(() =>
  z.strictObject({
    weekly: z.array(int(0, 100000, '周榜奖励')).check(z.maxLength(10, { error: '最多 10 个名次' })),
    monthly: z.array(int(0, 100000, '月榜奖励')).check(z.maxLength(10, { error: '最多 10 个名次' }))
  })
)
