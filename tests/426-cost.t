#!/bin/sh
# Cost on hostile input grows in step with its size: for each kind of input,
# four times as much may take about four times as long, never sixteen. Each
# case is timed at n and at 4n, the better of two runs each; a small fixed
# allowance covers starting the program.
. "${0%/*}/lib.sh"

# ms FILE CMD...: milliseconds CMD takes with FILE as its input, the better
# of two runs; its status in $T/.rc.
ms() {
	_best=
	_in=$1
	shift
	for _run in 1 2; do
		_t0=$(date +%s%N)
		"$@" <"$_in" >"$T/.out" 2>"$T/.err"
		echo $? >"$T/.rc"
		_t=$((($(date +%s%N) - _t0) / 1000000))
		[ -z "$_best" ] || [ "$_t" -lt "$_best" ] && _best=$_t
	done
	echo "$_best"
}
# linear DESC MS1 MS4: 4n took less than 8 times n, and a 400 ms allowance.
linear() {
	ok     "$1: 4n in $3 ms, n in $2 ms"	test "$3" -lt $(((8 * $2 + 400) * EM_SLOW))
}

# (a) One import line of many keys: refused at its 33rd key, before any
# more of it is looked at; and one line of one long string.
keys() {
	awk -v n="$1" 'BEGIN { printf "{\"type\":\"entry\""; for (i = 0; i < n; i++) printf ",\"k%d\":\"v\"", i; print "}" }' >"$T/keys$1"
}
keys 20000; keys 80000
same   'a line of 80000 keys is under the 1 MiB limit'	"$(($(wc -c <"$T/keys80000") < 1048576))" 1
t1=$(ms "$T/keys20000" empathy-journal import)
same   'a line of 20000 keys: 65'	"$(cat "$T/.rc")" 65
like   'it says there are too many keys'	"$(err)" '^empathy-journal: line 1: column [0-9]+: more than 32 keys in a record$'
t4=$(ms "$T/keys80000" empathy-journal import)
same   'a line of 80000 keys: 65'	"$(cat "$T/.rc")" 65
linear 'a line of many keys' "$t1" "$t4"

# The same lines through a pipe, where they cannot be measured beforehand.
t1=$(ms /dev/null sh -c 'cat "$1" | empathy-journal import' sh "$T/keys20000")
t4=$(ms /dev/null sh -c 'cat "$1" | empathy-journal import' sh "$T/keys80000")
same   'through a pipe: 65'	"$(cat "$T/.rc")" 65
linear 'a line of many keys through a pipe' "$t1" "$t4"

str() {
	awk -v n="$1" 'BEGIN { printf "{\"type\":\"entry\",\"id\":\"00000000000000a1\",\"text\":\""; for (i = 0; i < n; i++) printf "\\n"; print "\"}" }' >"$T/str$1"
}
str 120000; str 480000
t1=$(ms "$T/str120000" empathy-journal import)
same   'one string of 120000 escapes: 65'	"$(cat "$T/.rc")" 65
t4=$(ms "$T/str480000" empathy-journal import)
same   'one string of 480000 escapes: 65'	"$(cat "$T/.rc")" 65
linear 'a line of one long string' "$t1" "$t4"

# A line over the limit in a file is refused before the database is locked:
# another writer does not wait for it.
{ head -n 1 "$T/keys20000"; tr -d '\n' <"$T/keys80000"; cat "$T/keys80000"; } >"$T/long"
status 'a line over 1 MiB: 65'	65 empathy-journal import <"$T/long"
like   'line 2 is named as too long'	"$(err)" '^empathy-journal: line 2: longer than 1 MiB$'
sqlite3 "$EMPATHY_DB" 'begin immediate; select 1;' >/dev/null 2>&1 &
sleep 0.2 2>/dev/null || sleep 1
status 'refused the same while another holds the write lock'	65 empathy-journal import <"$T/long"
like   'with the same message, not "busy"'	"$(err)" 'line 2: longer than 1 MiB'
wait

# (b) Content: a mapping of many keys, and many documents, each with the
# last key or id repeated.
yaml() {	# DIR N [1]: a prompts file of N extra keys, the last one twice unless 1
	mkdir -p "$T/$1"
	awk -v n="$2" -v once="${3:-0}" 'BEGIN { print "kind: prompts\nid: many\nprompts: [a]"; for (i = 0; i < n; i++) printf "k%d: v\n", i; if (!once) printf "k%d: again\n", n - 1 }' >"$T/$1/x.yaml"
}
yaml c0 25000 1; yaml c1 25000; yaml c4 100000
status 'a mapping of 25000 unknown keys loads'	0 env EMPATHY_CONTENT="$T/c0" empathy-checkin prompt
like   'the first few are named, the rest counted'	"$(err)" 'and 24995 more unknown keys ignored'
same   'in six lines of warning'	"$(err | wc -l)" 6
t1=$(ms /dev/null env EMPATHY_CONTENT="$T/c1" empathy-checkin prompt)
same   'a mapping of 25000 keys, one twice: 78'	"$(cat "$T/.rc")" 78
like   'the second place is named'	"$(err)" 'x\.yaml:25004:1: duplicate key .k24999. \(first at line 25003\)'
t4=$(ms /dev/null env EMPATHY_CONTENT="$T/c4" empathy-checkin prompt)
same   'a mapping of 100000 keys, one twice: 78'	"$(cat "$T/.rc")" 78
linear 'a mapping of many keys' "$t1" "$t4"

