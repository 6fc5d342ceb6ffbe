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
	same   'with every entry'	"$(out | wc -l)" "$before"
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
