// Pages of the growth subpackage, in one place so a moved page breaks one line.
export const LEDGER_PAGE = '/packages/growth/ledger/index'
export const MALL_PAGE = '/packages/growth/mall/index'
export const REDEMPTIONS_PAGE = '/packages/growth/redemptions/index'
