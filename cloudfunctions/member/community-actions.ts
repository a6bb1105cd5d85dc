// The community's settings: everyone reads them (the app caches the answer), the host edits them.
import type { ActionMap } from '../platform/define-action'
import { loadCommunity, saveCommunity } from '../domain/community/settings'
import { communityInput, updateCommunityInput } from '../domain/community/schemas'

export const communityActions: Pick<ActionMap<'member'>, 'community' | 'updateCommunity'> = {
  community: { role: 'member', input: communityInput, example: {}, handle: (_input, { runtime }) => loadCommunity(runtime) },
  updateCommunity: {
    role: 'owner',
    input: updateCommunityInput,
    example: { name: '林教练燃脂俱乐部' },
    handle: (input, { runtime, caller, now }) => saveCommunity(runtime, input, caller.openid, now)
  }
}
