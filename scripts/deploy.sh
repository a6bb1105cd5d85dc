#!/usr/bin/env bash
# `npm run deploy`: bundle the functions, upload them with their triggers
# (cloudbaserc.json), then create collections and indexes. Needs TCB_ENV_ID,
# TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY and HOST_OPENIDS in the environment.
set -euo pipefail
: "${TCB_ENV_ID:?set TCB_ENV_ID to your CloudBase environment id}"
: "${TENCENTCLOUD_SECRETID:?set TENCENTCLOUD_SECRETID}"
: "${TENCENTCLOUD_SECRETKEY:?set TENCENTCLOUD_SECRETKEY}"
npm run build:functions
npx -y @cloudbase/cli@2 login --apiKeyId "$TENCENTCLOUD_SECRETID" --apiKey "$TENCENTCLOUD_SECRETKEY"
npx -y @cloudbase/cli@2 fn deploy --all --force -e "$TCB_ENV_ID"
npm install --no-save @cloudbase/manager-node@5
npx tsx scripts/cloudbase-setup.ts
