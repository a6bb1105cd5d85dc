export default definePageConfig({
  navigationBarTitleText: '圈子问答',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 120
})
