// Turns a schema failure into one INVALID_INPUT error that names the field and
// says, in Chinese, what is wrong with it.
import type * as z from 'zod/mini'
import { AppError } from './app-error'

export function describeInputError(error: z.core.$ZodError): AppError {
  const issue = error.issues[0]
  const field = issue.path.length > 0 ? issue.path.join('.') : issue.code === 'unrecognized_keys' ? String(issue.keys[0]) : '(root)'
  // A schema may carry its own Chinese message; zod's defaults are English, so translate by code.
  const custom = issue.message && /[\u4e00-\u9fa5]/.test(issue.message) ? issue.message : null
  if (custom) return new AppError('INVALID_INPUT', custom, field)
  switch (issue.code) {
    case 'invalid_type':
      return new AppError('INVALID_INPUT', issue.input === undefined ? `缺少参数：${field}` : `参数 ${field} 的类型不正确`, field)
    case 'too_big':
      return new AppError('INVALID_INPUT', `参数 ${field} 超出允许的长度或大小`, field)
    case 'too_small':
      return new AppError('INVALID_INPUT', `参数 ${field} 太短或太小`, field)
    case 'unrecognized_keys':
      return new AppError('INVALID_INPUT', `不支持的参数：${issue.keys.join('、')}`, field)
    case 'invalid_value':
      return new AppError('INVALID_INPUT', `参数 ${field} 的取值不在允许范围内`, field)
    default:
      return new AppError('INVALID_INPUT', `参数 ${field} 不合法`, field)
  }
}
