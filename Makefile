# Two commands do all set-up on a fresh machine:
#   make demo   installs rasd, analyses the bundled sample articles and serves the result
#   make test   installs rasd (+ test tools, headless Chromium) and runs the whole test suite
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
DB     ?= demo.db
PORT   ?= 8321

.PHONY: install demo test lint bench clean browser

# the hot extractor modules are compiled with mypyc at install (rasd.native); an edit to one
# of them recompiles on the next make install/test/demo (pure Python runs meanwhile)
COMPILED := $(foreach m,words boilerplate times/fold times/vocab times/patterns times/calendars times/anchors times/stream times/cand times/matching times/rules_dates times/rules_hijri times/rules_relative times/rules_durations times/rules_clock times/rules_periods times/find times/pubdate times/resolve times/component places reader quote_record speakers quote_speaker quote_content quote_cues quotes events claims,src/rasd/extract/$(m).py)

$(BIN)/rasd: pyproject.toml setup.py
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@ $(VENV)/.compiled

$(VENV)/.compiled: $(COMPILED) | $(BIN)/rasd
	$(BIN)/python -m pip install -q --no-deps -e .
	touch $@

install: $(BIN)/rasd $(VENV)/.compiled

# Debian's chromium for the browser tests (never a downloaded browser).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	  || echo "warning: could not install Debian chromium; browser tests will be skipped"; }

demo: install
	$(BIN)/rasd ingest samples --db $(DB) --no-progress
	$(BIN)/rasd analyze samples/alhal-2021-11-01.txt --format text
	$(BIN)/rasd stories --db $(DB) --min-size 2
	@echo "serving the archive at http://127.0.0.1:$(PORT)/ (Ctrl-C to stop)"
	$(BIN)/rasd serve --db $(DB) --port $(PORT)

# lint first: ruff, then mypy (its settings, strict on the document model and the public API,
# are in pyproject.toml)
test: install browser lint
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy

# bench/instructions.py (valgrind, ~20 min) is left out: run it by hand
bench: install
	for b in bench/*.py; do [ "$$b" = bench/instructions.py ] || $(BIN)/python $$b; done

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache artifacts .mypy_cache
	rm -f src/*.so src/rasd/extract/*.so src/rasd/extract/_compiled.json
