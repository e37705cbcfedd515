# carevoice: the two commands that matter are `make run` and `make test`.
# Both install what is missing (scripts/install-deps.sh), build, and then run or test.

JOBS ?= $(shell nproc)
DB ?= sqlite:var/carevoice.db
LISTEN ?= 127.0.0.1:8080

.PHONY: run test deps build-dev build-release unit storage http browser bench format clean

## make run: install, build (release), fill the demo database and serve http://127.0.0.1:8080
run: deps build-release
	./build/release/src/cli/carevoice demo --db $(DB)
	./build/release/src/cli/carevoice serve --db $(DB) --listen $(LISTEN)

## make test: install, build (debug with ASan + UBSan), run every test: unit, storage on SQLite and
## a throwaway PostgreSQL, HTTP, and browser tests in headless Chromium.
test: deps build-dev
	ctest --test-dir build/dev --output-on-failure -j $(JOBS) --timeout 600
	node --test --test-concurrency=1 e2e/

deps:
	@bash scripts/install-deps.sh

build-dev:
	cmake --preset dev >/dev/null
	cmake --build build/dev -j $(JOBS)

# make run needs only the server and its static files, not the release build of every test program.
build-release:
	cmake --preset release >/dev/null
	cmake --build build/release -j $(JOBS) --target carevoice carevoice_static

## make bench: Google Benchmark programs and the HTTP load test (see BENCHMARKS.md)
bench: deps build-release
	bash bench/run.sh

format:
	find src bench -name '*.cpp' -o -name '*.hpp' | xargs clang-format -i

clean:
	rm -rf build
