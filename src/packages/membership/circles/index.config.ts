export default definePageConfig({
  navigationBarTitleText: '会员圈子',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 120
})
