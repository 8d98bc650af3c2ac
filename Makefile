# Entente — the two commands from the README.
#   make run    builds in release mode and runs the main job on the built-in default
#   make test   runs the test suite
# Both install LAPACKE/OpenBLAS with apt first if they are missing.
export OPENBLAS_NUM_THREADS ?= 1

.PHONY: run test deps bench docs howto lint format

deps:
	@scripts/ensure-deps.sh

run: deps
	swift build -c release --product entente
	.build/release/entente $(ARGS)

test: deps
	swift build --build-tests
	swift test --skip-build

bench: deps
	cd Benchmarks && swift package --disable-sandbox benchmark

docs:
	scripts/docs.sh

# Runs every shell command of the how-to guides (docs/howto/*.md) with the debug build of entente.
howto: deps
	scripts/check-howto.sh

# Style check with the checked-in .swift-format (not yet part of `make test`: the code base predates the
# configuration; `make format` rewrites files in place).
lint:
	swift format lint --recursive Sources Tests Package.swift

format:
	swift format format --in-place --recursive Sources Tests Package.swift
