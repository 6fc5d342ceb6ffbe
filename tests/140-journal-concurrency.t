#!/bin/sh
# Two partners writing at the same moment, from the very first entry: no write is lost, none fails.
. "${0%/*}/lib.sh"

N=100
writer() {	# user: N entries from stdin, failures noted
	i=1
	while [ "$i" -le "$N" ]; do
		echo "moment $i of $1" | empathy-journal -u "$1" add --seen >/dev/null 2>>"$T/$1.err" ||
		    echo "$1 entry $i: exit $?" >>"$T/failures"
		i=$((i + 1))
	done
}

same   'no database yet'	"$(test -e "$EMPATHY_DB" && echo there)" ''
writer sara & w1=$!
writer alex & w2=$!
wait "$w1" "$w2"
same   'no writer failed'	"$(cat "$T/failures" 2>/dev/null)" ''
same   'nothing said "busy" or "locked"'	"$(cat "$T"/*.err | grep -ci 'busy\|locked')" 0
same   "all $((2 * N)) entries landed"	"$(sql 'select count(*) from entry')" $((2 * N))
same   'each partner has all of theirs'	"$(sql 'select user, count(distinct text) from entry group by user order by user')" "alex|$N
sara|$N"
same   'list -n 1000 shows them all under one header'	"$(empathy-journal list -n 1000 -f tsv | wc -l)" $((2 * N + 1))
same   'every id is different'	"$(sql 'select count(*) - count(distinct id) from entry')" 0
same   'the search index has every entry'	"$(empathy-journal list -n 1000 -f tsv --grep moment | wc -l)" "$(sql 'select count(*) + 1 from entry')"
same   'the database is intact'	"$(sql 'pragma integrity_check')" ok
same   'it is in WAL mode'	"$(sql 'pragma journal_mode')" wal
same   'the database is 0600'	"$(stat -c %a "$EMPATHY_DB")" 600

# The first write is the delicate one: several partners creating the same new database at once.
r=1
: >"$T/first"
while [ "$r" -le 60 ]; do
	for u in sara alex Sara ALEX; do
		echo "first $u" | empathy-journal -d "$T/new$r.db" -u "$u" add --seen >/dev/null 2>>"$T/first" ||
		    echo "round $r, $u: exit $?" >>"$T/first" &
	done
	wait
	r=$((r + 1))
done
same   'four writers creating a new database at once never fail (60 rounds)'	"$(cat "$T/first")" ''
same   'and every round has its four entries'	"$(for f in "$T"/new*.db; do sqlite3 "$f" 'select count(*) from entry'; done | sort | uniq -c | tr -s ' ')" ' 60 4'
