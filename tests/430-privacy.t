#!/bin/sh
# Privacy: files private whatever the umask, no text needed in argv, editor
# files private and always removed, no core files, deleted text really gone.
. "${0%/*}/lib.sh"

umask 000
EDIT_LOG=$T/log
export EDIT_LOG

# Private files, even with umask 000.
ok     'umask 000: a first write'	sh -c 'echo "felt heard" | empathy-journal add --seen'
same   'the database file is 0600'	"$(stat -c %a "$EMPATHY_DB")" 600
ok     'a first write under a nested new path (-d)'	\
       sh -c 'echo "felt heard" | empathy-journal -d "$1/new/deeper/j.db" add --seen' sh "$T"
same   'every new directory is 0700'	"$(stat -c %a "$T/new" "$T/new/deeper" | tr '\n' ' ')" '700 700 '
same   'the new database file is 0600'	"$(stat -c %a "$T/new/deeper/j.db")" 600
ok     'the default path under XDG_DATA_HOME'	\
       env -u EMPATHY_DB empathy-checkin add --high 'A calm day' --low 'A late bus'
same   'its directory is 0700 and its file 0600'	\
       "$(stat -c %a "$XDG_DATA_HOME/empathy" "$XDG_DATA_HOME/empathy/empathy.db" | tr '\n' ' ')" '700 600 '
same   'nothing the tools made can be read by others'	"$(find "$T" -name '*.db*' -perm /077 | wc -l)" 0

# -wal and -shm, while another program holds the database open (until the
# checks are done, however slow the write: under valgrind it takes seconds).
(echo 'begin; select count(*) from entry;'
    while [ ! -e "$T/.reader-done" ]; do sleep 0.1; done; echo 'commit;') |
    sqlite3 "$EMPATHY_DB" >/dev/null 2>&1 &
reader=$!
sleep 0.5
ok     'a write while a reader holds the database'	sh -c 'echo "felt seen again" | empathy-journal add --seen'
ok     'the -wal file is there'	test -e "$EMPATHY_DB-wal"
ok     'the -shm file is there'	test -e "$EMPATHY_DB-shm"
same   'database, -wal and -shm are all 0600'	\
       "$(stat -c %a "$EMPATHY_DB" "$EMPATHY_DB-wal" "$EMPATHY_DB-shm" | tr '\n' ' ')" '600 600 600 '
same   'no database file is open to others'	"$(find "$T" -name '*.db*' -perm /077 | wc -l)" 0
: >"$T/.reader-done"
wait "$reader"

# A database someone made readable: a warning with the fix, and the command works.
chmod 644 "$EMPATHY_DB"
ok     'a 0644 database still works'	empathy-journal list
like   'with a warning naming the file'	"$(err)" "warning: .*$EMPATHY_DB.*can be read by others"
like   'and the fix'	"$(err)" "chmod 600 $EMPATHY_DB"
ok     'a write to it works too'	sh -c 'echo "felt heard" | empathy-journal add --seen --date -1'
like   'and warns as well'	"$(err)" 'chmod 600'
chmod 600 "$EMPATHY_DB"
ok     'once fixed'	empathy-journal list
same   'no warning'	"$(err)" ''

# Nothing private is needed on the command line: every text from stdin alone.
ok     'checkin add: the high and the low from stdin'	sh -c 'printf "secret high\nsecret low\n" | empathy-checkin -u ben add --date -1'
ok     'checkin respond: the answer from stdin'	sh -c 'echo "secret answer?" | empathy-checkin respond --peek --to ben --date -1'
ok     'journal add: the entry from stdin'	sh -c 'echo "secret entry" | empathy-journal add --misunderstood'
id=$(sql "select id from entry where text = 'secret entry'")
ok     'journal edit: the new text from stdin'	sh -c 'echo "secret edit" | empathy-journal edit "$1"' sh "$id"
ok     'setup: a challenge starts'	empathy-challenge start --date -1
ok     'challenge done: the note from stdin'	sh -c 'echo "secret note" | empathy-challenge done --day 1'
same   'all of it was stored'	"$(sql "select
    (select count(*) from checkin where high = 'secret high' and low = 'secret low'),
    (select count(*) from response where text = 'secret answer?'),
    (select count(*) from entry where text = 'secret edit'),
    (select count(*) from run_day where note = 'secret note')")" '1|1|1|1'

