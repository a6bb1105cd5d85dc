export default definePageConfig({
  navigationBarTitleText: '打卡详情',
  enablePullDownRefresh: true,
  enableShareAppMessage: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 200
})
