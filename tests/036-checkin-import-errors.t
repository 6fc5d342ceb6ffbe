#!/bin/sh
# import: a bad line stops it, names the line, and nothing of that input is kept.
. "${0%/*}/lib.sh"

B=$T/other.db
rows() { sqlite3 "$B" "select (select count(*) from checkin) || '/' || (select count(*) from response)"; }
imp() { empathy-checkin -d "$B" import <"$1"; }

ok     'sara checks in'	empathy-checkin add --high 'A slow breakfast' --low 'A flat tyre'
ok     'alex checks in'	empathy-checkin -u alex add --high 'Sunshine' --low 'Backache'
ok     'sara answers'	empathy-checkin respond 'How bad is the back?'
ok     'alex answers'	empathy-checkin -u alex respond 'What did you eat?'
ok     'export'	empathy-checkin export
out >"$T/a.jsonl"
same   'four lines'	"$(wc -l <"$T/a.jsonl")" 4
ok     'the other database has one check-in of its own'	empathy-checkin -d "$B" add --date -1 --high 'h' --low 'l'
same   'one row there'	"$(rows)" 1/0

# A broken line 3: lines 1 and 2 were good, yet nothing may stay.
sed '3s/.*/{"type":"response","id":/' "$T/a.jsonl" >"$T/bad.jsonl"
status 'a malformed line 3 of 4'	65 imp "$T/bad.jsonl"
like   'the message names line 3'	"$(err)" 'line 3'
same   'nothing from that import is stored'	"$(rows)" 1/0
same   'and nothing is reported as done'	"$(out)" ''

sed '1s/"type":"checkin"/"type":"diary"/' "$T/a.jsonl" >"$T/bad.jsonl"
status 'a record of the wrong type'	65 imp "$T/bad.jsonl"
like   'it names the line and the type'	"$(err)" 'line 1: .*"diary"'
sed '2s/"high":/"highlight":/' "$T/a.jsonl" >"$T/bad.jsonl"
status 'an unknown key'	65 imp "$T/bad.jsonl"
like   'it names the line and the key'	"$(err)" 'line 2: .*"highlight"'
sed '2s/"low":"[^"]*",//' "$T/a.jsonl" >"$T/bad.jsonl"
status 'a missing field'	65 imp "$T/bad.jsonl"
like   'it names the line and the field'	"$(err)" 'line 2: .*"low"'
sed '4s/"forced":false/"forced":"no"/' "$T/a.jsonl" >"$T/bad.jsonl"
status 'a field of the wrong type'	65 imp "$T/bad.jsonl"
like   'it names the line and the field'	"$(err)" 'line 4: .*"forced"'
sed -n '3p' "$T/a.jsonl" >"$T/bad.jsonl"
status 'a response whose check-in is not there'	65 imp "$T/bad.jsonl"
like   'it names the line'	"$(err)" 'line 1'
printf '%s\n' 'this is not JSON' >"$T/bad.jsonl"
status 'a line that is not JSON'	65 imp "$T/bad.jsonl"
like   'it names the line'	"$(err)" 'line 1'
{ sed -n '1,3p' "$T/a.jsonl"; sed -n '4p' "$T/a.jsonl" | tr -d '\n'; } >"$T/bad.jsonl"
status 'input that ends without a final newline'	65 imp "$T/bad.jsonl"
like   'it names the last line'	"$(err)" 'line 4'
same   'after all that, nothing was imported'	"$(rows)" 1/0

ok     'the good file still imports'	imp "$T/a.jsonl"
same   'all four added'	"$(out)" '4 added, 0 updated, 0 unchanged'
same   'next to sara'\''s check-in of the day before'	"$(rows)" 3/2
