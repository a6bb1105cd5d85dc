// 云调用 (WeChat open API from a cloud function, with the environment's own
// credentials) through the route wx-server-sdk's `cloud.openapi.<ns>.<name>()`
// uses, without shipping wx-server-sdk: the request is a protobuf `CommApiData`
// (OPEN_API, one key/value pair per top-level field, each value JSON text), sent
// with @cloudbase/node-sdk's `callCompatibleWxOpenApi` (action `wx.openApi`,
// multipart, raw Buffer answer); the answer is a protobuf `CommOpenApiResp`
// { respData, contentType, errorCode, httpCode }. JSON answers are parsed (an
// errcode is WeChat's refusal); anything else (wxacode.getUnlimited's PNG) comes
// back as a Buffer. `callWxOpenApi` (action `wx.api`) is the route wx-server-sdk
// marks "DEPRECATED" and it never returns binary bodies.
import protobuf from 'protobufjs/light'

// Sources: wx-server-sdk 4.0.2 index.js `src/api/openapi/openapi.ts` (callWXOpenAPI),
// `src/api/cloud/provider/tcb/api/callWXOpenAPI.ts` (callGeneralOpenAPI) and
// `src/protobuf/openapi.js`; @cloudbase/node-sdk 3.18.3 `src/wx/index.ts`.

/** The one method of the node-sdk app this route needs (a `tcb.init()` app has it). */
export interface CompatibleOpenApiTransport {
  callCompatibleWxOpenApi(options: { apiName: string; requestData: Buffer; cgiName?: string }): Promise<unknown>
}

/** A 云调用 failed: `errcode` is WeChat's (43101, 47003, …), or the platform's (-604101: the API is not in config.json's permissions.openapi). */
export class WxOpenApiError extends Error {
  constructor(readonly api: string, readonly errcode: number, message: string) {
    super(`openapi.${api} errcode ${errcode}: ${message}`)
    this.name = 'WxOpenApiError'
  }
}

export type OpenApiResult = { kind: 'json'; data: Record<string, any> } | { kind: 'binary'; contentType: string; buffer: Buffer }

// ---- the two protobuf messages, read and written by protobufjs ----
// Field numbers and types as wx-server-sdk's generated `src/protobuf/openapi.js` declares them.
const schema = protobuf.Root.fromJSON({
  nested: {
    ApiType: { values: { OPEN_API: 0 } },
    OpenApiPair: { fields: { key: { type: 'string', id: 1 }, value: { type: 'bytes', id: 2 } } },
    OpenApiData: { fields: { pairs: { rule: 'repeated', type: 'OpenApiPair', id: 1 } } },
    CommApiData: { fields: { apiType: { type: 'ApiType', id: 1 }, openapiData: { type: 'OpenApiData', id: 2 }, appid: { type: 'string', id: 6 } } },
    CommOpenApiResp: {
      fields: {
        respData: { type: 'bytes', id: 1 }, contentType: { type: 'string', id: 2 }, errorCode: { type: 'int32', id: 3 },
        httpCode: { type: 'uint32', id: 4 }, headers: { rule: 'repeated', type: 'OpenApiPair', id: 5 }, svrkitErrorCode: { type: 'int32', id: 6 }
      }
    }
  }
})
const CommApiData = schema.lookupType('CommApiData')
const CommOpenApiRespType = schema.lookupType('CommOpenApiResp')

/** CommApiData { apiType: OPEN_API, openapiData: { pairs: one per top-level field, its value JSON text }, appid }. */
export function encodeOpenApiRequest(data: Record<string, unknown>, appid?: string): Buffer {
  const pairs = Object.entries(data)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => ({ key, value: Buffer.from(JSON.stringify(value)) }))
  const message = CommApiData.fromObject({ apiType: 0, openapiData: { pairs }, ...(appid ? { appid } : {}) })
  return Buffer.from(CommApiData.encode(message).finish())
}

export interface CommOpenApiResp { respData: Buffer; contentType: string; errorCode: number; httpCode: number }

/** CommOpenApiResp { respData, contentType, errorCode, httpCode, headers, svrkitErrorCode }; throws on bytes that are not one. */
export function decodeOpenApiResponse(buf: Buffer): CommOpenApiResp {
  const decoded = CommOpenApiRespType.toObject(CommOpenApiRespType.decode(buf), { defaults: true }) as { respData: Uint8Array; contentType: string; errorCode: number; httpCode: number }
  return { respData: Buffer.from(decoded.respData), contentType: decoded.contentType, errorCode: decoded.errorCode, httpCode: decoded.httpCode }
}

/**
 * Calls one open API by its 云调用 name (`security.msgSecCheck`, `wxacode.getUnlimited`, …),
 * the same name config.json's `permissions.openapi` lists. Throws WxOpenApiError for
 * WeChat's and the platform's refusals, Error for a gateway failure.
 */
export async function callOpenApi(transport: CompatibleOpenApiTransport, api: string, data: Record<string, unknown>): Promise<OpenApiResult> {
  const raw = await transport.callCompatibleWxOpenApi({ apiName: api, requestData: encodeOpenApiRequest(data) })
  if (!Buffer.isBuffer(raw)) {
    // node-sdk hands back a gateway error as an object ({ code, message }) when it does not throw it
    const res = (raw ?? {}) as { code?: unknown; message?: unknown; errcode?: unknown; errmsg?: unknown }
    if (res.errcode) throw new WxOpenApiError(api, Number(res.errcode), String(res.errmsg ?? ''))
    throw new Error(`openapi.${api} failed: ${String(res.code ?? 'no answer')} ${String(res.message ?? '')}`.trim())
  }
  let resp: CommOpenApiResp
  try {
    resp = decodeOpenApiResponse(raw)
  } catch {
    // not protobuf: the gateway's own JSON error (node-sdk parsed it only when its content-type said JSON)
    let parsed: { code?: unknown; message?: unknown } = {}
    try { parsed = JSON.parse(raw.toString('utf8')) } catch { /* unknown body */ }
    throw new Error(`openapi.${api} failed: ${String(parsed.code ?? 'unreadable answer')} ${String(parsed.message ?? '')}`.trim())
  }
  if (resp.errorCode) throw new WxOpenApiError(api, resp.errorCode, `system error: error code: ${resp.errorCode}`)
  if (/(application\/json)|(text\/plain)/.test(resp.contentType)) {
    let data: Record<string, any>
    try {
      data = JSON.parse(resp.respData.toString('utf8'))
    } catch {
      throw new WxOpenApiError(api, -1, `response body is not JSON: ${resp.respData.toString('utf8').slice(0, 100)}`)
    }
    if (data && Number(data.errcode ?? 0) !== 0) throw new WxOpenApiError(api, Number(data.errcode), String(data.errmsg ?? ''))
    return { kind: 'json', data: data ?? {} }
  }
  if (resp.respData.length === 0) throw new WxOpenApiError(api, -1, 'empty response')
  return { kind: 'binary', contentType: resp.contentType.trim(), buffer: resp.respData }
}

/** Every 云调用 this code makes, by the function bundles that make it (config.json `permissions.openapi`). */
export const OPENAPI_MSG_SEC_CHECK = 'security.msgSecCheck'
export const OPENAPI_MEDIA_CHECK_ASYNC = 'security.mediaCheckAsync'
export const OPENAPI_SUBSCRIBE_SEND = 'subscribeMessage.send'
export const OPENAPI_WXACODE_UNLIMITED = 'wxacode.getUnlimited'
