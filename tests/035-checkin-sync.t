#!/bin/sh
# export and import: JSON Lines out, an idempotent merge in, and a byte-exact round trip.
. "${0%/*}/lib.sh"

B=$T/other.db
rows() { sqlite3 "$1" "select (select count(*) from checkin) || '/' || (select count(*) from response)"; }

ok     'sara checks in, with awkward characters'	empathy-checkin add --feeling ängstlich:verlassen \
       --high "$(printf 'tab\there, "quotes", back\\slash, é and 😀')" --low "$(printf 'two\nlines')"
ok     'alex checks in'	empathy-checkin -u alex add --high 'A good run' --low 'A bad call'
ok     'sara answers'	empathy-checkin respond 'What was the call about?'
ok     'alex answers'	empathy-checkin -u alex respond --force 'At least it is Friday.'

ok     'export'	empathy-checkin export
out >"$T/a.jsonl"
same   'four lines'	"$(wc -l <"$T/a.jsonl")" 4
if command -v jq >/dev/null; then
	ok   'each line is JSON with a type'	jq -e -s 'length == 4 and all(.[]; has("type"))' "$T/a.jsonl"
	same 'check-ins first, then responses'	"$(jq -r .type "$T/a.jsonl")" 'checkin
checkin
response
response'
	same 'a response carries its fields'	"$(jq -r 'select(.type == "response") | keys_unsorted | join(",")' "$T/a.jsonl" | sort -u)" \
	     'type,id,checkin,user,kind,text,forced,removed,created,updated,clock'
	same 'each record carries the clock that set it'	"$(jq -r '.clock' "$T/a.jsonl" | grep -c '^[0-9a-f]\{12\}\.[0-9a-f]\{4\}\.[0-9a-f]\{16\}$')" 4
	same 'forced is a boolean'	"$(jq -r 'select(.type == "response") | .forced' "$T/a.jsonl" | sort)" 'false
true'
else
	same 'each line is an object with a type'	"$(grep -c '^{"type":"\(checkin\|response\)",.*}$' "$T/a.jsonl")" 4
fi

ok     'import into another database'	empathy-checkin -d "$B" import <"$T/a.jsonl"
same   'all four added'	"$(out)" '4 added, 0 updated, 0 unchanged'
same   'two check-ins, two answers'	"$(rows "$B")" 2/2
ok     'import the same again'	empathy-checkin -d "$B" import <"$T/a.jsonl"
same   'nothing changes'	"$(out)" '0 added, 0 updated, 4 unchanged'
same   'the counts are the same'	"$(rows "$B")" 2/2
ok     'round trip: export the other database'	empathy-checkin -d "$B" export
out >"$T/b.jsonl"
ok     'it is byte for byte the first export'	cmp "$T/a.jsonl" "$T/b.jsonl"

# A copy edited by hand, without its clock: its "updated" time decides. A
# newer one replaces the stored text; an older one does not, and its text
# is kept as an earlier version (no word is lost).
newer=$(date -u -d '+1 second' +%Y-%m-%dT%H:%M:%S.000Z)
sed "/\"user\":\"alex\",\"date\"/{s/\"high\":\"A good run\"/\"high\":\"A great run\"/;s/\"updated\":\"[^\"]*\"/\"updated\":\"$newer\"/;s/,\"clock\":\"[^\"]*\"//;}" \
    "$T/a.jsonl" >"$T/newer.jsonl"
ok     'the edit changed one line'	sh -c '! cmp -s "$1" "$2"' sh "$T/a.jsonl" "$T/newer.jsonl"
ok     'import the newer copy'	empathy-checkin -d "$B" import <"$T/newer.jsonl"
same   'one updated, the text it replaced kept aside'	"$(out)" '0 added, 1 updated, 3 unchanged, 1 earlier version kept'
same   'the new text is stored'	"$(sqlite3 "$B" "select high, updated from checkin where user = 'alex'")" "A great run|$newer"
sed "/\"user\":\"alex\",\"date\"/{s/\"high\":\"A good run\"/\"high\":\"An old run\"/;s/\"updated\":\"[^\"]*\"/\"updated\":\"2000-01-01T00:00:00.000Z\"/;s/,\"clock\":\"[^\"]*\"//;}" \
    "$T/a.jsonl" >"$T/older.jsonl"
ok     'import an older copy'	empathy-checkin -d "$B" import <"$T/older.jsonl"
same   'nothing updated, the old text kept aside'	"$(out)" '0 added, 0 updated, 4 unchanged, 1 earlier version kept'
same   'both texts that lost are kept, as earlier versions of alex'\''s high'	"$(sqlite3 "$B" "select field, value from earlier order by value")" 'high|A good run
high|An old run'
ok     'the same copy again'	empathy-checkin -d "$B" import <"$T/older.jsonl"
same   'keeps nothing twice'	"$(sqlite3 "$B" "select count(*) from earlier")" 2
same   'the newer text stays'	"$(sqlite3 "$B" "select high from checkin where user = 'alex'")" 'A great run'
same   'still two and two'	"$(rows "$B")" 2/2

ok     'import -f tsv reports counts as tsv'	empathy-checkin -d "$B" -f tsv import <"$T/a.jsonl"
same   'tsv counts'	"$(out)" "$(printf 'added\tupdated\tunchanged\tearlier\trefused\n0\t0\t4\t0\t0')"

# Two machines: sara checked in on both for the same day; the newer one wins on both.
C=$T/laptop.db
ok     'sara checks in on the laptop too, later'	empathy-checkin -d "$C" add --high 'Laptop high' --low 'Laptop low'
ok     'the laptop takes the main database'	sh -c 'empathy-checkin export | empathy-checkin -d "$1" import' sh "$C"
same   'sara'\''s older check-in there is left, the rest added; its texts kept aside'	"$(out)" '3 added, 0 updated, 1 unchanged, 2 earlier versions kept'
same   'alex'\''s answer now hangs on the laptop check-in'	"$(sqlite3 "$C" "select c.high from response r join checkin c on c.id = r.checkin where r.user = 'alex'")" 'Laptop high'
ok     'the main database takes the laptop'	sh -c 'empathy-checkin -d "$1" export | empathy-checkin import' sh "$C"
same   'sara'\''s check-in is replaced by the newer one, the old texts kept aside'	"$(out)" '0 added, 1 updated, 3 unchanged, 2 earlier versions kept'
ok     'export the main database'	empathy-checkin export
out >"$T/main.jsonl"
ok     'export the laptop'	empathy-checkin -d "$C" export
out >"$T/laptop.jsonl"
ok     'both are the same now'	cmp "$T/main.jsonl" "$T/laptop.jsonl"
same   'with one check-in per person per day'	"$(sql "select user || ' ' || count(*) from checkin group by user, date order by user")" 'alex 1
sara 1'
