#!/bin/sh
# respond: whom to answer, where the text comes from, how it is stored and shown.
. "${0%/*}/lib.sh"

# The last answer stored: kind|text|forced|date of the check-in it answers.
last() { sql "select r.kind, r.text, r.forced, c.date from response r join checkin c on c.id = r.checkin order by r.created desc, r.rowid desc limit 1"; }
keys() {
	if command -v jq >/dev/null; then
		printf '%s\n' "$1" | jq -r 'keys_unsorted | join(",")'
	else
		printf '%s\n' "$1" | grep -o '"[a-z]*":' | tr -d '":' | paste -sd, -
	fi
}

ok     'sara checks in alone'	empathy-checkin add --high 'Ran 5 km' --low 'Skipped lunch'
status 'with no partner at all there is nobody to answer'	66 empathy-checkin respond 'How was your day?'
like   'it says no partner has checked in'	"$(err)" 'no partner'
same   'nothing stored'	"$(sql 'select count(*) from response')" 0

ok     'alex checks in'	empathy-checkin -u alex add --high 'Fixed the bike' --low 'Late train home'
ok     'sara answers with words as arguments'	empathy-checkin respond What was the worst part of the train?
same   'it says whom and how'	"$(out)" "answered alex's check-in for $(day 0) with a question"
same   'stored as one question, not forced'	"$(last)" "question|What was the worst part of the train?|0|$(day 0)"

printf 'It sounds like fixing it\nfelt good.\n' >"$T/in"
ok     'sara answers on stdin'	empathy-checkin respond <"$T/in"
same   'no question mark makes a reflection'	"$(out)" "answered alex's check-in for $(day 0) with a reflection"
same   'the whole text is stored'	"$(last)" "reflection|It sounds like fixing it
felt good.|0|$(day 0)"
status 'empty stdin is a usage error'	64 empathy-checkin respond </dev/null

status 'advice is refused'	65 empathy-checkin respond 'You should take an earlier train.'
ok     '--force stores it anyway'	empathy-checkin respond --force 'You should take an earlier train.'
same   'marked as forced'	"$(last)" "reflection|You should take an earlier train.|1|$(day 0)"

status '--to someone with no check-in'	66 empathy-checkin respond --to bob 'How are you?'
like   'it names bob and the day'	"$(err)" "bob has no check-in for $(day 0)"
status '--to yourself is a usage error'	64 empathy-checkin respond --to sara 'How am I?'
like   'it says so'	"$(err)" '--to names you'
ok     '--to alex works'	empathy-checkin respond --to alex 'Did the bike ride feel good?'

status 'no check-in from alex yesterday'	66 empathy-checkin respond --date yesterday 'How was yesterday?'
like   'it names alex and the day'	"$(err)" "alex has no check-in for $(day -1)"
ok     'alex checks in for yesterday'	empathy-checkin -u alex add --date yesterday --high 'A film' --low 'A cold'
status 'his check-in is hidden from sara until she checks in that day'	66 empathy-checkin respond --date yesterday 'How was yesterday?'
like   'it says to check in first'	"$(err | sed -e ':a' -e '$!N' -e 's/\n  */ /' -e 'ta' -e 'P;D')" "alex's check-in for $(day -1) is hidden .*check in first \\(or --peek"
ok     'sara checks in for yesterday'	empathy-checkin add --date yesterday --high 'A nap' --low ''
ok     '--date yesterday answers that check-in'	empathy-checkin respond --date yesterday 'How is the cold?'
same   'stored against yesterday'	"$(last)" "question|How is the cold?|0|$(day -1)"
same   'five answers in all'	"$(sql 'select count(*) from response')" 5

ok     'respond -f tsv'	empathy-checkin -f tsv respond 'What film was it?' --date -1
same   'tsv header'	"$(out | head -n 1)" "$(printf 'id\tdate\tto\tkind')"
same   'tsv row'	"$(out | sed -n 2p | cut -f 2-)" "$(printf '%s\talex\tquestion' "$(day -1)")"
ok     'respond -f json'	empathy-checkin respond -f json 'That sounds cosy.' --date -1
same   'json keys are id, date, to, kind'	"$(keys "$(out)")" 'id,date,to,kind'
like   'json values'	"$(out)" "\"date\":\"$(day -1)\",\"to\":\"alex\",\"kind\":\"reflection\""
