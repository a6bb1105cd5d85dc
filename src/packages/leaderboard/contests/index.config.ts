export default definePageConfig({
  navigationBarTitleText: '邀请赛',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 120
})
