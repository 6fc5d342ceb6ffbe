#!/bin/sh
# empathy news: what your partner did since you last looked, kind by kind,
# the newest last; then it is no longer new. -q asks without looking (for
# cron), -k looks without marking; `empathy today` shares the same last
# look. Also what a sync brings from the other machine, and the speed.
. "${0%/*}/lib.sh"
. "${0%/*}/sync.sh"

d0=$(day 0) d1=$(day -1) d2=$(day -2)
now='[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2} UTC'

# Nothing yet, and no database made by asking.
status 'news on a missing database: nothing new'	1 empathy news
same   'it says so'	"$(out)" 'Nothing new from your partner since you last looked (never: the last seven days)'
status 'news -q: 1'	1 empathy news -q
same   'and says nothing'	"$(out)$(err)" ''
status 'news -f tsv: 1'	1 empathy news -f tsv
same   'a header only'	"$(out)" "$(tab 'kind|who|date|what|number|text')"
status 'news -f json: 1'	1 empathy news -f json
same   'no record'	"$(out)" ''
ok     'no database was made'	test ! -e "$EMPATHY_DB"
status 'an unknown option is a usage error'	64 empathy news --frob
status 'so is an argument'	64 empathy news alex

# A day of both partners: one thing of each kind of news, and some that are not news to sara.
ok     'sara checks in'	empathy-checkin add --feeling tired --high 'a swim' --low cold
ok     'alex checks in'	empathy-checkin -u alex add --feeling calm --high 'a walk' --low rain
ok     'alex asks'	empathy-checkin -u alex respond --to sara 'What made the swim good?'
ok     'and reflects'	empathy-checkin -u alex respond --to sara 'It sounds like the cold water woke you up.'
ok     'sara answers alex (not news to her)'	empathy-checkin respond --to alex 'What was the walk like?'
ok     'alex checks in for the day before yesterday, when sara did not' \
       empathy-checkin -u alex add --date -2 --high 'a film' --low 'a headache'
ok     'alex: a moment of yesterday'	sh -c 'echo lost | empathy-journal -u alex add --misunderstood --date -1'
ok     'and one of two lines today' sh -c 'printf "%s\n%s\n" "you heard me out about the exam and did not rush to fix anything at all, not once" "then we ate" | empathy-journal -u alex add --seen'
ok     'and one he takes back'	sh -c 'echo oops | empathy-journal -u alex add --seen'
ok     'takes it back'	empathy-journal -u alex rm "$(sql "select id from entry where text = 'oops'")"
ok     'sara writes one (hers)'	empathy-journal add --seen 'the tea'
ok     'a challenge starts'	empathy-challenge start one-week
ok     'alex does the day, with a note'	empathy-challenge -u alex done --note 'I said the thing I never say.'
ok     'alex rates sara'	empathy-assess -u alex take self --about sara --answers 4,3,4,2,5,3,4,4,3,2
ok     'and himself (not about sara)'	empathy-assess -u alex take self --answers 4,4,4,4,4,4,4,4,4,4

# -q: the exit status only, and the news stays new.
status 'news -q: there is news'	0 empathy news -q
same   'it says nothing'	"$(out)$(err)" ''
status 'asked again, still there'	0 empathy news -q
ok     'news -k -f tsv: one record per item'	empathy news -k -f tsv
same   'kind, who, date, what, number, text; grouped by kind, the newest last' "$(out)" "$(tab "kind|who|date|what|number|text
answer|alex|$d0|question|0|What made the swim good?
answer|alex|$d0|reflection|0|It sounds like the cold water woke you up.
checkin|alex|$d0|calm|0|
moment|alex|$d1|misunderstood|0|lost
moment|alex|$d0|seen|0|you heard me out about the exam and did not rush to fix anything at all, not once ...
day|alex|$d0|one-week|1|I said the thing I never say.
result|alex|$d0|self|55|")"
ok     'news -k -f json'	empathy news -k -f json
same   'the same items'	"$(out | jq -r .kind | tr '\n' ' ')" 'answer answer checkin moment moment day result '
same   'numbers are numbers'	"$(out | jq -r 'select(.kind == "result") | .number + 1')" 56
ok     'the json parses'	sh -c 'empathy news -k -f json | jq -e . >/dev/null'
status 'peeking left it new'	0 empathy news -q

