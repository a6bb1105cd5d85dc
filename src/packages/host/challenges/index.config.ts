export default definePageConfig({
  navigationBarTitleText: '挑战管理',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 200
})
