// Cloud function `sales`'s actions: timed and group prices: 秒杀 flash sales and 拼团 group buying (domain/plays/flash-sale, group-buy).
import { defineActions } from '../platform/define-action'
import { flashSaleActions } from './flash-sale-actions'
import { groupBuyActions } from './group-buy-actions'

export const salesActions = defineActions('sales', { ...flashSaleActions, ...groupBuyActions })
