#!/bin/sh
# stats: check-ins, streaks, answers, days both checked in, the most felt feeling.
# The strict and forgiving streaks over patterns of days: tests/033.
. "${0%/*}/lib.sh"

# sara: three days in a row ending today; alex: three days ago and yesterday.
ok     'sara, two days ago, tired'	empathy-checkin add --date -2 --feeling tired --high 'h' --low 'l'
ok     'sara, yesterday, calm'	empathy-checkin add --date -1 --feeling calm:safe --high 'h' --low 'l'
ok     'sara, today, tired'	empathy-checkin add --feeling tired:overstretched --high 'h' --low 'l'
ok     'alex, three days ago, annoyed'	empathy-checkin -u alex add --date -3 --feeling annoyed --high 'h' --low 'l'
ok     'alex, yesterday, no feeling'	empathy-checkin -u alex add --date -1 --high 'h' --low 'l'
ok     'sara answers alex yesterday'	empathy-checkin respond --date -1 'How was it?'
ok     'sara answers again'	empathy-checkin respond --date -1 'That sounds tiring.'
ok     'alex answers sara today (unseen: he has not checked in)'	empathy-checkin -u alex respond --peek 'What made it tiring?'

ok     'stats -f tsv'	empathy-checkin stats -f tsv
same   'you first, then your partner, with the days of the chart'	"$(out)" "$(tab "user|checkins|streak|longest|answers|both|feeling|forgiving|forgiving_longest|guesses|named|close|guesses_30|named_30|close_30|days_28
sara|3|3|3|2|1|tired|3|3|0|0|0|0|0|0|$(day -2), $(day -1), $(day 0)
alex|2|1|1|1|1|annoyed|2|2|0|0|0|0|0|0|$(day -3), $(day -1)")"
ok     'stats -f tsv as alex'	empathy-checkin -u alex stats -f tsv
same   'alex first'	"$(out | sed 1d | cut -f 1)" 'alex
sara'
ok     'stats --since -1 -f tsv'	empathy-checkin stats --since -1 -f tsv
same   'counts only from yesterday on; the chart is the last 28 days still'	"$(out)" "$(tab "user|checkins|streak|longest|answers|both|feeling|forgiving|forgiving_longest|guesses|named|close|guesses_30|named_30|close_30|days_28
sara|2|2|2|2|1|tired|2|2|0|0|0|0|0|0|$(day -2), $(day -1), $(day 0)
alex|1|1|1|1|1||1|1|0|0|0|0|0|0|$(day -3), $(day -1)")"
ok     'stats -f json'	empathy-checkin stats -f json
like   'json for sara, the days of the chart an array'	"$(out)" '^\{"user":"sara","checkins":3,"streak":3,"longest":3,"answers":2,"both":1,"feeling":"tired","forgiving":3,"forgiving_longest":3,"guesses":0,"named":0,"close":0,"guesses_30":0,"named_30":0,"close_30":0,"days_28":\["'"$(day -2)"'","'"$(day -1)"'","'"$(day 0)"'"\]\}$'

ok     'stats as text'	empathy-checkin stats
like   'a header with the columns'	"$(out)" "^ +$(day -27) +check-ins  streak  longest  answers\$"
like   'sara: 28 days, the last three marked, then her numbers'	"$(out)" '^sara  \.{25}###  +3  +3  +3  +2$'
like   'alex: marks three days ago and yesterday'	"$(out)" '^alex  \.{24}#\.#\.  +2  +1  +1  +1$'
like   'the forgiving streaks, under the chart'	"$(out)" '^forgiving streak: sara 3 \(longest 3\), alex 2 \(longest 2\)$'
like   'the rule the forgiving streak uses'	"$(out)" '^forgiving: one missed day in any 7 days in a row is allowed; two end it$'
like   'the most felt, under the chart (80 columns)'	"$(out)" '^most felt: sara tired, alex annoyed$'
like   'the chart ends today'	"$(out)" "^ +$(day 0)\$"
like   'days both checked in'	"$(out)" '^days you both checked in: 1$'

# An older, longer run: the longest is not the current one; a tie in feelings
# goes to the one felt last. Ten days ago stands alone, with days missed on
# both sides: the forgiving streaks are the strict ones.
for d in -40 -39 -38 -37 -36; do
	ok     "sara, $d days, happy"	empathy-checkin add --date "$d" --feeling happy --high h --low l
done
ok     'sara, ten days ago, calm'	empathy-checkin add --date -10 --feeling calm --high h --low l
ok     'stats -f tsv'	empathy-checkin stats -f tsv
same   'sara: 9 check-ins, streak 3, longest 5; tired and happy are not tied'	"$(out | sed -n 2p)" "$(tab "sara|9|3|5|2|1|happy|3|5|0|0|0|0|0|0|$(day -10), $(day -2), $(day -1), $(day 0)")"
ok     'stats --since -20 -f tsv'	empathy-checkin stats --since -20 -f tsv
same   'since: calm twice and tired twice; tired was felt last'	"$(out | sed -n 2p)" "$(tab "sara|4|3|3|2|1|tired|3|3|0|0|0|0|0|0|$(day -10), $(day -2), $(day -1), $(day 0)")"
ok     'stats --since -10 as a person with no check-ins'	empathy-checkin -u robin stats --since -10 -f json
same   'robin first, with nothing'	"$(out | sed -n 1p)" '{"user":"robin","checkins":0,"streak":0,"longest":0,"answers":0,"both":1,"feeling":null,"forgiving":0,"forgiving_longest":0,"guesses":0,"named":0,"close":0,"guesses_30":0,"named_30":0,"close_30":0,"days_28":[]}'
same   'then alex and sara'	"$(out | sed 1d | cut -d, -f1)" '{"user":"alex"
{"user":"sara"'
