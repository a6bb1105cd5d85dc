// 助力 help tasks: N distinct friends unlock a reward.
import type { ActionMap } from '../platform/define-action'

export const helpActions: Pick<ActionMap<'fission'>, never> = {}
