#!/bin/sh
# bench/sync.sh: the cost of sync, printed as one table (the columns of
# bench/run.sh):
#   operation | records | median ms | x floor | peak RSS KiB
# - a first full sync of N records through a mailbox: the sending side, the
#   receiving side, and `journal import` of the same records beside them
#   (the issue's bar: receiving within 1.5x the import);
# - an incremental sync of 10 new changes between two databases of M journal
#   entries each, per side, against the floor program on the same database
#   (the bar: within 3x the floor per side), and a sync with nothing new;
# - bytes in the mailbox per change, for the full sync and the small ones.
# Run after `make bench` has built build/rel and build/bench (or through
# `make bench`, which runs bench/run.sh; this one is separate, it is long).
# BENCH_SYNC_FULL (default 10000; the issue's row: 100000), BENCH_SYNC_SIZE
# (default 10000; the issue's row: 1000000), BENCH_SYNC_ROUNDS (rounds of 10
# changes, default 7).
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
bin=$top/build/rel/bin
bb=$top/build/bench
full=${BENCH_SYNC_FULL:-10000}
size=${BENCH_SYNC_SIZE:-10000}
rounds=${BENCH_SYNC_ROUNDS:-7}
W=$(mktemp -d "${TMPDIR:-/tmp}/empathy-bench-sync.XXXXXX")
trap 'rm -rf "$W"' EXIT
export PATH="$bin:$PATH" EMPATHY_CONTENT="$top/content" EMPATHY_PWHASH_FAST=1
unset EMPATHY_DB EMPATHY_USER
GNUTIME=/usr/bin/time
for p in "$bin/empathy" "$bb/floor" "$bb/gen"; do
	[ -x "$p" ] || { echo "bench/sync.sh: $p is missing: run make bench first" >&2; exit 1; }
done

# A machine: its own HOME and database, its own view of one mailbox; the
# script W/NAME/as runs a command as that machine (GNU time can run it).
machine() {
	rm -rf "${W:?}/$1"
	mkdir -p "$W/$1/data" "$W/$1/config" "$W/$1/run" "$W/$1/cache" "$W/$1/box"
	chmod 700 "$W/$1/run"
	printf '#!/bin/sh\nexec env HOME="%s" XDG_DATA_HOME="%s/data" XDG_CONFIG_HOME="%s/config" XDG_RUNTIME_DIR="%s/run" XDG_CACHE_HOME="%s/cache" EMPATHY_USER="%s" "$@"\n' \
	    "$W/$1" "$W/$1" "$W/$1" "$W/$1" "$W/$1" "$2" >"$W/$1/as"
	chmod +x "$W/$1/as"
	echo "$2" >"$W/$1/.user"
}
as() { _m=$1; shift; "$W/$_m/as" "$@"; }
# timed_as M CMD...: timed, as machine M, through env alone (no shell between).
timed_as() {
	_m=$1; shift
	timed env HOME="$W/$_m" XDG_DATA_HOME="$W/$_m/data" XDG_CONFIG_HOME="$W/$_m/config" \
	    XDG_RUNTIME_DIR="$W/$_m/run" XDG_CACHE_HOME="$W/$_m/cache" \
	    EMPATHY_USER="$(cat "$W/$_m/.user")" "$@"
}
dbof() { echo "$W/$1/data/empathy/empathy.db"; }
pair() {	# FIRST SECOND
	echo 'a bench passphrase' | as "$1" empathy init --passphrase --dir "$W/$1/box" >/dev/null
	cp "$W/$1/box/couple" "$W/$2/box/couple"
	echo 'a bench passphrase' | as "$2" empathy init --passphrase --dir "$W/$2/box" >/dev/null
	# Each learns the other's name before any import names both.
	as "$1" empathy sync --dir "$W/$1/box" -q; as "$2" empathy sync --dir "$W/$2/box" -q
	deliver "$1" "$2"; deliver "$2" "$1"
	as "$1" empathy sync --dir "$W/$1/box" -q; as "$2" empathy sync --dir "$W/$2/box" -q
}
deliver() {	# FROM TO: every file TO's view lacks
	for _f in "$W/$1/box"/*; do
		[ -e "$W/$2/box/${_f##*/}" ] || cp "$_f" "$W/$2/box/"
	done
}
boxbytes() { du -sb "$W/$1/box" | cut -f1; }
# timed CMD...: run CMD once; its wall time in ms, its peak RSS in $W/rss.
timed() {
	_t0=$(date +%s%N)
	"$GNUTIME" -f %M -o "$W/rss" "$@" >/dev/null
	_t1=$(date +%s%N)
	echo $(((_t1 - _t0) / 1000000))
}
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)]; else print "-" }'; }
row() {	# operation records ms floor-ms rss
	_x=-
	case $3/$4 in *-*) ;; *) _x=$(awk -v a="$3" -v b="$4" 'BEGIN { printf "%.2f", a / b }');; esac
	printf '%-46s %9s %10s %8s %9s\n' "$1" "$2" "$3" "$_x" "$5"
}

