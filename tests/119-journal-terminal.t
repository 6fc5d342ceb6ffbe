#!/bin/sh
# Every text screen: names, tags and texts through the safe writer, and within 80 columns.
. "${0%/*}/lib.sh"

esc=$(printf '\033')
csi=$(printf '\302\233')	# C1 CSI, two bytes in UTF-8
# One byte per character: UTF-8 continuation bytes dropped.
chars() { LC_ALL=C sed 's/[\x80-\xbf]//g'; }
long() { chars | awk 'length($0) > 80 { print length($0) ": " $0 }'; }
raw() { LC_ALL=C grep -c -e "$esc" -e "$csi"; }

# Odd bytes as they can arrive: a C1 byte in a tag (tags take any non-ASCII),
# escapes in the text, and names that an import or an older version stored.
ok     'a tag with a C1 control, a text with escapes'	sh -c "printf 'plain \033]52;c;aGk=\007 and \033[2J gone\n' | empathy-journal add --seen --tag 'x${csi}2J' --tag home"
ok     'the partner writes one'	sh -c "echo 'their moment' | empathy-journal -u alex add --misunderstood --tag 'y${csi}31m'"
sql "update entry set user = 'al' || char(155) || 'ex' || char(27) || '[7m' where user = 'alex'"
same   'the odd name is in the database'	"$(sql "select count(*) from entry where user like 'al%ex%'")" 1

ok     'list'	empathy-journal list
same   'no raw ESC or C1 byte reaches the terminal'	"$(out | raw)" 0
like   'the text is there, its controls made visible'	"$(out)" 'plain .*and .*gone'
like   'the tag is there'	"$(out)" '#home #x.*2j'
like   'the name is there'	"$(out)" 'al.*ex.*felt misunderstood'
ok     'tags'	empathy-journal tags
same   'no raw byte in tags'	"$(out | raw)" 0
like   'the odd tags are listed'	"$(out)" '#x.*2j'
ok     'review'	empathy-journal review
same   'no raw byte in the review'	"$(out | raw)" 0
like   'its tags line names them'	"$(out)" 'Tags this week: .*#x.*2j'
ok     'list on a terminal, in colour'	pty 'empathy-journal list'
same   'only colour escapes, nothing raw from the data'	"$(pty 'empathy-journal list' | sed 's/\x1b\[[0-9;]*m//g' | raw)" 0

# 80 columns, in a journal of its own: a name of 64 characters with many
# tags, a long unbroken word, a long name with accents.
export EMPATHY_DB="$T/wide.db"
name=$(printf 'n%.0s' $(seq 60))-end
accented='Éléonore-Anaïs-Bénédicte-Françoise'
tags=''
for t in appreciation communication household parenting work-stress weekend \
    evening dinner kids in-laws money holiday; do tags="$tags --tag $t"; done
ok     'a long name with many tags'	sh -c "echo 'short' | empathy-journal -u $name add --misunderstood $tags"
ok     'a long unbroken word'	sh -c "printf 'x%.0s' \$(seq 150) | empathy-journal -u $name add --seen --tag a"
ok     'a long name with accents'	sh -c "echo 'accents' | empathy-journal -u '$accented' add --seen"
ok     'list'	empathy-journal -u "$name" list
same   'no line is longer than 80 characters'	"$(out | long)" ''
like   'a long name is cut and marked'	"$(out)" '  nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn… felt misunderstood$'
same   'the tags are all there'	"$(out | grep -o '#[a-z-]*' | sort | paste -sd ' ')" \
       '#a #appreciation #communication #dinner #evening #holiday #household #in-laws #kids #money #parenting #weekend #work-stress'
same   'the long word is all there'	"$(out | grep -o 'x\{10,\}' | tr -d '\n' | wc -c)" 150
like   'a name that fits is whole'	"$(out)" "  $accented felt seen"
ok     'list -f tsv keeps the whole name'	empathy-journal -u "$name" list -f tsv
like   'whole'	"$(out)" "	$name	misunderstood	"
ok     'tags'	empathy-journal -u "$name" tags
same   'fits'	"$(out | long)" ''
ok     'review'	empathy-journal -u "$name" review
same   'fits'	"$(out | long)" ''
