#!/bin/sh
# add: a moment of feeling seen or misunderstood, from the arguments or stdin, on a day, with tags.
. "${0%/*}/lib.sh"

wday() { date -d "$1" +%a; }
count() { sql 'select count(*) from entry'; }
last() { sql 'select id from entry order by rowid desc limit 1'; }
row() { sql "select user, date, kind, tags, text from entry where id = '$1'"; }

ok     'sara writes down a moment from her arguments'	empathy-journal add --seen he made tea when I came home
like   'it names a short id, the kind, the weekday and the day'	"$(out)" "^[0-9a-f]{7}: felt seen on $(wday "$(day 0)") $(day 0)\$"
id=$(last)
like   'the stored id is 16 hex digits'	"$id" '^[0-9a-f]{16}$'
same   'the short id is the start of it'	"$(out | cut -c1-7)" "$(printf %.7s "$id")"
same   'the arguments are joined by single spaces'	"$(row "$id")" "sara|$(day 0)|seen||he made tea when I came home"
same   'nothing was said on stderr'	"$(err)" ''

printf 'She finished my sentence\nwith the wrong ending\n\n' >"$T/in"
ok     'alex writes one from stdin, the common option after the command'	empathy-journal add --misunderstood -u alex <"$T/in"
id=$(last)
same   'the lines are kept, the trailing blank lines dropped'	"$(row "$id")" "alex|$(day 0)|misunderstood||She finished my sentence
with the wrong ending"
ok     '-u before the command works the same'	sh -c 'echo "He laughed at my joke" | empathy-journal -u alex add --seen'
same   'alex has two entries'	"$(sql "select count(*) from entry where user = 'alex'")" 2

echo 'from the pipe' >"$T/in"
ok     'arguments win over a pipe'	empathy-journal add --seen 'from the arguments' <"$T/in"
same   'the arguments are stored'	"$(sql "select text from entry where id = '$(last)'")" 'from the arguments'

# Days: YYYY-MM-DD, yesterday, -N, today.
ok     '--date YYYY-MM-DD'	empathy-journal add --misunderstood --date "$(day -6)" 'a quiet dinner'
same   'it says which day'	"$(out | cut -d' ' -f2-)" "felt misunderstood on $(wday "$(day -6)") $(day -6)"
same   'and stores it'	"$(sql "select date from entry where id = '$(last)'")" "$(day -6)"
ok     '--date yesterday'	empathy-journal add --seen --date yesterday 'a long call'
same   'yesterday is the day before today'	"$(sql "select date from entry where id = '$(last)'")" "$(day -1)"
ok     '--date -3'	empathy-journal add --seen --date -3 'a note on the fridge'
same   '-3 is three days ago'	"$(sql "select date from entry where id = '$(last)'")" "$(day -3)"
ok     '--date today'	empathy-journal add --seen --date today 'a hug'
same   'today is today'	"$(sql "select date from entry where id = '$(last)'")" "$(day 0)"
same   'eight entries so far'	"$(count)" 8

status 'a day to come is refused'	64 empathy-journal add --seen --date "$(day 1)" 'too early'
like   'the message names --date'	"$(err)" '^empathy-journal: --date'
status '2026-02-30 is not a date'	64 empathy-journal add --seen --date 2026-02-30 'no such day'
like   'the message names the option and the value'	"$(err)" "--date: '2026-02-30' is not a date"
status 'soonish is not a date'	64 empathy-journal add --seen --date soonish 'no such day'
like   'the message names the value'	"$(err)" "'soonish' is not a date"
same   'no bad day stored anything'	"$(count)" 8

# Seen or misunderstood: exactly one of them.
status 'neither --seen nor --misunderstood is a usage error'	64 empathy-journal add 'a moment'
like   'it asks which'	"$(err)" '--seen or --misunderstood'
like   'and shows the usage of add'	"$(err | sed -e ':a' -e 'N' -e '$!ba' -e 's/\n  */ /g')" 'usage: empathy-journal .*add \(--seen \| --misunderstood\)'
status 'both at once is a usage error'	64 empathy-journal add --seen --misunderstood 'a moment'
like   'it says not both'	"$(err)" 'not both'
status 'an unknown option is a usage error'	64 empathy-journal add --seen --loudly 'a moment'
like   'it names the option'	"$(err)" 'unknown option --loudly'
same   'none of them stored anything'	"$(count)" 8

# Tags: repeatable, '#' dropped, lower case, unique, sorted.
ok     'three tags, one twice in other clothes'	empathy-journal add --seen --tag Work --tag '#family' --tag work 'she covered for me'
same   'stored once each, lower case, sorted'	"$(sql "select tags from entry where id = '$(last)'")" 'family work'
ok     'tags with digits, - and _'	empathy-journal add --seen --tag date-night --tag week_2 --tag 2026 'a surprise'
same   'all kept'	"$(sql "select tags from entry where id = '$(last)'")" '2026 date-night week_2'
status "'two words' is not a tag"	64 empathy-journal add --seen --tag 'two words' 'x'
like   'the message names --tag and the value'	"$(err)" "--tag: 'two words' is not a tag"
status 'an empty tag is refused'	64 empathy-journal add --seen --tag '' 'x'
status "a lone '#' is refused"	64 empathy-journal add --seen --tag '#' 'x'
status 'a comma is not part of a tag'	64 empathy-journal add --seen --tag 'work,home' 'x'
status 'a tag of 33 bytes is too long'	64 empathy-journal add --seen --tag "$(printf '%033d' 0)" 'x'
ok     'a tag of 32 bytes is fine'	empathy-journal add --seen --tag "$(printf '%032d' 0)" 'long tag'
same   'bad tags stored nothing'	"$(count)" 11
