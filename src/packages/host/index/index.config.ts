export default definePageConfig({
  navigationBarTitleText: '主理人后台',
  enablePullDownRefresh: true
})
