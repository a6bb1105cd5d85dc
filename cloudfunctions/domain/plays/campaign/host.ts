// The host's side every play's campaign shares (秒杀, 拼团, 砍价, 助力): a new
// campaign keeps the host's terms (its title trimmed), runs from the start and
// keeps who made it and when; the host pauses or resumes it until it ends; the
// host's page lists the campaigns newest first, each in the play's host view
// (with its measures). The play keeps its own checks, terms and views.
import { randomUUID } from 'node:crypto'
import type { Page, PageInput } from '../../../../types/page'
import { AppError } from '../../../platform/app-error'
import type { Caller } from '../../../platform/define-action'
import type { Runtime } from '../../../platform/runtime'

/** What every play's campaign document has for its host (`endAt`: when a timed play's campaign ends). */
export type HostCampaignDoc = { _id: string; title: string; endAt?: number; paused: boolean; createdBy: string; createdAt: number; updatedAt: number }

/** What the host gives: the campaign's own terms. */
type Terms<D extends HostCampaignDoc> = Omit<D, '_id' | 'paused' | 'createdBy' | 'createdAt' | 'updatedAt'>

export type CampaignHostOptions<D extends HostCampaignDoc, V> = {
  /** The play's campaign collection. */
  collection: string
  /** Campaigns on the host's page (each view costs its measures' requests). */
  hostPage: number
  /** The play's host view of one campaign. */
  view: (runtime: Runtime, campaign: D, now: number) => Promise<V>
  /** The play's campaign by id (its own NOT_FOUND refusal). */
  load: (runtime: Runtime, id: string) => Promise<D>
  /** For a timed play: the refusal when the host pauses or resumes a campaign that ended (砍价活动已结束). */
  ended?: string
}

export type CampaignHost<D extends HostCampaignDoc, V> = {
  /** Stores the host's new campaign (running, made by the caller now) and returns its host view. */
  create(runtime: Runtime, caller: Caller, terms: Terms<D>, now: number): Promise<V>
  /** Pauses or resumes a campaign (refused once it ended); returns its host view as it now is. */
  setPaused(runtime: Runtime, campaignId: string, paused: boolean, now: number): Promise<V>
  /** The host's page of campaigns, newest first. */
  hostPage(runtime: Runtime, input: PageInput, now: number): Promise<Page<V>>
}

export function campaignHost<D extends HostCampaignDoc, V>(options: CampaignHostOptions<D, V>): CampaignHost<D, V> {
  const { collection, view } = options
  return {
    async create(runtime, caller, terms, now) {
      const campaign = { _id: randomUUID(), ...terms, title: terms.title.trim(), paused: false, createdBy: caller.openid, createdAt: now, updatedAt: now } as D
      await runtime.store.collection<D>(collection).insert(campaign)
      return view(runtime, campaign, now)
    },
    async setPaused(runtime, campaignId, paused, now) {
      const campaign = await options.load(runtime, campaignId)
      if (options.ended && campaign.endAt !== undefined && now >= campaign.endAt) throw new AppError('CONFLICT', options.ended)
      await runtime.store.collection<D>(collection).update(campaign._id, { set: { paused, updatedAt: now } })
      return view(runtime, { ...campaign, paused, updatedAt: now }, now)
    },
    async hostPage(runtime, input, now) {
      const page = await runtime.store.collection<D>(collection).find({}, { sort: [['createdAt', 'desc']], limit: options.hostPage, after: input.after })
      return { items: await Promise.all(page.items.map((campaign) => view(runtime, campaign, now))), next: page.next }
    }
  }
}
