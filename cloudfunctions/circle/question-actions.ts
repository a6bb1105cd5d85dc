// Q&A: members ask the host or a guest; answers public to the circle or private.
import type { ActionMap } from '../platform/define-action'

export const questionActions: Pick<ActionMap<'circle'>, never> = {}
