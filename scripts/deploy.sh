#!/usr/bin/env bash
# `npm run deploy`, in the order the platform needs:
#   1. preflight (scripts/deploy-env.ts): turns the JSON and PEM settings into the
#      one-line base64 variables cloudbaserc.json reads (the CLI pastes `{{env.X}}`
#      into the JSON text unescaped), checks them with the functions' own decoders,
#      renders cloudbaserc.json with the CLI's renderer and refuses any function
#      whose environment is over SCF's 4 KB;
#   2. bundle the functions;
#   3. collections and indexes (scripts/cloudbase-setup.ts), before any function runs;
#   4. every function without a trigger, one by one;
#   5. the functions with triggers (the timer functions: settle, photoCheck,
#      insights, cron) last, so a timer only
#      fires once collections, indexes and every other function are live.
# Needs TCB_ENV_ID, TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY, HOST_OPENIDS and
# TICKET_SECRET; WeChat Pay and subscribe-message settings as in the README.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${TCB_ENV_ID:?set TCB_ENV_ID to your CloudBase environment id}"
: "${TENCENTCLOUD_SECRETID:?set TENCENTCLOUD_SECRETID}"
: "${TENCENTCLOUD_SECRETKEY:?set TENCENTCLOUD_SECRETKEY}"

derived="$(npx tsx scripts/deploy-env.ts)"
eval "$derived"

npm run build:functions

npm install --no-save --no-audit --no-fund @cloudbase/manager-node@5
npx tsx scripts/cloudbase-setup.ts

CLI="npx -y @cloudbase/cli@2"
$CLI login --apiKeyId "$TENCENTCLOUD_SECRETID" --apiKey "$TENCENTCLOUD_SECRETKEY"
plain=$(node -p "require('./cloudbaserc.json').functions.filter(f => !(f.triggers && f.triggers.length)).map(f => f.name).join(' ')")
timed=$(node -p "require('./cloudbaserc.json').functions.filter(f => f.triggers && f.triggers.length).map(f => f.name).join(' ')")
for name in $plain; do $CLI fn deploy "$name" --force -e "$TCB_ENV_ID"; done
# `fn deploy` creates a function's triggers after its code is active.
for name in $timed; do $CLI fn deploy "$name" --force -e "$TCB_ENV_ID"; done
