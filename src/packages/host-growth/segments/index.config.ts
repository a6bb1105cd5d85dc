export default definePageConfig({
  navigationBarTitleText: '成员分层',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 120
})
