// Builds the apps once, before any test worker starts, so the browser journeys
// and the WeChat compiler checks run against the current sources and two
// workers never build into the same folder at once. SKIP_BUILD=1 reuses dist/.
const { execFileSync } = require('node:child_process')
const { existsSync } = require('node:fs')
const { join } = require('node:path')

module.exports = async () => {
  if (process.env.SKIP_BUILD === '1') return
  const root = join(__dirname, '..')
  // Jest sets NODE_ENV=test, which Taro would take for a dev build: build for production explicitly.
  const env = { ...process.env, NODE_ENV: 'production' }
  const build = (type) => {
    const started = Date.now()
    execFileSync('npx', ['taro', 'build', '--type', type], { cwd: root, stdio: 'ignore', env })
    console.log(`[global-setup] built ${type} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  }
  build('weapp')
  if (existsSync('/usr/bin/chromium')) build('h5')
}
