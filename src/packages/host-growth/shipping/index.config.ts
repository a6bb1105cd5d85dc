export default definePageConfig({
  navigationBarTitleText: '兑换发货',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 120
})
