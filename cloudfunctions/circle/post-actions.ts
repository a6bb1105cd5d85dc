// Posts and announcements inside a circle.
import type { ActionMap } from '../platform/define-action'

export const postActions: Pick<ActionMap<'circle'>, never> = {}
