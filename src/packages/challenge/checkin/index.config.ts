export default definePageConfig({
  navigationBarTitleText: '打卡详情',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 200
})
