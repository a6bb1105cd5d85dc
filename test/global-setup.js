// Builds the apps once, before any test worker starts, so the browser journeys
// and the WeChat compiler checks run against the current sources and two
// workers never build into the same folder at once. SKIP_BUILD=1 reuses dist/.
const { spawn } = require('node:child_process')
const { existsSync } = require('node:fs')
const { join } = require('node:path')

module.exports = async () => {
  if (process.env.SKIP_BUILD === '1') return
  const root = join(__dirname, '..')
  // Jest sets NODE_ENV=test, which Taro would take for a dev build: build for production explicitly.
  const env = { ...process.env, NODE_ENV: 'production' }
  const build = (type) =>
    new Promise((resolve, reject) => {
      const started = Date.now()
      const child = spawn('npx', ['taro', 'build', '--type', type], { cwd: root, stdio: 'ignore', env })
      child.on('error', reject)
      child.on('exit', (code) => {
        if (code !== 0) return reject(new Error(`taro build --type ${type} failed (exit ${code}); run it by hand to see why`))
        console.log(`[global-setup] built ${type} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
        resolve()
      })
    })
  // The two builds write to their own folders (dist/weapp, dist/h5), so they run side by side on the two cores.
  await Promise.all([build('weapp'), ...(existsSync('/usr/bin/chromium') ? [build('h5')] : [])])
}
