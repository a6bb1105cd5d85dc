// Cloud function `member`: the caller's own profile.
import { createFunction } from '../platform/create-function'
import { memberActions } from './actions'

export const main = createFunction('member', memberActions)
