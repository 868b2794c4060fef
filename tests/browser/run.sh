#!/usr/bin/env bash
# Runs the real-browser end-to-end tests of `triangulate serve` (see README.md).
# Needs Node 20+, Chromium at /usr/bin/chromium (or $CHROMIUM) and the release binary
# (target/release/triangulate, or $TRIANGULATE_BIN).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"
if [ ! -d node_modules/playwright-core ]; then
  npm ci --no-audit --no-fund
fi
exec node e2e.mjs "$@"
