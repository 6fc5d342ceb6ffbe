#!/bin/sh
# bench/run.sh: time the toolkit at several history sizes against the floor
# (bench/floor.c) and taskwarrior, and print one table:
#   operation | records | median ms | x floor | peak RSS KiB
# Run through `make bench` (release build, dependencies installed).
# BENCH_SIZES (default "1000 100000 1000000"), BENCH_RUNS (runs of each
# command: at least 10 by default, and as many as fit in hyperfine's three
# seconds up to BENCH_MAXRUNS, default 100), BENCH_TASKS (taskwarrior's
# pending tasks, default 100000; 0 skips it).
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
bin=$top/build/rel/bin
bb=$top/build/bench
sizes=${BENCH_SIZES:-1000 100000 1000000}
runs=${BENCH_RUNS:-10}
maxruns=${BENCH_MAXRUNS:-100}
tasks=${BENCH_TASKS:-100000}
W=$(mktemp -d "${TMPDIR:-/tmp}/empathy-bench.XXXXXX")
trap 'rm -rf "$W"' EXIT
export PATH="$bin:$PATH" EMPATHY_CONTENT="$top/content" EMPATHY_USER=sara
export XDG_CONFIG_HOME="$W/config" XDG_DATA_HOME="$W/data" HOME="$W/home"
mkdir -p "$HOME"
GNUTIME=/usr/bin/time

# median_ms CMD: the median wall time of CMD over $runs to $maxruns runs,
# then the floor's ($floorcmd, once set), in ms. The two are measured by one
# hyperfine, one after the other: the machine's speed drifts over the
# minutes a whole run takes, so a ratio needs a floor from the same moment.
floorcmd=
median_ms() {
	hyperfine -N --warmup 2 --min-runs "$runs" --max-runs "$maxruns" \
	    --export-json "$W/h.json" --style none ${floorcmd:+"$floorcmd"} "$1" \
	    >/dev/null 2>&1 || { echo "- -"; return; }
	awk -F: '/"median"/ { gsub(/[ ,]/, "", $2); m[n++] = $2 * 1000 }
	    END { if (n == 2) printf "%.2f %.2f\n", m[1], m[0]
		else printf "%.2f -\n", m[0] }' "$W/h.json"
}
# rss CMD...: peak resident set of one run, in KiB.
rss() {
	"$GNUTIME" -f %M -o "$W/rss" "$@" >/dev/null 2>&1 </dev/null || true
	cat "$W/rss"
}
row() {	# operation records "ms floor-ms" rss
	_ms=${3% *} _f=${3#* } _x=-
	case $_ms/$_f in *-*) ;; *) _x=$(awk -v a="$_ms" -v b="$_f" \
	    'BEGIN { printf "%.2f", a / b }');; esac
	printf '%-46s %9s %10s %8s %9s\n' "$1" "$2" "$_ms" "$_x" "$4"
}

# A database of n journal entries, n/10 check-ins and n/100 results, made
# through the tools' own import.
make_db() {
	db=$W/$1.db
	"$bb/gen" entry "$1" 1 >"$W/entries.jsonl"
	"$bb/gen" checkin $(($1 / 10 + 1)) 2 >"$W/checkins.jsonl"
	"$bb/gen" result $(($1 / 100 + 1)) 3 >"$W/results.jsonl"
	empathy-journal -d "$db" import <"$W/entries.jsonl" >/dev/null
	empathy-checkin -d "$db" import <"$W/checkins.jsonl" >/dev/null
	empathy-assess -d "$db" import <"$W/results.jsonl" >/dev/null
	empathy-challenge -d "$db" start >/dev/null
	# Let the kernel write the new files out now, not during the timings.
	sync
	sleep 1
}

printf '# %s; %s cores; %s; SQLite %s; %s\n' "$(uname -srm)" "$(nproc)" \
    "$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)" \
    "$(sqlite3 --version | cut -d' ' -f1)" "$(date -u +%F)"
printf '# sizes: %s; %s to %s runs each; x floor: over a floor timed just before\n' \
    "$sizes" "$runs" "$maxruns"
