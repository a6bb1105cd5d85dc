/** One page of a keyset-paged list: pass `next` back as `after` for the following page. */
export interface Page<T> {
  items: T[]
  next: string | null
}

/** Paging input shared by list actions. */
export interface PageInput {
  after?: string | null
}
