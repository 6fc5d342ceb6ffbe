#!/bin/sh
# A full disk: the write that does not fit fails with 74 and one clear line; the
# database is unchanged, intact and readable; once there is room again, writes work.
# An import too big for the space lands all or nothing. Needs root for a small tmpfs.
# EM_STRESS=long (make stress) fills the disk ten times over; make check once.
. "${0%/*}/../lib.sh"

ROUNDS=1
[ "${EM_STRESS:-}" = long ] && ROUNDS=10

skip() { _result 0 "# SKIP $1"; }

S=$T/small
cleanup() {
	mountpoint -q "$S" 2>/dev/null && { umount "$S" 2>/dev/null || umount -l "$S"; }
	rm -rf "$T"
	echo "1..$_n"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

mkdir "$S"
if [ "$(id -u)" -ne 0 ] || ! mount -t tmpfs -o size=2m,mode=700 tmpfs "$S" 2>/dev/null; then
	skip 'needs root and tmpfs to make a small disk'
	exit 0
fi
export EMPATHY_DB="$S/empathy.db"

entries() { sql 'select count(*) from entry'; }
# text N: N bytes of printable text that does not compress.
text() { head -c "$1" /dev/urandom | base64 -w 0 | head -c "$1"; }

ok     'a journal on the small disk'	sh -c 'echo "first moment" | empathy-journal add --seen'
ok     'with two more entries'	sh -c 'echo "second moment" | empathy-journal add --seen && echo "third" | empathy-journal -u alex add --misunderstood --tag home'

round=1
while [ "$round" -le "$ROUNDS" ]; do
	# Most of the space goes to a file, the rest to the journal until a write fails.
	size=$((30000 - (round - 1) * 2500))	# each round fails at another point
	head -c $((1500 * 1024)) /dev/zero >"$S/filler" 2>/dev/null
	i=0 s=0
	while [ "$i" -lt 200 ]; do
		i=$((i + 1))
		before=$(entries)
		sql 'select id, text from entry order by id' >"$T/before"
		text "$size" >"$T/text"
		empathy-journal add --seen <"$T/text" >"$T/out" 2>"$T/err"
		s=$?
		[ "$s" -eq 0 ] || break
	done
	echo "# round $round: write $i of $size bytes failed with $s after $before entries"
	same   "round $round: the write that does not fit exits 74"	"$s" 74
	same   'with one line on stderr'	"$(wc -l <"$T/err")" 1
	like   'saying the disk is full'	"$(cat "$T/err")" '^empathy-journal: .*disk is full'
	same   'and nothing on stdout'	"$(cat "$T/out")" ''
	same   'the entry count is unchanged'	"$(entries)" "$before"
	same   'every entry is as it was'	"$(sql 'select id, text from entry order by id')" "$(cat "$T/before")"
	same   'the database is intact'	"$(sql 'pragma integrity_check')" ok
	ok     'and its search index'	sql "insert into entry_fts (entry_fts) values ('integrity-check')"
	# Reading while the disk is still full.
	ok     'list still works on the full disk'	empathy-journal list -n 100000 -f tsv
	same   'and shows every entry'	"$(out | sed 1d | wc -l)" "$before"
	ok     'search still works'	empathy-journal list --grep moment -f tsv
	same   'and finds them'	"$(out | sed 1d | wc -l)" 2
	ok     'export still works'	empathy-journal export
	# (and the tombstones of the entries purged in earlier rounds)
	same   'with every entry'	"$(out | grep -c '"type":"entry"')" "$before"
	status 'the same write fails the same way again'	74 sh -c 'empathy-journal add --seen <"$1"' sh "$T/text"
	same   'the entry count is still unchanged'	"$(entries)" "$before"

	ok     'space is freed'	rm "$S/filler"
	ok     'the write that failed now succeeds'	sh -c 'empathy-journal add --seen <"$1"' sh "$T/text"
	same   'one more entry'	"$(entries)" "$((before + 1))"
	same   'with the text given'	"$(sql "select count(*) from entry where text = '$(cat "$T/text")'")" 1
	same   'the database is intact'	"$(sql 'pragma integrity_check')" ok
	# Make room for the next round: the big entries go again.
	ok     'the big entries can be removed and purged' \
	       sh -c 'sqlite3 "$EMPATHY_DB" "select id from entry where length(text) > 1000" |
	       while read -r id; do empathy-journal rm --purge "$id" >/dev/null || exit 1; done'
	round=$((round + 1))
done
ok     'purge left the three small entries'	test "$(entries)" -eq 3

# An import bigger than the whole disk: all or nothing.
awk 'BEGIN {
	for (i = 1; i <= 20000; i++)
		printf "{\"type\":\"entry\",\"id\":\"feed%012d\",\"user\":\"sara\",\"date\":\"2025-03-01\",\"kind\":\"seen\",\"text\":\"imported moment %d\",\"tags\":\"\",\"removed\":null,\"created\":\"2025-03-01T10:00:00.000Z\",\"updated\":\"2025-03-01T10:00:00.000Z\"}\n", i, i
}' >"$T/big.jsonl"
ok     'an export of 20,000 lines, bigger than the disk'	test "$(wc -c <"$T/big.jsonl")" -gt $((2 * 1024 * 1024))
before=$(entries)
sql 'select id, text from entry order by id' >"$T/before"
status 'importing it exits 74'	74 sh -c 'empathy-journal import <"$1"' sh "$T/big.jsonl"
same   'with one line on stderr'	"$(err | wc -l)" 1
like   'saying the disk is full'	"$(err)" '^empathy-journal: .*disk is full'
unlike 'and not claiming any were added'	"$(out)" 'added'
same   'none of the import is there'	"$(sql "select count(*) from entry where id like 'feed%'")" 0
same   'every entry is as it was'	"$(sql 'select id, text from entry order by id')" "$(cat "$T/before")"
same   'the database is intact'	"$(sql 'pragma integrity_check')" ok
ok     'and its search index'	sql "insert into entry_fts (entry_fts) values ('integrity-check')"
ok     'list still works'	empathy-journal list -f tsv
same   'and shows the same entries'	"$(out | sed 1d | wc -l)" "$before"
ok     'the space the failed import took is given back: a write succeeds'	sh -c 'echo "after the import" | empathy-journal add --seen'
ok     'and a smaller import succeeds'	sh -c 'head -n 500 "$1" | empathy-journal import' sh "$T/big.jsonl"
same   'with all of its 500 lines'	"$(sql "select count(*) from entry where id like 'feed%'")" 500
same   'the database is intact'	"$(sql 'pragma integrity_check')" ok

