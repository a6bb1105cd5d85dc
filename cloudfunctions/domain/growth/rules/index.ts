// Every scoring rule, by the fact it counts.
import type { FactType } from '../../facts/facts'
import type { ScoringRule } from './rule'
import { checkinPosted } from './checkin-posted'
import { streakReached } from './streak-reached'
import { challengeCompleted } from './challenge-completed'
import { featuredByHost } from './featured-by-host'
import { commentReceived } from './comment-received'
import { firstPayment } from './first-payment'
import { eventAttended } from './event-attended'
import { inviteActivated } from './invite-activated'
import { testimonialConverted } from './testimonial-converted'

export const SCORING_RULES: ScoringRule[] = [checkinPosted, streakReached, challengeCompleted, featuredByHost, commentReceived, firstPayment, eventAttended, inviteActivated, testimonialConverted]

export const RULE_FOR_EVENT = new Map<FactType, ScoringRule>(SCORING_RULES.map((rule) => [rule.counts, rule]))
