import Taro from '@tarojs/taro'
import type { ActionInput, ActionName, ActionOutput, FunctionName } from '../../types/api'
import type { ApiResult } from '../../types/result'
import { ApiCallError, NETWORK_MESSAGE } from './api-error'
import { clearToken, getToken } from './session'
import { redirectToDevLogin } from './dev-login-redirect'

/**
 * The only gateway to the cloud functions. Same event on both runtimes:
 * `{ action, ...input }`; same answer: `{ ok, data | error }`.
 * Failures throw ApiCallError; pages show them through showError().
 */
export async function callFunction<F extends FunctionName, A extends ActionName<F>>(name: F, action: A, input: ActionInput<F, A>): Promise<ActionOutput<F, A>> {
  const event = { action, ...(input as object) }
  const result = process.env.TARO_ENV === 'h5' ? await callDevHost<ActionOutput<F, A>>(name, event) : await callCloud<ActionOutput<F, A>>(name, event)
  if (result.ok) return result.data
  if (result.error.code === 'UNAUTHENTICATED' && process.env.TARO_ENV === 'h5') {
    // The dev host forgot the token (restart, wiped data): pick a persona again.
    clearToken()
    redirectToDevLogin()
  }
  throw ApiCallError.from(result.error)
}

async function callCloud<T>(name: string, data: object): Promise<ApiResult<T>> {
  try {
    const res = await Taro.cloud.callFunction({ name, data })
    return res.result as ApiResult<T>
  } catch {
    // Rejections here are platform-level (no network, function missing, timeout).
    throw new ApiCallError('NETWORK', NETWORK_MESSAGE)
  }
}

async function callDevHost<T>(name: string, event: object): Promise<ApiResult<T>> {
  let res: Response
  try {
    res = await fetch('/fn/' + name, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer ' + getToken() },
      body: JSON.stringify(event)
    })
  } catch {
    throw new ApiCallError('NETWORK', NETWORK_MESSAGE)
  }
  try {
    // Error statuses still carry the envelope; only a body that is not one is a transport failure.
    return (await res.json()) as ApiResult<T>
  } catch {
    throw new ApiCallError('INTERNAL', `服务异常（${res.status}），请稍后重试`)
  }
}

/** One action as a function of its input, typed by the contract: `export const fetchFlashSales = callAction('sales', 'flashSales')`. */
export function callAction<F extends FunctionName, A extends ActionName<F>>(name: F, action: A): (input: ActionInput<F, A>) => Promise<ActionOutput<F, A>> {
  return (input) => callFunction(name, action, input)
}