# The disk fills up while nobody has the journal open: not a byte left.
before=$(entries)
sql "select id, text from entry order by id" >"$T/before"
ok     'nothing is left open beside the database'	test ! -e "$EMPATHY_DB-wal" -a ! -e "$EMPATHY_DB-shm"
cat /dev/zero >"$S/filler" 2>/dev/null
status 'with no space left at all, a write exits 74'	74 sh -c 'echo "no room" | empathy-journal add --seen'
like   'saying the disk is full'	"$(err)" '^empathy-journal: .*disk is full'
ok     'a read still works'	empathy-journal list -n 100000 -f tsv
same   'and shows every entry'	"$(out | sed 1d | wc -l)" "$before"
ok     'other programs can read too'	empathy-checkin export
ok     'space is freed'	rm "$S/filler"
same   'every entry is as it was'	"$(sql "select id, text from entry order by id")" "$(cat "$T/before")"
ok     'the write succeeds now'	sh -c 'echo "room again" | empathy-journal add --seen'
same   'the database is intact'	"$(sql 'pragma integrity_check')" ok

# Honest statuses: a change that commits and then fails in the step after it
# (the checkpoint that erases the old text, VACUUM) must not say "nothing was
# changed". Each command runs with the disk full, then with one page more free,
# and so on until it went through twice: at every level what it says must match
# what the database holds.
rm -f "$S/filler"
export EMPATHY_DB="$S/honest.db"
ok     'a journal entry to edit'	sh -c 'echo "to be edited" | empathy-journal add --seen'
eid=$(sql "select id from entry")
ok     'a check-in to replace'	empathy-checkin add --high 'first high' --low 'first low'
i=0
while [ "$i" -lt 20 ]; do
	i=$((i + 1))
	text 2000 | sed 's/^/purge me /' | empathy-journal add --seen >/dev/null || break
