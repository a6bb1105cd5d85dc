export default definePageConfig({
  navigationBarTitleText: '挑战',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 200
})
