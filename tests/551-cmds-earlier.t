#!/bin/sh
# earlier versions (text that lost when two machines' changes met): under a check-in in show, and in journal history.
. "${0%/*}/lib.sh"

# keep TABLE RID FIELD VALUE CLOCK: text a sync kept as an earlier version,
# as the engine keeps it (552 makes them the real way, by an import).
keep() {
	sql "INSERT INTO earlier VALUES (lower(hex(randomblob(8))), '$1', '$2', '$3',
	    '$4', '$5', 'sara', '2026-01-06T08:00:00.000Z')"
}
C1=0194a0000000.0000.aaaaaaaaaaaaaaaa
C2=0194a1000000.0000.aaaaaaaaaaaaaaaa

ok     'sara checks in'	empathy-checkin add --date 2026-01-05 --high 'A walk' --low 'Rain'
ok     'alex too'	empathy-checkin -u alex add --date 2026-01-05 --high 'Music' --low 'Noise'
cid=$(sql "select id from checkin where user = 'sara'")
ok     'show without earlier versions'	empathy-checkin show --date 2026-01-05
unlike 'says nothing of them'	"$(out)" 'earlier'
keep checkin "$cid" low 'Traffic on the way home' "$C1"
keep checkin "$cid" high 'Tea' "$C1"
keep checkin "$cid" high 'Tea with Ann' "$C2"

ok     'show with earlier versions'	empathy-checkin show --date 2026-01-05
same   'each version under its own line, its fields as in the check-in' "$(out)" "Monday 2026-01-05
  sara
    high  A walk
    low   Rain
    an earlier version from another machine:
      high  Tea
      low   Traffic on the way home
    an earlier version from another machine:
      high  Tea with Ann
  alex
    high  Music
    low   Noise"
ok     'tsv counts them'	empathy-checkin show --date 2026-01-05 -f tsv
same   'a count in the last column'	"$(out | cut -f 3,10)" "$(printf 'user\tearlier\nsara\t3\nalex\t0')"
ok     'json lists them'	empathy-checkin show --date 2026-01-05 -f json
same   'an earlier array of field, text, user, clock and kept'	"$(out | head -1 | sed 's/.*"earlier"://; s/,"guess":null,"guess_verdict":null}$/}/')" \
       "[{\"field\":\"high\",\"text\":\"Tea\",\"user\":\"sara\",\"clock\":\"$C1\",\"kept\":\"2026-01-06T08:00:00.000Z\"},{\"field\":\"low\",\"text\":\"Traffic on the way home\",\"user\":\"sara\",\"clock\":\"$C1\",\"kept\":\"2026-01-06T08:00:00.000Z\"},{\"field\":\"high\",\"text\":\"Tea with Ann\",\"user\":\"sara\",\"clock\":\"$C2\",\"kept\":\"2026-01-06T08:00:00.000Z\"}]}"

ok     'ben, who has not checked in that day, sees it hidden'	empathy-checkin -u ben show --date 2026-01-05 -f json
same   'no earlier versions either'	"$(out | head -1 | sed 's/.*"earlier"://; s/,"guess":null,"guess_verdict":null}$/}/')" '[]}'
ok     'nor in text'	empathy-checkin -u ben show --date 2026-01-05
unlike 'not a word of them'	"$(out)" 'Tea|earlier'

keep checkin "$cid" high "$(printf 'red \033[31m here')" 0194a2000000.0000.aaaaaaaaaaaaaaaa
ok     'an escape sequence in an earlier version'	empathy-checkin show --date 2026-01-05
unlike 'never reaches the terminal raw'	"$(out)" "$(printf '\033')"

# journal history
ok     'sara writes down a moment'	sh -c "echo 'He waited up with soup' | empathy-journal add --misunderstood --tag train"
eid=$(sql 'select id from entry')
ok     'its history before any change'	empathy-journal history "$eid"
like   'just the text now'	"$(out | oneline)" '^now \(changed [0-9-]{10}\) He waited up with soup #train ?$'
ok     'she rewrites it'	sh -c "echo 'He waited up with tea' | empathy-journal edit $eid"
keep entry "$eid" text 'He waited up with coffee' "$C1"
ok     'history by a prefix of the id'	empathy-journal history "$(printf %.5s "$eid")"
same   'now, the edit it replaced, the version from another machine' "$(out | sed 's/[0-9]\{4\}-[0-9][0-9]-[0-9][0-9]/D/g')" "now (changed D)
    He waited up with tea
    #train

until D (replaced by an edit)
    He waited up with soup
    #train

an earlier version from another machine (kept D)
    He waited up with coffee"
ok     'json'	empathy-journal -f json history "$eid"
same   'one line each: version, text, tags, when'	"$(out | sed 's/"when":"[^"]*"/"when":T/')" \
'{"version":"now","text":"He waited up with tea","tags":"train","when":T}
{"version":"edited","text":"He waited up with soup","tags":"train","when":T}
{"version":"earlier","text":"He waited up with coffee","tags":null,"when":T}'
status 'alex cannot read the history of her entry'	65 empathy-journal -u alex history "$eid"
like   'and is told whose it is'	"$(err)" "is sara's; only its author can read its history"
ok     'a removed entry still has its history'	empathy-journal rm "$eid"
ok     'history of it'	empathy-journal history "$eid"
like   'the versions are there'	"$(out | oneline)" 'He waited up with coffee'
status 'no entry'	66 empathy-journal history 0000
status 'no id'	64 empathy-journal history
