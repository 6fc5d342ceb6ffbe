#!/bin/sh
# Sara imports a big export while Alex keeps writing in his journal and a reader looks on.
# Both finish with 0, every imported and every added entry is there, nothing is damaged.
# EM_STRESS=long (make stress) imports 50,000 lines; make check imports 2,000.
. "${0%/*}/../lib.sh"

N=2000 MIN=20
[ "${EM_STRESS:-}" = long ] && N=50000 MIN=100
# Under valgrind a 2,000-line import holds the write lock for seconds: keep it short.
[ "$EM_SLOW" -gt 1 ] && [ "${EM_STRESS:-}" != long ] && N=500

# An export of N entries, in exactly the form and key order `export` writes.
awk -v n="$N" 'BEGIN {
	for (i = 1; i <= n; i++) {
		d = sprintf("2025-%02d-%02d", 1 + i % 12, 1 + i % 28)
		t = sprintf("%sT%02d:%02d:%02d.%03dZ", d, i % 24, i % 60, (i / 60) % 60, i % 1000)
		printf "{\"type\":\"entry\",\"id\":\"feed%012d\",\"user\":\"sara\",\"date\":\"%s\",", i, d
		printf "\"kind\":\"%s\",\"text\":\"imported moment %d\\nsecond line\",", i % 3 ? "seen" : "misunderstood", i
		printf "\"tags\":\"%s\",\"sealed\":null,\"removed\":null,\"created\":\"%s\",\"updated\":\"%s\"}\n", i % 5 ? "" : "home tea", t, t
	}
}' >"$T/import.jsonl"
ok     "the export to import has $N lines"	test "$(wc -l <"$T/import.jsonl")" -eq "$N"
ok     'Alex has written before'	sh -c 'echo "before the import" | empathy-journal -u alex add --seen'

# Alex writes until the import is over and he has written at least MIN times;
# the import starts only once he is under way, so the two overlap.
adder() {
	i=0
	while [ ! -e "$T/imported" ] || [ "$i" -lt "$MIN" ]; do
		i=$((i + 1))
		b=$(date +%s%N)
		echo "alex moment $i" | empathy-journal -u alex add --seen >/dev/null 2>>"$T/errs" ||
		    echo "add $i: $?" >>"$T/fail"
		echo "$b $(date +%s%N)" >>"$T/times"
		[ "$i" -eq 3 ] && : >"$T/adding"
	done
	echo "$i" >"$T/added"
}
reader() {
	while [ ! -e "$T/stop" ]; do
		empathy-journal -u alex list -n 5 -f tsv >/dev/null 2>>"$T/errs"
		s=$?
		[ "$s" -le 1 ] || echo "reader: $s" >>"$T/fail"
	done
}

reader & r=$!
adder & a=$!
w=0
while [ ! -e "$T/adding" ] && [ "$w" -lt 300 ]; do sleep 0.05; w=$((w + 1)); done
ok     'Alex is writing when the import starts'	test -e "$T/adding"
t0=$(date +%s%N)
empathy-journal import <"$T/import.jsonl" >"$T/import.out" 2>"$T/import.err"
s=$?
t1=$(date +%s%N)
: >"$T/imported"
wait "$a"
touch "$T/stop"
wait "$r"
echo "# import of $N lines: $(( (t1 - t0) / 1000000 )) ms; Alex added $(cat "$T/added") entries meanwhile and after"
# An add that began before the import ended and ended after it began ran alongside it.
during=$(awk -v t0="$t0" -v t1="$t1" '$1 < t1 && $2 > t0' "$T/times" | wc -l)
echo "# $during of Alex's writes ran alongside the import"

same   'the import ends with 0'	"$s" 0
same   'and says every line was added'	"$(cat "$T/import.out")" "$N added, 0 updated, 0 unchanged"
same   'it printed nothing on stderr'	"$(cat "$T/import.err")" ''
same   "none of Alex's writes failed, nor a read"	"$(cat "$T/fail" 2>/dev/null)" ''
same   'nobody was told the database is locked'	"$(grep -ci 'locked\|busy' "$T/errs")" 0
n=$(cat "$T/added")
ok     "Alex wrote at least $MIN times"	test "$n" -ge "$MIN"
ok     'at least one of them while the import ran'	test "$during" -ge 1

same   "all $N imported entries are there"	"$(sql "select count(*) from entry where user = 'sara'")" "$N"
# Byte for byte: what export gives back for Sara is what was imported.
# The export adds the clock each line took from its "updated" time.
empathy-journal export | grep '"user":"sara"' | sed 's/,"clock":"[^"]*"//' | sort >"$T/back.jsonl"
sort "$T/import.jsonl" >"$T/import.sorted"
ok     'and export gives them back byte for byte'	cmp -s "$T/back.jsonl" "$T/import.sorted"
same   "all $n of Alex's entries are there, each once" \
       "$(sql "select text from entry where user = 'alex' and text like 'alex moment %' order by 0 + substr(text, 13)")" \
       "$(i=1; while [ "$i" -le "$n" ]; do echo "alex moment $i"; i=$((i + 1)); done)"
same   'his entry from before is untouched'	"$(sql "select count(*) from entry where text = 'before the import'")" 1
same   'nothing else is in the journal'	"$(sql 'select count(*) from entry')" "$((N + n + 1))"
same   'the search index has every imported entry'	"$(empathy-journal list --grep imported -n 1000000 -f tsv | sed 1d | wc -l)" "$N"
same   "and every one of Alex's"	"$(empathy-journal list --grep alex -n 1000000 -f tsv | sed 1d | wc -l)" "$n"
same   'the database is intact'	"$(sql 'pragma integrity_check')" ok
ok     'the search index is intact'	sql "insert into entry_fts (entry_fts) values ('integrity-check')"
