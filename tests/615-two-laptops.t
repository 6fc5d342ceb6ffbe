#!/bin/sh
# Two laptops, a month. Sara's laptop (a) and alex's (b): two HOMEs, two
# databases, one mailbox folder both sync with, as a shared folder would be.
# Every day of March 2026 (faketime; each step at its own time of day, in
# order) a cron-like sync runs on each laptop
# morning, noon and night, between what the partners do: check-ins, answers,
# journal moments (edited, removed, one purged), the challenge started on
# both laptops (twice), its days and notes, an assessment. Alex is away with
# his laptop offline for four days. At the end `empathy today` agrees on
# both laptops, the databases are the same, and every text ever written is
# where it should be: on both, removed on both, or (purged) on neither.
. "${0%/*}/lib.sh"
. "${0%/*}/sync.sh"

machine a sara
machine b alex
mkdir "$T/mailbox"
rmdir "$T/a/box" "$T/b/box"
ln -s "$T/mailbox" "$T/a/box"
ln -s "$T/mailbox" "$T/b/box"
# They set up their laptops the evening before the month begins.
clock a '@2026-02-28 20:00:00'
clock b '@2026-02-28 20:05:00'
ok     'sara makes the couple on her laptop, alex joins on his'	couple a b

count() { sqlite3 "$(dbof "$1")" "$2"; }
# at M HH:MM CMD...: run CMD on laptop M at that time of day $D.
at() {
	_am=$1 _at=$2; shift 2
	clock "$_am" "@$D $_at:00"
	"$@"
}
# keep STATE TABLE TEXT: a text written, and where it must end up:
# here (on both laptops), removed (there, removed, on both), gone (nowhere).
keep() { printf '%s\t%s\t%s\n' "$1" "$2" "$3" >>"$T/ledger"; }
: >"$T/ledger"
bad=0
# run DESC CMD...: a step of the month; a failure is counted and shown.
run() {
	_d=$1; shift
	"$@" >"$T/.o" 2>&1 </dev/null
	_rs=$?
	[ "$_rs" -eq 0 ] ||
	    { bad=$((bad + 1)); echo "# $D: $_d exited $_rs:" >&2; _show "$T/.o"; }
}
cron() {
	run "sync on $1 at $2" at "$1" "$2" syncd "$1" -q
}
edit() { as "$1" empathy-journal edit "$2" <"$3"; }
entry_id() { count "$1" "select id from entry where text = '$2'"; }