done
ok     'entries to purge'	test "$i" -eq 20
# sqlite3 reads a full disk in exclusive locking mode (no -shm file to make).
sqlx() { sqlite3 -cmd '.output /dev/null' -cmd 'pragma locking_mode = exclusive' -cmd '.output stdout' "$EMPATHY_DB" "$@"; }
# try WHAT: run $T/cmd at more and more free space until it stored twice;
# count the levels where what it said does not match what is stored.
try() {
	lie=0 stored=0 k=0
	cat /dev/zero >"$S/filler" 2>/dev/null
	while [ "$k" -lt 400 ] && [ "$stored" -lt 2 ]; do
		k=$((k + 1))
		. "$T/cmd"
		if [ "$(check)" = yes ]; then
			stored=$((stored + 1))
			{ ! grep -q 'nothing was changed' "$T/err" &&
			    { [ "$s" -eq 0 ] || grep -q 'saved' "$T/err"; }; } ||
			    { lie=$((lie + 1)); echo "# $1, level $k: stored, exit $s: $(cat "$T/err")"; }
		else
			{ [ "$s" -eq 74 ] && grep -q 'disk is full' "$T/err"; } ||
			    { lie=$((lie + 1)); echo "# $1, level $k: not stored, exit $s: $(cat "$T/err")"; }
		fi
		truncate -s -4096 "$S/filler" 2>/dev/null || break
	done
	echo "# $1: $k levels, stored $stored times"
	same   "$1 says what was stored, at every level"	"$lie" 0
	same   "$1 went through on the way"	"$stored" 2
}
cat >"$T/cmd" <<'CMD'
text 6000 >"$T/new"
empathy-journal edit "$eid" <"$T/new" >"$T/out" 2>"$T/err"; s=$?
check() { [ "$(sqlx "select text from entry where id = '$eid'")" = "$(cat "$T/new")" ] && echo yes; }
CMD
try 'journal edit'
same   'an edit that went through with no room to erase exits 0'	"$(grep -c . "$T/out")" 1
cat >"$T/cmd" <<'CMD'
text 6000 >"$T/new"
empathy-checkin add --replace --high "$(cat "$T/new")" --low l >"$T/out" 2>"$T/err"; s=$?
check() { [ "$(sqlx "select high from checkin where user = 'sara'")" = "$(cat "$T/new")" ] && echo yes; }
CMD
try 'checkin add --replace'
cat >"$T/cmd" <<'CMD'
pid=$(sqlx "select id from entry where text like 'purge me%' limit 1")
empathy-journal rm --purge "$pid" >"$T/out" 2>"$T/err"; s=$?
check() { [ "$(sqlx "select count(*) from entry where id = '$pid'")" -eq 0 ] && echo yes; }
CMD
try 'journal rm --purge'
rm -f "$S/filler"
same   'the database is intact'	"$(sql 'pragma integrity_check')" ok

# A reason from before that no longer holds is not printed later.
cat /dev/zero >"$S/filler" 2>/dev/null
status 'on the full disk a search that finds nothing exits 1'	1 empathy-journal list --grep zzzznothing
same   'and says nothing about a full disk'	"$(err)" ''
rm -f "$S/filler"
