export default definePageConfig({
  navigationBarTitleText: '榜单与邀请赛',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark'
})
