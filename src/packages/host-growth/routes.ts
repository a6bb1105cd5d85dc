// Pages of the host growth console. The checkin console links to HOST_GROWTH_HOME.
export const HOST_GROWTH_HOME = '/packages/host-growth/index/index'
export const RULES_PAGE = '/packages/host-growth/rules/index'
export const ITEMS_PAGE = '/packages/host-growth/items/index'
export const ITEM_EDIT_PAGE = '/packages/host-growth/item-edit/index'
export const ADJUST_PAGE = '/packages/host-growth/adjust/index'
export const SHIPPING_PAGE = '/packages/host-growth/shipping/index'
export const SEGMENTS_PAGE = '/packages/host-growth/segments/index'
