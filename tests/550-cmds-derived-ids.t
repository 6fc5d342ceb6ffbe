#!/bin/sh
# ids derived from what a record is: a person's check-in for a day, the couple's n-th run, a person's day of a run.
. "${0%/*}/lib.sh"

B=$T/laptop.db
# derive KIND PART...: the id the design gives, worked out here on its own
# (the first 8 bytes of BLAKE2b over "empathy:" KIND NUL PART NUL ..., in hex).
derive() {
	python3 -c 'import hashlib, sys
b = b"empathy:" + b"".join(a.lower().encode() + b"\0" for a in sys.argv[1:])
print(hashlib.blake2b(b, digest_size=8).hexdigest())' "$@"
}
cid() { sqlite3 "$1" "select id from checkin where user = '$2' and date = '$3'"; }

ok     'sara checks in for 2026-01-05 on the desktop'	empathy-checkin add --date 2026-01-05 --high 'A walk' --low 'Rain'
ok     'and on the laptop, with other words'	empathy-checkin -d "$B" add --date 2026-01-05 --high 'Tea' --low 'Traffic'
same   'one check-in, one id on both machines'	"$(cid "$B" sara 2026-01-05)" "$(cid "$EMPATHY_DB" sara 2026-01-05)"
same   'the id is the one derived from sara and the date'	"$(cid "$EMPATHY_DB" sara 2026-01-05)" "$(derive checkin sara 2026-01-05)"
ok     'alex checks in the same day'	empathy-checkin -u alex add --date 2026-01-05 --high 'Music' --low 'Noise'
same   'his check-in has its own id'	"$(cid "$EMPATHY_DB" alex 2026-01-05)" "$(derive checkin alex 2026-01-05)"
ok     'json names the derived id'	empathy-checkin -f json add --date 2026-01-06 --high 'h' --low 'l'
like   'the id printed is the derived one'	"$(out)" "\"id\":\"$(derive checkin sara 2026-01-06)\""

ok     'sara replaces her check-in'	empathy-checkin add --replace --date 2026-01-05 --high 'A long walk' --low 'Cold rain'
same   'it keeps its id'	"$(cid "$EMPATHY_DB" sara 2026-01-05)" "$(derive checkin sara 2026-01-05)"
same   'and its new words'	"$(sql "select high || '|' || low from checkin where id = '$(derive checkin sara 2026-01-05)'")" 'A long walk|Cold rain'
same   'still three check-ins'	"$(sql 'select count(*) from checkin')" 3
ok     'an answer to the replaced check-in'	empathy-checkin -u alex respond --date 2026-01-05 'Sounds cold'
ok     'replacing again'	empathy-checkin add --replace --date 2026-01-05 --high 'Walk' --low 'Rain'
same   'the answer stays with the check-in (updated in place, not deleted)'	\
       "$(sql "select checkin from response")" "$(derive checkin sara 2026-01-05)"

run() { sqlite3 "$1" "select id from run order by created, rowid" | tr '\n' ' '; }
ok     'sara starts the week on the desktop'	empathy-challenge start --date -1
ok     'alex starts it on the laptop'	empathy-challenge -u alex -d "$B" start --date -1
same   'one run id on both machines'	"$(run "$B")" "$(run "$EMPATHY_DB")"
same   'the first run of one-week'	"$(run "$EMPATHY_DB")" "$(derive run one-week 0) "
ok     'sara abandons it'	empathy-challenge abandon --yes
ok     'and starts again'	empathy-challenge start
same   'the second run is run 1 of one-week'	"$(run "$EMPATHY_DB")" "$(derive run one-week 0) $(derive run one-week 1) "
ok     'sara does day 1'	empathy-challenge done --day 1 </dev/null
same   'her day has the id derived from run, name and day'	"$(sql "select id from run_day")" \
       "$(derive run_day "$(derive run one-week 1)" sara 1)"
ok     'she adds a note to the same day'	empathy-challenge done --day 1 --note 'went well'
same   'still one day, same id'	"$(sql "select id || '|' || note from run_day")" \
       "$(derive run_day "$(derive run one-week 1)" sara 1)|went well"
