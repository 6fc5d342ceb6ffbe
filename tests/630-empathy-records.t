#!/bin/sh
# The front door's records carry what its text says: today counts the
# moments sealed from you, sync says what it sent and received, partners
# rename says which name went into which. One machine, then two.
. "${0%/*}/lib.sh"
. "${0%/*}/sync.sh"

# at DAY CMD...: CMD run at 10:00 on DAY (a Wednesday: a seal holds till Sunday).
at() { _at=$1; shift; faketime -f "@$_at 10:00:00" "$@"; }
WED=2027-01-06

ok     'alex seals a moment on Wednesday'	at $WED empathy-journal -u alex add --seen --sealed 'kept for Sunday'
ok     'and writes two open ones'	at $WED sh -c "empathy-journal -u alex add --seen 'open words' &&
    empathy-journal -u alex add --misunderstood 'lost'"
ok     'sara reads today'	at $WED empathy today
like   'the text counts the sealed one'	"$(out)" '^  alex wrote in the journal: 2 seen, 1 misunderstood \(1 sealed\)$'
ok     'today -f tsv'	at $WED empathy today -f tsv
like   'so does tsv: a news record of what is sealed'	"$(out)" "$(tab '^news|sealed|alex||1||||||$')"
like   'beside the seen'	"$(out)" "$(tab '^news|seen|alex||2||||||$')"
ok     'today -f json'	at $WED empathy today -f json
same   'and json, the count a number'	"$(out | jq -c 'select(.what == "sealed") | [.user, .count]')" '["alex",1]'
ok     'with nothing sealed, no such record'	at 2027-01-20 empathy today -f tsv
unlike 'none'	"$(out)" "$(tab '^news|sealed')"

# partners rename: a record of the two names.
ok     'root writes on this machine too (the couple: alex and root)'	empathy-journal -u root add --seen 'as root'
ok     'partners rename -f json'	empathy -u root partners rename -f json root sara
same   'says which name went into which'	"$(out)" '{"renamed":"root","to":"sara"}'
same   'and did it'	"$(sql "select count(*) from entry where user = 'sara'")" 1

# sync: counts, as numbers.
machine a sara
machine b alex
ok     'a couple on two machines'	couple a b
ok     'sara writes on a'	as a empathy-journal add --seen 'on a'
ok     'sync -f json'	syncd a -f json
same   'one record, every count a number'	"$(out | jq -c '[.sent, .received, .applied, .earlier, .pending] | map(type)')" \
       '["number","number","number","number","number"]'
like   'something was sent'	"$(out | jq .sent)" '^[1-9][0-9]*$'
same   'one line'	"$(out | wc -l)" 1
ok     'sync -f tsv'	syncd a -f tsv
same   'a header, then the counts'	"$(out | head -n 1)" "$(tab 'sent|received|applied|earlier|pending')"
like   'of numbers'	"$(out | sed -n 2p)" "$(tab '^[0-9]+|[0-9]+|[0-9]+|[0-9]+|[0-9]+$')"
ok     'sync -q -f json says nothing'	syncd a -q -f json
same   'nothing'	"$(out)" ''
ok     'the text is as it was'	syncd a
like   'sent and received'	"$(out)" '^sent [0-9]+ changes?, received [0-9]+ changes?'