printf '# by the same hyperfine; rows without RSS are the comparisons\n'
printf '%-46s %9s %10s %8s %9s\n' operation records 'median ms' 'x floor' 'RSS KiB'
printf 'kind: prompts\nid: floor\nprompts:\n' >"$W/floor.yaml"
i=0; while [ $i -lt 40 ]; do printf '  - A prompt of some length to make two KiB %s?\n' $i; i=$((i + 1)); done >>"$W/floor.yaml"
make_db 1000
small=$W/1000.db
row floor 1000 "$(median_ms "$bb/floor $small $W/floor.yaml")" \
    "$(rss "$bb/floor" "$small" "$W/floor.yaml")"
floorcmd="$bb/floor $small $W/floor.yaml"
for c in 'empathy-checkin due' 'empathy-challenge today' 'empathy-assess list' \
    'empathy-journal list -n 10'; do
	row "$c" 1000 "$(median_ms "$c -d $small")" "$(rss $c -d "$small")"
done
# The advice check: an answer of three sentences judged by respond (which
# stores it, against alex's check-in of the newest day) and by check (which
# stores nothing). The issue's bar: both within 1.3x respond before the
# sentence rules (bench/RESULTS.md has that comparison).
answer="That sounds like a long day. I can hear how tired you are. What was the hardest part?"
aday=$(sqlite3 "$small" "SELECT max(date) FROM checkin WHERE user = 'alex'")
row 'checkin respond (advice check)' 1000 \
    "$(median_ms "empathy-checkin -d $small respond --peek --to alex --date $aday '$answer'")" \
    "$(rss empathy-checkin -d "$small" respond --peek --to alex --date "$aday" "$answer")"
row 'checkin check' 0 "$(median_ms "empathy-checkin check '$answer'")" \
    "$(rss empathy-checkin check "$answer")"

