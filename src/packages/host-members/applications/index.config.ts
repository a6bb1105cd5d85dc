export default definePageConfig({
  navigationBarTitleText: '入圈审核',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 120
})
