export default definePageConfig({
  navigationBarTitleText: '礼品卡与邀请礼',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark'
})
