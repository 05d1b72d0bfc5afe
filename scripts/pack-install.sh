#!/usr/bin/env bash
# Packs costcurve, installs the tarball into a fresh prefix as a user would (the optional node-llama-cpp peer left
# out), runs `costcurve --version` and `costcurve demo` from there, checks the missing-peer message and prints the
# installed size (target: under 60 MB). Uses the npm cache first; run after `npm run build`.
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
npm pack --ignore-scripts --silent --pack-destination "$work" >/dev/null
tarball="$(ls "$work"/costcurve-*.tgz)"
if tar tzf "$tarball" | grep -E '\.test\.|test-support|fake-server|pg-test-server|store\.contract' ; then
  echo "pack-install: the tarball ships test code (listed above)" >&2
  exit 1
fi
npm install -g --prefix "$work/prefix" "$tarball" --prefer-offline --no-audit --no-fund --loglevel=error >/dev/null
bin="$work/prefix/bin/costcurve"
"$bin" --version
"$bin" demo >/dev/null
test -d "$work/prefix/lib/node_modules/costcurve/node_modules/node-llama-cpp" && { echo "pack-install: node-llama-cpp was installed" >&2; exit 1; }
touch "$work/model.gguf"
if "$bin" serve-gguf "$work/model.gguf" 2>"$work/err"; then echo "pack-install: serve-gguf ran without node-llama-cpp" >&2; exit 1; fi
grep -q "npm install node-llama-cpp@" "$work/err" || { cat "$work/err" >&2; exit 1; }
size_mb="$(du -sm "$work/prefix" | cut -f1)"
echo "pack-install: tarball $(du -k "$tarball" | cut -f1) kB; installed size ${size_mb} MB in $(ls "$work/prefix/lib/node_modules/costcurve/node_modules" | wc -l) top-level packages (target under 60 MB)"
test "$size_mb" -lt 60
