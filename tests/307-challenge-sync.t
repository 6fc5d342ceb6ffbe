#!/bin/sh
# export and import: runs and days as JSON Lines; an idempotent merge; two partners on two machines.
. "${0%/*}/lib.sh"

B=$T/laptop.db
counts() { sqlite3 "$1" "select (select count(*) from run) || '/' || (select count(*) from run_day)"; }

ok     'sara starts the week three days ago'	empathy-challenge start --date -3
ok     'she does day 1 with an awkward note'	empathy-challenge done --day 1 \
       --note "$(printf 'tab\there, "quotes", back\\slash, é and 😀\nline two')"
ok     'alex does day 2 without a note'	empathy-challenge -u alex done --day 2 </dev/null
ok     'an older run, abandoned'	sh -c 'empathy-challenge abandon --yes && empathy-challenge start --date -3'
ok     'sara does day 4 in the new run'	empathy-challenge done --note 'fresh start'

ok     'export'	empathy-challenge export
out >"$T/a.jsonl"
same   'two runs, three days'	"$(grep -c '^{"type":"run",' "$T/a.jsonl")/$(grep -c '^{"type":"run_day",' "$T/a.jsonl")" 2/3
like   'runs come first, with their fields in order'	"$(head -1 "$T/a.jsonl")" \
       "^\\{\"type\":\"run\",\"id\":\"[0-9a-f]{16}\",\"challenge\":\"one-week\",\"start\":\"$(day -3)\",\"days\":7,\"user\":\"sara\",\"abandoned\":\"[0-9T:.Z-]+\",\"created\":\"[^\"]+\",\"updated\":\"[^\"]+\",\"clock\":\"[0-9a-f.]{34}\".*\\}$"
like   'a day with its note escaped'	"$(grep '"day":1' "$T/a.jsonl")" \
       '"user":"sara","day":1,"date":"[0-9-]{10}","note":"tab\\there, \\"quotes\\", back\\\\slash, é and 😀\\nline two"'
like   'a day without a note has null'	"$(grep '"user":"alex"' "$T/a.jsonl")" '"note":null,'
same   'the running one is not abandoned'	"$(sed -n 2p "$T/a.jsonl" | grep -c '"abandoned":null')" 1

ok     'import into the laptop database'	empathy-challenge -d "$B" import <"$T/a.jsonl"
same   'all five added'	"$(out)" '5 added, 0 updated, 0 unchanged'
same   'two runs, three days'	"$(counts "$B")" 2/3
ok     'import the same again'	empathy-challenge -d "$B" import <"$T/a.jsonl"
same   'nothing changes'	"$(out)" '0 added, 0 updated, 5 unchanged'
same   'still two runs, three days'	"$(counts "$B")" 2/3
ok     'export the laptop database'	empathy-challenge -d "$B" export
out >"$T/b.jsonl"
ok     'it is byte for byte the first export'	cmp "$T/a.jsonl" "$T/b.jsonl"
ok     'the review on the laptop'	empathy-challenge -d "$B" review -f tsv
same   'is the review at home'	"$(out)" "$(empathy-challenge review -f tsv)"

# Alex on the laptop: a day of his, and a newer note of sara's for day 4.
sleep 0.01
ok     'alex does day 4 on the laptop'	empathy-challenge -d "$B" -u alex done --note 'from the laptop'
ok     'sara changes her day 4 note on the laptop'	empathy-challenge -d "$B" done --note 'changed on the laptop'
ok     'the laptop exports'	empathy-challenge -d "$B" export
out >"$T/c.jsonl"
ok     'home imports'	empathy-challenge import <"$T/c.jsonl"
same   'one added, one updated'	"$(out)" '1 added, 1 updated, 4 unchanged'
same   'home has the newer note'	"$(sql "select note from run_day where user = 'sara' and day = 4")" 'changed on the laptop'
same   "and alex's day"	"$(sql "select note from run_day where user = 'alex' and day = 4")" 'from the laptop'
ok     'home exports again'	empathy-challenge export
out >"$T/d.jsonl"
ok     'the two machines now agree byte for byte'	cmp "$T/c.jsonl" "$T/d.jsonl"
ok     'importing the older export changes nothing'	empathy-challenge import <"$T/a.jsonl"
same   'unchanged'	"$(out)" '0 added, 0 updated, 5 unchanged'
same   'the newer note stays'	"$(sql "select note from run_day where user = 'sara' and day = 4")" 'changed on the laptop'

# The same day done on both machines separately becomes one record, the newer one.
ok     'sara does day 3 at home'	empathy-challenge done --day 3 --note 'home version' </dev/null
sleep 0.01
ok     'and on the laptop, later'	empathy-challenge -d "$B" done --day 3 --note 'laptop version' </dev/null
ok     'home imports the laptop'	sh -c 'empathy-challenge -d "$1" export | empathy-challenge import' sh "$B"
same   'one row for sara day 3, the newer note'	"$(sql "select count(*), max(note) from run_day where user = 'sara' and day = 3")" '1|laptop version'
ok     'the laptop imports home'	sh -c 'empathy-challenge export | empathy-challenge -d "$1" import' sh "$B"
same   'same there'	"$(sqlite3 "$B" "select count(*), max(note) from run_day where user = 'sara' and day = 3")" '1|laptop version'

# Abandoning on one machine abandons on the other.
sleep 0.01
ok     'abandon at home'	empathy-challenge abandon --yes
ok     'the laptop imports it'	sh -c 'empathy-challenge export | empathy-challenge -d "$1" import' sh "$B"
like   'one run updated'	"$(out)" '^0 added, 1 updated, '
status 'nothing runs on the laptop either'	1 empathy-challenge -d "$B" today

# Broken input: nothing from it is imported, and the line is named.
{ sed -n 1p "$T/a.jsonl"; echo '{"type":"run_day"}'; } >"$T/bad.jsonl"
status 'a record without its fields is bad input'	65 empathy-challenge -d "$T/new.db" import <"$T/bad.jsonl"
like   'line 2 is named'	"$(err)" 'line 2'
same   'nothing was imported'	"$(test -e "$T/new.db" && counts "$T/new.db" || echo 0/0)" 0/0
grep '"type":"run_day"' "$T/a.jsonl" | head -1 >"$T/orphan.jsonl"
status 'a day without its run is bad input'	65 empathy-challenge -d "$T/new.db" import <"$T/orphan.jsonl"
like   'line 1 is named'	"$(err)" 'line 1'
