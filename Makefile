# The two commands: `make run` and `make test`. Both set up .venv on a fresh machine.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
I18N := resources/i18n
export QT_QPA_PLATFORM ?= offscreen

.PHONY: run test bench screenshots clean venv i18n

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

venv: $(STAMP)

test: $(STAMP) $(I18N)/ko.qm
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

# The platform check names missing system libraries (libxcb-cursor0, …) and the command that installs them,
# instead of letting Qt abort with a core dump (app/platform_check.py; the app checks again itself).
run: $(STAMP) $(I18N)/ko.qm
	@QT_QPA_PLATFORM= $(BIN)/python -m app.platform_check
	QT_QPA_PLATFORM= $(BIN)/backprop-tutor $(ARGS)

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks

# Translations: `make i18n` collects every tr("…") under app/ into ko.ts (translate it there, e.g. with
# pyside6-linguist) and compiles ko.qm. ko.qm is committed, so an install needs no Qt tools; it is compiled
# again whenever ko.ts is newer.
i18n: $(STAMP)
	$(BIN)/python tools/i18n.py

$(I18N)/ko.qm: $(I18N)/ko.ts | $(STAMP)
	$(BIN)/python tools/i18n.py compile

# Every docs/screenshots*.py, each into its own file names (tests/test_screenshot_names.py checks both).
screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m docs.screenshots
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m docs.screenshots_theme
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m docs.screenshots_beyond
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m docs.screenshots_split
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m docs.screenshots_shapes
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m docs.screenshots_panes
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m docs.screenshots_adam
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m docs.screenshots_batch
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m docs.screenshots_units
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m docs.screenshots_rows

clean:
	rm -rf $(VENV) build *.egg-info