# The editor: a private file in a private directory, no core files, nothing left.
cat >"$T/editor" <<'EOF'
#!/bin/sh
# Record what the editor sees, then act as $EDIT_AS says.
gp=$(awk '/^PPid/ { print $2 }' /proc/$PPID/status)
{
	stat -c '%a %n' "$1" "$(dirname "$1")"
	echo "parent $(grep -i 'core file' /proc/$PPID/limits)"
	echo "$(cat /proc/$gp/comm) $(grep -i 'core file' /proc/$gp/limits)"
	stat -c '%a %n' "$EMPATHY_DB"*
} >"$EDIT_LOG"
case ${EDIT_AS:-write} in
write)	echo "written in the editor" >"$1" ;;
fail)	echo "half written" >"$1"; exit 1 ;;
INT|TERM) echo "half written" >"$1"; kill -s "$EDIT_AS" $$; sleep 1 ;;
parent-*) echo "half written" >"$1"; kill -s "${EDIT_AS#parent-}" "$gp"; sleep 0.5 ;;
group-INT) echo "half written" >"$1"; kill -s INT 0; sleep 0.5 ;;
esac
EOF
chmod 700 "$T/editor"
entries() { sql 'select count(*) from entry'; }
leftover() { find "$XDG_RUNTIME_DIR" -name 'empathy.*' | wc -l; }
# onpty CMD: run CMD on a terminal, with the recording editor.
onpty() { VISUAL=$T/editor script -qec "$1" /dev/null; }

n=$(entries)
ok     'editor: journal add --seen on a terminal'	onpty 'empathy-journal add --seen'
same   'editor: the text was stored'	"$(sql "select count(*) from entry where text = 'written in the editor'")" 1
like   'editor: the file is 0600'	"$(cat "$EDIT_LOG")" '^600 .*/empathy\.[^/]*/[^/]*$'
like   'editor: its directory is 0700, under XDG_RUNTIME_DIR'	"$(cat "$EDIT_LOG")" "^700 $XDG_RUNTIME_DIR/empathy\.[^/]*\$"
like   "editor: the parent's core file limit is 0"	"$(cat "$EDIT_LOG")" '^parent Max core file size +0 +0 '
# (under valgrind the process is named after the tool: memcheck-amd64-)
like   "editor: empathy-journal's core file limit is 0"	"$(cat "$EDIT_LOG")" '^(empathy-journal|memcheck-[^ ]*) Max core file size +0 +0 '
same   'editor: no empathy.* directory remains'	"$(leftover)" 0
# While the editor runs, the open database and its -wal/-shm stay private.
ok     'editor: journal edit on a terminal'	onpty "empathy-journal edit $id"
same   'editor: the database files open meanwhile are all 0600'	\
       "$(sed -n "s|^\\([0-7]*\\) $EMPATHY_DB.*|\\1|p" "$EDIT_LOG" | sort -u)" 600
same   'editor: no empathy.* directory remains after edit'	"$(leftover)" 0
n=$(entries)

for how in fail INT TERM parent-TERM parent-INT group-INT parent-HUP; do
	case $how in
	fail)	what='the editor exits 1' ;;
	INT|TERM) what="the editor is killed with SIG$how" ;;
	group-INT) what='Ctrl-C on the terminal (SIGINT to the group)' ;;
	parent-*) what="empathy-journal gets SIG${how#parent-} while the editor runs" ;;
	esac
	ok     "editor: $what: refused (exit status not 0)" \
	    sh -c 'EDIT_AS=$1 VISUAL=$2 script -qec "empathy-journal add --seen" /dev/null; test $? -ne 0' \
	    sh "$how" "$T/editor"
	same   "editor: $what: nothing stored"	"$(entries)" "$n"
	same   "editor: $what: no empathy.* directory remains"	"$(leftover)" 0
	rm -rf "$XDG_RUNTIME_DIR"/empathy.*
