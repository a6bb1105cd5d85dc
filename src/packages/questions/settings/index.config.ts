export default definePageConfig({
  navigationBarTitleText: '答疑设置'
})
