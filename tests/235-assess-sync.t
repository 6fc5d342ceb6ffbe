#!/bin/sh
# export and import of results: a byte-exact round trip, an idempotent merge, bad lines refused.
. "${0%/*}/lib.sh"

B=$T/other.db
n() { sqlite3 "$1" 'select count(*) from result'; }
imp() { empathy-assess -d "$B" import <"$1"; }

ok     'sara takes self'	empathy-assess take self --date -2 --answers 4,4,4,2,2,2,4,4,4,4
ok     'and bandwidth'	empathy-assess take bandwidth --answers 1,5,1,1
ok     'alex rates sara'	empathy-assess -u alex take self --about sara --answers 3,3,3,3,3,3,3,3,3,3
ok     'export'	empathy-assess export
out >"$T/a.jsonl"
same   'three lines'	"$(wc -l <"$T/a.jsonl")" 3
same   'each a result with its fields, in order'	"$(jq -r 'keys_unsorted | join(",")' "$T/a.jsonl" | sort -u)" \
       'type,id,user,about,guess,instrument,date,answers,score,removed,created,updated,clock'
same   'answers as stored, score a number'	"$(jq -c 'select(.about == "sara" and .user == "alex") | [.instrument, .answers, .score]' "$T/a.jsonl")" \
       '["self","3,3,3,3,3,3,3,3,3,3",50]'
same   'oldest day first'	"$(jq -r .date "$T/a.jsonl" | head -1)" "$(day -2)"

ok     'import into another database'	imp "$T/a.jsonl"
same   'all three added'	"$(out)" '3 added, 0 updated, 0 unchanged'
same   'three rows there'	"$(n "$B")" 3
ok     'import the same again'	imp "$T/a.jsonl"
same   'nothing changes'	"$(out)" '0 added, 0 updated, 3 unchanged'
same   'still three rows'	"$(n "$B")" 3
ok     'round trip: export the other database'	empathy-assess -d "$B" export
out >"$T/b.jsonl"
ok     'byte for byte the first export'	cmp "$T/a.jsonl" "$T/b.jsonl"
ok     'compare works on the imported results'	empathy-assess -d "$B" -f tsv compare self
same   'all ten items, gaps from the imported views'	"$(out | tail -n +2 | cut -f3-5 | sort -u | tr '\n' ' ')" '2	3	-1 4	3	-1 '
ok     'history too'	empathy-assess -d "$B" -f tsv history
same   'the two of sara'	"$(out | tail -n +2 | cut -f1-3)" "$(day 0)	bandwidth	100
$(day -2)	self	75"
ok     'import -f tsv reports counts as tsv'	empathy-assess -d "$B" -f tsv import <"$T/a.jsonl"
same   'header and counts'	"$(out)" 'added	updated	unchanged	earlier	refused
0	0	3	0	0'

# A newer copy of a record wins; an older one does not. (Edited by hand,
# without its clock: its "updated" time decides.)
sed '1s/"updated":"[^"]*"/"updated":"2999-01-01T00:00:00.000Z"/; 1s/"score":75/"score":70/; 1s/,"clock":"[^"]*"//' "$T/a.jsonl" >"$T/newer.jsonl"
ok     'a newer copy of line 1'	imp "$T/newer.jsonl"
same   'is an update'	"$(out)" '0 added, 1 updated, 2 unchanged'
same   'its score is the new one'	"$(sqlite3 "$B" "select score from result where date = '$(day -2)'")" 70
ok     'the older copy again'	imp "$T/a.jsonl"
same   'changes nothing'	"$(sqlite3 "$B" "select score from result where date = '$(day -2)'")" 70

# Bad lines: exit 65, the line named, nothing of the input kept.
ok     'a fresh database for the bad lines'	empathy-assess -d "$T/c.db" -u chris take bandwidth --answers 3,3,3,3
bad() { sed "2s/$1/$2/" "$T/a.jsonl" >"$T/bad.jsonl"; }
for a in '4,,2' 'a,b' '' ',4' '4,' '4;2' '-1,2' '4 2'; do
	bad '"answers":"[^"]*"' "\"answers\":\"$a\""
	status "answers \"$a\" is refused"	65 empathy-assess -d "$T/c.db" import <"$T/bad.jsonl"
	like   'the message names line 2 and the field'	"$(err)" 'line 2: "answers"'
done
bad '"answers":"[^"]*"' '"answers":[4,4,4,4]'
status 'answers as a JSON list is refused'	65 empathy-assess -d "$T/c.db" import <"$T/bad.jsonl"
for s in 101 -1 1000; do
	bad '"score":[0-9]*' "\"score\":$s"
	status "score $s is out of 0..100"	65 empathy-assess -d "$T/c.db" import <"$T/bad.jsonl"
	like   'the message names line 2'	"$(err)" 'line 2'
done
bad '"score":[0-9]*' '"score":50.5'
status 'a score that is not whole'	65 empathy-assess -d "$T/c.db" import <"$T/bad.jsonl"
like   'names the field'	"$(err)" 'line 2: "score"'
bad '"score":[0-9]*' '"score":"50"'
status 'a score as a string'	65 empathy-assess -d "$T/c.db" import <"$T/bad.jsonl"
bad '"about":"sara"' '"about":""'
status 'an empty about'	65 empathy-assess -d "$T/c.db" import <"$T/bad.jsonl"
like   'names the field'	"$(err)" 'line 2: "about"'
bad '"date":"[^"]*"' '"date":"2025-02-30"'
status 'a date that is not one'	65 empathy-assess -d "$T/c.db" import <"$T/bad.jsonl"
like   'names the field'	"$(err)" 'line 2: "date"'
bad '"type":"result"' '"type":"checkin"'
status 'a record of another program'	65 empathy-assess -d "$T/c.db" import <"$T/bad.jsonl"
like   'names line and type'	"$(err)" 'line 2: "checkin"'
bad '"score":' '"points":'
status 'an unknown key'	65 empathy-assess -d "$T/c.db" import <"$T/bad.jsonl"
like   'names it'	"$(err)" 'line 2: unknown key "points"'
same   'none of the bad imports left anything'	"$(n "$T/c.db")" 1
status 'import takes no arguments'	64 empathy-assess -d "$T/c.db" import extra <"$T/a.jsonl"
status 'export neither'	64 empathy-assess export extra
