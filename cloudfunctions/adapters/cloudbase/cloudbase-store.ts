// The Store on CloudBase's document database (@cloudbase/node-sdk). The database
// handle is created once per function instance by the CloudBase runtime.
import { randomUUID } from 'node:crypto'
import type { BaseDoc, Collection, DocOps, FindOptions, Page, Store, Transaction } from '../../ports/store'
import { InvalidCursorError, StoreConflictError } from '../../ports/store'
import { applyUpdate, clampLimit, decodeCursor, encodeCursor, matchesFilter, normalizeSort } from '../store/document-ops'
import { isDuplicateKeyError, keysetQuery, toQuery, toUpdate, type Command } from './cloudbase-query'

/* eslint-disable @typescript-eslint/no-explicit-any */
type Db = any

export class CloudbaseError extends Error {
  constructor(readonly code: string, message: string) {
    super(`${code}: ${message}`)
    this.name = 'CloudbaseError'
  }
}

/** The database SDK returns (rather than throws) failures as { code, message }. */
function checked(res: any): any {
  if (res && typeof res === 'object' && res.code) throw new CloudbaseError(String(res.code), String(res.message ?? ''))
  return res
}

function firstDoc<T>(res: { data?: unknown }): T | null {
  const data = res?.data
  if (Array.isArray(data)) return (data[0] as T) ?? null
  return (data as T) ?? null
}

export class CloudbaseStore implements Store {
  readonly kind = 'cloudbase' as const
  private readonly _: Command

  constructor(private readonly db: Db) {
    this._ = db.command
  }

  private async insertInto(ref: any, name: string, input: Record<string, unknown>): Promise<string> {
    const id = (input._id as string | undefined) ?? randomUUID()
    try {
      checked(await ref.add({ ...input, _id: id }))
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new StoreConflictError(name, id)
      throw error
    }
    return id
  }

  collection<T extends BaseDoc>(name: string): Collection<T> {
    const ref = () => this.db.collection(name)
    const _ = this._
    const get = async (id: string) => firstDoc<T>(checked(await ref().doc(id).get()))
    const ops: DocOps<T> = {
      get,
      insert: (input) => this.insertInto(ref(), name, input as Record<string, unknown>),
      update: async (id, update) => {
        const res = checked(await ref().where({ _id: id }).update(toUpdate(_, update)))
        // CloudBase counts modified documents: an update that changes nothing reports 0.
        return res.updated > 0 || (await get(id)) !== null
      },
      updateIf: async (id, condition, update) => {
        // One conditional write on the server: atomic, no read-then-write race.
        const res = checked(await ref().where({ ...toQuery(_, condition), _id: id }).update(toUpdate(_, update)))
        return res.updated > 0
      },
      set: async (doc) => {
        const { _id, ...rest } = doc as BaseDoc & Record<string, unknown>
        checked(await ref().doc(_id).set(rest))
      },
      remove: async (id) => (checked(await ref().doc(id).remove()).deleted ?? 0) > 0
    }
    return {
      ...ops,
      find: async (filter, options: FindOptions = {}): Promise<Page<T>> => {
        const sort = normalizeSort(options.sort)
        const limit = clampLimit(options.limit)
        let where: unknown = toQuery(_, filter)
        if (options.after) {
          const values = decodeCursor(options.after, sort)
          if (!values) throw new InvalidCursorError()
          where = _.and([where, keysetQuery(_, sort, values)])
        }
        let query = ref().where(where)
        for (const [path, direction] of sort) query = query.orderBy(path, direction)
        const res = checked(await query.limit(limit + 1).get())
        const rows = (res.data ?? []) as T[]
        const items = rows.slice(0, limit)
        const next = rows.length > limit ? encodeCursor(items[items.length - 1] as unknown as Record<string, unknown>, sort) : null
        return { items, next }
      },
      count: async (filter) => checked(await ref().where(toQuery(_, filter)).count()).total ?? 0
    }
  }

  async transaction<R>(fn: (tx: Transaction) => Promise<R>): Promise<R> {
    // CloudBase transactions allow document operations only, and runTransaction
    // retries fn on a write conflict, so fn must have no effects outside tx.
    return this.db.runTransaction(async (t: any) => {
      const tx: Transaction = {
        collection: <T extends BaseDoc>(name: string): DocOps<T> => {
          const ref = () => t.collection(name)
          const get = async (id: string) => firstDoc<T>(checked(await ref().doc(id).get()))
          const replace = async (doc: T) => {
            const { _id, ...rest } = doc as BaseDoc & Record<string, unknown>
            checked(await ref().doc(_id).set(rest))
          }
          return {
            get,
            insert: (input) => this.insertInto(ref(), name, input as Record<string, unknown>),
            update: async (id, update) => {
              const current = await get(id)
              if (!current) return false
              await replace(applyUpdate(current as T & Record<string, unknown>, update))
              return true
            },
            updateIf: async (id, condition, update) => {
              const current = await get(id)
              if (!current || !matchesFilter(current as unknown as Record<string, unknown>, condition)) return false
              await replace(applyUpdate(current as T & Record<string, unknown>, update))
              return true
            },
            set: replace,
            remove: async (id) => (checked(await ref().doc(id).delete()).deleted ?? 1) > 0
          }
        }
      }
      return fn(tx)
    })
  }

  async close(): Promise<void> {}
}
