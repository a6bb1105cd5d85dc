export default definePageConfig({
  navigationBarTitleText: '圈子与订单',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 120
})
