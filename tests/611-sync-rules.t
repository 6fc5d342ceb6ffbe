#!/bin/sh
# The rules of sync, one at a time, between sara's laptop (a), alex's (b) and
# sara's second laptop (c), through their mailbox views:
# - idempotence: a file applied twice, or a replica's own files, change nothing;
# - a purge travels: the text is found nowhere in the other replica's files
#   (database, WAL, shared memory), nor in its search index;
# - removals and purges survive an old export imported later, and a replica
#   that was offline for months;
# - the same person checking in on two machines the same day: one check-in,
#   the text that lost kept as an earlier version, and the sync says so;
# - two machines starting the same challenge: one run;
# - an import line or a sync operation that would change an author, or change
#   what only the author may change, is refused and reported; the rest goes on.
. "${0%/*}/lib.sh"
. "${0%/*}/sync.sh"

machine a sara
machine b alex
machine c sara
ok     'a makes the couple, b and c join it'	couple a b c

# exchange M...: every machine syncs, every view gets every file, every
# machine syncs again (what a day of Syncthing and cron does).
exchange() {
	for _m; do syncd "$_m" -q || return; done
	for _m; do for _o; do [ "$_m" = "$_o" ] || deliver "$_m" "$_o"; done; done
	for _m; do syncd "$_m" -q || return; done
}
# count M SQL: a number from machine M's database.
count() { sqlite3 "$(dbof "$1")" "$2"; }
# traces M WORD: how many of M's database files (db, -wal, -shm) hold WORD.
traces() {
	_tn=0
	for _tf in "$(dbof "$1")" "$(dbof "$1")-wal" "$(dbof "$1")-shm"; do
		[ -e "$_tf" ] && grep -q -a -F -- "$2" "$_tf" && _tn=$((_tn + 1))
	done
	echo "$_tn"
}

# --- Idempotence.
ok     'sara writes on a'	as a empathy-journal add --seen --tag park 'we walked in the park'
ok     'and checks in'	as a empathy-checkin add --high 'the walk' --low 'the rain'
ok     'a syncs'	syncd a
ok     'its files reach b'	deliver a b
ok     'b syncs'	syncd b
same   'b has the entry'	"$(count b "select count(*) from entry where text = 'we walked in the park'")" 1
same   'and the check-in'	"$(count b "select count(*) from checkin where high = 'the walk'")" 1
dump b >"$T/b.1"
ops=$(count b 'select count(*) from op')
files=$(boxfiles b)
for f in $(boxfiles a); do _copy "$T/a/box/$f" "$T/b/box"; done
ok     'every file of a delivered to b again, b syncs'	syncd b
same   'nothing changed on b'	"$(dump b)" "$(cat "$T/b.1")"
same   'not one operation more'	"$(count b 'select count(*) from op')" "$ops"
same   'and b wrote no new file'	"$(boxfiles b)" "$files"
dump a >"$T/a.1"
ops=$(count a 'select count(*) from op')
files=$(boxfiles a)
ok     'a syncs again with only its own files in its view'	syncd a
ok     'and once more'	syncd a
same   'nothing changed on a'	"$(dump a)" "$(cat "$T/a.1")"
same   'not one operation more on a'	"$(count a 'select count(*) from op')" "$ops"
same   'a wrote no new file with nothing new to send'	"$(boxfiles a)" "$files"
ok     'a export'	as a empathy-journal export
cp "$T/.out" "$T/a.jsonl"
ok     'imported again on a'	as a empathy-journal import <"$T/a.jsonl"
same   'changes nothing'	"$(dump a)" "$(cat "$T/a.1")"

# --- The same person checks in on two machines the same day. a's check-in
# is made first, c's later: c's wins, a's text is kept as an earlier version.
ok     'sara checks in on a for yesterday'	as a empathy-checkin add --date -1 --high 'high told on laptop one' --low 'low one'
sleep 0.05
ok     'and again on c, for the same day'	as c empathy-checkin add --date -1 --high 'high told on laptop two' --low 'low two'
ok     'c syncs'	syncd c
ok     'a syncs'	syncd a
deliver c a
ok     'a receives c'"'"'s check-in'	syncd a
like   'and says a text was kept as an earlier version'	"$(out; err)" '[Ee]arlier'
deliver a c
ok     'c receives a'"'"'s'	syncd c
d=$(day -1)
for m in a c; do
	same   "one check-in for sara that day on $m"	"$(count "$m" "select count(*) from checkin where user = 'sara' and date = '$d'")" 1
	same   "the later one ($m)"	"$(count "$m" "select high from checkin where user = 'sara' and date = '$d'")" 'high told on laptop two'
	same   "the one that lost is an earlier version ($m)"	"$(count "$m" "select count(*) from earlier where value = 'high told on laptop one'")" 1
done
ok     'b gets both'	exchange a b c
same   'and agrees'	"$(dump b)" "$(dump a)"
same   'c too'	"$(dump c)" "$(dump a)"

