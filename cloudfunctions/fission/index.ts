// Cloud function `fission`: the plays where friends act for a member (助力 help, 砍价 bargains); 秒杀 and 拼团 are `sales`, 送 is `gifts`.
import { createFunction } from '../platform/create-function'
import { fissionActions } from './actions'

export const main = createFunction('fission', fissionActions)
