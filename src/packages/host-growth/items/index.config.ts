export default definePageConfig({
  navigationBarTitleText: '商城商品',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 120
})
