.PHONY: run test test-long bench bench-go lint build fuzz e2e

build:
	go build -o kpit .

run:
	go run . --demo

test:
	go test ./...

# The whole suite with the tests the plain run skips: those that build the
# binary, spawn or kill processes, or race writers (internal/testlong). One
# package at a time (-p 1): the process-spawning tests would otherwise starve
# the other packages' timed screen flows.
test-long:
	KPIT_TEST_LONG=1 go test -p 1 -count=1 -timeout 30m ./...

# The figures at scale beside their references, measured in the same run
# (bench/run.sh; BENCH_SIZES="10000 100000 1000000" for the full table).
bench:
	bash bench/run.sh

# Every Go benchmark on its own data (the scale ones need KPIT_BENCH_DB).
bench-go:
	go test -run '^$$' -bench . -benchmem ./...

lint:
	gofmt -l . | (! grep .)
	go vet ./...

e2e: build
	bash scripts/e2e-tmux.sh ./kpit
