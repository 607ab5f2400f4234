#!/usr/bin/env bash
# The browser tests drive Debian's Chromium in its headless shell, /usr/bin/chromium-headless-shell
# (no browser is downloaded); Debian's full Chromium comes with it, to watch a journey in a window
# (HEARTH_CHROMIUM=/usr/bin/chromium npx playwright test --headed).
# `npm test` runs this first: when the browser is missing it installs it, as root or with sudo that
# needs no password, and otherwise stops before any test starts, saying the one command to run.
set -euo pipefail
chromium=${HEARTH_CHROMIUM:-/usr/bin/chromium-headless-shell}
[ -x "$chromium" ] && exit 0

packages=(chromium chromium-headless-shell fonts-liberation)
if [ "$(id -u)" -eq 0 ]; then
  run=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  run=(sudo -n)
else
  echo "The browser tests need Debian's Chromium at $chromium, and this user cannot install it." >&2
  echo "Run:  sudo apt-get update && sudo apt-get install -y ${packages[*]}" >&2
  echo "then run npm test again." >&2
  exit 1
fi
if ! command -v apt-get >/dev/null; then
  echo "The browser tests need Chromium at $chromium: this machine has no apt-get to install it." >&2
  echo "Install Chromium and set HEARTH_CHROMIUM to its path, then run npm test again." >&2
  exit 1
fi
echo "Installing Debian's Chromium and its headless shell for the browser tests (apt-get install ${packages[*]}) ..."
export DEBIAN_FRONTEND=noninteractive
"${run[@]}" apt-get update -qq
"${run[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
[ -x "$chromium" ] || {
  echo "apt-get installed ${packages[*]}, but $chromium is still missing." >&2
  exit 1
}
echo "Chromium installed: $chromium"