printf '# %s; %s cores; SQLite %s; %s\n' "$(uname -srm)" "$(nproc)" \
    "$(sqlite3 --version | cut -d' ' -f1)" "$(date -u +%F)"
printf '# full sync of %s records; incremental: %s rounds of 10 changes over %s entries\n' \
    "$full" "$rounds" "$size"
printf '# rows "... / import": the x floor column holds the ratio to journal import\n'
printf '%-46s %9s %10s %8s %9s\n' operation records 'median ms' 'x floor' 'RSS KiB'
printf 'kind: prompts\nid: floor\nprompts:\n' >"$W/floor.yaml"
i=0; while [ $i -lt 40 ]; do printf '  - A prompt of some length to make two KiB %s?\n' $i; i=$((i + 1)); done >>"$W/floor.yaml"

# --- A first full sync of $full records, against journal import.
"$bb/gen" entry "$full" 5 >"$W/full.jsonl"
machine imp sara
ms=$(timed_as imp empathy-journal import <"$W/full.jsonl")
row 'journal import (empty database)' "$full" "$ms" - "$(cat "$W/rss")"
imp_ms=$ms
machine a sara; machine b alex; pair a b
as a empathy-journal import <"$W/full.jsonl" >/dev/null
before=$(boxbytes a)
ms=$(timed_as a empathy sync --dir "$W/a/box" -q)
row 'sync: first full, sending side' "$full" "$ms" - "$(cat "$W/rss")"
send_ms=$ms
bytes=$(($(boxbytes a) - before))
deliver a b
ms=$(timed_as b empathy sync --dir "$W/b/box" -q)
row 'sync: first full, receiving side' "$full" "$ms" - "$(cat "$W/rss")"
row 'sync: first full, both sides / import' "$full" "$((send_ms + ms))" "$imp_ms" -
row 'sync: first full, receiving side / import' "$full" "$ms" "$imp_ms" -
printf '%-46s %9s %10s\n' 'sync: mailbox bytes per record, full sync' "$full" "$((bytes / full))"

# --- Incremental: two databases of $size entries each, in step; then
# rounds of 10 new changes (adds and edits), each side timed.
machine a sara; machine b alex; pair a b
"$bb/gen" entry "$size" 6 >"$W/big.jsonl"
as a empathy-journal import <"$W/big.jsonl" >/dev/null
as a empathy sync --dir "$W/a/box" -q
deliver a b
as b empathy sync --dir "$W/b/box" -q
as b empathy sync --dir "$W/b/box" -q
deliver b a
as a empathy sync --dir "$W/a/box" -q
sync
ids=$(sqlite3 "$(dbof a)" "select id from entry where user = 'sara' order by rowid desc limit $((rounds * 5))")
: >"$W/send"; : >"$W/recv"; : >"$W/idle"; : >"$W/floora"; : >"$W/floorb"; : >"$W/rssa"; : >"$W/rssb"
bytes=0
r=0
while [ "$r" -lt "$rounds" ]; do
	r=$((r + 1))
	k=0
	while [ "$k" -lt 5 ]; do
		k=$((k + 1))
		as a empathy-journal add --seen "round $r change $k" >/dev/null
		id=$(echo "$ids" | sed -n "$(( (r - 1) * 5 + k ))p")
		[ -z "$id" ] || echo "round $r edit $k" | as a empathy-journal edit "$id" >/dev/null
	done
	timed "$bb/floor" "$(dbof a)" "$W/floor.yaml" >>"$W/floora"
	before=$(boxbytes a)
	timed_as a empathy sync --dir "$W/a/box" -q >>"$W/send"
	cat "$W/rss" >>"$W/rssa"
	bytes=$((bytes + $(boxbytes a) - before))
	deliver a b
	timed "$bb/floor" "$(dbof b)" "$W/floor.yaml" >>"$W/floorb"
	timed_as b empathy sync --dir "$W/b/box" -q >>"$W/recv"
	cat "$W/rss" >>"$W/rssb"
	timed_as b empathy sync --dir "$W/b/box" -q >>"$W/idle"
done
row 'sync: 10 changes, sending side' "$size" "$(median <"$W/send")" "$(median <"$W/floora")" "$(median <"$W/rssa")"
row 'sync: 10 changes, receiving side' "$size" "$(median <"$W/recv")" "$(median <"$W/floorb")" "$(median <"$W/rssb")"
row 'sync: nothing new' "$size" "$(median <"$W/idle")" "$(median <"$W/floorb")" -
row 'floor (on the same database)' "$size" "$(median <"$W/floora")" - -
printf '%-46s %9s %10s\n' 'sync: mailbox bytes per change, 10 at a time' "$size" "$((bytes / (rounds * 10)))"
