#!/bin/sh
# prompt --deck: a card a day from the conversation deck, the same for both
# partners on any machine, none twice until the whole deck has come.
. "${0%/*}/lib.sh"
. "${0%/*}/sync.sh"

DECK=$EM_SRCDIR/content/deck.yaml
# card DATE [ARGS]: the card's text, for this database's couple.
card() { _d=$1; shift; empathy-checkin prompt --deck --date "$_d" -f tsv "$@" | sed -n 2p; }

ok     'the deck of the shipped content'	empathy-checkin prompt --deck -f json
n=$(out | jq .of)
ok     "at least 150 cards ($n)"	test "$n" -ge 150
same   'its themes'	"$(grep '^id: deck-' "$DECK" | sed 's/id: deck-//' | sort | tr '\n' ' ')" \
    'childhood everyday family fears hopes us work '
for t in childhood everyday family fears hopes us work; do
	ok "theme $t has at least 20 cards"	test "$(grep -A200 "^id: deck-$t\$" "$DECK" | sed -n '/^prompts:/,/^---/p' | grep -c '^  - ')" -ge 20
done
ok     'every card is a question'	sh -c "! grep '^  - ' '$DECK' | grep -v '?\$'"

# A theme's m days in a row: m different cards, each of the theme once;
# day m+1 starts again. (The whole deck works alike; a theme keeps it short.)
m=$(empathy-checkin prompt --theme us -f json | jq .of)
d0=2026-01-05
i=0
while [ $i -lt "$m" ]; do card "$(date -d "$d0 +$i days" +%F)" --theme us | cut -f2; i=$((i + 1)); done >"$T/cards"
same   "$m days give $m different cards"	"$(sort -u "$T/cards" | wc -l)" "$m"
same   'and each card of the theme once'	"$(sort "$T/cards")" "$(sed -n '/^id: deck-us$/,/^---/p' "$DECK" | grep '^  - ' | sed 's/^  - //' | sort)"
same   'the next day starts again'	"$(card "$(date -d "$d0 +$m days" +%F)" --theme us | cut -f2)" "$(head -1 "$T/cards")"
i=0
while [ $i -lt 40 ]; do card "$(date -d "$d0 +$i days" +%F)" | cut -f2; i=$((i + 1)); done >"$T/all"
same   'the whole deck: forty days, forty cards'	"$(sort -u "$T/all" | wc -l)" 40
same   'the same day, the same card'	"$(card 2026-01-07)" "$(card 2026-01-07)"
ok     'text: the card, its theme and number'	empathy-checkin prompt --deck --date 2026-01-07
like   '(Theme, card N of M)'	"$(out)" '^\([A-Z][a-z ]+, card [0-9]+ of '"$n"'\)$'

# A theme of its own.
ok     'one theme'	empathy-checkin prompt --theme us --date 2026-01-07 -f json
same   'from deck-us'	"$(out | jq -r '.kind + " " + .theme')" 'deck-us us'
like   'of its 20 or more cards'	"$(out | jq .of)" '^[2-9][0-9]$'
status 'a theme that is not there'	66 empathy-checkin prompt --theme pirates
like   'says where themes come from'	"$(err)" "no deck theme 'pirates' in the content \\(its prompts document is deck-pirates\\)"
status '--kind with --deck'	64 empathy-checkin prompt --deck --kind question
status '--date without --deck'	64 empathy-checkin prompt --date 2026-01-07
status 'a theme that is not a name'	64 empathy-checkin prompt --theme '../x'
ok     'no database was made by looking'	test ! -e "$EMPATHY_DB"

# Plain prompts never come from the deck.
mkdir -p "$T/c"
printf 'kind: prompts\nid: question\nprompts: [Only this?]\n---\nkind: prompts\nid: deck-x\nprompts: [A card?, Another card?]\n' >"$T/c/p.yaml"
i=0
while [ $i -lt 20 ]; do EMPATHY_CONTENT="$T/c" empathy-checkin prompt; i=$((i + 1)); done >"$T/plain"
same   'twenty plain prompts, none a card'	"$(sort -u "$T/plain")" 'Only this?'
same   'a deck of its own content'	"$(EMPATHY_CONTENT="$T/c" empathy-checkin prompt --theme x -f json | jq -c '[.of, .theme]')" '[2,"x"]'

# Two machines of one couple: the same card; another couple: its own order.
machine a sara
machine b alex
machine c kim
ok     'sara and alex pair their laptops'	couple a b
ok     'kim is another couple'	couple c
for m in a b c; do
	i=0
	while [ $i -lt 12 ]; do
		as $m empathy-checkin prompt --deck --date "$(date -d "2026-02-01 +$i days" +%F)" | head -1
		i=$((i + 1))
	done >"$T/$m.cards"
done
same   'sara and alex see the same twelve cards'	"$(cat "$T/a.cards")" "$(cat "$T/b.cards")"
ok     'kim sees others'	sh -c "! cmp -s '$T/a.cards' '$T/c.cards'"
same   'twelve different ones'	"$(sort -u "$T/a.cards" | wc -l)" 12
