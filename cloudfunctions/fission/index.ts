// Cloud function `fission`: the growth plays (送 gifts, 拼团 group buying, 助力 help, 砍价 bargains, 秒杀 flash sales).
import { createFunction } from '../platform/create-function'
import { fissionActions } from './actions'

export const main = createFunction('fission', fissionActions)
