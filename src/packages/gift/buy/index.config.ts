export default definePageConfig({
  navigationBarTitleText: '送会员礼品卡',
  backgroundTextStyle: 'dark'
})
