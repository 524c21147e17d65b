# Guichet Habitat — two commands do everything on Debian 12:
#   make run    installs what is missing, builds, creates a demo database if none, opens the window
#   make test   installs what is missing, then runs the whole suite (GTK and UI tests under Xvfb)
SHELL := /bin/bash
.ONESHELL:
.SHELLFLAGS := -eu -o pipefail -c

SWIFT ?= swift
CONFIG ?= debug
BIN := .build/$(CONFIG)/guichet
PREFIX ?= /usr/local
DEBIAN_PACKAGES := pkg-config libgtk-4-dev libsqlite3-dev xvfb xauth dbus dbus-x11 at-spi2-core \
	python3-pyatspi xdotool imagemagick poppler-utils fonts-dejavu-core sqlite3 librsvg2-dev

.PHONY: run test deps build build-tests unit-tests ui-tests cli-tests calendar-tests hardening-tests screenshots benchmark install clean

## Installs the Debian packages that are missing (as root, or through sudo).
deps:
	missing=$$(for p in $(DEBIAN_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q "install ok installed" || echo $$p; done)
	if [ -n "$$missing" ]; then
		echo "Paquets à installer : $$missing"
		if [ "$$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO=sudo; else
			echo "Installez-les en root : apt-get install $$missing" >&2; exit 1; fi
		$$SUDO apt-get update -qq
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing >/dev/null
	fi
	command -v $(SWIFT) >/dev/null || { echo "Swift 6 est requis (https://www.swift.org/install/linux/), introuvable dans le PATH." >&2; exit 1; }

build: deps
	$(SWIFT) build -c $(CONFIG) --product guichet

run: build
	db="$${GUICHET_DATABASE:-$${XDG_DATA_HOME:-$$HOME/.local/share}/guichet/guichet.sqlite}"
	[ -f "$$db" ] || $(BIN) --database "$$db" demo
	if [ -z "$${DISPLAY:-}$${WAYLAND_DISPLAY:-}" ]; then
		echo "Aucun écran : la fenêtre s'ouvre sous Xvfb (capture : make screenshots)."
		exec xvfb-run -a $(BIN) --database "$$db"
	fi
	exec $(BIN) --database "$$db"

build-tests: deps
	$(SWIFT) build --build-tests

## Unit and GTK tests (XCTest), under a virtual display and a private D-Bus session.
unit-tests: build-tests
	xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- $(SWIFT) test --skip-build

## The command line end to end, on temporary databases.
cli-tests: build-tests
	bash Tests/cli/run.sh $(BIN)

## Fuzzing (fixed seed), kill -9 in the long commands, 4 writers + 2 readers on one base for 60 s.
hardening-tests: build-tests
	bash Tests/hardening/run.sh $(BIN)

## The command line again "on" two other days (GUICHET_TODAY moves the clock of the product):
## the same commit must give the same results on any day, a year end and a new year included.
CALENDAR_DAYS ?= 2028-12-31 2027-01-01
calendar-tests: build-tests
	for day in $(CALENDAR_DAYS); do
		echo "Suite de la ligne de commande au $$day (GUICHET_TODAY=$$day)"
		GUICHET_TODAY=$$day bash Tests/cli/run.sh $(BIN)
	done

## The real window driven through the accessibility tree (AT-SPI) under Xvfb.
ui-tests: build-tests
	tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT
	$(BIN) --database "$$tmp/ui.sqlite" demo --size 200 --date 2026-06-30 --seed 1 >/dev/null
	bash scripts/ui-tests.sh $(BIN) --database "$$tmp/ui.sqlite"

test: unit-tests cli-tests calendar-tests hardening-tests ui-tests

## PNGs of every section, for people to look at (folder ignored by git).
screenshots: build
	bash scripts/screenshots.sh $(BIN)

## Prints the figures the product is held to (window opening, search keystroke, exports).
benchmark: deps
	$(SWIFT) build -c release --product guichet
	.build/release/guichet benchmark

install: build
	install -Dm755 $(BIN) $(DESTDIR)$(PREFIX)/bin/guichet
	mkdir -p $(DESTDIR)$(PREFIX)/share/guichet
	cp -r data/territories data/demo $(DESTDIR)$(PREFIX)/share/guichet/
	cp -r ui $(DESTDIR)$(PREFIX)/share/guichet/
	install -Dm644 data/fr.guichethabitat.Guichet.desktop $(DESTDIR)$(PREFIX)/share/applications/fr.guichethabitat.Guichet.desktop
	install -Dm644 data/fr.guichethabitat.Guichet.metainfo.xml $(DESTDIR)$(PREFIX)/share/metainfo/fr.guichethabitat.Guichet.metainfo.xml
	install -Dm644 data/icons/fr.guichethabitat.Guichet.svg $(DESTDIR)$(PREFIX)/share/icons/hicolor/scalable/apps/fr.guichethabitat.Guichet.svg

clean:
	rm -rf .build screenshots
