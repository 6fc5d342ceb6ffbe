#!/bin/sh
# review fits a terminal 80 columns wide: long texts, long words, accents, many tags, long names, every week's prompts.
. "${0%/*}/lib.sh"

d=$(day -14)
mon=$(date -d "$d -$(($(date -d "$d" +%u) - 1)) days" +%F)
at() { date -d "$mon $1 days" +%F; }
week=$(date -d "$mon" +%G-W%V)
add() { _u=$1; shift; printf '%s\n' "$1" | { shift; empathy-journal -u "$_u" add "$@"; } >/dev/null; }
# One byte per character: UTF-8 continuation bytes dropped (mawk counts bytes, not characters).
chars() { LC_ALL=C sed 's/[\x80-\xbf]//g'; }
# The lines of stdin longer than 80 characters, with their lengths.
long() { chars | awk 'length($0) > 80 { print length($0) ": " $0 }'; }

long_text='When I came home after the hospital visit he had already cleared the table, put the kettle on and asked nothing at all until I was ready to talk, which is exactly what I needed that evening and what I had not managed to ask for.'
ok     'sara: a long text'	add sara "$long_text" --seen --date "$(at 0)"
ok     'alex: a long word'	add alex "$(printf 'a%.0s' $(seq 120)) and then some" --seen --date "$(at 1)"
ok     'alex: accents everywhere'	add alex 'Café crème, déjà vu, naïve über-schöne Grüße: à peine écouté, à peine compris, et pourtant tout était là.' \
       --misunderstood --date "$(at 2)"
ok     'sara: three lines of her own'	add sara "$(printf 'first line\nsecond line\nthird line')" --misunderstood --date "$(at 3)"
ok     'five tags in use this week'	add sara 'tagged' --seen --date "$(at 4)" --tag appreciation \
       --tag communication --tag household --tag parenting --tag work-stress

ok     "sara's review"	empathy-journal review --week "$week"
same   'no line is longer than 80 characters'	"$(out | long)" ''
same   'the long text is all there, wrapped'	"$(out | sed -n '/^Felt seen/,/^$/p' | sed 1,3d | cut -c1-41 | sed 's/^ *//; s/ *$//' | grep . | paste -sd ' ')" "$long_text"
same   'the long word is cut into pieces, none of it lost'	"$(out | grep -o 'a\{10,\}' | wc -l)/$(out | grep -o 'a\{10,\}' | tr -d '\n' | wc -c)" 4/120
same   'the left column never runs into the gap before the right one'	\
       "$(out | sed -n '/^Felt/,/^$/p' | chars | awk 'length($0) > 41 && substr($0, 40, 2) != "  "')" ''
like   'the tags line is there'	"$(out)" '^Tags this week: #appreciation 1'
same   'it names all five tags'	"$(out | sed -n '/^Tags this week/,/^$/p' | grep -o '#[a-z-]*' | paste -sd ' ')" \
       '#appreciation #communication #household #parenting #work-stress'

# Every week of a year brings other prompts; none of them may overflow.
w=1
: >"$T/all"
while [ "$w" -le 53 ]; do
	empathy-journal -d "$T/empty.db" review --week "$(printf '2026-W%02d' "$w")" >>"$T/all" 2>&1 ||
	    echo "week $w: exit $?" >>"$T/all"
	w=$((w + 1))
done
same   'no week of 2026 has a line over 80 characters'	"$(long <"$T/all" | sort -u)" ''
same   'and every week ran'	"$(grep -c '^The week 2026-W' "$T/all")" 53

# Partners with longer names.
ok     'a partner with a longer name'	empathy-journal -u Maria-Fernanda-Silva -d "$T/names.db" add --seen --date "$(at 0)" 'he asked and waited'
ok     '... and the partner'	empathy-journal -u Jean-Christophe-Roux -d "$T/names.db" add --seen --date "$(at 1)" 'she saw I was nervous'
ok     'their review'	empathy-journal -u Maria-Fernanda-Silva -d "$T/names.db" review --week "$week"
same   'no line is longer than 80 characters'	"$(out | long)" ''
same   'the columns keep their places'	"$(out | sed -n '/^Felt/,/^$/p' | chars | awk 'length($0) > 41 && substr($0, 40, 2) != "  "')" ''
like   'both names are there'	"$(out)" 'Maria-Fernanda.*Jean-Christophe'
