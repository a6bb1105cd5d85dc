import type { CampaignIdInput, CampaignInput, CampaignView, CouponView, HostCampaignView, MyCouponsInput, UpdateCampaignInput } from '../../types/coupons'
import type { Page, PageInput } from '../../types/page'
import { callFunction } from './api'

// Coupon campaigns and a member's coupons: every rewards call the pages make,
// named and typed from types/coupons (pages call these, never callFunction).

export function fetchCampaigns(input: PageInput): Promise<Page<CampaignView>> {
  return callFunction('rewards', 'campaigns', input)
}

export function claimCoupon(input: CampaignIdInput): Promise<CouponView> {
  return callFunction('rewards', 'claimCoupon', input)
}

export function fetchMyCoupons(input: MyCouponsInput): Promise<Page<CouponView>> {
  return callFunction('rewards', 'myCoupons', input)
}

export function createCampaign(input: CampaignInput): Promise<CampaignView> {
  return callFunction('rewards', 'createCampaign', input)
}

export const HOST_CAMPAIGNS_KEY = 'rewards.hostCampaigns'

/** The host's list: every campaign with claimed / used / remaining. */
export function fetchHostCampaigns(input: PageInput): Promise<Page<HostCampaignView>> {
  return callFunction('rewards', 'hostCampaigns', input)
}

export function updateCampaign(input: UpdateCampaignInput): Promise<HostCampaignView> {
  return callFunction('rewards', 'updateCampaign', input)
}

/** No more claims; coupons already claimed stay usable until they expire. */
export function stopCampaign(input: CampaignIdInput): Promise<HostCampaignView> {
  return callFunction('rewards', 'stopCampaign', input)
}
