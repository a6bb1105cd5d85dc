// Pages of the rewards and host-rewards subpackages. 我的 imports this file, so it stays tiny.
export const COUPONS_PAGE = '/packages/rewards/coupons/index'
export const CAMPAIGN_FORM_PAGE = '/packages/host-rewards/campaign-form/index'
