export default definePageConfig({
  navigationBarTitleText: '规则与等级'
})
