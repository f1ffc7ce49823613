#!/usr/bin/env bash
# Installs what the tests need from Debian's repositories: Chromium (Playwright drives it;
# no browser download), poppler-utils (pdftotext) and postgresql-client-15 (pg_dump and
# pg_restore for the backup test). Skips what is already there.
set -euo pipefail
if command -v chromium >/dev/null && command -v pdftotext >/dev/null && [ -x /usr/lib/postgresql/15/bin/pg_dump ]; then exit 0; fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium poppler-utils postgresql-client-15