ok     'news'	empathy news
same   'the news, as text' "$(out)" "Since you last looked (never: the last seven days)

Answers to your check-ins
  $d0  alex asked: What made the swim good?
  $d0  alex reflected: It sounds like the cold water woke you up.

Check-ins you can read now
  $d0  alex checked in, feeling calm

Journal moments
  $d1  alex felt misunderstood: lost
  $d0  alex felt seen: you heard me out about the exam and did not rush
              to fix anything at all, not once ...

Challenge days
  $d0  alex did day 1 of one-week: I said the thing I never say.

Questionnaires about you
  $d0  alex rated you on Empathy self-assessment: 55 (growing)"
status 'then it is no longer new'	1 empathy news
like   'it says since when'	"$(out)" "^Nothing new from your partner since you last looked \\($now\\)\$"
status 'news -q: 1'	1 empathy news -q
same   'the look is noted for sara alone'	"$(sql "select k from meta where k like 'seen.%' order by k" | tr '\n' ' ')" 'seen.sara seen.sara.ops '

# Check-ins revealed by your own check-in; an edit is not news.
ok     'sara checks in for the day before yesterday'	empathy-checkin add --date -2 --high 'a book' --low 'late train'
status 'now alex'"'"'s check-in of that day is news'	0 empathy news -f tsv
same   'that alone'	"$(out)" "$(tab "kind|who|date|what|number|text
checkin|alex|$d2||0|")"
ok     'alex edits his moment of yesterday'	sh -c 'echo "lost, then found" | empathy-journal -u alex edit "$1"' sh "$(sql "select id from entry where text = 'lost'")"
status 'an edit is not news'	1 empathy news -q

# today and news share the last look: today counts as looking only on a
# terminal, news always (but -q and -k).
ok     'today after news'	empathy today
like   'nothing new there either'	"$(out)" '^  nothing new from your partner$'
ok     'alex writes again'	sh -c 'echo again | empathy-journal -u alex add --seen'
ok     'today in a pipe shows it'	empathy today
like   'the moment'	"$(out)" '^  alex wrote in the journal: 1 seen$'
status 'and leaves it new for news'	0 empathy news -q
ok     'today -f tsv leaves it new too'	empathy today -f tsv
status 'still news'	0 empathy news -q
pty 'empathy today' >"$T/screen"
same   'today at a terminal'	$? 0
like   'showed it'	"$(cat "$T/screen")" 'alex wrote in the journal: 1 seen'
status 'and that was looking: news has nothing new'	1 empathy news
ok     'alex writes again'	sh -c 'echo "and again" | empathy-journal -u alex add --misunderstood'
ok     'news sees it'	empathy news
like   'that moment'	"$(out)" "^  $d0  alex felt misunderstood: and again\$"
ok     'and today has nothing new after it'	empathy today
like   'nothing'	"$(out)" '^  nothing new from your partner$'

# News that could not be written stays new.
ok     'alex writes'	sh -c 'echo "one more" | empathy-journal -u alex add --seen'
status 'news to a full disk: 74'	74 sh -c 'empathy news >/dev/full'
like   'says why'	"$(err)" '^empathy: writing output: No space left on device$'
status 'the news is still new'	0 empathy news -q
ok     'read it'	empathy news
like   'once'	"$(out)" 'one more'

# Looking never makes a name a partner, nor notes a look for a stranger.
status 'kim reads the news'	0 empathy -u kim news
same   'no look noted for kim'	"$(sql "select count(*) from meta where k like 'seen.kim%'")" 0
same   'kim is not a partner'	"$(sql "select count(*) from partner where name = 'kim'")" 0

