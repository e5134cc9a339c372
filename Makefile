# Two commands (README): `make run` serves the product on embedded defaults, `make test` runs
# every check and every test tier. Everything else here is a step of those two.
# debug = Debug + ASan + UBSan (what the tests run); release = what `make run` serves.

PRESET ?= debug
DIALLER_RELEASE := build/release/src/dialler/main/dialler
DEMO_USERS ?= 5000

.PHONY: run test bootstrap build build-release web check tidy clean tsan

bootstrap:
	@tools/bootstrap.sh

web: bootstrap
	cd web && npm run --silent build

build: bootstrap
	cmake --preset $(PRESET) >/dev/null
	cmake --build --preset $(PRESET)

build-release: bootstrap
	cmake --preset release >/dev/null
	cmake --build --preset release --target dialler

# Applies migrations (serve does it in development), creates the demo replica once, serves.
run: build-release web
	@mkdir -p var
	@[ -f var/demo-replica.db ] || $(DIALLER_RELEASE) demo-data --users $(DEMO_USERS) --out sqlite://var/demo-replica.db
	@$(DIALLER_RELEASE) migrate >/dev/null
	@exec $(DIALLER_RELEASE) serve

test: build web
	tools/check.sh --tidy
	ctest --preset $(PRESET)

# The concurrency tests under ThreadSanitizer (its own build in build/tsan; ~10 min on 2 cores,
# so not part of `make test`): claims on two instances, the soak, login throttling races, job
# leases, the FIFO turns and the thread pool.
TSAN_TESTS ?= NeverShareACustomer|Throttle.*Race|ThrottleAcrossInstances|ConcurrentAcquirers|Fifo|ThreadPool
tsan: bootstrap
	cmake --preset tsan >/dev/null
	cmake --build --preset tsan
	DIALLER_SOAK_SECONDS=20 ctest --preset tsan -R '$(TSAN_TESTS)'

check:
	tools/check.sh

tidy: build
	tools/check.sh --tidy

clean:
	rm -rf build web/dist

# Benchmarks of docs/performance.md against the release build (bench/run.sh; minutes, starts and
# stops its own PostgreSQL and MariaDB). Results: build/release/bench/results.json and
# docs/benchmarks.md. BENCH_LARGE=1 adds the 1M-user dataset. Not part of `make test` (only the
# bench.smoke ctest is).
.PHONY: bench
bench: build-release
	cmake --build --preset release --target dialler_bench
	bench/run.sh build/release
