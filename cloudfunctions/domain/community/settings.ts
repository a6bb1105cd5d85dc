// The community's settings: one document in the settings collection, read by id
// (one request; the app caches it) and written whole by the owner (fields the
// edit leaves out keep their saved values: one read, one write).
import { DEFAULT_COMMUNITY_NAME, type CommunitySettings, type UpdateCommunityInput } from '../../../types/community'
import { COLLECTIONS } from '../../platform/collections'
import type { Runtime } from '../../platform/runtime'

export const COMMUNITY_DOC = 'community'

interface CommunityDoc extends Omit<CommunitySettings, 'logoUrl' | 'logoFileId' | 'intro' | 'rules' | 'welcome'> {
  _id: string
  logoFileId?: string
  intro?: string
  rules?: string
  welcome?: string
  updatedAt: number
  updatedBy: string
}

export const DEFAULT_COMMUNITY: CommunitySettings = { name: DEFAULT_COMMUNITY_NAME, logoFileId: '', logoUrl: '', intro: '', rules: '', welcome: '' }

function toSettings(runtime: Runtime, doc: CommunityDoc | null): CommunitySettings {
  const logoFileId = doc?.logoFileId ?? ''
  return {
    name: doc?.name || DEFAULT_COMMUNITY.name,
    logoFileId,
    logoUrl: logoFileId ? runtime.files.urlFor(logoFileId) : '',
    intro: doc?.intro ?? '',
    rules: doc?.rules ?? '',
    welcome: doc?.welcome ?? ''
  }
}

export async function loadCommunity(runtime: Runtime): Promise<CommunitySettings> {
  return toSettings(runtime, await runtime.store.collection<CommunityDoc>(COLLECTIONS.settings.name).get(COMMUNITY_DOC))
}

/** The owner's edit (input already validated): the whole document in one write; fields left out keep their saved values. */
export async function saveCommunity(runtime: Runtime, input: UpdateCommunityInput, by: string, now: number): Promise<CommunitySettings> {
  const settings = runtime.store.collection<CommunityDoc>(COLLECTIONS.settings.name)
  const saved = await settings.get(COMMUNITY_DOC)
  const doc: CommunityDoc = {
    _id: COMMUNITY_DOC,
    name: input.name,
    logoFileId: input.logoFileId ?? saved?.logoFileId ?? '',
    intro: input.intro ?? saved?.intro ?? '',
    rules: input.rules ?? saved?.rules ?? '',
    welcome: input.welcome ?? saved?.welcome ?? '',
    updatedAt: now,
    updatedBy: by
  }
  await settings.set(doc)
  return toSettings(runtime, doc)
}
