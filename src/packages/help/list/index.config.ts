export default definePageConfig({
  navigationBarTitleText: '好友助力',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 120
})
