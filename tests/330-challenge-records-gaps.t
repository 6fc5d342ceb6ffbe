#!/bin/sh
# empathy-challenge's records carry what its text shows (issue 17): today
# the exercise's title, minutes, description and steps; undone the day and
# the challenge. (show's records: tests/300 and 320.)
. "${0%/*}/lib.sh"

ok     'a challenge starts'	empathy-challenge start one-week
ok     'today'	empathy-challenge today
like   'the text shows the exercise'	"$(out)" '^  Share a fear \(share-a-fear, 15 minutes\)$'
like   'and its steps'	"$(out)" '^   1\. Find a quiet, unhurried moment'
ok     'today -f json'	empathy-challenge today -f json
same   'the fields it had'	"$(out | jq -c '[.challenge, .day, .days, .title, .exercise, .done]')" '["one-week",1,7,"Share a fear","share-a-fear",null]'
same   'the exercise: title, minutes'	"$(out | jq -c '[.exercise_title, .minutes]')" '["Share a fear",15]'
like   'its description'	"$(out | jq -r .exercise_description)" '^Tell your partner about one fear or insecurity'
same   'its steps, an array'	"$(out | jq -r '.steps | length, .[0], .[5]')" '6
Find a quiet, unhurried moment when neither of you needs to be elsewhere.
Switch if you both want to, and thank each other for the trust.'
ok     'today -f tsv'	empathy-challenge today -f tsv
same   'the header: new fields at the end'	"$(out | head -1)" "$(tab 'challenge|day|days|title|task|exercise|done|exercise_title|minutes|exercise_description|steps')"
same   'title and minutes'	"$(out | sed -n 2p | cut -f8,9)" "$(tab 'Share a fear|15')"
like   'the steps joined at ", ", their own commas escaped'	"$(out | sed -n 2p | cut -f11)" '^Find a quiet\\x2c unhurried moment [^,]*, Pick one fear'

ok     'sara does the day'	empathy-challenge done
ok     'undone -f json'	empathy-challenge undone -f json
same   'the record it had, then the day and the challenge'	"$(out | jq -c '[.type, .state, .already, .day, .challenge]')" '["run_day","removed",false,1,"one-week"]'
same   'the id is the day'"'"'s'	"$(out | jq -r .id)" "$(sql 'select id from run_day')"
ok     'done again'	empathy-challenge done
ok     'undone -f tsv'	empathy-challenge undone -f tsv
same   'tsv: day and challenge at the end'	"$(out | cut -f2,3,5-)" "$(tab 'type|state|already|day|challenge
run_day|removed|0|1|one-week')"
ok     'done again'	empathy-challenge done
ok     'undone in text'	empathy-challenge undone
like   'names the same day and challenge'	"$(out)" '^day 1 of one-week is no longer marked done'
