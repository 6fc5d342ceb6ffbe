#!/bin/sh
# -f tsv and -f json: stable headers and keys for every command, with awkward text escaped.
. "${0%/*}/lib.sh"

ok     'add -f tsv'	empathy-journal -f tsv add --seen --date -2 --tag home 'plain words'
id=$(sql 'select id from entry')
same   'a header, then the full id, the date, the kind and when it opens (not sealed: empty)'	"$(out)" "id	date	kind	sealed
$id	$(day -2)	seen	"
ok     'add -f json, after the command'	empathy-journal add --misunderstood -f json 'more words'
id2=$(sql "select id from entry where text = 'more words'")
same   'one object: id, date, kind, sealed'	"$(out)" "{\"id\":\"$id2\",\"date\":\"$(day 0)\",\"kind\":\"misunderstood\",\"sealed\":null}"
ok     'add --format text is the default'	empathy-journal --format text -u alex add --seen 'third words'
like   'the short form'	"$(out)" '^[0-9a-f]{7}: felt seen on '
id3=$(sql "select id from entry where text = 'third words'")

t() { sql "select $1 from entry where id = '$2'"; }
ok     'list -f tsv'	empathy-journal list -f tsv
same   'header and rows: id date user kind tags text created updated sealed'	"$(out)" "id	date	user	kind	tags	text	created	updated	sealed
$id3	$(day 0)	alex	seen		third words	$(t created "$id3")	$(t updated "$id3")	
$id2	$(day 0)	sara	misunderstood		more words	$(t created "$id2")	$(t updated "$id2")	
$id	$(day -2)	sara	seen	home	plain words	$(t created "$id")	$(t updated "$id")	"
ok     'list -f json'	empathy-journal list -f json -n 1 --by sara --seen
same   'the same fields as keys'	"$(out)" "{\"id\":\"$id\",\"date\":\"$(day -2)\",\"user\":\"sara\",\"kind\":\"seen\",\"tags\":\"home\",\"text\":\"plain words\",\"created\":\"$(t created "$id")\",\"updated\":\"$(t updated "$id")\",\"sealed\":null}"
like   'times are UTC with milliseconds'	"$(t created "$id")" '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z$'
status 'list -f tsv with nothing found: 1'	1 empathy-journal list -f tsv --grep nothing
same   'still the header, for awk'	"$(out)" 'id	date	user	kind	tags	text	created	updated	sealed'
status 'list -f json with nothing found: 1'	1 empathy-journal list -f json --grep nothing
same   'no lines at all'	"$(out)" ''

ok     'tags -f tsv'	empathy-journal tags -f tsv
same   'tag, count'	"$(out)" 'tag	count
home	1'
ok     'tags -f json'	empathy-journal tags -f json
same   'tag and a numeric count'	"$(out)" '{"tag":"home","count":1}'

ok     'edit -f tsv'	sh -c "echo 'plain words, edited' | empathy-journal -f tsv edit $id"
same   'the id and what happened'	"$(out)" "id	result
$id	changed"
ok     'rm -f json'	empathy-journal rm -f json "$id"
same   'the id and what happened'	"$(out)" "{\"id\":\"$id\",\"result\":\"removed\"}"
ok     'restore -f tsv'	empathy-journal restore -f tsv "$id"
same   'the id and what happened'	"$(out)" "id	result
$id	restored"

# Tabs, newlines, backslashes, quotes and control characters stay one field, one line.
printf 'a\ttab, a "quote", a back\\slash\nand a second line \001 end\n' >"$T/odd"
ok     'an entry with awkward characters'	empathy-journal add --seen --date -1 <"$T/odd"
odd=$(sql "select id from entry where date = '$(day -1)'")
ok     'list -f tsv'	empathy-journal list -f tsv --since -1 --until -1
same   'tab, newline, backslash and controls escaped: one line'	"$(out | sed 1d | cut -f6)" \
       'a\ttab, a "quote", a back\\slash\nand a second line \x01 end'
same   'nine fields'	"$(out | sed 1d | awk -F '\t' '{ print NF }')" 9
ok     'list -f json'	empathy-journal list -f json --since -1 --until -1
like   'quotes, backslash, newline and control character escaped'	"$(out)" \
       '"text":"a\\ttab, a \\"quote\\", a back\\\\slash\\nand a second line \\u0001 end"'
if command -v jq >/dev/null; then
	same 'jq reads back the very text'	"$(out | jq -j .text | od -An -c)" "$(printf 'a\ttab, a "quote", a back\\slash\nand a second line \001 end' | od -An -c)"
else
	ok   'one line of JSON'	test "$(out | wc -l)" -eq 1
fi

status 'an unknown format is a usage error'	64 empathy-journal -f csv list
like   'it names the format'	"$(err)" "unknown format 'csv'"
status 'after the command too'	64 empathy-journal list -f yaml
same   'nothing on stdout'	"$(out)" ''

# Colour: only on a terminal, never with NO_COLOR, never in a pipe.
ok     'list in a pipe'	empathy-journal list --by sara -n 1
unlike 'has no escape sequences'	"$(out)" "$(printf '\033')"
ok     'list on a terminal'	script -qec 'empathy-journal list --by sara -n 1' /dev/null </dev/null
like   'shows the date in bold'	"$(out)" "$(printf '\033')\\[1m$(day 0)"
ok     'list on a terminal with NO_COLOR'	script -qec 'NO_COLOR=1 empathy-journal list --by sara -n 1' /dev/null </dev/null
unlike 'has no escape sequences'	"$(out)" "$(printf '\033')"
