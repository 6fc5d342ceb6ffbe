#!/bin/sh
# Two partners mark days done at the same moment while a reader looks on: nothing is lost.
. "${0%/*}/lib.sh"

N=60
mkdir -p "$XDG_CONFIG_HOME/empathy/content"
{
	printf 'kind: challenge\nid: long\ntitle: Sixty days\ndays:\n'
	i=1
	while [ "$i" -le "$N" ]; do
		printf '  - {title: Day %s, task: Do thing %s.}\n' "$i" "$i"
		i=$((i + 1))
	done
} >"$XDG_CONFIG_HOME/empathy/content/long.yaml"

writer() {	# user: every day, each with a note
	i=1
	while [ "$i" -le "$N" ]; do
		empathy-challenge -u "$1" done --day "$i" --note "$1 on day $i" </dev/null \
		    >/dev/null 2>>"$T/$1.err" || echo "$1 day $i: exit $?" >>"$T/failures"
		i=$((i + 1))
	done
}
reader() {	# until both writers are done; anything but 0 is a failure
	while [ ! -e "$T/done" ]; do
		empathy-challenge status -f tsv >/dev/null 2>>"$T/reader.err" ||
		    echo "reader: exit $?" >>"$T/failures"
	done
}

ok     "a challenge of $N days, started $((N - 1)) days ago"	empathy-challenge start long --date "-$((N - 1))"
reader & rpid=$!
writer sara & w1=$!
writer alex & w2=$!
wait "$w1" "$w2"
touch "$T/done"
wait "$rpid"

same   'no writer or reader failed'	"$(cat "$T/failures" 2>/dev/null)" ''
same   'nothing said "locked" to anyone'	"$(cat "$T"/*.err | grep -ci locked)" 0
same   "all $((2 * N)) days landed"	"$(sql 'select count(*) from run_day')" $((2 * N))
same   'each partner has every day once'	"$(sql 'select user, count(distinct day), min(day), max(day) from run_day group by user order by user')" \
       "alex|$N|1|$N
sara|$N|1|$N"
same   'each note is on its own day'	"$(sql "select count(*) from run_day where note = user || ' on day ' || day")" $((2 * N))
ok     'status agrees'	empathy-challenge status -f tsv
same   'no day left open or missed'	"$(out | sed 1d | cut -f4 | sort | uniq -c | tr -s ' ')" " 2 done
 $((2 * (N - 1))) late"

# The same partner and day from two places at once: one row, no failure.
: >"$T/failures"
same_day() { j=0; while [ $j -lt 30 ]; do empathy-challenge done --note "$1 $j" </dev/null >/dev/null 2>>"$T/same.err" || echo "$1: exit $?" >>"$T/failures"; j=$((j + 1)); done; }
same_day phone & p1=$!
same_day laptop & p2=$!
wait "$p1" "$p2"
same   'no failure'	"$(cat "$T/failures")" ''
same   "still one row for sara's last day"	"$(sql "select count(*) from run_day where user = 'sara' and day = $N")" 1
like   'holding one of the notes'	"$(sql "select note from run_day where user = 'sara' and day = $N")" '^(phone|laptop) 29$'
same   'the database is intact'	"$(sql 'pragma integrity_check')" ok
