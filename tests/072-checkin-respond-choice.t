#!/bin/sh
# respond: advice typed at a terminal is kept and one key chooses what to do;
# whom to answer when there is more than one; you answer only what you can see.
. "${0%/*}/lib.sh"


# wide TEXT: how many lines are longer than 80 characters.
wide() { printf '%s\n' "$1" | tr -d '\200-\277' | awk 'length > 80' | wc -l; }
# joined: stderr with lines wrapped at 80 columns joined again.
joined() { err | sed -e ':a' -e '$!N' -e 's/\n  */ /' -e 'ta' -e 'P;D'; }
answers() { sql 'select count(*) from response'; }
last() { sql 'select text, forced from response order by created desc, rowid desc limit 1'; }
EOT=$(printf '\004')
ETX=$(printf '\003')
ADVICE='You should just tell your boss.'

ok     'alex checks in'	empathy-checkin -u alex add --high 'A long walk' --low 'My boss shouted'
status 'sara cannot answer a check-in still hidden from her'	66 empathy-checkin respond 'How was the walk?'
like   'she is told to check in first, or --peek'	"$(joined)" "alex's check-in for $(day 0) is hidden .*check in first \(or --peek"
same   'the message fits 80 columns'	"$(wide "$(err)")" 0
same   'nothing stored'	"$(answers)" 0
ok     'respond --peek answers it unseen'	empathy-checkin respond --peek 'How was the walk?'
same   'stored'	"$(answers)" 1
ok     'sara checks in'	empathy-checkin add --high 'Tea with mum' --low ''

# Advice from arguments or a pipe: refused as before (65), the message fits 80 columns.
status 'advice as arguments is refused'	65 empathy-checkin respond 'If I were you I would quit.'
e=$(err)
same   'every line of the refusal fits 80 columns'	"$(printf '%s\n' "$e" | awk 'length > 80' | wc -l)" 0
like   'it suggests what to ask'	"$e" 'ask instead:'

# Typed at the terminal: the words are kept and a key decides.
drive 'empathy-checkin respond' 'for alex: ' "$ADVICE
" '[c]ancel?' 'c'
same   'c cancels (1)'	"$S" 1
like   'it said what it sounds like, and what to ask instead' "$O" 'sounds like advice.*ask instead: '
like   'it says cancelled'	"$O" 'cancelled; nothing was stored'
same   'nothing stored'	"$(answers)" 1
drive 'empathy-checkin respond' 'for alex: ' "$ADVICE
" '[c]ancel?' "$EOT"
same   'Ctrl-D at the choice cancels (1)'	"$S" 1
drive 'empathy-checkin respond' 'for alex: ' "$ADVICE
$EOT"
same   'Ctrl-D typed ahead, before the choice is asked, cancels too (1), no hang'	"$S" 1
drive 'empathy-checkin respond' 'for alex: ' "$ADVICE
" '[c]ancel?' "$ETX"
same   'Ctrl-C at the choice is SIGINT'	"$S" 130
same   'nothing stored'	"$(answers)" 1
stty_ok=$(drive 'sh -c "empathy-checkin respond; stty -a"' 'for alex: ' "$ADVICE
" '[c]ancel?' 'c'; printf '%s' "$O")
like   'the terminal is back in cooked mode afterwards'	"$stty_ok" ' icanon .* echo '
drive 'empathy-checkin respond' 'for alex: ' "$ADVICE
" '[c]ancel?' 'xs'
same   'another key is ignored; s sends it as it is'	"$S" 0
same   'stored as typed, marked forced like --force'	"$(last)" "$ADVICE|1"
drive 'empathy-checkin respond' 'for alex: ' "$ADVICE
" '[c]ancel?' 'A'
same   'A (any case) asks the suggested question instead'	"$S" 0
same   'the suggestion is stored, not forced'	"$(last)" "What do you feel you need right now?|0"

cat >"$T/ed" <<'ED'
#!/bin/sh
grep -q 'You should just tell your boss' "$1" || exit 3
printf 'How did it feel when he shouted?\n# a comment\n' >"$1"
ED
chmod +x "$T/ed"
drive "EDITOR=$T/ed empathy-checkin respond" 'for alex: ' "$ADVICE
" '[c]ancel?' 'e'
same   'e opens the words in the editor; the edited answer is checked and sent'	"$S" 0
same   'the edited text is stored'	"$(last)" 'How did it feel when he shouted?|0'
cat >"$T/ed2" <<'ED'
#!/bin/sh
printf 'You should still tell him.\n' >"$1"
ED
chmod +x "$T/ed2"
drive "EDITOR=$T/ed2 empathy-checkin respond" 'for alex: ' "$ADVICE
" '[c]ancel?' 'e' '[c]ancel?' 'c'
same   'an edit that is still advice asks again; c cancels'	"$S" 1
same   'four answers in all'	"$(answers)" 4

# More than one possible partner: ask for --to, naming them.
sql "insert into checkin (id, user, date, high, low, created, updated) values
    ('00000000000000aa', 'bob', '$(day 0)', 'x', 'y', '2020-01-01T00:00:00.000Z', '2020-01-01T00:00:00.000Z')"
status 'two others checked in today: respond refuses (64)'	64 empathy-checkin respond 'How are you?'
like   'naming both and --to'	"$(joined)" 'more than one person to answer \(alex, bob\); say whom with --to NAME'
same   'nothing stored'	"$(answers)" 4
ok     '--to bob answers bob'	empathy-checkin respond --to bob 'How are you?'
ok     'alex checks in yesterday'	empathy-checkin -u alex add --date -1 --high 'h' --low 'l'
ok     'sara checks in yesterday'	empathy-checkin add --date -1 --high 'h' --low 'l'
ok     'only alex checked in yesterday (besides sara): no --to needed'	empathy-checkin respond --date -1 'How was it?'
status 'nobody else on a day, but two others in the database: refused'	64 empathy-checkin respond --date -5 'Hm?'
same   'the message fits 80 columns'	"$(wide "$(err)")" 0
like   'naming both'	"$(joined)" '\(alex, bob\)'
