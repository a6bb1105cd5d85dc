// Cloud function `deposits`: deposit challenges (押金): paying the deposit to join, the member's view of the deposit and the pool, and the host's settlement report (domain/deposits).
import { createFunction } from '../platform/create-function'
import { depositsActions } from './actions'

export const main = createFunction('deposits', depositsActions)
