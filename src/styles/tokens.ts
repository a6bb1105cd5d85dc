// The few colours that must be literals: WeChat's app.json (tabBar, window) and native
// APIs (showModal's confirmColor, <Switch color>) take a colour string and cannot read
// CSS custom properties. Each mirrors the token of the same name in tokens.css;
// test/platform/design-tokens.test.ts checks that the two files agree.
export const colors = {
  brand: '#16a36a',
  danger: '#f04a3e',
  text3: '#8a8f99',
  bg: '#f5f6f8',
  surface: '#ffffff'
} as const
