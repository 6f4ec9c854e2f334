# Shortcuts for people with make; each target runs the same command the README gives.
PYTHON ?= python3

.PHONY: site serve test check bench
site:   ## set up .venv and build the demo column into site/
	$(PYTHON) scripts/dev.py site
serve:  ## set up .venv and preview on http://127.0.0.1:8000
	$(PYTHON) scripts/dev.py serve
test:   ## set up .venv and run the whole test suite
	$(PYTHON) scripts/dev.py test
check:  ## the quarterly check, as CI runs it
	$(PYTHON) scripts/dev.py run scripts/check_quarters.py
bench:  ## the 10,000-post check benchmark
	$(PYTHON) scripts/dev.py run scripts/bench_check.py
