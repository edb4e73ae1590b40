# telusur: the two commands of the quick start are `make demo` and `make test`.
# Both install what is missing first (Debian packages, with apt-get when run as root).

SWIFT ?= swift
INDEX ?= Index
BIN := .build/release/telusur
DEBIAN_PACKAGES := libxapian-dev xapian-tools libedit-dev zlib1g-dev pkg-config \
  libxml2-dev libpoppler-glib-dev libcairo2-dev fonts-dejavu-core qpdf wamerican
# telusur serve: the browser test (headless Chromium driven by a python3 script) and its load benchmark (wrk).
DEBIAN_PACKAGES += chromium python3 wrk

.PHONY: deps build release demo test bench fuzz clean

# Installs the C libraries telusur builds against, only when one is missing.
deps:
	@missing=""; for p in $(DEBIAN_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

# Builds, indexes the two seed press releases into ./Index and searches a phrase.
demo: release
	$(BIN) index --index $(INDEX) seeds
	$(BIN) search --index $(INDEX) --color always "zero konflik"

# The whole test suite (Swift Testing), on a debug build.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# The libFuzzer targets (tokenizer, query parser) for FUZZ_SECONDS each (default 60).
fuzz: deps
	Fuzz/run.sh $(FUZZ_SECONDS)

clean:
	rm -rf .build