docs() {	# DIR N: N prompts documents, the last id twice
	mkdir -p "$T/$1"
	awk -v n="$2" 'BEGIN { for (i = 0; i < n; i++) printf "---\nkind: prompts\nid: p%d\nprompts: [a]\n", i; printf "---\nkind: prompts\nid: p%d\nprompts: [a]\n", n - 1 }' >"$T/$1/x.yaml"
}
docs d1 5000; docs d4 20000
t1=$(ms /dev/null env EMPATHY_CONTENT="$T/d1" empathy-checkin prompt)
same   '5000 documents, one id twice: 78'	"$(cat "$T/.rc")" 78
like   'the second is named, with the first'	"$(err)" "x\\.yaml:20002:1: duplicate prompts id 'p4999' \\(first at [^ ]*x\\.yaml:19998:1\\)"
t4=$(ms /dev/null env EMPATHY_CONTENT="$T/d4" empathy-checkin prompt)
same   '20000 documents, one id twice: 78'	"$(cat "$T/.rc")" 78
linear 'many documents' "$t1" "$t4"

# (c) Import aliases: check-ins already stored under other ids, then answers
# to them under the ids being imported. (The two partners' check-ins; both
# go under the ids their person and day give.)
TS1='"created":"2026-01-01T10:00:00.000Z","updated":"2026-01-01T10:00:00.000Z"'
TS2='"created":"2026-01-02T10:00:00.000Z","updated":"2026-01-02T10:00:00.000Z"'
# alias N DB: store N check-ins in DB, then time importing N of the same days
# under other (older) ids, and N answers to those.
alias() {
	awk -v n="$1" -v ts="$TS2" 'BEGIN { for (i = 0; i < n; i++) printf "{\"type\":\"checkin\",\"id\":\"a%015x\",\"user\":\"u%d\",\"date\":\"%04d-%02d-%02d\",\"feeling\":null,\"underneath\":null,\"high\":\"h\",\"low\":\"l\",%s}\n", i, i % 2, 1000 + int(i / 672), 1 + int(i % 672 / 56), 1 + int(i % 56 / 2), ts }' >"$T/stored$1"
	awk -v n="$1" -v ts="$TS1" 'BEGIN { for (i = 0; i < n; i++) printf "{\"type\":\"checkin\",\"id\":\"b%015x\",\"user\":\"u%d\",\"date\":\"%04d-%02d-%02d\",\"feeling\":null,\"underneath\":null,\"high\":\"h\",\"low\":\"l\",%s}\n", i, i % 2, 1000 + int(i / 672), 1 + int(i % 672 / 56), 1 + int(i % 56 / 2), ts;
	    for (i = 0; i < n; i++) printf "{\"type\":\"response\",\"id\":\"c%015x\",\"checkin\":\"b%015x\",\"user\":\"u1\",\"kind\":\"question\",\"text\":\"t\",\"forced\":false,%s}\n", i, i, ts }' >"$T/aliased$1"
	empathy-checkin -d "$T/alias$1.db" import <"$T/stored$1" >/dev/null
	cp "$T/alias$1.db" "$T/alias$1.base"
	_best=
	for _run in 1 2; do
		cp "$T/alias$1.base" "$T/alias$1.db"
		rm -f "$T/alias$1.db-wal" "$T/alias$1.db-shm"
		_t0=$(date +%s%N)
		empathy-checkin -d "$T/alias$1.db" import <"$T/aliased$1" >"$T/.out" 2>"$T/.err"
		echo $? >"$T/.rc"
		_t=$((($(date +%s%N) - _t0) / 1000000))
		[ -z "$_best" ] || [ "$_t" -lt "$_best" ] && _best=$_t
	done
	echo "$_best"
}
t1=$(alias 5000)
same   '5000 aliased check-ins and answers import'	"$(cat "$T/.rc") $(out)" "0 5000 added, 0 updated, 5000 unchanged"
t4=$(alias 20000)
same   '20000 of them import'	"$(cat "$T/.rc") $(out)" "0 20000 added, 0 updated, 20000 unchanged"
same   'each answer is on the stored check-in'	"$(sqlite3 "$T/alias20000.db" "select count(*), count(distinct c.id), (select count(*) from checkin) from response r join checkin c on c.id = r.checkin")" 20000\|20000\|20000
linear 'import aliases' "$t1" "$t4"
