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

// ---- minimal protobuf (proto3) for the two messages ----

function varint(value: number): Buffer {
  const out: number[] = []
  let v = value >>> 0
  if (value < 0) {
    // int32 negatives are 10-byte varints (two's complement, 64 bits)
    let big = BigInt.asUintN(64, BigInt(value))
    while (big >= 0x80n) { out.push(Number(big & 0x7fn) | 0x80); big >>= 7n }
    out.push(Number(big))
    return Buffer.from(out)
  }
  while (v >= 0x80) { out.push((v & 0x7f) | 0x80); v >>>= 7 }
  out.push(v)
  return Buffer.from(out)
}

function field(no: number, wireType: 0 | 2, payload: Buffer | number): Buffer {
  const key = varint((no << 3) | wireType)
  if (wireType === 0) return Buffer.concat([key, varint(payload as number)])
  const bytes = payload as Buffer
  return Buffer.concat([key, varint(bytes.length), bytes])
}

/** CommApiData { apiType = 1 (OPEN_API = 0); openapiData = 2 { pairs = 1 { key = 1; value = 2 } }; appid = 6 }. */
export function encodeOpenApiRequest(data: Record<string, unknown>, appid?: string): Buffer {
  const pairs = Object.entries(data)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => field(1, 2, Buffer.concat([field(1, 2, Buffer.from(key)), field(2, 2, Buffer.from(JSON.stringify(value)))])))
  // apiType is written even at 0, as protobufjs does for a set field
  const parts = [field(1, 0, 0), field(2, 2, Buffer.concat(pairs))]
  if (appid) parts.push(field(6, 2, Buffer.from(appid)))
  return Buffer.concat(parts)
}

interface Reader { buf: Buffer; pos: number }

function readVarint(r: Reader): bigint {
  let result = 0n
  let shift = 0n
  for (;;) {
    if (r.pos >= r.buf.length) throw new Error('truncated varint')
    const byte = r.buf[r.pos++]
    result |= BigInt(byte & 0x7f) << shift
    if ((byte & 0x80) === 0) return result
    shift += 7n
    if (shift > 70n) throw new Error('varint too long')
  }
}

export interface CommOpenApiResp { respData: Buffer; contentType: string; errorCode: number; httpCode: number }

/** CommOpenApiResp { respData = 1 bytes; contentType = 2 string; errorCode = 3 int32; httpCode = 4 uint32; headers = 5; svrkitErrorCode = 6 }. */
export function decodeOpenApiResponse(buf: Buffer): CommOpenApiResp {
  const r: Reader = { buf, pos: 0 }
  const out: CommOpenApiResp = { respData: Buffer.alloc(0), contentType: '', errorCode: 0, httpCode: 0 }
  while (r.pos < buf.length) {
    const key = Number(readVarint(r))
    const no = key >>> 3
    const wire = key & 7
    if (wire === 0) {
      const v = readVarint(r)
      if (no === 3) out.errorCode = Number(BigInt.asIntN(32, v))
      else if (no === 4) out.httpCode = Number(BigInt.asUintN(32, v))
    } else if (wire === 2) {
      const len = Number(readVarint(r))
      if (r.pos + len > buf.length) throw new Error('truncated field')
      const bytes = buf.subarray(r.pos, r.pos + len)
      r.pos += len
      if (no === 1) out.respData = Buffer.from(bytes)
      else if (no === 2) out.contentType = bytes.toString('utf8')
    } else if (wire === 5) r.pos += 4
    else if (wire === 1) r.pos += 8
    else throw new Error(`unsupported wire type ${wire}`)
  }
  return out
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
