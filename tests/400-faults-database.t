#!/bin/sh
# A database that cannot be written, is missing, damaged, foreign or newer: each gives
# one line and its exit status, never a crash, and never writes over the user's file.
. "${0%/*}/lib.sh"

skip() { _result 0 "# SKIP $1"; }

MOUNTS=
cleanup() {
	for m in $MOUNTS; do
		mountpoint -q "$m" 2>/dev/null && { umount "$m" 2>/dev/null || umount -l "$m"; }
	done
	rm -rf "$T"
	echo "1..$_n"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

# one_line: the last command said exactly one line on stderr, from the program.
one_line() {
	same   "$1: one line on stderr"	"$(err | wc -l)" 1
	like   "$1: naming the program"	"$(err)" '^empathy-(journal|checkin|assess|challenge): '
}
# no_crash DESC CMD...: CMD fails, but not by a signal.
no_crash() {
	_d=$1; shift
	"$@" >"$T/.out" 2>"$T/.err"
	_s=$?
	[ "$_s" -ne 0 ] && [ "$_s" -lt 128 ]
	_result $? "$_d"
	[ "$_s" -ne 0 ] && [ "$_s" -lt 128 ] || { echo "# exit $_s from: $*" >&2; _show "$T/.err"; }
	return 0
}
# beside F: files left next to F (a -wal, -shm or -journal made by opening it).
beside() { ls -d "$1"-* 2>/dev/null; }
add() { _db=$1; shift; echo "a moment" | empathy-journal -d "$_db" add --seen "$@"; }

# A real journal with some data, to damage in copies.
R=$T/real.db
awk 'BEGIN {
	for (i = 1; i <= 300; i++)
		printf "{\"type\":\"entry\",\"id\":\"feed%012d\",\"user\":\"sara\",\"date\":\"2025-03-01\",\"kind\":\"seen\",\"text\":\"imported moment %d with words enough to fill a few pages of the database file\",\"tags\":\"\",\"removed\":null,\"created\":\"2025-03-01T10:00:00.000Z\",\"updated\":\"2025-03-01T10:00:00.000Z\"}\n", i, i
}' >"$T/entries.jsonl"
ok     'a journal with 300 entries'	sh -c 'empathy-journal -d "$1" import <"$2"' sh "$R" "$T/entries.jsonl"
ok     'and a check-in'	empathy-checkin -d "$R" add --high 'a walk' --low 'rain'

# --- a read-only database ---------------------------------------------------
RO=$T/ro
mkdir "$RO"
ok     'a journal to make read-only'	sh -c 'cp "$1" "$2/empathy.db"' sh "$R" "$RO"
if [ "$(id -u)" -eq 0 ] && mount --bind "$RO" "$RO" 2>/dev/null; then
	MOUNTS="$MOUNTS $RO"
	mount -o remount,ro,bind "$RO" 2>/dev/null || { umount "$RO"; MOUNTS=; }
fi
if [ -z "$MOUNTS" ] && [ "$(id -u)" -eq 0 ] && mount -t tmpfs -o size=4m tmpfs "$RO" 2>/dev/null; then
	MOUNTS="$MOUNTS $RO"
	cp "$R" "$RO/empathy.db" && mount -o remount,ro "$RO" 2>/dev/null || { umount "$RO"; MOUNTS=; }
fi
if [ -n "$MOUNTS" ] && ! touch "$RO/probe" 2>/dev/null; then
	D=$RO/empathy.db
	status 'read-only: a write exits 73'	73 add "$D"
	one_line 'read-only write'
	like   'read-only: it says the database is read-only'	"$(err)" 'read-only'
	status 'read-only: a check-in exits 73 too'	73 empathy-checkin -d "$D" add --high h --low l
	ok     'read-only: list works'	empathy-journal -d "$D" list -n 1000 -f tsv
	same   'read-only: and shows every entry'	"$(out | sed 1d | wc -l)" 300
	same   'read-only: with nothing on stderr'	"$(err)" ''
	ok     'read-only: search works'	empathy-journal -d "$D" list --grep imported -n 1000 -f tsv
	same   'read-only: and finds every entry'	"$(out | sed 1d | wc -l)" 300
	ok     'read-only: export works'	empathy-journal -d "$D" export
	same   'read-only: with every entry'	"$(out | wc -l)" 300
	ok     'read-only: the check-ins can be read'	empathy-checkin -d "$D" export
	same   'read-only: all of them'	"$(out | wc -l)" 1
	status 'read-only directory: a new database there exits 73'	73 add "$RO/new.db"
	one_line 'read-only directory'
	like   'read-only directory: naming the path'	"$(err)" "$RO/new.db"
	status 'read-only directory: and one in a new directory there, too'	73 add "$RO/sub/new.db"
	one_line 'read-only subdirectory'
