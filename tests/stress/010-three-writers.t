#!/bin/sh
# Two partners and a cron job write at the same moment; a reader looks on.
# Every write lands, nobody is told the database is locked, readers never block.
# EM_STRESS=long (make stress) writes 300 each; make check writes 40.
. "${0%/*}/../lib.sh"

N=40
[ "${EM_STRESS:-}" = long ] && N=300

# A challenge as long as the run, so every write is a day of its own.
mkdir -p "$XDG_CONFIG_HOME/empathy/content"
{
	printf 'kind: challenge\nid: long\ntitle: Long\ndays:\n'
	i=1
	while [ "$i" -le "$N" ]; do printf '  - {title: d%s, task: t}\n' "$i"; i=$((i + 1)); done
} >"$XDG_CONFIG_HOME/empathy/content/long.yaml"

ok     'a long challenge started long enough ago'	empathy-challenge start long --date "-$((N - 1))"

checkins() {
	i=1
	while [ "$i" -le "$N" ]; do
		printf 'high %s\nlow %s\n' "$i" "$i" | empathy-checkin -u sara add --date "-$i" \
		    >/dev/null 2>>"$T/errs" || echo "checkin $i: $?" >>"$T/fail"
		i=$((i + 1))
	done
}
journal() {
	i=1
	while [ "$i" -le "$N" ]; do
		echo "moment $i" | empathy-journal -u alex add --seen >/dev/null 2>>"$T/errs" ||
		    echo "journal $i: $?" >>"$T/fail"
		i=$((i + 1))
	done
}
cron() {
	i=1
	while [ "$i" -le "$N" ]; do
		empathy-challenge -u sara done --day "$i" --note "day $i" </dev/null \
		    >/dev/null 2>>"$T/errs" || echo "challenge $i: $?" >>"$T/fail"
		i=$((i + 1))
	done
}
reader() {
	while [ ! -e "$T/stop" ]; do
		empathy-journal list -n 5 -f tsv >/dev/null 2>>"$T/errs"
		s=$?
		[ "$s" -le 1 ] || echo "reader: $s" >>"$T/fail"
	done
}

reader & r=$!
checkins & a=$!
journal & b=$!
cron & c=$!
wait "$a" "$b" "$c"
touch "$T/stop"
wait "$r"

same   "no write failed ($((3 * N)) attempted)"	"$(cat "$T/fail" 2>/dev/null)" ''
same   'nobody was told the database is locked'	"$(grep -ci 'locked\|busy' "$T/errs")" 0
same   "all $N check-ins are there"	"$(sql 'select count(*) from checkin')" "$N"
same   "all $N journal entries are there"	"$(sql 'select count(*) from entry')" "$N"
same   "all $N challenge days are there"	"$(sql 'select count(*) from run_day')" "$N"
same   'every note is on its own day'	"$(sql "select count(*) from run_day where note = 'day ' || day")" "$N"
same   'the search index has every entry'	"$(empathy-journal list --grep moment -n 100000 -f tsv | sed 1d | wc -l)" "$N"
same   'the database is intact'	"$(sql 'pragma integrity_check')" ok
