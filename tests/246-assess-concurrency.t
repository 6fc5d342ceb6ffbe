#!/bin/sh
# Two partners take questionnaires at once: no result is lost; a database held too long is 75.
. "${0%/*}/lib.sh"

N=30
writer() {	# user: N results on N past days
	i=1
	while [ "$i" -le "$N" ]; do
		empathy-assess -u "$1" take bandwidth --date "-$i" --answers 1,2,3,4 >/dev/null 2>>"$T/$1.err" ||
		    echo "$1 day -$i: exit $?" >>"$T/failures"
		i=$((i + 1))
	done
}
ok     'a first result creates the database'	empathy-assess take bandwidth --answers 3,3,3,3
writer sara & w1=$!
writer alex & w2=$!
wait "$w1" "$w2"
same   'no writer failed'	"$(cat "$T/failures" 2>/dev/null)" ''
same   "all $((2 * N + 1)) results landed"	"$(sql 'select count(*) from result')" $((2 * N + 1))
same   'each partner has every day'	"$(sql "select user, count(distinct date) from result where date < date() group by user order by user")" \
       "alex|$N
sara|$N"

# Another process holds the write lock past the busy timeout.
mkfifo "$T/fifo"
sqlite3 "$EMPATHY_DB" <"$T/fifo" >"$T/holder" 2>&1 &
holder=$!
exec 3>"$T/fifo"
echo 'begin immediate; select 1;' >&3
i=0
while [ ! -s "$T/holder" ] && [ $i -lt 100 ]; do sleep 0.02; i=$((i + 1)); done
same   'another process holds the write lock'	"$(cat "$T/holder")" 1
status '75: take while the database stays busy'	75 empathy-assess take self --answers 3,3,3,3,3,3,3,3,3,3
like   'it says the database was busy'	"$(err)" 'busy'
echo 'rollback;' >&3
exec 3>&-
wait "$holder"
same   'nothing of it was stored'	"$(sql "select count(*) from result where instrument = 'self'")" 0
ok     'once free, take works'	empathy-assess take self --answers 3,3,3,3,3,3,3,3,3,3
same   'the database is intact'	"$(sql 'pragma integrity_check')" ok
