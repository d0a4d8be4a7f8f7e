.PHONY: run test bench lint build fuzz e2e

build:
	go build -o kpit .

run:
	go run . --demo

test:
	go test ./...

bench:
	go test -run '^$$' -bench . -benchmem ./...

lint:
	gofmt -l . | (! grep .)
	go vet ./...

e2e: build
	bash scripts/e2e-tmux.sh ./kpit
