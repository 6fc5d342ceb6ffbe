#!/bin/sh
# make install and uninstall honour PREFIX and DESTDIR; installed binaries find installed content.
. "${0%/*}/lib.sh"

build() { make -s -C "$EM_SRCDIR" B="$T/build" CFLAGS=-O0 "$@" >/dev/null; }

ok     'a staged install with DESTDIR'	build install DESTDIR="$T/stage" PREFIX=/usr
same   'it holds the binaries, man pages, content and shell completions' \
       "$(cd "$T/stage" && find . -type f | sort)" \
"./usr/bin/empathy
./usr/bin/empathy-assess
./usr/bin/empathy-challenge
./usr/bin/empathy-checkin
./usr/bin/empathy-journal
./usr/share/bash-completion/completions/empathy
./usr/share/bash-completion/completions/empathy-assess
./usr/share/bash-completion/completions/empathy-challenge
./usr/share/bash-completion/completions/empathy-checkin
./usr/share/bash-completion/completions/empathy-journal
./usr/share/empathy/content/advice.yaml
./usr/share/empathy/content/challenges.yaml
./usr/share/empathy/content/deck.yaml
./usr/share/empathy/content/emotions.yaml
./usr/share/empathy/content/exercises.yaml
./usr/share/empathy/content/instruments.yaml
./usr/share/empathy/content/prompts.yaml
./usr/share/fish/vendor_completions.d/empathy-assess.fish
./usr/share/fish/vendor_completions.d/empathy-challenge.fish
./usr/share/fish/vendor_completions.d/empathy-checkin.fish
./usr/share/fish/vendor_completions.d/empathy-journal.fish
./usr/share/fish/vendor_completions.d/empathy.fish
./usr/share/man/man1/empathy-assess.1
./usr/share/man/man1/empathy-challenge.1
./usr/share/man/man1/empathy-checkin.1
./usr/share/man/man1/empathy-journal.1
./usr/share/man/man1/empathy.1
./usr/share/man/man5/empathy-content.5
./usr/share/man/man7/empathy.7
./usr/share/zsh/site-functions/_empathy"
ok     'staged uninstall'	build uninstall DESTDIR="$T/stage" PREFIX=/usr
same   'leaves no file behind'	"$(find "$T/stage" -type f)" ''

ok     'an install into a PREFIX'	build install PREFIX="$T/prefix"
unset EMPATHY_CONTENT EMPATHY_CONTENTDIR
ok     'the installed binary finds the installed content' \
       "$T/prefix/bin/empathy-checkin" feelings annoyed
like   'and shows the vocabulary'	"$(out)" '^annoyed +[a-z]'
mkdir -p "$XDG_CONFIG_HOME/empathy/content"
printf 'kind: emotions\nid: feelings\nfeelings:\n  - {word: annoyed, underneath: [mine]}\n' \
    >"$XDG_CONFIG_HOME/empathy/content/emotions.yaml"
ok     'a user content file overrides the installed one' \
       "$T/prefix/bin/empathy-checkin" feelings annoyed
like   'with its own words'	"$(out)" '^annoyed +mine$'
ok     'uninstall from the PREFIX'	build uninstall PREFIX="$T/prefix"
same   'removes every installed file'	"$(find "$T/prefix" -type f)" ''

# Installed man pages name the real paths, whatever PREFIX was.
ok     'a staged install with PREFIX=/opt/x'	build install DESTDIR="$T/opt" PREFIX=/opt/x
man=$(cat "$T"/opt/opt/x/share/man/man*/*)
like   'the pages name the installed content directory'	"$man" '/opt/x/share/empathy/content'
unlike 'and never /usr/local'	"$man" '/usr/local'
like   'the cron recipe in empathy(7) names the installed binaries' \
       "$(cat "$T/opt/opt/x/share/man/man7/empathy.7")" '^PATH=/opt/x/bin:'
same   'the pages are readable by all'	"$(stat -c %a "$T"/opt/opt/x/share/man/man*/* | sort -u)" 644

# The suite never sees an installed copy, nor the user's own content: an
# installed copy whose content differs (no review prompts, other feelings)
# and a ~/.config/empathy with content of its own change nothing for a test
# that runs the installed binaries (the README installs, then runs make check).
ok     'an install into a PREFIX, again'	build install PREFIX="$T/prefix"
c="$T/prefix/share/empathy/content"
printf 'kind: prompts\nid: review\nprompts: [an installed prompt]\n' >"$c/prompts.yaml"
printf 'kind: emotions\nid: feelings\nfeelings:\n  - {word: annoyed, underneath: [installed-copy]}\n' \
    >"$c/emotions.yaml"
mkdir -p "$T/user/.config/empathy/content"
printf 'kind: emotions\nid: feelings\nfeelings:\n  - {word: annoyed, underneath: [users-own]}\n' \
    >"$T/user/.config/empathy/content/emotions.yaml"
cat >"$T/probe.t" <<'EOF2'
. "$EM_SRCDIR/tests/lib.sh"
unlike 'with only what the suite gives, no feelings from an installed copy or the user' \
       "$(env EMPATHY_CONTENT=/nonexistent empathy-checkin feelings annoyed 2>&1)" \
       'installed-copy|users-own'
ok     'the tree first'	empathy-checkin feelings annoyed
like   'its words'	"$(out)" '^annoyed +[a-z]'
unlike 'and no installed prompt in the review'	"$(empathy-journal review 2>&1)" 'an installed prompt'
EOF2
probe() {	# run a test script as the suite would, with the installed programs first
	env -u XDG_CONFIG_HOME HOME="$T/user" EM_SRCDIR="$EM_SRCDIR" PATH="$T/prefix/bin:$PATH" \
	    EMPATHY_CONTENTDIR="$c" EMPATHY_USER=root sh "$@"
}
ok     'a test of the suite ignores the installed copy and ~/.config'	probe "$T/probe.t"
unlike 'every check passed'	"$(out)" '^not ok'
ok     'tests/110-journal-review.t passes with the installed copy first on PATH' \
       probe "$EM_SRCDIR/tests/110-journal-review.t"
unlike 'every check of it'	"$(out)" '^not ok'
ok     'uninstall it'	build uninstall PREFIX="$T/prefix"
