#!/usr/bin/env bash
# Makes sure the system libraries Entente links are present: LAPACKE (headers + pkg-config) and OpenBLAS.
# Installs them with apt (via sudo when not root) or stops with a one-line message naming the packages.
set -euo pipefail
packages="liblapacke-dev libopenblas0-pthread"
have() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
missing=""
for p in $packages; do have "$p" || missing="$missing $p"; done
if ! command -v swift >/dev/null 2>&1; then
  echo "entente: Swift 6.1 or newer is required (https://www.swift.org/install/linux/)" >&2; exit 1
fi
[ -z "$missing" ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "entente: please install LAPACKE and OpenBLAS (Debian/Ubuntu packages:$missing)" >&2; exit 1
fi
if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
  echo "entente: run as root or install:$missing (apt-get install$missing)" >&2; exit 1
fi
echo "entente: installing$missing with apt-get" >&2
$sudo apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >&2
