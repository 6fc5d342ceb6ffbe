#!/bin/sh
# Two partners check in at the same moment while a reader looks on: no write is lost.
. "${0%/*}/lib.sh"

N=150
writer() {	# user: N check-ins on N distinct past days
	i=1
	while [ "$i" -le "$N" ]; do
		printf 'high %s\nlow %s\n' "$i" "$i" |
		    empathy-checkin -u "$1" add --date "-$i" >/dev/null 2>>"$T/$1.err" ||
		    echo "$1 day -$i: exit $?" >>"$T/failures"
		i=$((i + 1))
	done
}
reader() {	# reads until both writers are done; any exit but 0 or 1 is a failure
	while [ ! -e "$T/done" ]; do
		empathy-checkin -u sara show --since "-$N" --peek -f tsv >/dev/null 2>>"$T/reader.err"
		s=$?
		[ "$s" -le 1 ] || echo "reader: exit $s" >>"$T/failures"
	done
}

ok     'a first check-in creates the database'	empathy-checkin add --high start --low start
reader & rpid=$!
writer sara & w1=$!
writer alex & w2=$!
wait "$w1" "$w2"
touch "$T/done"
wait "$rpid"

same   'no writer or reader failed'	"$(cat "$T/failures" 2>/dev/null)" ''
same   'nothing said "locked" to anyone'	"$(cat "$T"/*.err | grep -ci locked)" 0
same   "all $((2 * N + 1)) check-ins landed"	"$(sql 'select count(*) from checkin')" $((2 * N + 1))
same   'each partner has every day'	"$(sql 'select user, count(*) from checkin where date < date() group by user order by user')" \
       "alex|$N
sara|$N"
same   'the database is intact'	"$(sql 'pragma integrity_check')" ok
same   'it is in WAL mode'	"$(sql 'pragma journal_mode')" wal
same   'no database file is open to others'	"$(find "$T" -name 'empathy.db*' -perm /077)" ''
same   'the database is 0600'	"$(stat -c %a "$EMPATHY_DB")" 600
