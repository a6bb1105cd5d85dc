// Moved to the orders module (it settles orders of every kind); kept for the imports that still name this path.
export { MAX_NOTIFY_BYTES, handlePayNotify, type HttpAnswer, type HttpEvent } from '../orders/pay-notify'
