import { useState, type ReactNode } from 'react'
import { Text } from '@tarojs/components'
import { TextArea } from '../text-input'
import './index.css'

/** What a member is writing and what is wrong with it; typing clears the error. */
export function useDraft() {
  const [text, setText] = useState('')
  const [error, setError] = useState('')
  const onValue = (value: string) => {
    setText(value)
    if (error) setError('')
  }
  return { text, setText, error, setError, onValue }
}

export type Draft = ReturnType<typeof useDraft>

interface ComposerProps {
  draft: Draft
  /** The area's own class: its height, and the hook journeys select (ask-text). */
  className: string
  maxlength: number
  placeholder: string
  /** Show how much of maxlength is used (12/500) under the area. */
  counted?: boolean
  /** Between the area and the error line (a visibility switch, photos). */
  children?: ReactNode
}

/** A member's own words (a question, an answer): the text area, its count, what goes with it, then the error. */
export default function Composer({ draft, className, maxlength, placeholder, counted, children }: ComposerProps) {
  return (
    <>
      <TextArea className={`composer-text text-body ${className}`} value={draft.text} maxlength={maxlength} placeholder={placeholder} onValue={draft.onValue} />
      {counted ? (
        <Text className='composer-count text-quiet'>
          {Array.from(draft.text).length}/{maxlength}
        </Text>
      ) : null}
      {children}
      {draft.error ? <Text className='composer-error text-error'>{draft.error}</Text> : null}
    </>
  )
}