for n in $sizes; do
	[ -e "$W/$n.db" ] || make_db "$n"
	db=$W/$n.db
	rm -f "$W/empty.db"
	# What the partner did since sara last looked: one new moment among n.
	empathy -d "$db" news >/dev/null || true
	empathy-journal -d "$db" -u alex add --seen 'one new moment' >/dev/null
	row 'empathy news -k (one new thing)' "$n" \
	    "$(median_ms "empathy -d $db news -k")" "$(rss empathy -d "$db" news -k)"
	row 'empathy today' "$n" "$(median_ms "empathy -d $db today")" \
	    "$(rss empathy -d "$db" today)"
	row 'journal add (empty database)' 0 \
	    "$(median_ms "empathy-journal -d $W/empty.db add --seen a new moment")" -
	row 'journal add' "$n" \
	    "$(median_ms "empathy-journal -d $db add --seen a new moment")" \
	    "$(rss empathy-journal -d "$db" add --seen another moment)"
	row 'checkin add --replace' "$n" \
	    "$(median_ms "empathy-checkin -d $db add --replace --high h --low l")" \
	    "$(rss empathy-checkin -d "$db" add --replace --high h --low l)"
	# A rare word (one entry in 500), a common one (in a third), a prefix.
	for g in 'lighthouse' 'tea' 'th*'; do
		row "journal list --grep '$g' -n 20" "$n" \
		    "$(median_ms "empathy-journal -d $db list --grep $g -n 20")" \
		    "$(rss empathy-journal -d "$db" list --grep "$g" -n 20)"
		row "sqlite3: the same FTS5 query" "$n" "$(median_ms "sqlite3 $db \
		    \"SELECT e.id, e.text FROM entry e WHERE e.rowid IN (SELECT rowid \
		    FROM entry_fts WHERE entry_fts MATCH '$g') AND removed IS NULL \
		    ORDER BY e.date DESC, e.created DESC, e.id LIMIT 20\"")" -
	done
	row 'journal list, one week' "$n" \
	    "$(median_ms "empathy-journal -d $db list --since 2026-11-16 --until 2026-11-22")" \
	    "$(rss empathy-journal -d "$db" list --since 2026-11-16 --until 2026-11-22)"
	row 'sqlite3: the same rows' "$n" "$(median_ms "sqlite3 $db \"SELECT * FROM \
	    entry WHERE removed IS NULL AND date BETWEEN '2026-11-16' AND '2026-11-22' \
	    ORDER BY date DESC, created DESC, id\"")" -
	row 'journal review --week 2026-W47' "$n" \
	    "$(median_ms "empathy-journal -d $db review --week 2026-W47")" \
	    "$(rss empathy-journal -d "$db" review --week 2026-W47)"
	row 'sqlite3: the week and the week before' "$n" "$(median_ms "sqlite3 $db \
	    \"SELECT user, kind, date, text, tags FROM entry WHERE removed IS NULL \
	    AND date BETWEEN '2026-11-09' AND '2026-11-22' ORDER BY user, kind, date\"")" -
	row 'checkin stats' "$n" "$(median_ms "empathy-checkin -d $db stats")" \
	    "$(rss empathy-checkin -d "$db" stats)"
	row 'sqlite3: check-ins per person, in order' "$n" "$(median_ms "sqlite3 $db \
	    \"SELECT user, count(*), max(date), max(feeling) FROM (SELECT * FROM \
	    checkin ORDER BY user, date) GROUP BY user\"")" -
	row 'assess history' "$n" "$(median_ms "empathy-assess -d $db history")" \
	    "$(rss empathy-assess -d "$db" history)"
	row 'sqlite3: the same rows' "$n" "$(median_ms "sqlite3 $db \"SELECT date, \
	    instrument, score, answers, created FROM result WHERE user = 'sara' AND \
	    about = 'sara' ORDER BY instrument, date, created\"")" -
	row 'journal export' "$n" "$(median_ms "sh -c 'empathy-journal -d $db export >/dev/null'")" \
	    "$(rss empathy-journal -d "$db" export)"
	row 'sqlite3 -json: the same rows' "$n" "$(median_ms "sh -c 'sqlite3 -json $db \
	    \"SELECT * FROM entry\" >/dev/null'")" -
	"$bb/gen" entry "$n" 9 >"$W/more.jsonl"
	rm -f "$W/imp.db"
	t0=$(date +%s%N)
	"$GNUTIME" -f %M -o "$W/rss" empathy-journal -d "$W/imp.db" import <"$W/more.jsonl" >/dev/null
	t1=$(date +%s%N)
	row 'journal import (one run)' "$n" "$(( (t1 - t0) / 1000000 )) -" "$(cat "$W/rss")"
	# What SQLite itself needs to store and index the same lines: the
	# schema as empathy made it, the lines read by the shell, then one
	# INSERT ... SELECT for the rows and one for the search index.
	sqlite3 "$W/imp.db" .schema | grep -v '^CREATE TABLE sqlite_' >"$W/schema.sql"
	rm -f "$W/imp.db"*
	printf '%s\n' 'PRAGMA journal_mode = WAL;' 'PRAGMA synchronous = FULL;' \
	    ".read $W/schema.sql" 'CREATE TEMP TABLE raw (j TEXT);' '.mode ascii' \
	    '.separator "\037" "\n"' ".import $W/more.jsonl raw" 'BEGIN;' \
	    "INSERT INTO entry SELECT j->>'id', j->>'user', j->>'date', j->>'kind', \
	    j->>'text', j->>'tags', j->>'removed', j->>'created', j->>'updated' FROM raw;" \
	    'INSERT INTO entry_fts (rowid, text) SELECT rowid, text FROM entry;' \
	    'COMMIT;' >"$W/bulk.sql"
	t0=$(date +%s%N)
	"$GNUTIME" -f %M -o "$W/rss" sqlite3 "$W/imp.db" <"$W/bulk.sql" >/dev/null
	t1=$(date +%s%N)
	row 'sqlite3: the same lines in one INSERT' "$n" "$(( (t1 - t0) / 1000000 )) -" "$(cat "$W/rss")"
	rm -f "$W/imp.db"*
done

if [ "$tasks" -gt 0 ] && command -v task >/dev/null; then
	export TASKRC="$W/taskrc" TASKDATA="$W/task"
	mkdir -p "$TASKDATA"
	printf 'data.location=%s\nconfirmation=no\nverbose=nothing\n' "$TASKDATA" >"$TASKRC"
	awk -v n="$tasks" 'BEGIN {
		printf "["
		for (i = 1; i <= n; i++) {
			if (i > 1)
				printf ","
			printf "{\"description\":\"task %d about tea and things\",", i
			printf "\"status\":\"pending\",\"entry\":\"20261126T000000Z\","
			printf "\"uuid\":\"%08x-0000-4000-8000-%012x\"}", i, i
		}
		print "]"
	}' >"$W/tasks.json"
	task import "$W/tasks.json" >/dev/null 2>&1
	row 'taskwarrior: task add' "$tasks" "$(median_ms "task add a new task")" \
	    "$(rss task add another task)"
	row 'taskwarrior: task /tea/ count' "$tasks" "$(median_ms "task /tea/ count")" \
	    "$(rss task /tea/ count)"
fi
