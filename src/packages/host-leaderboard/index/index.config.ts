// No pull-to-refresh: this is mostly a form, and a pull while typing would reload it.
export default definePageConfig({
  navigationBarTitleText: '榜单与邀请赛'
})
