export default definePageConfig({
  navigationBarTitleText: '挑战详情',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 200
})
