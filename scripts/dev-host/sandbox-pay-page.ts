// The 模拟支付 page: where a member "pays" in the sandbox. Confirming makes the
// sandbox sign a v3 notify and deliver it to the payNotify function through the
// same verification code WeChat's notifies go through.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { SandboxPay } from '../../cloudfunctions/adapters/sandbox-pay/sandbox-pay'
import { payNotifyMain } from '../../cloudfunctions/functions'
import { readBody, sendError, sendJson } from './http-utils'

export const ORDER_PAGE = '/#/packages/membership/order/index'

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

export async function sandboxPayPage(sandbox: SandboxPay, url: URL, res: ServerResponse): Promise<void> {
  const orderId = url.searchParams.get('order') ?? ''
  const trade = await sandbox.trade(orderId)
  if (!trade) return sendError(res, 404, 'NOT_FOUND', '支付单不存在')
  const yuan = (trade.amountFen / 100).toFixed(2)
  // Back to the order page saying how it went: paid (it waits for the notify) or cancelled (待支付 at once, as after WeChat's pay sheet).
  const back = `${ORDER_PAGE}?id=${encodeURIComponent(orderId)}`
  const paidBack = `${back}&after=paid`
  const cancelledBack = `${back}&after=cancelled`
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>模拟支付</title><style>
body{margin:0;font-family:-apple-system,"PingFang SC","WenQuanYi Micro Hei",sans-serif;background:#f5f6f8;color:#1f2329}
.card{margin:24px 16px;background:#fff;border-radius:16px;padding:28px 20px;text-align:center}
.tag{display:inline-block;font-size:12px;color:#16a36a;background:#e8f7ef;border-radius:10px;padding:2px 10px}
.desc{margin-top:14px;color:#646a73}.amount{font-size:40px;font-weight:600;margin:10px 0 24px}
button{width:100%;height:46px;border:0;border-radius:23px;font-size:16px}.pay{background:#16a36a;color:#fff}.cancel{background:transparent;color:#646a73;margin-top:8px}
.note{font-size:12px;color:#8a8f99;margin:0 16px}</style></head><body>
<div class="card"><span class="tag">沙箱 · 模拟微信支付</span><div class="desc">${escapeHtml(trade.description)}</div>
<div class="amount">¥${yuan}</div><button class="pay" id="pay">确认支付</button><button class="cancel" id="cancel">取消</button></div>
<p class="note">本地开发环境：点击确认后，沙箱按微信支付 v3 格式签名并发送支付通知，走与正式环境相同的验签与解密流程。</p>
<script>
document.getElementById('pay').onclick=async function(){this.disabled=true;this.textContent='支付中…';
const r=await fetch('/dev/sandbox-pay',{method:'POST',headers:{'content-type':'application/json'},body:JSON.stringify({order:${JSON.stringify(orderId)}})});
const j=await r.json();if(j.ok){location.href=${JSON.stringify(paidBack)}}else{alert(j.error&&j.error.message||'支付失败');this.disabled=false;this.textContent='确认支付'}};
document.getElementById('cancel').onclick=function(){location.href=${JSON.stringify(cancelledBack)}};
</script></body></html>`
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
  res.end(html)
}

export async function sandboxPay(sandbox: SandboxPay, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let orderId: unknown
  try {
    orderId = JSON.parse((await readBody(req, 4096)).toString('utf8')).order
  } catch {
    return sendError(res, 400, 'INVALID_INPUT', '请求体不是合法的 JSON')
  }
  if (typeof orderId !== 'string') return sendError(res, 400, 'INVALID_INPUT', '缺少订单号')
  let notify
  try {
    notify = await sandbox.pay(orderId)
  } catch (error) {
    return sendError(res, 409, 'CONFLICT', error instanceof Error && error.message.includes('closed') ? '订单已关闭，请重新下单' : '支付失败')
  }
  // Deliver the notify exactly as CloudBase's HTTP access would hand it to the function.
  const answer = await payNotifyMain({ headers: notify.headers, body: notify.body, isBase64Encoded: false })
  sendJson(res, 200, {
    ok: answer.statusCode < 300,
    data: { notifyStatus: answer.statusCode, notifyBody: answer.body },
    ...(answer.statusCode < 300 ? {} : { error: { code: 'CONFLICT', message: '支付通知未被受理' } })
  })
}
