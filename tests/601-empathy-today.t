#!/bin/sh
# empathy today (the default) and empathy due: what is owed, what the partner
# sent since you last looked, the challenge of the day, the week, the last sync.
. "${0%/*}/lib.sh"

wk=$(date +%G-W%V)

# An empty database: only your check-in is owed.
status 'due on a missing database: the check-in is owed'	0 empathy due
same   'it says so'	"$(out)" "your check-in for today, $(day 0)"
status 'due -q'	0 empathy due -q
same   'says nothing'	"$(out)$(err)" ''
ok     'today on a missing database'	empathy today
same   'the whole screen' "$(out)" "sara, $(day 0)

To do today
  your check-in for today, $(day 0)

Since you last looked (never: the last seven days)
  nothing new from your partner

This week, $wk, in the journal
  sara                0 seen    0 misunderstood

Last sync: never"
ok     'neither created the database'	test ! -e "$EMPATHY_DB"

# A day of both partners.
ok     'sara checks in'	empathy-checkin add --high 'a swim' --low 'cold'
status 'nothing owed now'	1 empathy due
same   'and nothing said'	"$(out)$(err)" ''
ok     'alex checks in'	empathy-checkin -u alex add --high 'a walk' --low 'rain'
ok     'alex answers sara'	empathy-checkin -u alex respond --to sara 'What made the swim good?'
ok     'and another answer'	empathy-checkin -u alex respond --to sara 'Was it very cold?'
ok     'alex writes two moments'	sh -c 'echo heard | empathy-journal -u alex add --seen &&
    echo lost | empathy-journal -u alex add --misunderstood'
ok     'sara one'	empathy-journal add --seen 'the tea'
ok     'and a moment last week, not counted this week' \
       empathy-journal add --seen --date -8 'long ago'
status 'an answer to alex is owed'	0 empathy due
same   'it says which'	"$(out)" "an answer to alex's check-in for $(day 0)"
ok     'due -f tsv'	empathy due -f tsv
same   'tsv: what, user, date, hidden and the challenge'	"$(out)" "$(tab "what|user|date|hidden|challenge|day|days
answer|alex|$(day 0)|0|||")"

ok     'today'	empathy today
same   'owed, news, the week' "$(out)" "sara, $(day 0)

To do today
  an answer to alex's check-in for $(day 0)

Since you last looked (never: the last seven days)
  alex answered your check-in for $(day 0) (2 answers)
  alex checked in for $(day 0)
  alex wrote in the journal: 1 seen, 1 misunderstood

This week, $wk, in the journal
  alex                1 seen    1 misunderstood
  sara                1 seen    0 misunderstood

Last sync: never"

# The challenge: today's task, owed until done.
ok     'a challenge starts today'	empathy-challenge start one-week
status 'today'\''s day is owed'	0 empathy due
like   'it says so'	"$(out)" "^day 1 of 7 of the challenge one-week, not done yet\$"
ok     'today shows the task'	empathy today
like   'the challenge, its day'	"$(out)" 'Challenge: one-week, day 1 of 7$'
like   'the title of the day'	"$(out)" '^  Share a fear$'
like   'the task, wrapped'	"$(out)" '^    Each of you tells the other'
like   'owed in the list'	"$(out)" '^  the challenge: day 1 of one-week$'
ok     'alex does the day'	empathy-challenge -u alex done
ok     'today says so'	empathy today
like   'partner did it'	"$(out)" 'Challenge: one-week, day 1 of 7 \(your partner did it\)$'
like   'and it is news'	"$(out)" '^  alex did day 1 of one-week$'
ok     'sara does the day'	empathy-challenge done
ok     'sara answers alex'	empathy-checkin respond --to alex 'What did the rain smell like?'
status 'nothing owed'	1 empathy due
ok     'today'	empathy today
like   'nothing owed'	"$(out)" '^Nothing owed today$'
like   'you did it'	"$(out)" 'day 1 of 7 \(you did it\)$'

# tsv and json: one record per item, the same keys for all.
ok     'today -f tsv'	empathy today -f tsv
same   'a header'	"$(out | head -n 1)" "$(tab 'kind|what|user|date|count|text|hidden|days|done|partner_done|task')"
like   'the news'	"$(out)" "$(tab "^news|answer|alex|$(day 0)|2||||||\$")"
like   'the week'	"$(out)" "$(tab "^week|misunderstood|alex|$wk|1||||||\$")"
like   'the last sync'	"$(out)" "$(tab '^sync|last|||0||||||$')"
like   'the challenge: its days, who did it, the task'	"$(out)" "$(tab "^challenge|one-week||$(day 0)|1|Share a fear||7|1|1|Each of you tells the other")"
ok     'today -f json'	empathy today -f json
same   'every line an object'	"$(out | grep -vc '^{.*}$')" 0
like   'the challenge'	"$(out)" "^\\{\"kind\":\"challenge\",\"what\":\"one-week\",\"user\":\"\",\"date\":\"$(day 0)\",\"count\":1,\"text\":\"Share a fear\",\"hidden\":null,\"days\":7,\"done\":true,\"partner_done\":true,\"task\":\"Each of you tells the other about one fear or insecurity you seldom mention. The listener only takes it in and says back what they heard.\"\\}\$"
ok     'the json parses'	sh -c 'empathy today -f json | jq -e . >/dev/null'

# Since you last looked: only text shown at a terminal counts as looking.
ok     'a pipe does not count'	empathy today
like   'the news is still there'	"$(out)" 'alex answered your check-in'
pty 'empathy today' >"$T/screen"
same   'at a terminal it exits 0'	$? 0
like   'it showed the news'	"$(cat "$T/screen")" 'alex answered your check-in'
ok     'now'	empathy today
like   'says when you looked'	"$(out)" "^Since you last looked \\($(date -u +%F) [0-9]{2}:[0-9]{2} UTC\\)\$"
like   'and nothing is new'	"$(out)" '^  nothing new from your partner$'
ok     'alex writes again'	sh -c 'echo again | empathy-journal -u alex add --seen'
ok     'today'	empathy today
like   'shows only that'	"$(out)" '^  alex wrote in the journal: 1 seen$'
unlike 'not the older news'	"$(out)" 'answered your check-in'
ok     'alex looks at a terminal too'	pty 'empathy -u alex today'
ok     'sara'\''s news is hers'	empathy today
like   'still there'	"$(out)" '^  alex wrote in the journal: 1 seen$'

# The last sync, from the database.
ok     'a sync finished at 09:12'	sql "INSERT OR REPLACE INTO meta (k, v) VALUES ('sync.last', '2026-11-30T09:12:03.123Z')"
ok     'today'	empathy today
like   'says when'	"$(out)" '^Last sync: 2026-11-30 09:12 UTC$'

# 80 columns, whatever the names and the content.
mkdir -p "$T/content"
long=$(printf 'word%.0s ' $(seq 1 60))
printf '%s\n' 'kind: challenge' 'id: one-week' 'title: Long' 'days:' \
    "  - {title: \"$long\", task: \"$long\"}" >"$T/content/long.yaml"
ok     'today with long content'	empathy --content "$T/content" today
same   'no line is wider than 80 columns'	"$(out | awk 'length > 80')" ''
