export default definePageConfig({
  navigationBarTitleText: '消息与召回',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 120
})
