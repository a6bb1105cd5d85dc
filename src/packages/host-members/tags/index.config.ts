export default definePageConfig({
  navigationBarTitleText: '成员标签',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 120
})
