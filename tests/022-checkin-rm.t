#!/bin/sh
# rm and restore: a check-in, an answer and a reply are removed and brought
# back by their writers only; what is removed leaves show, due, stats and
# news, its words kept until it comes back; checking in again over a removed
# check-in brings it back with the new words.
. "${0%/*}/lib.sh"

live() { sql "select count(*) from live_$1"; }

ok     'sara checks in'	empathy-checkin add --high 'Baked bread' --low 'Burnt the crust'
ok     'alex checks in'	empathy-checkin -u alex add --high 'A quiet lunch' --low 'Missed the train'
ok     'alex asks'	empathy-checkin -u alex respond -f tsv 'What kind of bread?'
a1=$(out | sed -n 2p | cut -f1)
like   'respond gives the answer id'	"$a1" '^[0-9a-f]{16}$'
ok     'sara replies'	empathy-checkin reply -f json 'Rye, with seeds.'
r1=$(out | jq -r .id)

# The check-in.
status 'rm takes no operand'	64 empathy-checkin rm now
status 'no check-in that day'	66 empathy-checkin rm --date -3
like   'says so'	"$(err)" 'you have no check-in for'
ok     'sara removes her check-in'	empathy-checkin rm
like   'says how to bring it back'	"$(out)" "^check-in for .* $(day 0) removed \\(bring it back with: empathy-checkin restore --date $(day 0), or empathy undo\\)\$"
same   'kept, marked removed'	"$(sql "select count(*), count(removed) from checkin where user = 'sara'")" '1|1'
same   'its answer and reply are hidden with it'	"$(live checkin)|$(live response)|$(live reply)" '1|0|0'
ok     'alex reads the day'	empathy-checkin -u alex show
unlike 'her check-in is not there'	"$(out)" 'Baked bread'
ok     'sara is owed her check-in again'	empathy-checkin due
like   'due says so'	"$(out)" 'check-in'
ok     'removing twice says so'	empathy-checkin rm
like   'already'	"$(out)" 'was already removed'
ok     'restore brings it back'	empathy-checkin restore
like   'says so'	"$(out)" 'brought back'
same   'with its answer and reply'	"$(live checkin)|$(live response)|$(live reply)" '2|1|1'

ok     'removed again'	empathy-checkin rm
ok     'checking in again brings it back with new words'	empathy-checkin add --high 'Fresh bread' --low 'None'
like   'says so'	"$(out)" '^checked in again for'
same   'one check-in, live, the new words'	"$(sql "select count(*), count(removed), high from checkin where user = 'sara'")" '1|0|Fresh bread'
status 'a live one still needs --replace'	65 empathy-checkin add --high 'x' --low 'y'

# An answer: only alex, who wrote it.
status 'sara cannot remove alex'"'"'s answer'	66 empathy-checkin respond --rm "$a1"
like   'not hers'	"$(err)" "no answer $a1 of yours"
status 'a short id is refused'	66 empathy-checkin -u alex respond --rm abc
status '--rm takes no text'	64 empathy-checkin -u alex respond --rm "$a1" words
status '--rm and --restore together'	64 empathy-checkin -u alex respond --rm "$a1" --restore "$a1"
ok     'alex removes it, by a prefix'	empathy-checkin -u alex respond --rm "$(printf %.6s "$a1")"
like   'says how to bring it back'	"$(out)" "^answer $a1 removed \\(bring it back with: empathy-checkin respond --restore $a1, or empathy undo\\)\$"
same   'the answer and its reply are hidden'	"$(live response)|$(live reply)" '0|0'
ok     'sara'"'"'s show'	empathy-checkin show
unlike 'has no answer'	"$(out)" 'What kind of bread'
ok     'alex owes an answer again'	empathy-checkin -u alex due
ok     'alex brings it back'	empathy-checkin -u alex respond --restore "$a1" -f json
same   'json says so'	"$(out | jq -c '[.id, .type, .state]')" "[\"$a1\",\"response\",\"live\"]"

# A reply: a soft delete now (it was a purge): its id can come back.
status 'alex cannot remove sara'"'"'s reply'	66 empathy-checkin -u alex reply --rm "$r1"
ok     'sara removes her reply'	empathy-checkin reply --rm "$r1"
same   'hidden, kept, no tombstone'	"$(live reply)|$(sql "select count(*) from reply")|$(sql "select count(*) from tomb")" '0|1|0'
status 'a removed reply cannot be edited'	66 empathy-checkin reply --edit "$r1" 'x'
ok     'and restored'	empathy-checkin reply --restore "$r1" -f tsv
same   'tsv says so (a reply has no day of its own; it was not live already)'	"$(out)" "id	type	state	date	already
$r1	reply	live		0"
same   'back in the thread'	"$(live reply)" 1

# Export carries removed; import of lines without it still works.
ok     'sara removes her check-in once more'	empathy-checkin rm
ok     'export'	empathy-checkin export
same   'removed is in the line'	"$(out | jq -r 'select(.type == "checkin" and .user == "sara") | .removed != null')" true
