// `npm run dev` (after building H5) and `npm start`: the dev host on PORT (default 3000).
import { startDevHost } from './dev-host/server'

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 3000)
  const host = await startDevHost({ port, host: process.env.HOST ?? '127.0.0.1', cronIntervalMs: 60_000 })
  console.log(`\n  社群小程序 (H5) 已启动: ${host.url}\n  数据目录: ${process.env.DATA_DIR ?? '.data'}  ·  健康检查: ${host.url}/healthz\n`)
  const stop = () => host.close().then(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
