#!/bin/sh
# tests/lib.sh decides the whole environment a test sees, whatever the caller
# has set, and keeps a failing test's files (and says where) but not a
# passing one's.
. "${0%/*}/lib.sh"

# A caller with its own settings everywhere: a config that names another
# user, content of its own, odd locale and time zone, stray variables.
mkdir -p "$T/caller/.config/empathy/content"
printf 'user: bob\n' >"$T/caller/.config/empathy/config.yaml"
printf 'kind: emotions\nid: feelings\nfeelings:\n  - {word: annoyed, underneath: [callers-own]}\n' \
    >"$T/caller/.config/empathy/content/emotions.yaml"
caller() {	# run a test script as if from that caller's shell
	env HOME="$T/caller" XDG_CONFIG_HOME="$T/caller/.config" XDG_DATA_HOME="$T/caller" \
	    EMPATHY_DB="$T/caller/theirs.db" EMPATHY_USER=bob EMPATHY_CONTENT="$T/caller" \
	    EMPATHY_CONTENTDIR="$T/caller/.config/empathy/content" EMPATHY_STRAY=1 \
	    TZ=Pacific/Kiritimati LANG=de_DE.UTF-8 LC_ALL= NO_COLOR=1 EDITOR=false \
	    VISUAL=false TERM=dumb TMPDIR="$T/tmp" EM_SRCDIR="$EM_SRCDIR" sh "$@"
}
mkdir "$T/tmp"

cat >"$T/env.t" <<'EOF2'
. "$EM_SRCDIR/tests/lib.sh"
same 'HOME is private'	"${HOME#"$T"/}" home
same 'so is the config'	"${XDG_CONFIG_HOME#"$T"/}" config
same 'and the database'	"${EMPATHY_DB#"$T"/}" empathy.db
same 'the acting user'	"$EMPATHY_USER" sara
same 'content from the tree'	"$EMPATHY_CONTENT" "$EM_SRCDIR/content"
same 'no installed content'	"${EMPATHY_CONTENTDIR-unset}" ''
same 'no stray EMPATHY_ variable'	"${EMPATHY_STRAY-unset}" unset
same 'C locale, UTC'	"$LC_ALL $TZ" 'C UTC'
same 'no editor, colour setting or dumb terminal'	"${EDITOR-}${VISUAL-}${NO_COLOR-}${TERM}" xterm
ok   'a program runs'	empathy-checkin add --high h --low l
same 'as sara, not the config user'	"$(sql 'select user from checkin')" sara
unlike 'with the tree content, not the caller content' \
       "$(empathy-checkin feelings annoyed)" callers-own
EOF2
ok     'a test run from a caller with settings of its own'	caller "$T/env.t"
unlike 'sees none of them'	"$(out)" '^not ok'
same   'and leaves no directory behind'	"$(ls "$T/tmp")" ''
ok     'the caller database was not touched'	test ! -e "$T/caller/theirs.db"

printf '. "$EM_SRCDIR/tests/lib.sh"\nsame one 1 2\n' >"$T/fail.t"
status 'a failing test exits non-zero'	1 caller "$T/fail.t"
kept=$(err | sed -n 's/^# kept the test.s files in //p')
like   'it says where its files are'	"$kept" "^$T/tmp/empathy-test\."
ok     'and they are there'	test -d "$kept"
rm -rf "$kept"