# --- A purge travels.
ok     'sara writes something she will erase'	as a empathy-journal add --misunderstood --tag sorrowtag 'the quarrel about zanzibar-one'
pid=$(count a "select id from entry where text like '%zanzibar-one'")
echo 'the quarrel about zanzibar-two' >"$T/in"
ok     'and edits it (the old text is kept as a version)'	as a empathy-journal edit "$pid" <"$T/in"
ok     'the entry and its version reach b'	exchange a b
same   'b has the entry'	"$(count b "select count(*) from entry where id = '$pid' and text like '%zanzibar-two'")" 1
same   'and its old text'	"$(count b "select count(*) from entry_version where entry = '$pid'")" 1
ok     'alex takes an old export on b (a backup)'	as b empathy-journal export
cp "$T/.out" "$T/old.jsonl"
like   'which holds it'	"$(cat "$T/old.jsonl")" 'zanzibar-two'
sid=$(count a "select id from entry where text = 'we walked in the park'")
ok     'sara removes another entry (recoverable)'	as a empathy-journal rm "$sid"
ok     'and purges this one'	as a empathy-journal rm --purge "$pid"
ok     'the removal and the purge travel'	exchange a b
same   'on b the entry is gone'	"$(count b "select count(*) from entry where id = '$pid'")" 0
same   'and its versions'	"$(count b "select count(*) from entry_version where entry = '$pid'")" 0
same   'a tombstone stays'	"$(count b "select count(*) from tomb where rid = '$pid'")" 1
for w in zanzibar-one zanzibar-two sorrowtag; do
	same   "'$w' is in none of b's database files"	"$(traces b "$w")" 0
	same   "nor a's"	"$(traces a "$w")" 0
done
status 'the search on b finds nothing'	1 as b empathy-journal list --grep zanzibar
ok     'the search index on b is sound'	sqlite3 "$(dbof b)" "insert into entry_fts (entry_fts) values ('integrity-check')"
same   'the removed entry is removed on b'	"$(count b "select count(*) from entry where id = '$sid' and removed is not null")" 1

# --- An old export does not undo them.
status 'the old export imported on b'	0 as b empathy-journal import <"$T/old.jsonl"
same   'does not bring the purged entry back'	"$(count b "select count(*) from entry where id = '$pid'")" 0
same   'nor its text'	"$(traces b zanzibar)" 0
same   'nor the removed one'	"$(count b "select count(*) from entry where id = '$sid' and removed is null")" 0
status 'imported on a too'	0 as a empathy-journal import <"$T/old.jsonl"
same   'the same there'	"$(count a "select count(*) from entry where id = '$pid' or (id = '$sid' and removed is null)")" 0
ok     'a sync after the imports'	exchange a b
same   'a and b agree'	"$(dump a)" "$(dump b)"

# --- A replica offline for months. c (sara's second laptop) knows the
# entries, then stays offline while sara edits on it; months later a removes
# and purges them. When c comes back, nothing comes back.
ok     'sara writes two more on a'	as a empathy-journal add --seen 'the lighthouse at kelvedon'
ok     'and one'	as a empathy-journal add --seen 'the bakery in ostrava'
lid=$(count a "select id from entry where text like '%kelvedon'")
oid=$(count a "select id from entry where text like '%ostrava'")
ok     'every machine knows them'	exchange a b c
same   'c has both'	"$(count c "select count(*) from entry where id in ('$lid', '$oid')")" 2
echo 'the lighthouse at kelvedon, again' >"$T/in"
ok     'offline, sara edits both on c'	as c empathy-journal edit "$lid" <"$T/in"
echo 'the bakery in ostrava, edited offline' >"$T/in"
ok     'the other'	as c empathy-journal edit "$oid" <"$T/in"
ok     'c syncs into its own view only (offline)'	syncd c
clock a '+120d'
clock b '+121d'
ok     'four months on, sara removes one on a'	as a empathy-journal rm "$lid"
ok     'and purges the other'	as a empathy-journal rm --purge "$oid"
ok     'a and b sync for months without c'	exchange a b
clock c '+122d'
ok     'c comes back online'	exchange a b c
same   'the removed entry stays removed on c'	"$(count c "select count(*) from entry where id = '$lid' and removed is not null")" 1
same   'and on a'	"$(count a "select count(*) from entry where id = '$lid' and removed is not null")" 1
same   'the purged entry is nowhere'	"$(count a "select count(*) from entry where id = '$oid'") $(count b "select count(*) from entry where id = '$oid'") $(count c "select count(*) from entry where id = '$oid'")" '0 0 0'
for m in a b c; do
	same   "the text c wrote offline about it is in none of $m's files"	"$(traces "$m" 'ostrava, edited offline')" 0
done
same   'a and c agree'	"$(dump a)" "$(dump c)"
same   'a and b agree'	"$(dump a)" "$(dump b)"
clock a ''
clock b ''
clock c ''

# --- Nobody's words change hands: a forged import line.
ok     'sara writes on a'	as a empathy-journal add --seen 'words of sara alone'
ok     'it reaches b'	exchange a b
eid=$(count b "select id from entry where text = 'words of sara alone'")
etext='words of sara alone'
ok     'alex exports on b'	as b empathy-journal export
jq -c --arg id "$eid" 'if .id == $id then .user = "alex" | .text = "alex wrote this now" else . end' \
    <"$T/.out" >"$T/forged.jsonl"
