import type { AttendeeList } from '../../../types/events'
import { callFunction } from '../../services/api'
import { attendeesKey } from '../../services/events'
import { useQuery } from '../../services/use-query'

/** Who is coming to one event: counts and the list; shared by the console, the list page and the scanner. */
export function useAttendees(eventId: string) {
  return useQuery<AttendeeList>(attendeesKey(eventId || 'none'), () => callFunction('events', 'attendees', { eventId }))
}