else
	i=0; while [ "$i" -lt 21 ]; do skip 'needs root to make a read-only mount'; i=$((i + 1)); done
fi

# --- a missing directory ----------------------------------------------------
M=$T/missing/deeper/empathy.db
status 'missing directory: list exits 1, as for an empty journal'	1 empathy-journal -d "$M" list
same   'missing directory: on stderr only the hint of an empty journal'	"$(err)" \
       'empathy-journal: the journal is empty; write down a first moment with: empathy-journal add --seen (or --misunderstood)'
ok     'missing directory: export is empty'	empathy-journal -d "$M" export
same   'missing directory: nothing exported'	"$(out)" ''
status 'missing directory: show exits 1, as for no check-ins'	1 empathy-checkin -d "$M" show
ok     'missing directory: reading created nothing'	test ! -e "$T/missing"
ok     'missing directory: a write creates it'	add "$M"
same   'missing directory: both directories private (0700)'	"$(stat -c %a "$T/missing" "$T/missing/deeper")" '700
700'
same   'missing directory: the database private (0600)'	"$(stat -c %a "$M")" 600
same   'missing directory: holding the entry'	"$(sqlite3 "$M" 'select text from entry')" 'a moment'

# --- a file that is not SQLite ----------------------------------------------
printf 'shopping list\neggs\nmilk\n' >"$T/text.db"
head -c 8192 /dev/urandom >"$T/random.db"
chmod 600 "$T/text.db" "$T/random.db"
for f in text random; do
	F=$T/$f.db
	cp "$F" "$T/$f.orig"
	status "$f file: list exits 65"	65 empathy-journal -d "$F" list
	one_line "$f file list"
	like   "$f file: saying it is not an empathy database"	"$(err)" 'not an empathy database'
	status "$f file: a write exits 65"	65 add "$F"
	one_line "$f file write"
	status "$f file: a check-in exits 65"	65 empathy-checkin -d "$F" add --high h --low l
	status "$f file: an assessment exits 65"	65 empathy-assess -d "$F" take self --answers 1,2,3,4,5,1,2,3,4,5
	status "$f file: starting a challenge exits 65"	65 empathy-challenge -d "$F" start one-week
	status "$f file: an import exits 65"	65 sh -c 'head -n 3 "$1" | empathy-journal -d "$2" import' sh "$T/entries.jsonl" "$F"
	ok     "$f file: unchanged, byte for byte"	cmp "$F" "$T/$f.orig"
	same   "$f file: nothing made beside it"	"$(beside "$F")" ''
done

# --- a truncated database ---------------------------------------------------
for size in 3000 $(( $(stat -c %s "$R") / 2 )); do
	F=$T/trunc$size.db
	cp "$R" "$F"
	truncate -s "$size" "$F"
	cp "$F" "$F.orig"
	status "cut to $size bytes: list exits 65"	65 empathy-journal -d "$F" list -n 1000
	one_line "cut to $size bytes, list"
	like   "cut to $size bytes: saying it is damaged"	"$(err)" 'damaged'
	status "cut to $size bytes: export exits 65"	65 empathy-journal -d "$F" export
	status "cut to $size bytes: a write exits 65"	65 add "$F"
	one_line "cut to $size bytes, write"
	status "cut to $size bytes: a check-in exits 65"	65 empathy-checkin -d "$F" add --high h --low l
	ok     "cut to $size bytes: unchanged, byte for byte"	cmp "$F" "$F.orig"
done

# --- a corrupted page -------------------------------------------------------
# Garbage over a leaf page of the entry table, in the middle of the file.
garbage() { perl -e 'srand($ARGV[0]); print map { chr(int(rand(256))) } 1 .. $ARGV[1]' "$1" "$2"; }
P=$(sqlite3 "$R" "select pageno from dbstat where name = 'entry' and pagetype = 'leaf' order by pageno limit 1 offset 5")
ok     'the entry table has a leaf page in the middle'	test -n "$P"
F=$T/page.db
cp "$R" "$F"
garbage 1 3000 | dd of="$F" bs=1 seek=$(( (P - 1) * 4096 + 500 )) conv=notrunc status=none
status 'a corrupted page: list of everything exits 65'	65 empathy-journal -d "$F" list -n 1000 -f tsv
one_line 'corrupted page'
like   'a corrupted page: saying it is damaged'	"$(err)" 'damaged'
status 'a corrupted page: export exits 65'	65 empathy-journal -d "$F" export
one_line 'corrupted page, export'

