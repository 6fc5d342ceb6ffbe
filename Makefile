# empathy: one static library in lib/, one binary per cmd/*.c over it.

VERSION = 0.1.0

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
DATADIR ?= $(PREFIX)/share/empathy
CONTENTDIR = $(DATADIR)/content

CC ?= cc
PKG_CONFIG ?= pkg-config
CFLAGS ?= -O2 -g
WARN = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wformat=2
ifeq ($(WERROR),1)
WARN += -Werror
endif
DEPCFLAGS := $(shell $(PKG_CONFIG) --cflags yaml-0.1 sqlite3 libsodium 2>/dev/null)
DEPLIBS := $(shell $(PKG_CONFIG) --libs yaml-0.1 sqlite3 libsodium 2>/dev/null)
ALL_CPPFLAGS = -D_GNU_SOURCE -Ilib $(DEPCFLAGS) $(CPPFLAGS)
ALL_CFLAGS = -std=c11 $(WARN) $(CFLAGS)
LDLIBS += $(DEPLIBS) -lm

# Sanitizer builds live in their own tree so objects never mix; so does a
# package build (dpkg-buildpackage exports DEB_HOST_ARCH), which must not
# touch, or clean away, a developer's build/rel.
ifeq ($(SANITIZE),1)
B = build/san
ALL_CFLAGS += -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
LDFLAGS += -fsanitize=address,undefined
else ifneq ($(DEB_HOST_ARCH),)
B = build/deb
else
B = build/rel
endif

