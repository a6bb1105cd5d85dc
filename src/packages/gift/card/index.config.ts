export default definePageConfig({
  navigationBarTitleText: '会员礼品卡',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  enableShareAppMessage: true
})
