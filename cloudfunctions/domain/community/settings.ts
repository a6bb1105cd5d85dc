// The community's settings: one document in the settings collection, read by id
// (one request; the app caches it) and written whole by the host.
import { DEFAULT_COMMUNITY_NAME, type CommunitySettings, type UpdateCommunityInput } from '../../../types/community'
import { COLLECTIONS } from '../../platform/collections'
import type { Runtime } from '../../platform/runtime'

export const COMMUNITY_DOC = 'community'

interface CommunityDoc extends CommunitySettings {
  _id: string
  updatedAt: number
  updatedBy: string
}

export const DEFAULT_COMMUNITY: CommunitySettings = { name: DEFAULT_COMMUNITY_NAME }

function toSettings(doc: CommunityDoc | null): CommunitySettings {
  return { name: doc?.name || DEFAULT_COMMUNITY.name }
}

export async function loadCommunity(runtime: Runtime): Promise<CommunitySettings> {
  return toSettings(await runtime.store.collection<CommunityDoc>(COLLECTIONS.settings.name).get(COMMUNITY_DOC))
}

/** The host's edit (input already validated): the whole document in one write. */
export async function saveCommunity(runtime: Runtime, input: UpdateCommunityInput, by: string, now: number): Promise<CommunitySettings> {
  const doc: CommunityDoc = { _id: COMMUNITY_DOC, name: input.name, updatedAt: now, updatedBy: by }
  await runtime.store.collection<CommunityDoc>(COLLECTIONS.settings.name).set(doc)
  return toSettings(doc)
}
