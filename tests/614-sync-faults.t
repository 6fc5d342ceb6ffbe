#!/bin/sh
# Faults during a sync leave nothing partial, and the next sync completes:
# - kill -9 of the receiving sync at several moments: the database is sound,
#   what is there is whole, and the next sync brings the rest;
# - kill -9 of the sending sync: no damaged file is left under a mailbox
#   name, and the next sync sends everything;
# - a second sync of the same database while one runs exits 75;
# - a full disk under the receiving database (74, the database unchanged),
#   and under the mailbox (74, no new file); with room again, all goes on.
# The full disk needs root and tmpfs (as tests/stress/040-disk-full.t).
. "${0%/*}/lib.sh"
. "${0%/*}/sync.sh"

N=8000
count() { sqlite3 "$(dbof "$1")" "$2"; }
skip() { _result 0 "# SKIP $1"; }

mounts=
cleanup() {
	_crc=$?
	for _d in $mounts; do
		mountpoint -q "$_d" 2>/dev/null && { umount "$_d" 2>/dev/null || umount -l "$_d"; }
	done
	(exit "$_crc")
	_end
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

# Root makes two small disks: one for b's database, one for a's mailbox.
disks=0
machine a sara
machine b alex
if [ "$(id -u)" -eq 0 ]; then
	mkdir -p "$T/b/data/empathy" &&
	    mount -t tmpfs -o size=48m,mode=700 tmpfs "$T/b/data/empathy" 2>/dev/null &&
	    mounts="$T/b/data/empathy" &&
	    mount -t tmpfs -o size=48m,mode=755 tmpfs "$T/a/box" 2>/dev/null &&
	    mounts="$mounts $T/a/box" && disks=1
fi
ok     'a couple'	couple a b
ok     'b syncs once, empty'	syncd b

# N journal entries of sara's, 300 bytes of text each, through import.
awk -v n="$N" -v d="$(day -3)" 'BEGIN {
	srand(14)
	for (i = 1; i <= n; i++) {
		t = ""
		while (length(t) < 300) t = t sprintf("%c", 97 + int(rand() * 26))
		printf "{\"type\":\"entry\",\"id\":\"feed%012d\",\"user\":\"sara\",\"date\":\"%s\",\"kind\":\"seen\",\"text\":\"moment %d %s\",\"tags\":\"\",\"removed\":null,\"created\":\"%sT10:00:00.000Z\",\"updated\":\"%sT10:00:00.000Z\"}\n", i, d, i, t, d, d
	}
}' >"$T/big.jsonl"
ok     "sara imports $N entries on a"	as a empathy-journal import <"$T/big.jsonl"
same   'all of them'	"$(count a 'select count(*) from entry')" "$N"
count a 'select id, text from entry order by id' >"$T/a.entries"

# bg M FILE: start `empathy sync` of machine M in the background, its pid in FILE.
bg() {
	as "$1" sh -c 'echo $$ >"$1"; exec empathy sync --dir "$2" -q' sh "$2" "$T/$1/box" \
	    >"$T/bg.out" 2>&1 &
	_bgp=$!
	while [ ! -s "$2" ]; do sleep 0.01; done
}
# whole M: every entry on M is as a wrote it; nothing half there.
whole() {
	count "$1" 'select id, text from entry order by id' >"$T/got"
	comm -23 "$T/got" "$T/a.entries" | head -n 3
}

# restore_b: b as it was in $T/b0 (its database stays on its own disk).
restore_b() {
	for _d in box config run cache; do
		rm -rf "${T:?}/b/$_d" && cp -a "$T/b0/$_d" "$T/b/" || return 1
	done
	rm -rf "$T/b/data/empathy/"* && cp -a "$T/b0/data/empathy/." "$T/b/data/empathy/"
}
arep=$(count a "select v from meta where k = 'replica'")
entries() { count "$1" 'select * from entry order by id'; }

# --- kill -9 of the sender.
files0=$(boxfiles a)
killed=0
for t in 0.05 0.2 0.5; do
	bg a "$T/pid"
	sleep "$t"
	kill -KILL "$(cat "$T/pid")" 2>/dev/null && killed=$((killed + 1))
	wait "$_bgp"
	rm -f "$T/pid"
	same   "a's sync killed after $t s: its database is sound"	"$(count a 'pragma integrity_check')" ok
done
echo "# killed a's sync $killed times of 3 before it ended"
ok     'the next sync of a completes'	syncd a
ok     'and one more'	syncd a
same   'no temporary file of a sync killed while writing is left'	\
       "$(find "$T/a/box" -name '.*.tmp')" ''
# One planted as if left by a killed sync, and one of another replica.
: >"$T/a/box/.$arep-000000000999.0123456789abcdef.tmp"
: >"$T/a/box/.0123456789abcdef-000000000001.0123456789abcdef.tmp"
ok     'a sync of a'	syncd a
same   'sweeps its own, and only its own'	"$(find "$T/a/box" -name '.*.tmp' | sed 's|.*/||')" \
       '.0123456789abcdef-000000000001.0123456789abcdef.tmp'
