/** Router params may arrive still percent-encoded (WeChat passes the query as written). */
export function safeDecode(raw: string | undefined): string {
  if (!raw) return ''
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}
