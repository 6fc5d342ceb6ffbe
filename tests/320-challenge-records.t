#!/bin/sh
# tsv and JSON carry what the text shows: today's done day, done's state,
# abandon's run, and null (not "") where status and review have no date or note.
. "${0%/*}/lib.sh"

ok     'a week begun three days ago'	empathy-challenge start --date -3 one-week
ok     'today -f json'	empathy-challenge -f json today
same   'day 4, not done yet: done is null'	"$(out | jq -c '[.day, .days, .exercise, .done]')" '[4,7,"what-am-i-missing",null]'
ok     'sara does day 4'	empathy-challenge done </dev/null
ok     'today says so'	empathy-challenge today
like   'in text'	"$(out)" "^  \(you did this on $(day 0)\)$"
ok     'today -f json again'	empathy-challenge -f json today
same   'done is that day'	"$(out | jq -r .done)" "$(day 0)"
ok     'today -f tsv'	empathy-challenge -f tsv today
same   'done is the last column'	"$(out | awk -F'\t' 'NR == 1 { print $7 } NR == 2 { print $7 }' | tr '\n' ' ')" "done $(day 0) "

ok     'day 2, late, -f json'	empathy-challenge -f json done --day 2 </dev/null
same   'state late, as the text says "(late, and that is fine)"'	"$(out | jq -c '[.day, .date, .state]')" "[2,\"$(day 0)\",\"late\"]"

ok     'status -f json'	empathy-challenge -u alex -f json status
same   'a day not done has a null date'	"$(out | jq -c 'select(.day == 1) | [.user, .state, .date]' | tr '\n' ' ')" '["alex","missed",null] ["sara","missed",null] '
same   'a done day its date'	"$(out | jq -r 'select(.day == 4 and .user == "sara") | .date')" "$(day 0)"
ok     'review -f json'	empathy-challenge -f json review
same   'no note is null, as is no date'	"$(out | jq -c 'select(.day == 3) | [.date, .note]' | sort -u)" '[null,null]'
ok     'review -f tsv'	empathy-challenge -f tsv review
same   'empty fields in tsv'	"$(out | awk -F'\t' '$1 == 3 { print "[" $5 "][" $6 "]" }' | sort -u)" '[][]'

ok     'show -f json of a challenge'	empathy-challenge -f json show one-week
same   'every day names its exercise'	"$(out | jq -r 'select(.kind == "day") | .exercise | type' | sort -u)" string
same   'the challenge first: its title, days and description'	"$(out | head -1 | jq -c '[.kind, .challenge, .challenge_title, .days, (.description | type)]')" '["challenge","one-week","Seven days of empathy",7,"string"]'
same   'every day its challenge'"'"'s title and its exercise'"'"'s'	"$(out | jq -c 'select(.day == 2) | [.challenge_title, .days, .exercise_title]')" '["Seven days of empathy",7,"Silent listening"]'

ok     'abandon --yes -f json'	empathy-challenge -f json abandon --yes
same   'the run it stopped'	"$(out | jq -c '[.challenge, .state]')" '["one-week","abandoned"]'
same   'its id is the run'"'"'s'	"$(out | jq -r .id)" "$(sql 'select id from run')"
ok     'resume -f json'	empathy-challenge -f json abandon --undo
same   'the same run, running again, as the text says "resumed one-week"'	"$(out | jq -c '[.challenge, .state]')" '["one-week","running"]'
same   'the same id'	"$(out | jq -r .id)" "$(sql 'select id from run')"
ok     'abandon --yes -f tsv'	empathy-challenge -f tsv abandon --yes
same   'a header and the run'	"$(out | cut -f2,3)" "$(printf 'challenge\tstate\none-week\tabandoned')"
ok     'abandon --yes in text'	sh -c 'empathy-challenge abandon --undo && empathy-challenge abandon --yes'
same   'says it in words'	"$(out)" 'resumed one-week (abandon it again with: empathy-challenge abandon)
abandoned one-week'
