export default definePageConfig({
  navigationBarTitleText: '异常支付',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 120
})
