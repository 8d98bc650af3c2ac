#!/usr/bin/env bash
# Builds the DocC reference for the umbrella module `Entente` (every layer it re-exports) and fails on any warning.
#
# swift-docc-plugin extracts symbols of the named target only, so `generate-documentation --target Entente` would
# leave out the re-exported layers (swift-docc-plugin issue #113). This script extracts the umbrella's symbol graph
# with the layers allowed as re-exports and converts the catalog with the toolchain's docc.
set -euo pipefail
cd "$(dirname "$0")/.."

layers=EntenteNumerics,EntenteGames,EntenteCooperative,EntenteAlliances,EntenteIO
out=.build/documentation
graphs=$out/symbol-graphs

swift build --target Entente
bin=$(swift build --show-bin-path)
triple=$(swift -print-target-info | sed -n 's/.*"unversionedTriple": *"\([^"]*\)".*/\1/p' | head -n 1)

rm -rf "$graphs" "$out/Entente.doccarchive"
mkdir -p "$graphs"
# shellcheck disable=SC2046  # pkg-config prints several -I flags
swift-symbolgraph-extract -module-name Entente -target "$triple" \
    -I "$bin/Modules" -I Sources/CLAPACKE $(pkg-config --cflags-only-I lapacke) \
    -minimum-access-level public -skip-inherited-docs -emit-extension-block-symbols \
    -experimental-allowed-reexported-modules="$layers" -output-dir "$graphs"
docc convert Sources/Entente/Entente.docc --additional-symbol-graph-dir "$graphs" --warnings-as-errors \
    --fallback-display-name Entente --fallback-bundle-identifier Entente --output-path "$out/Entente.doccarchive"
echo "DocC archive: $out/Entente.doccarchive"
