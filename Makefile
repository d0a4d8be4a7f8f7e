.PHONY: run test test-long bench lint build fuzz e2e

build:
	go build -o kpit .

run:
	go run . --demo

test:
	go test ./...

# The whole suite with the tests the plain run skips: those that build the
# binary, spawn or kill processes, or race writers (internal/testlong).
test-long:
	KPIT_TEST_LONG=1 go test -count=1 -timeout 30m ./...

bench:
	go test -run '^$$' -bench . -benchmem ./...

lint:
	gofmt -l . | (! grep .)
	go vet ./...

e2e: build
	bash scripts/e2e-tmux.sh ./kpit