done
ok     'editor: challenge done --note - on a terminal'	onpty 'empathy-challenge done --day 2 --note -'
same   'editor: the note was stored'	"$(sql "select note from run_day where day = 2")" 'written in the editor'
like   'editor: its file is 0600 in a 0700 directory'	"$(head -n 2 "$EDIT_LOG" | cut -d' ' -f1 | tr '\n' ' ')" '^600 700 $'
same   'editor: no empathy.* directory remains after done'	"$(leftover)" 0

# Deleted text is gone from every file of the database.
echo "zanzibarquux is the unique word" >"$T/purge"
ok     'purge: an entry with a unique word'	sh -c 'empathy-journal add --misunderstood <"$1"' sh "$T/purge"
ok     'purge: the word is on disk'	test "$(cat "$EMPATHY_DB"* | grep -c zanzibarquux)" -gt 0
pid=$(sql "select id from entry where text like 'zanzibarquux%'")
ok     'purge: rm it'	empathy-journal rm "$pid"
ok     'purge: rm --purge it'	empathy-journal rm --purge "$pid"
same   'purge: the word is in no file of the database'	"$(cat "$EMPATHY_DB"* | grep -c zanzibarquux)" 0
same   'purge: nor in the search index'	"$(sql "select count(*) from entry_fts where entry_fts match 'zanzibarquux'")" 0

ok     'replace: a check-in with a unique high'	empathy-checkin add --date -2 --high 'qwertyzzy was the high' --low 'A low'
ok     'replace: --replace it from stdin'	sh -c 'printf "A new high\nA new low\n" | empathy-checkin add --date -2 --replace'
same   'replace: the old high is in no file of the database'	"$(cat "$EMPATHY_DB"* | grep -c qwertyzzy)" 0

# The same while another program has the database open (as a partner's
# editor session does): the WAL must not keep the old text in the main file.
ok     'replace (reader open): a check-in with a unique high'	empathy-checkin add --date -3 --high 'plughxyzzy was the high' --low 'A low'
(echo 'select count(*) from checkin;'; sleep 2) | sqlite3 "$EMPATHY_DB" >/dev/null 2>&1 &
reader=$!
sleep 0.5
ok     'replace (reader open): --replace it'	sh -c 'printf "A new high\nA new low\n" | empathy-checkin add --date -3 --replace'
same   'replace (reader open): the old high is in no file of the database'	"$(cat "$EMPATHY_DB"* | grep -c plughxyzzy)" 0
wait "$reader"

ok     'purge (reader in a transaction): an entry with a unique word'	sh -c 'echo "frobozzquux entry" | empathy-journal add --seen'
pid=$(sql "select id from entry where text = 'frobozzquux entry'")
(echo 'begin; select count(*) from entry;'; sleep 6; echo 'commit;') | sqlite3 "$EMPATHY_DB" >/dev/null 2>&1 &
reader=$!
sleep 0.5
empathy-journal rm --purge "$pid" >"$T/.out" 2>"$T/.err"
claimed=$(grep -c 'erased for good' "$T/.out")
left=$(cat "$EMPATHY_DB"* | grep -c frobozzquux)
ok     "purge (reader in a transaction): never says 'erased for good' while the word is on disk (said $claimed, on disk $left)" \
       test ! \( "$claimed" -gt 0 -a "$left" -gt 0 \)
wait "$reader"
same   'purge (reader in a transaction): gone once the reader is done'	"$(cat "$EMPATHY_DB"* | grep -c frobozzquux)" 0
