import { callFunction } from '../../services/api'
import { useQuery } from '../../services/use-query'
import { usePagedQuery } from '../../services/use-paged-query'
import type { GrowthSettings, MallItem } from '../../../types/growth'

// Cache keys the host growth pages share, so an edit on one page shows on the others.
export const SETTINGS_KEY = 'hostGrowth.settings'
export const HOST_ITEMS_KEY = 'hostGrowth.mallItems'

export function useGrowthSettings() {
  return useQuery<GrowthSettings>(SETTINGS_KEY, () => callFunction('growth', 'settings', {}))
}

/** Every item, on sale or not: the host's mallItems includes inactive ones. */
export function useHostItems() {
  return usePagedQuery<MallItem>(HOST_ITEMS_KEY, (after) => callFunction('growth', 'mallItems', { after }))
}
