import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.css'

interface SkeletonProps {
  width: number | string
  height: number
  round?: boolean
  className?: string
}

/** A shimmering placeholder block, sized in design px (or a % width). */
export default function Skeleton({ width, height, round, className }: SkeletonProps) {
  const style = {
    width: typeof width === 'number' ? Taro.pxTransform(width) : width,
    height: Taro.pxTransform(height),
    borderRadius: round ? '50%' : Taro.pxTransform(8)
  }
  return <View className={`skeleton ${className ?? ''}`} style={style} />
}

/** Who wrote a post or comment, while it loads: the round avatar, then the name over a longer grey line. */
export function AuthorSkeleton({ avatar, widths, className }: { avatar: number; widths: [number, number]; className?: string }) {
  return (
    <View className={`author-skeleton row ${className ?? ''}`}>
      <Skeleton width={avatar} height={avatar} round />
      <View className='fill-col'>
        <Skeleton width={widths[0]} height={Math.round(avatar * 0.375)} />
        <Skeleton width={widths[1]} height={Math.round(avatar * 0.3)} className='skeleton-gap' />
      </View>
    </View>
  )
}

/** A card's placeholder blocks top to bottom, each [width, height] (a % width or design px). */
export type SkeletonLines = ReadonlyArray<readonly [number | string, number]>

/** Blocks stacked with the gap between lines: a card of plain lines while it loads. */
export function LinesSkeleton({ lines }: { lines: SkeletonLines }) {
  return (
    <>
      {lines.map(([width, height], i) => (
        <Skeleton key={i} width={width} height={height} className={i > 0 ? 'skeleton-gap' : ''} />
      ))}
    </>
  )
}

/**
 * A list page while its first page loads: `count` cards (`card ${card}`), each drawn by children or, when it is plain
 * lines, by `lines`; on `.page ${page}`, or bare under a header the list keeps on screen while loading (no `page`).
 */
export function CardsSkeleton({ page, card = '', count = 3, lines, children }: { page?: string; card?: string; count?: number; lines?: SkeletonLines; children?: ReactNode }) {
  return (
    <View className={page === undefined ? '' : `page ${page}`} aria-busy>
      {Array.from({ length: count }, (_, i) => (
        <View key={i} className={`card ${card}`}>
          {lines ? <LinesSkeleton lines={lines} /> : children}
        </View>
      ))}
    </View>
  )
}
