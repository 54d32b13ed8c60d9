# CampaignSim — the two commands a newcomer needs:
#   make run    install what is missing, build, and open the bakery example
#   make test   install what is missing and run every check (what CI runs)
GO      ?= go
BIN     := bin
CLI     := $(BIN)/campaignsim-cli
PKGS    := ./...

.PHONY: run test deps fmt-check vet unit deprule build examples bench clean

run: deps build
	@echo "The desktop app is not built yet (next issue): showing the bakery example with the command line."
	$(CLI) simulate assets/examples/bakery.toml

test: deps fmt-check vet deprule unit build examples
	@echo "make test: all checks passed"

deps:
	@./scripts/deps.sh

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt: these files need 'gofmt -w':"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet $(PKGS)

# plan and simulate never import fyne.io (ARCHITECTURE.md).
deprule:
	@bad=$$($(GO) list -deps ./plan/... ./simulate/... | grep '^fyne.io/' || true); \
	if [ -n "$$bad" ]; then echo "dependency rule: plan/simulate import fyne.io: $$bad"; exit 1; fi
	@echo "deprule: plan and simulate import no fyne.io package"

unit:
	$(GO) test -race -count=1 $(PKGS)

build:
	@mkdir -p $(BIN)
	CGO_ENABLED=0 $(GO) build -o $(CLI) ./cmd/campaignsim-cli

examples: build
	./scripts/examples.sh $(CLI)

# Benchmarks beside NumPy and SciPy; figures for the README's performance section.
bench:
	./bench/run.sh

clean:
	rm -rf $(BIN)
