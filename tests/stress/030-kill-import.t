#!/bin/sh
# kill -9 at a random moment during a big import: the database is always intact
# and holds none or all of the import; importing again afterwards gives all of it.
# EM_STRESS=long (make stress): 50 trials of 100,000 lines; make check: 5 of 20,000.
. "${0%/*}/../lib.sh"

TRIALS=5 N=20000
[ "${EM_STRESS:-}" = long ] && TRIALS=50 N=100000
# Under valgrind an import takes some twenty times as long: a smaller one.
[ "$EM_SLOW" -gt 1 ] && [ "${EM_STRESS:-}" != long ] && N=2000

ms() { echo $(( $(date +%s%N) / 1000000 )); }

awk -v n="$N" 'BEGIN {
	for (i = 1; i <= n; i++) {
		d = sprintf("2025-%02d-%02d", 1 + i % 12, 1 + i % 28)
		t = sprintf("%sT10:%02d:%02d.%03dZ", d, i % 60, (i / 60) % 60, i % 1000)
		printf "{\"type\":\"entry\",\"id\":\"feed%012d\",\"user\":\"%s\",\"date\":\"%s\",", i, i % 2 ? "sara" : "alex", d
		printf "\"kind\":\"seen\",\"text\":\"imported moment %d, and some more words to fill the page\",", i
		printf "\"tags\":\"%s\",\"sealed\":null,\"removed\":null,\"created\":\"%s\",\"updated\":\"%s\"}\n", i % 7 ? "" : "kitchen", t, t
	}
}' >"$T/import.jsonl"
ok     "the export to import has $N lines"	test "$(wc -l <"$T/import.jsonl")" -eq "$N"

# A few entries from before, kept aside as they are.
ok     'Sara wrote twice'	sh -c 'echo "first" | empathy-journal add --seen && echo "second" | empathy-journal add --misunderstood --tag home'
ok     'Alex once'	sh -c 'echo "third" | empathy-journal -u alex add --seen'
B=$(sql 'select count(*) from entry')
sql 'select * from entry order by id' >"$T/before"
cp "$EMPATHY_DB" "$T/base.db"

# How long a whole import takes, on a copy: the shorter of two runs, so that a
# moment of load elsewhere does not stretch every trial past the end.
D=
for run in 1 2; do
	cp "$T/base.db" "$T/timing.db"
	t0=$(ms)
	ok     "a whole import, timed ($run)"	sh -c 'empathy-journal -d "$1" import <"$2" >/dev/null' sh "$T/timing.db" "$T/import.jsonl"
	d=$(( $(ms) - t0 ))
	[ -z "$D" ] || [ "$d" -lt "$D" ] && D=$d
	rm -f "$T/timing.db"*
done
echo "# a whole import of $N lines takes $D ms"

imported() { sql "select count(*) from entry where id like 'feed%'"; }
kept() { sql "select * from entry where id not like 'feed%' order by id"; }

none=0 all=0 intact=0 trial=1
while [ "$trial" -le "$TRIALS" ]; do
	# A moment in 0..D, from the minimal standard generator seeded by the trial
	# (mawk's srand gives neighbouring seeds close or equal first numbers).
	delay=$(awk -v s="$trial" -v d="$D" 'BEGIN {
		x = s; for (k = 0; k < 3; k++) x = (x * 16807) % 2147483647
		printf "%.3f", x / 2147483647 * d / 1000 }')
	t0=$(ms)
	empathy-journal import <"$T/import.jsonl" >/dev/null 2>"$T/import.err" &
	p=$!
	sleep "$delay"
	kill -9 "$p" 2>/dev/null
	wait "$p" 2>/dev/null
	s=$?
	t1=$(ms)
	# The program itself opens it first, as a user would next.
	empathy-journal list -n 1 -f tsv >/dev/null 2>"$T/list.err"
	ls=$?
	ic=$(sql 'pragma integrity_check' 2>&1)
	fts=$(sql "insert into entry_fts (entry_fts) values ('integrity-check')" 2>&1 && echo ok)
	rows=$(imported)
	[ "$rows" -eq 0 ] && none=$((none + 1))
	[ "$rows" -eq "$N" ] && all=$((all + 1))
	[ "$ic" = ok ] && [ "$fts" = ok ] && intact=$((intact + 1))
	[ "$s" -eq 137 ] && how=killed || how="ended by itself (exit $s)"
	echo "# trial $trial: $how after $(awk -v m=$((t1 - t0)) 'BEGIN { printf "%.2f", m / 1000 }') s" \
	    "(aimed at $delay s), rows $rows, integrity $ic"
	same   "trial $trial: integrity_check ok"	"$ic" ok
	same   "trial $trial: the search index is intact"	"$fts" ok
	ok     "trial $trial: none or all of the import ($rows of $N)"	test "$rows" -eq 0 -o "$rows" -eq "$N"
	same   "trial $trial: the entries from before are untouched"	"$(kept)" "$(cat "$T/before")"
	same   "trial $trial: and the journal still opens"	"$ls $(cat "$T/list.err")" '0 '
	# A trial that landed all of it starts the next one over, from before the import.
	if [ "$rows" -eq "$N" ]; then
		rm -f "$EMPATHY_DB" "$EMPATHY_DB-wal" "$EMPATHY_DB-shm"
		cp "$T/base.db" "$EMPATHY_DB"
	fi
	trial=$((trial + 1))
done
echo "# $TRIALS trials of $N lines: $intact intact, $none held none of the import, $all held all of it"
same   'every trial was intact'	"$intact" "$TRIALS"
same   'every trial held none or all'	"$((none + all))" "$TRIALS"

ok     'importing once more succeeds'	sh -c 'empathy-journal import <"$1" >/dev/null' sh "$T/import.jsonl"
same   'and gives exactly the full set'	"$(imported)" "$N"
same   'beside the entries from before'	"$(sql 'select count(*) from entry')" "$((B + N))"
# The export adds the clock each line took from its "updated" time.
empathy-journal export | grep '"id":"feed' | sed 's/,"clock":"[^"]*"//' | sort >"$T/back.jsonl"
sort "$T/import.jsonl" >"$T/import.sorted"
ok     'export gives the import back byte for byte'	cmp -s "$T/back.jsonl" "$T/import.sorted"
same   'the entries from before are untouched'	"$(kept)" "$(cat "$T/before")"
same   'the database is intact'	"$(sql 'pragma integrity_check')" ok
ok     'the search index is intact'	sql "insert into entry_fts (entry_fts) values ('integrity-check')"
same   'and finds every imported entry'	"$(empathy-journal list --grep imported -n 1000000 -f tsv | sed 1d | wc -l)" "$N"
