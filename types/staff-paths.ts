/** The page a staff invite link opens (the server builds the link; the app registers the page). */
export const STAFF_JOIN_PATH = '/packages/host-team/join/index'