offline=' 8 9 10 11 '
i=0
while [ "$i" -lt 31 ]; do
	i=$((i + 1))
	D=$(printf '2026-03-%02d' "$i")
	away=0
	case $offline in *" $i "*) away=1;; esac
	cron a 07:00
	[ "$away" -eq 1 ] || cron b 07:05
	run 'sara checks in' at a 08:10 as a empathy-checkin add --feeling hopeful \
	    --high "sara high of $D" --low "sara low of $D"
	keep here checkin.high "sara high of $D"
	run 'alex checks in' at b 08:40 as b empathy-checkin add --feeling tired \
	    --high "alex high of $D" --low "alex low of $D"
	keep here checkin.low "alex low of $D"
	case $i in 2|16)
		run 'sara starts the challenge' at a 09:00 as a empathy-challenge start one-week
		run 'alex starts it too, on his laptop' at b 09:01 as b empathy-challenge start one-week
	esac
	cron a 12:00
	[ "$away" -eq 1 ] || cron b 12:05
	if [ "$away" -eq 0 ]; then
		run 'alex answers sara' at b 12:30 as b empathy-checkin respond --to sara --force \
		    "what made the sara high of $D matter?"
		keep here response.text "what made the sara high of $D matter?"
	fi
	run 'sara writes a moment' at a 13:00 as a empathy-journal add --seen --tag "week$(( (i - 1) / 7 + 1))" \
	    "sara felt seen on $D"
	keep here entry.text "sara felt seen on $D"
	if [ $((i % 3)) -eq 0 ]; then
		run 'alex writes a moment' at b 14:00 as b empathy-journal add --misunderstood --tag talk \
		    "alex felt misunderstood on $D"
		keep here entry.text "alex felt misunderstood on $D"
	fi
	case $i in
	5)	# Sara rewrites the moment of the 3rd: the old text stays a version.
		eid=$(entry_id a 'sara felt seen on 2026-03-03')
		echo 'sara felt seen on 2026-03-03, rewritten' >"$T/in"
		run 'sara edits an old moment' at a 13:30 edit a "$eid" "$T/in"
		sed -i 's/^here\tentry.text\tsara felt seen on 2026-03-03$/here\tentry_version.text\tsara felt seen on 2026-03-03/' "$T/ledger"
		keep here entry.text 'sara felt seen on 2026-03-03, rewritten';;
	9)	# Alex, away, removes one of his moments on his laptop.
		eid=$(entry_id b 'alex felt misunderstood on 2026-03-06')
		run 'alex removes a moment, offline' at b 15:00 as b empathy-journal rm "$eid"
		sed -i 's/^here\(\tentry.text\talex felt misunderstood on 2026-03-06\)$/removed\1/' "$T/ledger";;
	14)	# Sara erases one for good.
		eid=$(entry_id a 'sara felt seen on 2026-03-10')
		run 'sara purges a moment' at a 15:00 as a empathy-journal rm --purge "$eid"
		sed -i 's/^here\(\tentry.text\tsara felt seen on 2026-03-10\)$/gone\1/' "$T/ledger";;
	esac
	cron a 18:00
	[ "$away" -eq 1 ] || cron b 18:05
	if [ "$i" -eq 20 ]; then
		run 'sara takes the bandwidth check' at a 19:00 as a empathy-assess take --answers 4,2,3,1 bandwidth
		run 'alex too' at b 19:10 as b empathy-assess take --answers 2,2,2,2 bandwidth
	fi
	if [ "$away" -eq 0 ]; then
		run 'sara answers alex' at a 19:30 as a empathy-checkin respond --to alex --force \
		    "is the alex low of $D still on your mind?"
		keep here response.text "is the alex low of $D still on your mind?"
	fi
	if [ "$i" -ge 2 ] && [ "$i" -le 8 ] || [ "$i" -ge 16 ] && [ "$i" -le 22 ]; then
		run 'sara does the day' at a 21:00 as a empathy-challenge done --note "sara note $D"
		keep here run_day.note "sara note $D"
		run 'alex does the day' at b 21:30 as b empathy-challenge done --note "alex note $D"
		keep here run_day.note "alex note $D"
	fi
	cron a 23:00
	[ "$away" -eq 1 ] || cron b 23:05
done
same   'a month of use and cron: every step exited 0'	"$bad" 0

# The last round, the morning after.
D=2026-04-01
cron a 07:00
cron b 07:05
cron a 07:10
same   'and the last syncs too'	"$bad" 0

same   'the two databases are the same'	"$(dump a)" "$(dump b)"
same   'one check-in a day each'	"$(count a 'select count(*) from checkin')" 62
same   'two runs of the challenge, not four'	"$(count a 'select count(*) from run')" 2
same   'each with both partners'"'"' seven days'	"$(count a 'select count(*) from run_day')" 28

# Every text where it should be.
missing=0
while IFS="$(printf '\t')" read -r state what text; do
	tbl=${what%.*} col=${what#*.}
	for m in a b; do
		n=$(count "$m" "select count(*) from $tbl where $col = '$text'")
		case $state in
		here)	[ "$n" -eq 1 ];;
		removed) [ "$(count "$m" "select count(*) from $tbl where $col = '$text' and removed is not null")" -eq 1 ];;
		gone)	[ "$n" -eq 0 ] && ! grep -q -a -F -- "$text" "$(dbof "$m")" "$(dbof "$m")-wal" "$(dbof "$m")-shm" 2>/dev/null;;
		esac || { missing=$((missing + 1)); echo "# $m: $state $what '$text': $n" >&2; }
	done
done <"$T/ledger"
same   "all $(wc -l <"$T/ledger") texts where they should be on both laptops"	"$missing" 0

# `empathy today` agrees: for sara, on her laptop and on his; for alex the
# same. Only the line of when each laptop last synced differs (kind sync;
# -f tsv does not count as looking, so what is news is the same on both).
for who in sara alex; do
	for m in a b; do
		clock "$m" '@2026-04-01 09:00:00'
		asu "$m" "$who" empathy today -f tsv >"$T/today.$who.$m" 2>&1 ||
		    echo "exit $?" >>"$T/today.$who.$m"
	done
	same   "empathy today for $who is the same on both laptops"	"$(awk -F'\t' '$1 != "sync"' "$T/today.$who.a")" "$(awk -F'\t' '$1 != "sync"' "$T/today.$who.b")"
	like   'what the month left: this week'"'"'s moments'	"$(cat "$T/today.$who.a")" '^week	'
	like   'and says something'	"$(cat "$T/today.$who.a")" '.'
done
