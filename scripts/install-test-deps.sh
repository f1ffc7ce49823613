#!/usr/bin/env bash
# Installs what the tests need from Debian's repositories: Chromium (Playwright drives it;
# no browser download) and poppler-utils (pdftotext). Skips what is already there.
set -euo pipefail
if command -v chromium >/dev/null && command -v pdftotext >/dev/null; then exit 0; fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium poppler-utils
