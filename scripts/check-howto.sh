#!/usr/bin/env bash
# Runs every ```sh block of docs/howto/*.md, in order, one fresh directory per guide, with the debug build of
# `entente` first on PATH. Fails on the first command that fails. Usage: scripts/check-howto.sh [guide.md ...]
set -euo pipefail
cd "$(dirname "$0")/.."
export OPENBLAS_NUM_THREADS=1
swift build --product entente >/dev/null
PATH="$(swift build --show-bin-path):$PATH"
export PATH
guides=("$@")
[ ${#guides[@]} -gt 0 ] || guides=(docs/howto/*.md)
for guide in "${guides[@]}"; do
    dir=$(mktemp -d)
    awk '/^```sh$/ { on = 1; next } /^```$/ { on = 0; next } on' "$guide" > "$dir/commands.sh"
    echo "== $guide ($(grep -c . "$dir/commands.sh") lines)"
    (cd "$dir" && bash -euo pipefail commands.sh > output.txt 2> stderr.txt) || {
        echo "FAILED: $guide (output in $dir)"; tail -5 "$dir/stderr.txt"; exit 1; }
    rm -rf "$dir"
done
echo "every how-to command ran"
