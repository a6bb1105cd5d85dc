// Cloud function `sales`: timed and group prices: 秒杀 flash sales and 拼团 group buying (domain/plays/flash-sale, group-buy).
import { createFunction } from '../platform/create-function'
import { salesActions } from './actions'

export const main = createFunction('sales', salesActions)