rm -f "$T/a/box/.0123456789abcdef-000000000001.0123456789abcdef.tmp"
nnew=$(($(boxfiles a | grep -c "^$arep-") - $(printf '%s\n' "$files0" | grep -c "^$arep-")))
echo "# a sent its $N entries in $nnew files"
ok     'a'"'"'s files reach b'	deliver a b
cp -a "$T/b" "$T/b0"	# b with every file in its view, before it reads them
ok     'b reads every file a wrote, killed or not: none is damaged'	syncd b
same   'b has every entry'	"$(count b 'select count(*) from entry')" "$N"
same   'each as a wrote it'	"$(whole b)" ''

# --- kill -9 of the receiver.
killed=0
for t in 0.05 0.1 0.2 0.4 0.8; do
	restore_b
	bg b "$T/pid"
	sleep "$t"
	kill -KILL "$(cat "$T/pid")" 2>/dev/null && killed=$((killed + 1))
	wait "$_bgp"
	rm -f "$T/pid"
	got=$(count b 'select count(*) from entry')
	echo "# b's sync killed after $t s: $got entries there"
	same   "killed after $t s: b's database is sound"	"$(count b 'pragma integrity_check')" ok
	ok     'and its search index'	sqlite3 "$(dbof b)" "insert into entry_fts (entry_fts) values ('integrity-check')"
	same   'what is there is whole'	"$(whole b)" ''
	[ "$nnew" -eq 1 ] && like 'one file: all of it or nothing'	"$got" "^(0|$N)\$"
	ok     'the next sync completes'	syncd b
	same   'with every entry'	"$(count b 'select count(*) from entry')" "$N"
	same   'as a has them'	"$(entries b)" "$(entries a)"
done
echo "# killed b's sync $killed times of 5 before it ended"

# --- Two syncs of one database at once. The one started second may take
# the lock first (the first is still opening the database): either way,
# while one runs the other exits 75, and the one that ran completes.
restore_b
bg b "$T/pid"
syncd b >"$T/second.out" 2>"$T/second.err"
s=$?
wait "$_bgp"
f=$?
rm -f "$T/pid"
case $f,$s in
0,75)	like 'a second sync while one runs exits 75, saying so'	"$(cat "$T/second.err")" '[Ss]ync' ;;
75,0)	like 'the first sync, started while the second ran, exits 75, saying so'	"$(cat "$T/bg.out")" '[Ss]ync' ;;
0,0)	skip 'the first sync ended before the second started' ;;
*)	_result 1 "two syncs at once: one completes, the other exits 75 (got $f and $s)"
	sed 's/^/# /' "$T/bg.out" "$T/second.err" ;;
esac
same   'what they leave is every entry'	"$(count b 'select count(*) from entry')" "$N"
ok     'and the next one after it'	syncd b

# --- A full disk.
if [ "$disks" -eq 0 ]; then
	skip 'needs root and tmpfs to make a small disk'
	exit 0
fi
# Under b's database: everything but 1 MiB taken.
restore_b
dump b >"$T/b.before"
free=$(df -k --output=avail "$T/b/data/empathy" | tail -n 1)
fallocate -l $(((free - 1024) * 1024)) "$T/b/data/empathy/filler" 2>/dev/null ||
    head -c $(((free - 1024) * 1024)) /dev/zero >"$T/b/data/empathy/filler"
status 'with no room for what comes, b'"'"'s sync exits 74'	74 syncd b
like   'saying the disk is full'	"$(err)" 'disk is full'
same   'b is as it was'	"$(dump b)" "$(cat "$T/b.before")"
same   'and sound'	"$(count b 'pragma integrity_check')" ok
status 'again: 74'	74 syncd b
ok     'room again'	rm "$T/b/data/empathy/filler"
ok     'the next sync completes'	syncd b
same   'with every entry'	"$(count b 'select count(*) from entry')" "$N"
same   'each as a wrote it'	"$(whole b)" ''

# Under a's mailbox: a has new changes, the mailbox disk is full.
ok     'sara writes more on a'	as a empathy-journal add --seen 'written while the mailbox disk was full'
files=$(boxfiles a)
free=$(df -k --output=avail "$T/a/box" | tail -n 1)
head -c $((free * 1024)) /dev/zero >"$T/a/box/.filler" 2>/dev/null
status 'a'"'"'s sync, the mailbox full, exits 74'	74 syncd a
like   'saying the disk is full'	"$(err)" 'disk is full|[Nn]o space left'
same   'no new file in the mailbox'	"$(boxfiles a)" "$files"
same   'no temporary file left either'	"$(find "$T/a/box" -name '.*' ! -name .filler)" ''
ok     'room again'	rm "$T/a/box/.filler"
ok     'a'"'"'s next sync completes'	syncd a
ok     'the file reaches b'	deliver a b
ok     'b syncs'	syncd b
same   'b has what a wrote while the disk was full'	"$(count b "select count(*) from entry where text = 'written while the mailbox disk was full'")" 1
