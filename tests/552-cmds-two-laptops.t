#!/bin/sh
# the same person checking in on two machines the same day; the challenge started on two machines: one record each, the losing text kept.
. "${0%/*}/lib.sh"

B=$T/laptop.db
ok     'sara checks in on the desktop'	empathy-checkin add --date 2026-01-05 --high 'A walk' --low 'Rain'
ok     'and on her laptop, later, in other words'	empathy-checkin -d "$B" add --date 2026-01-05 --high 'Tea' --low 'Rain'
ok     'the laptop exports'	empathy-checkin -d "$B" export
out >"$T/b.jsonl"
ok     'the desktop imports it'	empathy-checkin import <"$T/b.jsonl"
same   'one check-in'	"$(sql 'select count(*) from checkin')" 1
same   'the later words win'	"$(sql 'select high from checkin')" 'Tea'
same   'the words that lost are kept'	"$(sql "select field || '|' || value from earlier")" 'high|A walk'
ok     'show'	empathy-checkin show --date 2026-01-05
like   'shows them under the check-in'	"$(out | oneline)" 'high Tea +low Rain +an earlier version from another machine: +high A walk'

ok     'sara starts the week on the desktop'	empathy-challenge start --date -1
ok     'and on her laptop'	empathy-challenge -d "$B" start --date -1
ok     'the laptop exports'	empathy-challenge -d "$B" export
out >"$T/c.jsonl"
ok     'the desktop imports it'	empathy-challenge import <"$T/c.jsonl"
same   'one run'	"$(sql 'select count(*) from run')" 1
same   'with its id derived from the challenge'	"$(sql 'select id from run')" "$(sqlite3 "$B" 'select id from run')"
ok     'she does day 1 on the laptop'	empathy-challenge -d "$B" done --day 1 --note 'on the train'
ok     'and on the desktop'	empathy-challenge done --day 1 --note 'at home'
ok     'the laptop exports again'	empathy-challenge -d "$B" export
out >"$T/c.jsonl"
ok     'the desktop imports it'	empathy-challenge import <"$T/c.jsonl"
same   'one day done'	"$(sql 'select count(*) from run_day')" 1

# Both partners start the challenge, each on their own machine.
C=$T/c.db D=$T/d.db
ok     'sara starts the week on her machine'	empathy-challenge -d "$C" start
ok     'alex on his'	empathy-challenge -u alex -d "$D" start
same   'the same run id on both'	"$(sqlite3 "$C" 'select id from run')" "$(sqlite3 "$D" 'select id from run')"
ok     'his machine exports'	empathy-challenge -u alex -d "$D" export
out >"$T/d.jsonl"
ok     'hers imports it'	empathy-challenge -d "$C" import <"$T/d.jsonl"
same   'one run'	"$(sqlite3 "$C" 'select count(*) from run')" 1
