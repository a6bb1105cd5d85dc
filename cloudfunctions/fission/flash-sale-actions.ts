// 秒杀 flash sales: stock on sale at a price for a time window.
import type { ActionMap } from '../platform/define-action'

export const flashSaleActions: Pick<ActionMap<'fission'>, never> = {}
