// 砍价 bargains: friends cut the price toward a floor.
import type { ActionMap } from '../platform/define-action'

export const bargainActions: Pick<ActionMap<'fission'>, never> = {}
