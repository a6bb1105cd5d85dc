// The paid capabilities, one line each: importing a capability's kind file
// registers its order kind (kinds.ts). Settlement, closing and refunds import
// this file, so every entry point that can meet an order knows every kind.
import '../membership/plan-order'
import '../events/seat-order'
import '../questions/question-order'
import '../deposits/deposit-order'
import '../plays/flash-sale/flash-order'
import '../plays/group-buy/group-order'
import '../plays/gift/gift-order'
import '../plays/bargain/bargain-order'