PROGS = $(sort $(notdir $(basename $(wildcard cmd/*.c))))
LIBSRC = $(wildcard lib/em_*.c)
LIBOBJ = $(LIBSRC:lib/%.c=$(B)/lib/%.o)
BINS = $(PROGS:%=$(B)/bin/%)
UNITSRC = $(wildcard tests/unit/*.c)
UNITS = $(UNITSRC:tests/unit/%.c=$(B)/unit/%)
MAN1 = $(PROGS:%=man/%.1)
MAN5 = man/empathy-content.5
MAN7 = man/empathy.7

all: $(BINS)

$(B)/lib/%.o: lib/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

# Only the content module knows where content is installed; a stamp file
# rebuilds it when PREFIX or DATADIR changes between runs.
$(B)/lib/em_content.o: ALL_CPPFLAGS += -DEM_CONTENTDIR='"$(CONTENTDIR)"'
$(B)/lib/em_content.o: $(B)/contentdir.stamp
$(B)/contentdir.stamp: FORCE
	@mkdir -p $(@D)
	@echo '$(CONTENTDIR)' | cmp -s - $@ || echo '$(CONTENTDIR)' > $@
$(B)/lib/em_ctx.o: ALL_CPPFLAGS += -DEM_VERSION='"$(VERSION)"'

$(B)/cmd/%.o: cmd/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(B)/libempathy.a: $(LIBOBJ)
	rm -f $@
	$(AR) rcs $@ $(LIBOBJ)

$(BINS): $(B)/bin/%: $(B)/cmd/%.o $(B)/libempathy.a
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $< $(B)/libempathy.a $(LDLIBS)

$(B)/unit/%.o: tests/unit/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(UNITS): $(B)/unit/%: $(B)/unit/%.o $(B)/libempathy.a
	$(CC) $(LDFLAGS) -o $@ $< $(B)/libempathy.a $(LDLIBS)

-include $(wildcard $(B)/*/*.d)

# VALGRIND=1 runs every binary under memcheck; any error or leak fails the test.
ifeq ($(VALGRIND),1)
CHECKBIN = $(B)/valgrind
CHECKDEPS = $(PROGS:%=$(B)/valgrind/%)
else
CHECKBIN = $(B)/bin
endif
VGFLAGS = -q --leak-check=full --show-leak-kinds=all --errors-for-leak-kinds=all \
	--error-exitcode=99

$(B)/valgrind/%: $(B)/bin/%
	@mkdir -p $(@D)
	printf '#!/bin/sh\nexec valgrind $(VGFLAGS) "%s" "$$@"\n' "$(CURDIR)/$<" > $@
	chmod +x $@

# CHECKTESTS narrows a run, e.g. for valgrind on a budget.
CHECKTESTS = tests/ tests/stress/
check: $(BINS) $(UNITS) $(CHECKDEPS)
	PATH="$(CURDIR)/$(CHECKBIN):$$PATH" EM_UNITDIR="$(CURDIR)/$(B)/unit" \
	    EM_SRCDIR="$(CURDIR)" prove $(PROVEFLAGS) $(CHECKTESTS)

# The advice check on the labelled replies in tests/advice/: recall,
# precision and the share of questions and reflections refused.
eval-advice: $(BINS)
	PATH="$(CURDIR)/$(B)/bin:$$PATH" EMPATHY_CONTENT="$(CURDIR)/content" \
	    EMPATHY_CONTENTDIR= XDG_CONFIG_HOME=/nonexistent sh tests/advice/eval.sh

# The stress tests at full size (make check runs them small).
stress: $(BINS) $(CHECKDEPS)
	PATH="$(CURDIR)/$(CHECKBIN):$$PATH" EM_SRCDIR="$(CURDIR)" EM_STRESS=long \
	    prove $(PROVEFLAGS) tests/stress/

# libFuzzer targets for the parsers, built with clang; FUZZTIME seconds each.
FUZZTIME ?= 60
FUZZERS = $(basename $(notdir $(wildcard tests/fuzz/fuzz_*.c)))
FUZZFLAGS = -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all

build/fuzz/%: tests/fuzz/%.c $(LIBSRC) lib/em.h lib/em_int.h
	@mkdir -p $(@D)
	clang $(ALL_CPPFLAGS) -DEM_CONTENTDIR='"/nonexistent"' -std=c11 $(FUZZFLAGS) \
	    -o $@ $< $(LIBSRC) $(LDLIBS)

fuzz: $(FUZZERS:%=build/fuzz/%)
	@for f in $(FUZZERS); do \
	    mkdir -p build/fuzz/corpus-$$f; \
	    echo "fuzzing $$f for $(FUZZTIME) s"; \
	    build/fuzz/$$f -max_total_time=$(FUZZTIME) -rss_limit_mb=2048 \
	        -timeout=10 -print_final_stats=1 -artifact_prefix=build/fuzz/$$f- \
	        build/fuzz/corpus-$$f tests/fuzz/corpus/$$f 2>&1 | \
	        grep -E '^(stat::number_of_executed_units|stat::peak_rss|==.*ERROR|SUMMARY|#.*DONE)' \
	        || exit 1; \
	    test -z "$$(ls build/fuzz/$$f-crash-* build/fuzz/$$f-leak-* \
	        build/fuzz/$$f-timeout-* 2>/dev/null)" || exit 1; \
	done

# Benchmarks (bench/run.sh prints the table): a release build, the floor
# program, the data generator, and hyperfine, GNU time and taskwarrior.
BENCHDEBS = hyperfine time taskwarrior sqlite3
build/bench/floor: bench/floor.c
	@mkdir -p $(@D)
	$(CC) -O2 $(DEPCFLAGS) -o $@ bench/floor.c $(DEPLIBS)
build/bench/gen: bench/gen.c build/rel/libempathy.a
	@mkdir -p $(@D)
	$(CC) -O2 -D_GNU_SOURCE -Ilib $(DEPCFLAGS) -o $@ bench/gen.c \
	    build/rel/libempathy.a $(DEPLIBS)
bench:
	@$(MAKE) -s deps DEBS="$(BENCHDEBS)"
	@$(MAKE) -s B=build/rel SANITIZE= VALGRIND= all build/bench/floor build/bench/gen
	sh bench/run.sh
	BENCH_SYNC_FULL=$${BENCH_SYNC_FULL:-100000} BENCH_SYNC_SIZE=$${BENCH_SYNC_SIZE:-1000000} \
	    sh bench/sync.sh

# gcc -fanalyzer over lib/ and cmd/, one file at a time, no link; a stamp per
# file that passed. EM_ANALYZE tells it that em_err() and its kin return the
# status they are given (lib/em.h), which it cannot see across files.
ANALYZE = $(patsubst %.c,build/analyze/%.ok,$(LIBSRC) $(wildcard cmd/*.c))
build/analyze/%.ok: %.c lib/em.h lib/em_int.h
	@mkdir -p $(@D)
	gcc -fanalyzer -Werror $(if $(filter lib/em_err.c,$<),,-DEM_ANALYZE) \
	    $(ALL_CPPFLAGS) -std=c11 $(WARN) $(CFLAGS) -c -o /dev/null $<
	@touch $@
analyze: $(ANALYZE)

# Lint: man pages, shell scripts and C, all warnings fatal.
SHELLSCRIPTS = .ci/run tests/lib.sh tests/sync.sh $(wildcard tests/*.t tests/stress/*.t)
lint: analyze
	mandoc -Tlint -W warning man/*.[157]
	shellcheck -s sh $(SHELLSCRIPTS)
	shellcheck -s bash completions/empathy.bash
	cppcheck --quiet --error-exitcode=1 --std=c11 -D_GNU_SOURCE -Ilib \
	    --enable=warning,portability,performance --inline-suppr \
	    lib cmd tests/unit tests/fuzz

# Debian packages. DEBS: what the README's two commands need, to build,
# install and run `make check` (prove is in perl, script(1) in bsdutils,
# which Debian always has; the suite also uses jq). DEVDEBS: the rest, for
# make lint, fuzz, check SANITIZE=1 / VALGRIND=1, deb and the completion
# tests. apt-get runs only when a package is missing.
DEBS = gcc make pkg-config libc6-dev libyaml-dev libsqlite3-dev libsodium-dev sqlite3 perl jq \
	faketime
DEVDEBS = $(DEBS) mandoc shellcheck cppcheck clang libclang-rt-14-dev valgrind \
	debhelper dpkg-dev time zsh fish
deps:
	@missing=; for p in $(DEBS); do \
	    dpkg-query -W -f '$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || \
	    missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	    echo "installing:$$missing"; \
	    apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y $$missing; \
	fi
deps-dev:
	@$(MAKE) -s deps DEBS="$(DEVDEBS)"

# Shell completions. bash-completion and fish load a completion file by the
# command's name, so both get one copy per program; zsh reads one file for all.
# bash-completion's own completionsdir (from pkg-config) lies under /usr, so
# it is used only when PREFIX is /usr.
ifeq ($(origin BASHCOMPDIR),undefined)
ifeq ($(PREFIX),/usr)
BASHCOMPDIR := $(shell $(PKG_CONFIG) --variable=completionsdir bash-completion 2>/dev/null)
endif
ifeq ($(strip $(BASHCOMPDIR)),)
BASHCOMPDIR := $(PREFIX)/share/bash-completion/completions
endif
endif
ZSHCOMPDIR ?= $(PREFIX)/share/zsh/site-functions
FISHCOMPDIR ?= $(PREFIX)/share/fish/vendor_completions.d

# The pages are written for the default PREFIX; install names the real paths.
MANSED = sed -e 's|/usr/local/share/empathy/content|$(CONTENTDIR)|g' \
	-e 's|/usr/local/bin|$(BINDIR)|g'

install: $(BINS)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 \
	    $(DESTDIR)$(MANDIR)/man7 $(DESTDIR)$(CONTENTDIR) \
	    $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR) $(DESTDIR)$(FISHCOMPDIR)
	install -m 755 $(BINS) $(DESTDIR)$(BINDIR)
	for m in $(MAN1) $(MAN5) $(MAN7); do \
	    d=$(DESTDIR)$(MANDIR)/man$${m##*.}/$${m#man/}; \
	    $(MANSED) $$m >$$d && chmod 644 $$d || exit 1; \
	done
	install -m 644 content/*.yaml $(DESTDIR)$(CONTENTDIR)
	for p in $(PROGS); do \
	    install -m 644 completions/empathy.bash $(DESTDIR)$(BASHCOMPDIR)/$$p && \
	    install -m 644 completions/empathy.fish $(DESTDIR)$(FISHCOMPDIR)/$$p.fish || exit 1; \
	done
	install -m 644 completions/_empathy $(DESTDIR)$(ZSHCOMPDIR)/_empathy

uninstall:
	rm -f $(PROGS:%=$(DESTDIR)$(BINDIR)/%)
	rm -f $(MAN1:man/%=$(DESTDIR)$(MANDIR)/man1/%)
	rm -f $(MAN5:man/%=$(DESTDIR)$(MANDIR)/man5/%)
	rm -f $(MAN7:man/%=$(DESTDIR)$(MANDIR)/man7/%)
	rm -f $(patsubst content/%,$(DESTDIR)$(CONTENTDIR)/%,$(wildcard content/*.yaml))
	rm -f $(PROGS:%=$(DESTDIR)$(BASHCOMPDIR)/%)
	rm -f $(PROGS:%=$(DESTDIR)$(FISHCOMPDIR)/%.fish)
	rm -f $(DESTDIR)$(ZSHCOMPDIR)/_empathy
	-rmdir $(DESTDIR)$(CONTENTDIR) $(DESTDIR)$(DATADIR) 2>/dev/null

clean:
ifneq ($(DEB_HOST_ARCH),)
	rm -rf $(B)
else
	rm -rf build
endif

.PHONY: all analyze bench check deps deps-dev eval-advice install uninstall clean fuzz lint stress FORCE
.SECONDARY:

# The Debian package (debian/), built with its tests (make check) inside.
# dpkg-buildpackage writes to the parent directory; the results are moved
# to build/ and debian/ is cleaned again, so nothing is left behind.
deb:
	unset MAKEFLAGS MFLAGS MAKELEVEL; dpkg-buildpackage -us -uc -b --post-clean
	@v=$$(dpkg-parsechangelog -S Version) && a=$$(dpkg-architecture -qDEB_HOST_ARCH) && \
	mkdir -p build && \
	for f in ../empathy_$${v}_$$a.deb ../empathy-dbgsym_$${v}_$$a.deb \
	    ../empathy_$${v}_$$a.buildinfo ../empathy_$${v}_$$a.changes; do \
	    if [ -e "$$f" ]; then mv -f "$$f" build/; fi; done && \
	echo "package: $(CURDIR)/build/empathy_$${v}_$$a.deb"

.PHONY: deb
