import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import { ErrorPage } from '../error-state'
import Skeleton from '../skeleton'
import type { QueryState } from '../../services/use-query'

interface FormLoaderProps<T> {
  /** What the form edits (null for a new one); the form renders once it is known. */
  query: QueryState<T>
  children: (data: T) => ReactNode
}

/** A host form's first paint: a skeleton while what it edits loads, the reason and a retry when that fails, then the form. */
export default function FormLoader<T>({ query, children }: FormLoaderProps<T>) {
  if (query.loading) return <FormSkeleton />
  if (query.data === undefined) return <ErrorPage error={query.error} onRetry={query.refetch} className='form-page' />
  return <>{children(query.data)}</>
}

function FormSkeleton() {
  return (
    <View className='page form-page' aria-busy>
      <View className='card form-page-card'>
        <Skeleton width={240} height={136} />
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} width='100%' height={44} className='form-page-skeleton-gap' />
        ))}
      </View>
      <View className='card form-page-card'>
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} width='100%' height={44} className='form-page-skeleton-gap' />
        ))}
      </View>
    </View>
  )
}
