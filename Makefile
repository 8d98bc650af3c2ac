# Entente — the two commands from the README.
#   make run    builds in release mode and runs the main job on the built-in default
#   make test   runs the test suite
# Both install LAPACKE/OpenBLAS with apt first if they are missing.
export OPENBLAS_NUM_THREADS ?= 1

.PHONY: run test deps bench docs howto lint format hostile

deps:
	@scripts/ensure-deps.sh

run: deps
	swift build -c release --product entente
	.build/release/entente $(ARGS)

test: deps lint
	swift build --build-tests
	swift test --skip-build

bench: deps
	cd Benchmarks && swift package --disable-sandbox benchmark

docs:
	scripts/docs.sh

# Runs every shell command of the how-to guides (docs/howto/*.md) with the debug build of entente.
howto: deps
	scripts/check-howto.sh

# The hostile corpus of issue 12 on the release binary (about 15 minutes; not part of `make test`, docs/fuzzing.md).
hostile: deps
	swift build -c release --product entente
	scripts/hostile-corpus.py

# Style check with the checked-in .swift-format, part of `make test` (so of CI); `make format` rewrites files in place.
lint:
	swift format lint --strict --recursive Sources Tests Package.swift

format:
	swift format format --in-place --recursive Sources Tests Package.swift
