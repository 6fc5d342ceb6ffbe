#!/bin/sh
# assess text screens: names and content through the safe writer, cut on character boundaries, in 80 columns.
. "${0%/*}/lib.sh"

esc=$(printf '\033')
c1=$(printf '\302\233')		# U+009B, the one-byte CSI of C1
long='Marie-José-Éléonore Dupont'

ok     'sara takes self'	empathy-assess take self --answers 4,4,4,2,2,2,4,4,4,4
ok     'a partner with a long accented name rates her'	empathy-assess -u "$long" take self --about sara --answers 3,3,3,3,3,3,3,3,3,3
ok     'compare'	empathy-assess compare self
ok     'it is valid UTF-8: the name is not cut mid-character'	sh -c 'empathy-assess compare self | iconv -f UTF-8 -t UTF-8'
like   'the column header cuts the name to 16 columns, marked'	"$(out | grep '^largest')" '^largest gaps first +you Marie-José-Éléo… +gap$'
like   'the view line names the partner in full'	"$(out | sed -n 3p)" "^  $long's view of you"
same   'every line fits 80 columns'	"$(out | widest | awk '$1 > 80')" ''

# A name stored by an older version or by hand, with a C1 control, and
# content with escapes in its title and statements.
ok     'a view of sara by a name with a C1 CSI, stored directly'	sql "insert into result (id, user, about, instrument, date, answers, score, created, updated) values ('c100000000000001', 'x${c1}31my', 'sara', 'self', '$(day 0)', '5,5,5,5,5,5,5,5,5,5', 50, '2099-01-01T00:00:00.000Z', '2099-01-01T00:00:00.000Z')"
ok     'compare'	empathy-assess compare self
unlike 'the C1 byte never reaches the terminal raw'	"$(out)" "$c1"
like   'the name is shown with it replaced'	"$(out | sed -n 3p)" '^  x.{1,3}31my.s view of you'

C=$T/content
mkdir -p "$C"
printf 'kind: instrument\nid: esc\ntitle: "Bad \\e]52;c;aGk=\\a title \\u009b31m"\nscale: {min: 1, max: 3, labels: ["\\e[31mno", "some\\u009b", "yes"]}\nitems:\n  - text: "Item \\e[1mone"\n  - text: Item two\n    reverse: true\nbands:\n  - {from: 0, label: "low \\e[5m", meaning: "m \\u009b"}\n' >"$C/esc.yaml"
ok     'take the escaping instrument'	empathy-assess --content "$C" take esc --answers 1,2
unlike 'take: no ESC reaches the terminal'	"$(out)" "$esc"
unlike 'take: no C1 either'	"$(out)" "$c1"
ok     'her partner rates sara on it'	empathy-assess --content "$C" -u "$long" take esc --about sara --answers 3,3
for c in list 'show esc' history 'compare esc'; do
	ok     "$c"	empathy-assess --content "$C" $c
	unlike "$c: no ESC reaches the terminal"	"$(out)" "$esc"
	unlike "$c: no C1 control either"	"$(out)" "$c1"
	same   "$c: every line fits 80 columns"	"$(out | widest | awk '$1 > 80')" ''
done
got=$(ask "empathy-assess --content $C take esc --about alex" '] ' '1
' '1
')
like   'asking: an escape in a label is shown as ^['	"$got" '\^\[\[31mno'
unlike 'asking: no C1 either'	"$got" "$c1"
like   'and it ends well'	"$got" ' exit 0 $'
