import { HOST_ORDERS_PAGE } from '../../services/membership-routes'
import type { OrderStatus } from '../../../types/membership'

export { HOST_CIRCLE_FORM_PAGE, HOST_FLAGGED_PAGE, HOST_ORDERS_PAGE, circleFormUrl } from '../../services/membership-routes'

export const hostOrdersUrl = (status?: OrderStatus) => (status ? `${HOST_ORDERS_PAGE}?status=${status}` : HOST_ORDERS_PAGE)
