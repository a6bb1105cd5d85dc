// The few colours that must be literals: WeChat's app.json (tabBar, window) and native
// APIs (showModal's confirmColor, <Switch color>, a canvas's fillStyle) take a colour string and cannot read
// CSS custom properties. Each mirrors the token of the same name in tokens.css;
// test/platform/design-tokens.test.ts checks that the two files agree.
export const colors = {
  brand: '#16a36a',
  danger: '#f04a3e',
  text3: '#8a8f99',
  bg: '#f5f6f8',
  surface: '#ffffff',
  // The completion poster, drawn on a canvas (packages/challenge-report/poster.ts).
  brandStrong: '#138a5a',
  brandPale: '#d3f0e2',
  brandFaint: '#f3fbf7',
  text: '#1f2329',
  text2: '#4e5561',
  text4: '#a0a5ad',
  border2: '#e6e8eb',
  orange: '#f08a24',
  gold: '#f5b700',
  warnStrong: '#7a4b00',
  // The growth plays' posters (components/play-poster).
  dangerStrong: '#d4380d',
  dangerFaint: '#fff5f4',
  warnFaint: '#fff8ec'
} as const