# Every page in turn, whole or in part: whatever happens, no program dies of a signal,
# and whatever fails says so in one line.
pages=$(( $(stat -c %s "$R") / 4096 ))
step=1	# under valgrind every page would take minutes: every eighth
[ "$EM_SLOW" -gt 1 ] && step=8
: >"$T/crashes"; : >"$T/silent"
runs=0 fails=0
p=2
while [ "$p" -le "$pages" ]; do
	for how in page part; do
		F=$T/sweep.db
		cp "$R" "$F"
		if [ "$how" = page ]; then
			garbage "$p" 4096 | dd of="$F" bs=4096 seek=$((p - 1)) conv=notrunc status=none
		else
			garbage "$p" 16 | dd of="$F" bs=1 seek=$(( (p - 1) * 4096 + 8 + p * 37 % 4000 )) conv=notrunc status=none
		fi
		for c in 'empathy-journal list -n 1000 -f tsv' 'empathy-journal list --grep moment' \
		    'empathy-journal export' 'empathy-checkin export' \
		    'empathy-journal add --seen a new moment' 'empathy-checkin add --high h --low l --date -1'; do
			set -- $c
			_p=$1; shift
			"$_p" -d "$F" "$@" >/dev/null 2>"$T/sweep.err" </dev/null
			s=$?
			runs=$((runs + 1))
			[ "$s" -gt 1 ] && [ "$s" -lt 128 ] && fails=$((fails + 1))
			[ "$s" -ge 128 ] && echo "page $p ($how): $c: exit $s" >>"$T/crashes"
			[ "$s" -gt 1 ] && [ "$(wc -l <"$T/sweep.err")" -ne 1 ] &&
			    echo "page $p ($how): $c: exit $s, said: $(cat "$T/sweep.err")" >>"$T/silent"
		done
	done
	p=$((p + step))
done
echo "# corrupted pages 2..$pages (every $step), whole and in part, under 6 commands: $runs runs, $fails failed cleanly"
same   'no corrupted page makes a program die of a signal'	"$(cat "$T/crashes")" ''
same   'every failure says why in one line'	"$(cat "$T/silent")" ''

# --- a newer schema ---------------------------------------------------------
F=$T/newer.db
cp "$R" "$F"
sqlite3 "$F" 'pragma user_version = 99'
cp "$F" "$F.orig"
status 'newer schema: list exits 65'	65 empathy-journal -d "$F" list
one_line 'newer schema'
like   'newer schema: saying it is from a newer empathy'	"$(err)" 'newer'
status 'newer schema: a write exits 65'	65 add "$F"
like   'newer schema: saying so'	"$(err)" 'newer'
status 'newer schema: a check-in exits 65'	65 empathy-checkin -d "$F" add --high h --low l
status 'newer schema: challenge status exits 65'	65 empathy-challenge -d "$F" status
status 'newer schema: an import exits 65'	65 sh -c 'head -n 3 "$1" | empathy-journal -d "$2" import' sh "$T/entries.jsonl" "$F"
ok     'newer schema: unchanged, byte for byte'	cmp "$F" "$F.orig"
same   'newer schema: still says 99'	"$(sqlite3 "$F" 'pragma user_version')" 99

# --- another program's SQLite file ------------------------------------------
F=$T/other.db
sqlite3 "$F" "create table recipe (name text, minutes integer); insert into recipe values ('soup', 40)"
chmod 600 "$F"
cp "$F" "$F.orig"
status "another program's database: list exits 65"	65 empathy-journal -d "$F" list
one_line "another program's database"
like   "another program's database: saying it is not empathy's"	"$(err)" "not empathy's"
status "another program's database: a write exits 65"	65 add "$F"
one_line "another program's database, write"
status "another program's database: a check-in exits 65"	65 empathy-checkin -d "$F" add --high h --low l
status "another program's database: an import exits 65"	65 sh -c 'head -n 3 "$1" | empathy-journal -d "$2" import' sh "$T/entries.jsonl" "$F"
ok     "another program's database: unchanged, byte for byte"	cmp "$F" "$F.orig"
same   "another program's database: nothing left beside it"	"$(beside "$F")" ''
same   "another program's database: its data is still there"	"$(sqlite3 "$F" 'select * from recipe')" 'soup|40'

# --- a directory where the database should be -------------------------------
F=$T/dir.db
mkdir "$F"
no_crash 'a directory: list fails, without a crash'	empathy-journal -d "$F" list
one_line 'a directory, list'
like   'a directory: naming it'	"$(err)" "$F"
no_crash 'a directory: a write fails, without a crash'	add "$F"
one_line 'a directory, write'
no_crash 'a directory: a check-in fails, without a crash'	empathy-checkin -d "$F" add --high h --low l
same   'a directory: nothing made in it or beside it'	"$(ls -A "$F"; beside "$F")" ''
