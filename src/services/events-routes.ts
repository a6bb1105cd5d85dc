// Pages of the events and host-events subpackages, in one place so a moved page
// breaks one line. 我的 imports this file, so it stays tiny.
export const EVENTS_PAGE = '/packages/events/list/index'
export const EVENT_DETAIL_PAGE = '/packages/events/detail/index'
export const MY_TICKETS_PAGE = '/packages/events/tickets/index'
export const HOST_EVENTS_PAGE = '/packages/host-events/index/index'
export const HOST_EVENT_FORM_PAGE = '/packages/host-events/event-form/index'
export const HOST_ATTENDEES_PAGE = '/packages/host-events/attendees/index'
export const HOST_SCANNER_PAGE = '/packages/host-events/scanner/index'

const withId = (page: string, id: string) => `${page}?id=${encodeURIComponent(id)}`
export const eventDetailUrl = (eventId: string) => withId(EVENT_DETAIL_PAGE, eventId)
export const eventFormUrl = (eventId?: string) => (eventId ? withId(HOST_EVENT_FORM_PAGE, eventId) : HOST_EVENT_FORM_PAGE)
export const attendeesUrl = (eventId: string) => withId(HOST_ATTENDEES_PAGE, eventId)
export const scannerUrl = (eventId: string) => withId(HOST_SCANNER_PAGE, eventId)