printf '{"type":"entry","id":"00000000000a1e01","user":"alex","date":"%s","kind":"seen","text":"an honest line of alex","tags":"","removed":null,"created":"%sT10:00:00.000Z","updated":"%sT10:00:00.000Z"}\n' \
    "$(day 0)" "$(day 0)" "$(day 0)" >>"$T/forged.jsonl"
status 'an import that gives sara'"'"'s entry to alex is refused: 65'	65 as b empathy-journal import <"$T/forged.jsonl"
like   'naming the line'	"$(err)" "line $(grep -n "\"id\":\"$eid\"" "$T/forged.jsonl" | cut -d: -f1)"
like   'and why'	"$(err)" 'who wrote|author'
same   'the entry is still sara'"'"'s, with her words'	"$(count b "select user || ': ' || text from entry where id = '$eid'")" "sara: $etext"
same   'the honest line went in'	"$(count b "select count(*) from entry where id = '00000000000a1e01'")" 1
ok     'alex exports again'	as b empathy-journal export
jq -c --arg id "$eid" 'select(.id == $id) | .text = "alex rewrote her words"' \
    <"$T/.out" >"$T/forged2.jsonl"
status 'an import line that changes only sara'"'"'s text is refused too'	65 as b empathy-journal import <"$T/forged2.jsonl"
same   'her words stay'	"$(count b "select text from entry where id = '$eid'")" "$etext"

# --- A forged operation: alex's laptop is made to send operations that
# change the author of sara's entry, and its text (what no command of alex's
# can do), between two honest changes of his. Two honest entries of his have
# their operations rewritten in b's log into the forgeries (so every number
# and clock in the log stays as b made it). a refuses those, applies the rest.
ok     'an honest entry of alex'	as b empathy-journal add --seen 'honest before the forgery'
ok     'an entry to be bent into a forgery'	as b empathy-journal add --seen 'bent into the first forgery'
ok     'another'	as b empathy-journal add --seen 'bent into the second forgery'
ok     'an honest entry of alex after'	as b empathy-journal add --seen 'honest after the forgery'
bent1=$(count b "select id from entry where text = 'bent into the first forgery'")
bent2=$(count b "select id from entry where text = 'bent into the second forgery'")
brep=$(count b "select v from meta where k = 'replica'")
ok     'the first: sara'"'"'s entry now by alex'	sqlite3 "$(dbof b)" "update op set rid = '$eid', body = '{\"user\":\"alex\"}' where replica = '$brep' and rid = '$bent1'"
ok     'the second: her text rewritten'	sqlite3 "$(dbof b)" "update op set rid = '$eid', body = '{\"text\":\"alex forged her words\"}' where replica = '$brep' and rid = '$bent2'"
ok     'b'"'"'s log holds them'	test "$(count b "select count(*) from op where replica = '$brep' and rid = '$eid' and body like '%alex%'")" -ge 2
ok     'b syncs'	syncd b
deliver b a
status 'a refuses the forged operations: 65'	65 syncd a
like   'and says so'	"$(err)" '[Rr]efused'
same   'sara'"'"'s entry is hers on a, with her words'	"$(count a "select user || ': ' || text from entry where id = '$eid'")" "sara: $etext"
same   'the honest entries before and after are there'	"$(count a "select count(*) from entry where text like 'honest % the forgery'")" 2
same   'the forged text is nowhere in a'"'"'s entries'	"$(count a "select count(*) from entry where text like '%forged%'")" 0
ok     'the next sync of a'	syncd a
same   'still her words'	"$(count a "select user || ': ' || text from entry where id = '$eid'")" "sara: $etext"

# --- Both start the challenge on their own laptops, offline (a couple of
# their own, so that what happens here does not reach the rest).
machine r/a sara
machine r/b alex
ok     'another couple: sara on r/a, alex on r/b'	couple r/a r/b
ok     'they know each other'	exchange r/a r/b
ok     'sara starts one-week on a'	as r/a empathy-challenge start one-week
ok     'alex starts one-week on b'	as r/b empathy-challenge start one-week
ok     'sara does day 1 on a'	as r/a empathy-challenge done --day 1 --note 'note of sara day one'
ok     'alex does day 1 on b'	as r/b empathy-challenge done --day 1 --note 'note of alex day one'
ok     'they sync'	exchange r/a r/b
for m in r/a r/b; do
	same   "one run on $m"	"$(count "$m" 'select count(*) from run')" 1
	same   "with both days on $m"	"$(count "$m" "select count(*) from run_day where note like 'note of%'")" 2
done
ok     'challenge status on a'	as r/a empathy-challenge status
st=$(out)
ok     'on b (as sara too)'	asu r/b sara empathy-challenge status
same   'is the same'	"$(out)" "$st"

same   'the two databases agree'	"$(dump r/a)" "$(dump r/b)"
