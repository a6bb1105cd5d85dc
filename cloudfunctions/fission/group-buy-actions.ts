// 拼团 group buying: a group fills and is fulfilled together, or times out and is refunded.
import type { ActionMap } from '../platform/define-action'

export const groupBuyActions: Pick<ActionMap<'fission'>, never> = {}
