// Every collection and its indexes, declared once. The embedded adapter creates
// tables and expression indexes from this; the CloudBase setup script creates the
// same collections and indexes at deploy.
import type { SortDirection } from '../ports/store'

export interface IndexDeclaration {
  name: string
  fields: Array<[string, SortDirection]>
}

export interface CollectionDeclaration {
  name: string
  indexes: IndexDeclaration[]
}

export const COLLECTIONS = {
  members: {
    name: 'members',
    indexes: [{ name: 'joined', fields: [['joinedAt', 'desc']] }]
  },
  outbox: {
    name: 'outbox',
    indexes: [{ name: 'due', fields: [['status', 'asc'], ['nextAttemptAt', 'asc']] }]
  },
  notifications: {
    name: 'notifications',
    indexes: [{ name: 'recipient', fields: [['openid', 'asc'], ['sentAt', 'desc']] }]
  },
  jobRuns: {
    name: 'job_runs',
    indexes: [{ name: 'job', fields: [['job', 'asc'], ['startedAt', 'desc']] }]
  },
  files: {
    name: 'files',
    indexes: [{ name: 'owner', fields: [['ownerOpenid', 'asc'], ['createdAt', 'desc']] }]
  }
} as const satisfies Record<string, CollectionDeclaration>

export type CollectionKey = keyof typeof COLLECTIONS

export function allCollections(): CollectionDeclaration[] {
  return Object.values(COLLECTIONS) as unknown as CollectionDeclaration[]
}
