# CampaignSim — the two commands a newcomer needs:
#   make run    install what is missing, build, and open the bakery example
#   make test   install what is missing and run every check (what CI runs)
GO      ?= go
BIN     := bin
CLI     := $(BIN)/campaignsim-cli
APP     := $(BIN)/campaignsim
PKGS    := ./...

.PHONY: run test deps fmt-check vet unit deprule build app examples crash smoke bench fuzz clean

# The desktop app opens the last plan, or the bakery example on first launch.
run: deps app
	$(APP)

test: deps fmt-check vet deprule unit build app examples crash smoke
	@echo "make test: all checks passed"

deps:
	@./scripts/deps.sh

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt: these files need 'gofmt -w':"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet $(PKGS)

# The import rules of ARCHITECTURE.md: plan imports no package of ours but
# the embedded data of assets (no code of ours, no chart or PDF library);
# plan and simulate never import fyne.io; only cmd/campaignsim imports
# fyne.io/fyne/v2/app, so app's tests run on the software driver.
deprule:
	@bad=$$($(GO) list -deps ./plan/... | grep -E '^campaignsim/' | grep -vxE 'campaignsim/(plan|assets)' || true); \
	if [ -n "$$bad" ]; then echo "dependency rule: plan imports packages of ours: $$bad"; exit 1; fi
	@bad=$$($(GO) list -deps ./plan/... | grep -E 'wcharczuk/go-chart|go-pdf/fpdf|^fyne.io/' || true); \
	if [ -n "$$bad" ]; then echo "dependency rule: plan imports a chart, PDF or GUI library: $$bad"; exit 1; fi
	@bad=$$($(GO) list -deps ./plan/... ./simulate/... | grep '^fyne.io/' || true); \
	if [ -n "$$bad" ]; then echo "dependency rule: plan/simulate import fyne.io: $$bad"; exit 1; fi
	@bad=$$($(GO) list -deps ./app/... | grep -x 'fyne.io/fyne/v2/app' || true); \
	if [ -n "$$bad" ]; then echo "dependency rule: package app imports fyne.io/fyne/v2/app"; exit 1; fi
	@bad=$$($(GO) list -deps ./app/editors/... ./app/tools/... ./app/tracking/... ./app/widgets/... | grep -x 'campaignsim/app' || true); \
	if [ -n "$$bad" ]; then echo "dependency rule: a screen or app/widgets imports the shell (package app)"; exit 1; fi
	@bad=$$($(GO) list -deps ./app/widgets/... | grep -E '^campaignsim/app/(editors|tools|tracking)$$' || true); \
	if [ -n "$$bad" ]; then echo "dependency rule: app/widgets imports a screen: $$bad"; exit 1; fi
	@echo "deprule: plan imports only assets of ours and no chart, PDF or GUI library; plan and simulate import no fyne.io; nothing under app/ imports fyne.io/fyne/v2/app; the screens and app/widgets do not import the shell; app/widgets imports no screen"

unit:
	$(GO) test -race -count=1 -timeout 20m $(PKGS)

build:
	@mkdir -p $(BIN)
	CGO_ENABLED=0 $(GO) build -o $(CLI) ./cmd/campaignsim-cli

# The desktop app (cgo: Fyne's OpenGL driver).
app:
	@mkdir -p $(BIN)
	$(GO) build -o $(APP) ./cmd/campaignsim

# The real app in a real window under Xvfb: it must show a window, stay up,
# and leave a screenshot in bin/smoke.png.
smoke: app
	./scripts/smoke.sh $(APP)

examples: build
	./scripts/examples.sh $(CLI)

# Never lose a byte: kill -9 campaignsim-cli set at random moments on a
# 4 MB plan, 30 times; the plan is always the old or the new version.
crash: build
	CRASH_KILLS=30 ./scripts/crash-set.sh $(CLI)

# Benchmarks beside NumPy and SciPy; figures for the README's performance section.
bench:
	./bench/run.sh

# Each fuzz target for FUZZTIME, with a bounded minimisation so that the
# executions counted are real ones; a crasher lands in the package's
# testdata/fuzz/ and from then on runs in every go test as a seed.
FUZZTIME ?= 30s
fuzz:
	@set -e; for t in plan:FuzzDecode plan:FuzzCheckShape plan:FuzzScanPositions plan:FuzzEncodeOver plan:FuzzLayout plan:FuzzActualsCSV plan:FuzzCSVScanner simulate:FuzzSimulate simulate:FuzzDecodeSimulate; do \
	  pkg=$${t%%:*}; name=$${t#*:}; echo "fuzz: $$name ($$pkg, $(FUZZTIME))"; \
	  $(GO) test -run '^$$' -fuzz "^$$name\$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 10s ./$$pkg/; \
	done

clean:
	rm -rf $(BIN)
