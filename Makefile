# Loa: two commands on a fresh machine with Python 3.11 and pip: `make site` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: lint site site-internal preview serve serve-nginx bench-serve edition test test-forks system-deps check bundle bench bench-feeds bench-search schema clean

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Cần $(PYTHON) (hoặc chạy: make PYTHON=python3 ...)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

## Build the public site into site/ (swapped in only when the build succeeds).
site: $(STAMP)
	$(BIN)/loa build $(if $(AT),--at $(AT))

## Build the cadres' internal edition into site-internal/.
site-internal: $(STAMP)
	$(BIN)/loa build --target internal --site-dir site-internal $(if $(AT),--at $(AT))

## Editors' preview with every document, non-public ones watermarked, into site-preview/ (never deploy it).
preview: $(STAMP)
	$(BIN)/loa build --preview $(if $(AT),--at $(AT))

## Preview with live reload on http://127.0.0.1:8000/.
serve: $(STAMP)
	$(BIN)/mkdocs serve

## The built site served by nginx with deploy/nginx.conf on http://127.0.0.1:8081/ (make site first).
serve-nginx: $(STAMP) system-deps
	$(BIN)/loa nginx --site site --listen 127.0.0.1:$(or $(PORT),8081)

## The public site as a zip to read offline (USB stick, village computer): dist/loa-ngoai-tuyen.zip
bundle: $(STAMP)
	$(BIN)/loa bundle $(if $(AT),--at $(AT))

## Check every document without building.
check: $(STAMP)
	$(BIN)/loa check

## Debian packages the tests drive for real (Chromium and Firefox ESR for browser tests, nginx for the served
## site, npm for the JavaScript the browser tests inject), installed when missing.
SYSTEM_DEPS := chromium firefox-esr nginx npm
system-deps:
	@missing=$$(for p in $(SYSTEM_DEPS); do command -v $$p >/dev/null 2>&1 || printf ' %s' $$p; done); \
	[ -z "$$missing" ] || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq$$missing >/dev/null; \
	  else echo "Cần$$missing cho các bài kiểm tra trình duyệt: sudo apt-get install$$missing"; exit 1; fi; }

## Lint, a step of its own: the formatter's check, the curated ruff rules (pyproject.toml), mypy strict.
LINTED := src tests scripts
lint: $(STAMP)
	$(BIN)/ruff format --check $(LINTED)
	$(BIN)/ruff check $(LINTED)
	$(BIN)/python -m mypy

## JavaScript the browser tests inject (axe-core for accessibility), pinned by package-lock.json.
NODE_STAMP := node_modules/.installed
$(NODE_STAMP): package.json package-lock.json | system-deps
	npm ci --no-audit --no-fund --silent
	touch $(NODE_STAMP)

## Lint, then the whole test suite, then the build and browser layers again on the maintained forks.
test: $(STAMP) system-deps $(NODE_STAMP)
	$(MAKE) --no-print-directory lint
	$(BIN)/python -m pytest -q
	$(MAKE) --no-print-directory test-forks

## The forks job: ProperDocs (for MkDocs) and MaterialX (for Material for MkDocs) in .venv-forks, with neither
## MkDocs nor Material installed there; the build, browser and serving layers run on them.
FORKS_VENV := .venv-forks
FORKS_STAMP := $(FORKS_VENV)/.installed
FORKS := properdocs==1.6.7 mkdocs-materialx==10.2.2
$(FORKS_STAMP): pyproject.toml scripts/fork-requirements
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Cần $(PYTHON) (hoặc chạy: make PYTHON=python3 ...)"; exit 1; }
	rm -rf $(FORKS_VENV)
	$(PYTHON) -m venv $(FORKS_VENV)
	$(FORKS_VENV)/bin/pip install --quiet --upgrade pip
	$(FORKS_VENV)/bin/pip install --quiet --no-deps -e . $(FORKS)
	$(FORKS_VENV)/bin/python scripts/fork-requirements > $(FORKS_VENV)/requirements.txt
	$(FORKS_VENV)/bin/pip install --quiet -r $(FORKS_VENV)/requirements.txt $(filter properdocs%,$(FORKS))
	! $(FORKS_VENV)/bin/python -c 'import importlib.util as u, sys; sys.exit(u.find_spec("mkdocs") is None)'
	touch $(FORKS_STAMP)

test-forks: $(FORKS_STAMP) system-deps
	LOA_THEME=materialx $(FORKS_VENV)/bin/python -m pytest -q -p no:cacheprovider tests/build tests/browser tests/serve

## Freeze an edition of the site on the gh-pages branch with mike: make edition EDITION=2022 [ALIAS=moi-nhat]
edition: $(STAMP)
	PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/mike deploy --update-aliases $(EDITION) $(ALIAS)

## Benchmark MkDocs + Material, Loa and Hugo on one corpus, with preview latency: make bench SIZES=1000,5000
## (ONLY=plain,loa,hugo picks builders, SAVES=0 skips the preview column; results in bench-results/)
bench: $(STAMP)
	$(BIN)/python scripts/bench --sizes $(or $(SIZES),1000,5000) --only $(or $(ONLY),plain,loa,hugo) \
		--preview-saves $(or $(SAVES),3)

## Feed generation time on the same corpora: make bench-feeds SIZES=5000,20000
bench-feeds: $(STAMP)
	$(BIN)/python -m loa.bench.feedbench --sizes $(or $(SIZES),5000,20000)

## Bytes and time of searches in Chromium on the same corpora: make bench-search SIZES=5000
bench-search: $(STAMP) system-deps
	$(BIN)/python -m loa.bench.searchbench --sizes $(or $(SIZES),5000)

## Load on loopback: nginx with deploy/nginx.conf, wrk 30 s on a plan page and a feed (make site first).
bench-serve: $(STAMP) system-deps
	@command -v wrk >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && apt-get install -y -qq wrk >/dev/null; } || { echo "Cần wrk: sudo apt-get install wrk"; exit 1; }
	$(BIN)/python -m loa.bench.servebench --site site --duration $(or $(DURATION),30)

## Regenerate the shipped JSON Schemas and the field tables of the editors' guide.
schema: $(STAMP)
	for kind in plan article topic page index; do $(BIN)/loa schema --kind $$kind -o schema/$$kind.schema.json; done
	$(BIN)/loa schema --guide HUONG-DAN.md

clean:
	rm -rf site site-internal site-preview .site.* .site-*.* bench-results