# Many things of one kind: text shows the newest 20, the records all.
ok     '22 moments from alex'	sh -c 'for i in $(seq 1 22); do echo "moment $i" | empathy-journal -u alex add --seen || exit 1; done'
ok     'news -k'	empathy news -k
like   'says how many are not shown, and where they are'	"$(out)" '^  \(2 earlier, not shown here: empathy journal list\)$'
same   'twenty shown'	"$(out | grep -c 'alex felt seen: moment')" 20
like   'the newest last'	"$(out | tail -n 1)" 'moment 22$'
ok     'news -f json'	empathy news -f json
same   'every one'	"$(out | wc -l)" 22
ok     'a moment of one long word'	empathy-journal -u alex add --seen "$(printf 'longword%.0s' $(seq 1 30))"
ok     'news'	empathy news
same   'no line is wider than 80 columns'	"$(out | awk 'length > 80')" ''

# News that a sync brings: on sara's laptop (a), what alex wrote on his (b).
machine a sara
machine b alex
ok     'a couple of two laptops'	couple a b
exchange() {
	syncd b -q && deliver b a && syncd a -q && deliver a b && syncd b -q
}
ok     'alex writes on his laptop, not synced yet' \
       as b sh -c 'echo "written before she looked" | empathy-journal add --seen'
status 'sara looks on hers: nothing'	1 as a empathy news
ok     'they sync'	exchange
ok     'news on sara'"'"'s laptop'	as a empathy news
like   'what was written before she looked, but came after' "$(out)" 'alex felt seen: written before she looked'
status 'once'	1 as a empathy news
clock b +1d
ok     'alex writes, his clock a day ahead'	as b sh -c 'echo "a day ahead" | empathy-journal add --misunderstood'
clock b ''
ok     'they sync'	exchange
ok     'today on her laptop shows it'	as a empathy today
like   'among the news'	"$(out)" '^  alex wrote in the journal: 1 misunderstood$'
ok     'news shows it'	as a empathy news
like   'the moment'	"$(out)" 'alex felt misunderstood: a day ahead'
status 'once: its clock, a day ahead, does not keep it new' 1 as a empathy news -q
ok     'alex edits it on his laptop'	as b sh -c 'echo "a day ahead, edited" | empathy-journal edit "$1"' sh "$(sqlite3 "$(dbof b)" "select id from entry where text = 'a day ahead'")"
ok     'they sync'	exchange
same   'the edit arrived'	"$(sqlite3 "$(dbof a)" "select count(*) from entry where text = 'a day ahead, edited'")" 1
status 'an edit that arrives is not news either'	1 as a empathy news -q
ok     'sara writes on her laptop'	as a sh -c 'echo "from a" | empathy-journal add --seen'
ok     'they sync'	exchange
status 'what she wrote is not news to her'	1 as a empathy news -q
ok     'on his laptop, it is news to alex'	as b empathy news -f tsv
like   'her moment'	"$(out)" "$(tab "^moment|sara|$d0|seen|0|from a\$")"

# A reply to an answer of yours is news to you.
ok     'everything seen, for alex'	empathy -u alex news
status 'nothing new for alex'	1 empathy -u alex news -q
ok     'sara replies to his question'	empathy-checkin reply --answer "$(sql "select id from response where text = 'What made the swim good?'")" 'The quiet, mostly.'
ok     'alex: news'	empathy -u alex news -k -f tsv
same   'the reply, to his question'	"$(out | grep '^reply')" "$(tab "reply|sara|$d0|question|0|The quiet, mostly.")"
ok     'in text'	empathy -u alex news
like   'under its heading'	"$(out)" 'Replies to your answers'
like   'with her words'	"$(out)" 'sara replied to your question: The quiet, mostly\.'

# What is new is found through indexes on when each record was written
# (tests/unit/t_news.c checks every query's plan): a database of schema 7
# gets them.
idx() { sql "select name from sqlite_schema where name like '%\\_created' escape '\\' order by name" | tr '\n' ' '; }
same   'a new database has them'	"$(idx)" 'checkin_created entry_created reply_created response_created result_created run_day_created '
ok     'one of schema 7'	sql 'alter table entry drop column sealed; drop index entry_created; drop index response_created; drop index checkin_created; drop index run_day_created; drop index result_created; drop index reply_created; pragma user_version = 7'
status 'news on it'	1 empathy news -q
ok     'upgraded'	test "$(sql 'pragma user_version')" -ge 8
same   'with the indexes'	"$(idx)" 'checkin_created entry_created reply_created response_created result_created run_day_created '
same   'the database is intact'	"$(sql 'pragma integrity_check')" ok
