#!/bin/sh
# list --grep -n N looks at the most recently written matches first; the
# answer must still be the N newest by date, whatever order entries were
# written in, with every other filter applied.
. "${0%/*}/lib.sh"

dates() { empathy-journal list -f tsv "$@" | awk -F '\t' 'NR > 1 { print $2 " " $6 }'; }

# Written first, dated last: the newest by date, the oldest by rowid.
ok     'an entry dated today, written first'	empathy-journal add --seen 'tea on the balcony today'
# 3,000 older entries with tea, oldest first, as an import from an export brings them.
awk 'BEGIN {
	for (i = 1; i <= 3000; i++) {
		d = 3000 - i
		printf "{\"type\":\"entry\",\"id\":\"%016x\",\"user\":\"%s\",\"date\":\"%s\",\"kind\":\"%s\",\"text\":\"tea number %d%s\",\"tags\":\"%s\",\"removed\":null,\"created\":\"2026-01-01T10:00:00.000Z\",\"updated\":\"2026-01-01T10:00:00.000Z\"}\n", i, i % 2 ? "sara" : "alex", sprintf("%04d-%02d-%02d", 2018 - int(d / 336), 12 - int(d % 336 / 28), 28 - d % 28), i % 3 ? "seen" : "misunderstood", i, i % 700 ? "" : " rarebird", i % 5 ? "" : "home"
	}
}' >"$T/in.jsonl"
ok     'import 3,000 older ones'	empathy-journal import <"$T/in.jsonl"

same   'the newest by date comes first though written first'	"$(dates --grep tea -n 1)" "$(day 0) tea on the balcony today"
same   '-n 20 is the first 20 of the whole list'	"$(dates --grep tea -n 20)" "$(dates --grep tea | head -20)"
same   'and so with --by'	"$(dates --grep tea --by alex -n 20)" "$(dates --grep tea --by alex | head -20)"
same   'with --misunderstood'	"$(dates --grep tea --misunderstood -n 20)" "$(dates --grep tea --misunderstood | head -20)"
same   'with --tag'	"$(dates --grep tea --tag home -n 20)" "$(dates --grep tea --tag home | head -20)"
same   'with --until'	"$(dates --grep tea --until 2017-06-01 -n 20)" "$(dates --grep tea --until 2017-06-01 | head -20)"
same   'a prefix'	"$(dates --grep 'numb*' -n 5)" "$(dates --grep 'numb*' | head -5)"
same   'a rare word: all four'	"$(dates --grep rarebird -n 20 | wc -l)" 4
same   'newest first'	"$(dates --grep rarebird -n 2 | cut -d' ' -f4)" '2800
2100'

ok     'now one more, written last, dated today'	empathy-journal add --seen 'more tea tonight'
same   'both of today first'	"$(dates --grep tea -n 2 | cut -d' ' -f1 | uniq -c | awk '{ print $1 }')" 2
same   'the rest as before'	"$(dates --grep tea -n 40)" "$(dates --grep tea | head -40)"
ok     'remove the balcony one'	empathy-journal rm "$(sql "select id from entry where text like '%balcony%'")"
same   'it is gone from the top'	"$(dates --grep tea -n 2 | grep -c balcony)" 0
same   'and the list is still the first of the whole'	"$(dates --grep tea -n 20)" "$(dates --grep tea | head -20)"

# Written in date order, as usual: the newest matches by rowid are the answer.
export EMPATHY_DB="$T/ordered.db"
ok     'the same 3,000 into a new database'	empathy-journal import <"$T/in.jsonl"
ok     'and one of today'	empathy-journal add --seen 'tea again today'
same   'today first'	"$(dates --grep tea -n 1)" "$(day 0) tea again today"
for f in '' '--by sara' '--seen' '--tag home' '--since 2015-01-01' '--until 2012-03-01'; do
	# shellcheck disable=SC2086
	same   "-n 20 ${f:-alone} is the first 20 of the whole list"	"$(dates --grep tea $f -n 20)" "$(dates --grep tea $f | head -20)"
done
same   '-n 1000: the first 1000'	"$(dates --grep tea -n 1000 | md5sum)" "$(dates --grep tea | head -1000 | md5sum)"
