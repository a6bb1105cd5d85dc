export default definePageConfig({
  navigationBarTitleText: '待回答',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 120
})
