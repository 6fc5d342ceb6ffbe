#!/bin/sh
# A machine that joins late (sara's second laptop, c) receives the couple's
# whole history in one sync: every record type at once, each record as the
# machine that wrote it has it. (One process applying more record types
# than its statement caches had slots for used to abort.)
. "${0%/*}/lib.sh"
. "${0%/*}/sync.sh"

count() { sqlite3 "$(dbof "$1")" "$2"; }
pass() { syncd "$1" -q && deliver "$1" "$2" && syncd "$2" -q; }

machine a sara
machine b alex
ok     'a couple: sara on a, alex on b'	couple a b
ok     'sara checks in'	as a empathy-checkin add --feeling tired:lonely --high 'a walk' --low 'the bus'
ok     'to b'	pass a b
ok     'alex guesses what lies underneath'	as b empathy-checkin guess --to sara --guess lonely
ok     'alex checks in'	as b empathy-checkin add --feeling calm:safe --high 'lunch' --low 'rain'
ok     'and answers her'	as b empathy-checkin respond --to sara 'What was the bus like?'
ok     'alex starts the challenge'	as b empathy-challenge start
ok     'to a'	pass b a
answer=$(count a 'select id from response')
ok     'sara replies to his answer'	as a empathy-checkin reply --answer "$answer" 'Crowded, and loud.'
ok     'writes a moment'	as a empathy-journal add --seen 'you made tea'
echo 'you made tea, unasked' >"$T/in"
ok     'and edits it'	as a empathy-journal edit "$(count a 'select id from entry')" <"$T/in"
ok     'marks the first day done'	as a empathy-challenge done --note 'we tried'
ok     'and takes an assessment'	as a empathy-assess take bandwidth --answers 2,3,4,5
ok     'to b'	pass a b

tables=$(count a "select group_concat(tbl, ' ') from (select distinct tbl from op order by tbl)")
same   'every record type is in the log'	"$tables" \
    'checkin entry entry_version guess partner reply response result run run_day'

machine c sara
cp "$T/a/box/couple" "$T/c/box/couple"
printf '%s\n' "$SYNC_PASS" >"$T/pass"
ok     'sara joins with a second laptop, c'	as c empathy init --passphrase --dir "$T/c/box" <"$T/pass"
ok     'which gets the files of both machines'	deliver a c
deliver b c
ok     'and syncs them all at once'	syncd c
# c's own init wrote sara into the roster as well: names, not times.
same   'c has the roster'	"$(count c 'select id, name from partner order by id')" \
    "$(count a 'select id, name from partner order by id')"
for t in $tables; do
	[ "$t" = partner ] && continue
	same   "c has every $t as a has it"	"$(count c "select * from $t order by id")" \
	    "$(count a "select * from $t order by id")"
done
log="select replica, seq, clock, body from op where replica in ('$(count a "select v from meta where k = 'replica'")', '$(count b "select v from meta where k = 'replica'")') order by replica, seq"
same   'and the log of operations of a and b'	"$(count c "$log")" "$(count a "$log")"
ok     'c writes, a and b get it'	as c empathy-journal add --misunderstood 'from the second laptop'
ok     'to a'	pass c a
ok     'to b'	pass c b
same   'three machines, one journal'	"$(count b 'select text from entry order by text')" \
    "$(count c 'select text from entry order by text')"
