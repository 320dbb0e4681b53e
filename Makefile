# Optional aliases for those used to make: each target is one of the README's commands,
# which need only Python 3.11+ (see run.py). Nothing here does anything run.py does not.
PYTHON ?= python3

.PHONY: run test check golden bench

run:
	$(PYTHON) run.py app

test:
	$(PYTHON) run.py test

check:
	$(PYTHON) run.py check

golden:
	$(PYTHON) run.py golden

bench:
	$(PYTHON) run.py bench
