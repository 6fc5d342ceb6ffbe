#!/bin/sh
# make install and uninstall honour PREFIX and DESTDIR; installed binaries find installed content.
. "${0%/*}/lib.sh"

build() { make -s -C "$EM_SRCDIR" B="$T/build" CFLAGS=-O0 "$@" >/dev/null; }

ok     'a staged install with DESTDIR'	build install DESTDIR="$T/stage" PREFIX=/usr
same   'it holds the binaries, man pages, content and shell completions' \
       "$(cd "$T/stage" && find . -type f | sort)" \
"./usr/bin/empathy-assess
./usr/bin/empathy-challenge
./usr/bin/empathy-checkin
./usr/bin/empathy-journal
./usr/share/bash-completion/completions/empathy-assess
./usr/share/bash-completion/completions/empathy-challenge
./usr/share/bash-completion/completions/empathy-checkin
./usr/share/bash-completion/completions/empathy-journal
./usr/share/empathy/content/advice.yaml
./usr/share/empathy/content/challenges.yaml
./usr/share/empathy/content/emotions.yaml
./usr/share/empathy/content/exercises.yaml
./usr/share/empathy/content/instruments.yaml
./usr/share/empathy/content/prompts.yaml
./usr/share/fish/vendor_completions.d/empathy-assess.fish
./usr/share/fish/vendor_completions.d/empathy-challenge.fish
./usr/share/fish/vendor_completions.d/empathy-checkin.fish
./usr/share/fish/vendor_completions.d/empathy-journal.fish
./usr/share/man/man1/empathy-assess.1
./usr/share/man/man1/empathy-challenge.1
./usr/share/man/man1/empathy-checkin.1
./usr/share/man/man1/empathy-journal.1
./usr/share/man/man5/empathy-content.5
./usr/share/man/man7/empathy.7
./usr/share/zsh/site-functions/_empathy"
ok     'staged uninstall'	build uninstall DESTDIR="$T/stage" PREFIX=/usr
same   'leaves no file behind'	"$(find "$T/stage" -type f)" ''

ok     'an install into a PREFIX'	build install PREFIX="$T/prefix"
unset EMPATHY_CONTENT
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
