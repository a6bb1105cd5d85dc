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
import { PbfReader, PbfWriter } from 'pbf'

// Sources: wx-server-sdk 4.0.2 index.js `src/api/openapi/openapi.ts` (callWXOpenAPI),
// `src/api/cloud/provider/tcb/api/callWXOpenAPI.ts` (callGeneralOpenAPI) and
// `src/protobuf/openapi.js`; @cloudbase/node-sdk 3.18.3 `src/wx/index.ts`.

/** The one method of the node-sdk app this route needs (a `tcb.init()` app has it). */
export interface CompatibleOpenApiTransport {
  callCompatibleWxOpenApi(options: { apiName: string; requestData: Buffer; cgiName?: string }): Promise<unknown>
}

/** A 云调用 failed: `errcode` is WeChat's (43101, 47003, …), or the platform's (-604101: the API is not in config.json's permissions.openapi). */
export class WxOpenApiError extends Error {
  constructor(
    readonly api: string,
    readonly errcode: number,
    message: string
  ) {
    super(`openapi.${api} errcode ${errcode}: ${message}`)
    this.name = 'WxOpenApiError'
  }
}

/** A JSON answer: errcode/errmsg on every API, the rest depends on the API (the fields our callers read are named). */
export interface OpenApiJson {
  errcode?: number
  errmsg?: string
  /** msgSecCheck v2: pass | review | risky. */
  result?: { suggest?: string }
  /** mediaCheckAsync v2. */
  trace_id?: unknown
  [field: string]: unknown
}

export type OpenApiResult = { kind: 'json'; data: OpenApiJson } | { kind: 'binary'; contentType: string; buffer: Buffer }

// ---- the two protobuf messages, on pbf (Mapbox's protocol-buffer reader and
// writer, about 8 KB in a bundle; protobufjs/minimal was 20 KB in every function
// that makes a 云调用). Field numbers and types as wx-server-sdk's generated
// `src/protobuf/openapi.js` declares them:
//   OpenApiPair { string key = 1; bytes value = 2 }
//   OpenApiData { repeated OpenApiPair pairs = 1 }
//   CommApiData { ApiType apiType = 1 (OPEN_API = 0); OpenApiData openapiData = 2; string appid = 6 }
//   CommOpenApiResp { bytes respData = 1; string contentType = 2; int32 errorCode = 3; uint32 httpCode = 4;
//                     repeated OpenApiPair headers = 5; int32 svrkitErrorCode = 6 }
const OPEN_API = 0

/** CommApiData { apiType: OPEN_API, openapiData: { pairs: one per top-level field, its value JSON text }, appid }. */
export function encodeOpenApiRequest(data: Record<string, unknown>, appid?: string): Buffer {
  const writer = new PbfWriter()
  writer.writeVarintField(1, OPEN_API)
  writer.writeMessage(
    2,
    (fields: Array<[string, unknown]>, openapiData: PbfWriter) => {
      for (const [key, value] of fields) {
        openapiData.writeMessage(
          1,
          (_: unknown, pair: PbfWriter) => {
            pair.writeStringField(1, key)
            pair.writeBytesField(2, Buffer.from(JSON.stringify(value)))
          },
          null
        )
      }
    },
    Object.entries(data).filter(([, value]) => value !== undefined)
  )
  if (appid) writer.writeStringField(6, appid)
  return Buffer.from(writer.finish())
}

export interface CommOpenApiResp {
  respData: Buffer
  contentType: string
  errorCode: number
  httpCode: number
}

/** CommOpenApiResp { respData, contentType, errorCode, httpCode, headers, svrkitErrorCode }; throws on bytes that are not one. */
export function decodeOpenApiResponse(buf: Buffer): CommOpenApiResp {
  const reader = new PbfReader(buf)
  const resp = reader.readFields(
    (field, into, pbf) => {
      if (field === 1) into.respData = Buffer.from(pbf.readBytes())
      else if (field === 2) into.contentType = pbf.readString()
      else if (field === 3) into.errorCode = pbf.readVarint(true)
      else if (field === 4) into.httpCode = pbf.readVarint()
      // headers, svrkitErrorCode and anything newer are skipped by pbf
    },
    { respData: Buffer.alloc(0), contentType: '', errorCode: 0, httpCode: 0 } as CommOpenApiResp
  )
  // pbf reads past a truncated field without complaint (protobufjs threw "index out of range").
  if (reader.pos !== buf.length) throw new RangeError(`not a CommOpenApiResp: read ${reader.pos} of ${buf.length} bytes`)
  return resp
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
    try {
      parsed = JSON.parse(raw.toString('utf8'))
    } catch {
      /* unknown body */
    }
    throw new Error(`openapi.${api} failed: ${String(parsed.code ?? 'unreadable answer')} ${String(parsed.message ?? '')}`.trim())
  }
  if (resp.errorCode) throw new WxOpenApiError(api, resp.errorCode, `system error: error code: ${resp.errorCode}`)
  if (/(application\/json)|(text\/plain)/.test(resp.contentType)) {
    let data: OpenApiJson | null
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
