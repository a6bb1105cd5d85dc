// Subscribe messages (订阅消息) to members. In WeChat a member authorises each
// template once per tap (requestSubscribeMessage); the server then sends at most once.

export interface SubscribeMessage {
  openid: string
  /** Our template key (e.g. 'welcome'); the adapter maps it to WeChat's template id. */
  template: string
  /** Page the message opens, e.g. 'pages/me/index'. */
  page?: string
  data: Record<string, string>
}

export interface Notifier {
  send(message: SubscribeMessage): Promise<void>
}

/** A failure worth retrying later (network, rate limit) versus one that never will succeed. */
export class NotifyError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean
  ) {
    super(message)
    this.name = 'NotifyError'
  }
}
