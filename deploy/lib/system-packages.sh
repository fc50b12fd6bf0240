#!/usr/bin/env bash
# Installs the Debian packages Beian builds against when they are missing:
# libsqlite3-dev (SQLite 3) and libssl-dev (OpenSSL 3), plus pkg-config and python3 (the
# protocol spec's example client is run by the tests). Safe to run again: it installs nothing
# that is already there.
set -euo pipefail

needed=()
for pkg in libsqlite3-dev libssl-dev pkg-config python3; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
        needed+=("$pkg")
    fi
done
if [ ${#needed[@]} -gt 0 ]; then
    echo "installing missing system packages: ${needed[*]}" >&2
    sudo_cmd=()
    if [ "$(id -u)" != 0 ]; then sudo_cmd=(sudo); fi
    export DEBIAN_FRONTEND=noninteractive
    "${sudo_cmd[@]}" apt-get update -q
    "${sudo_cmd[@]}" apt-get install -y -q "${needed[@]}"
fi
if ! command -v swift >/dev/null 2>&1; then
    echo "swift is not on PATH: install the Swift 6 toolchain (https://swift.org/install) first" >&2
    exit 1
fi
