// Page paths used for navigation, in one place so a moved page breaks one line.
export const ME_PAGE = '/pages/me/index'
export const PROFILE_EDIT_PAGE = '/packages/account/profile-edit/index'
export const DEV_LOGIN_PAGE = '/packages/account/dev-login/index'
