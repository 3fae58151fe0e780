# Two commands do all the set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DB     ?= demo.sqlite

.PHONY: demo test install install-test bench clean chromium postgresql serve eval

$(BIN)/sitroom: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

install: $(BIN)/sitroom

$(VENV)/.test-extras: $(BIN)/sitroom
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install-test: $(VENV)/.test-extras

demo: install
	rm -f $(DB) $(DB)-wal $(DB)-shm
	$(BIN)/sitroom ingest examples/corpus --db $(DB)
	$(BIN)/sitroom summary --db $(DB)
	$(BIN)/sitroom report --db $(DB) --format html -o report.html

# The browser tests drive Debian's Chromium (never a browser downloaded by a test tool).
CHROMIUM ?= /usr/bin/chromium
chromium:
	@if [ ! -x "$(CHROMIUM)" ]; then \
	  if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "the browser tests need Chromium at $(CHROMIUM): run 'sudo apt-get install chromium'"; exit 1; fi; \
	fi

# the PostgreSQL tests start a throwaway server of their own (tests/postgres_server.py) from Debian's package
postgresql:
	@if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null; then \
	  if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; \
	  else echo "the PostgreSQL tests need Debian's postgresql: run 'sudo apt-get install postgresql'"; exit 1; fi; \
	fi

test: install-test chromium postgresql
	$(BIN)/python -m pytest -q

serve: demo
	$(BIN)/sitroom serve --db $(DB)

# Extraction quality on the project's war corpus (eval/wars/README.md): development half with the shadow
# set, then the frozen test half (figures only).
eval: install
	$(BIN)/sitroom eval eval/wars/dev/gold eval/shadow/gold --quiet | tail -n 3
	$(BIN)/sitroom eval eval/wars/dev2/gold --quiet | tail -n 3
	$(BIN)/sitroom eval eval/wars/dev3/gold --quiet | tail -n 3
	$(BIN)/sitroom eval eval/wars/test/gold --quiet | tail -n 3

bench: install
	$(BIN)/python bench/extract_speed.py
	$(BIN)/python bench/fuse_speed.py

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm
