#!/bin/sh
# Sealed moments: the partner sees that a moment is there, and its kind, not
# its words (nor its tags), until the weekly review of its week opens on
# Sunday, or its author unseals it. One machine, both partners (-u); the
# clock is moved with faketime through the week 2027-W01 (Monday 2027-01-04
# to Sunday 2027-01-10).
. "${0%/*}/lib.sh"

# at DAY CMD...: CMD run at 10:00 on DAY.
at() { _at=$1; shift; faketime -f "@$_at 10:00:00" "$@"; }
WED=2027-01-06 SUN=2027-01-10 LATER=2027-01-20
sj() { _d=$1; shift; at "$_d" empathy-journal -u sara "$@"; }
aj() { _d=$1; shift; at "$_d" empathy-journal -u alex "$@"; }

# --- Adding.
ok     'sara seals a moment on Wednesday'	sj $WED add --seen --sealed --tag quietword 'he noticed the quiet evening'
like   'it says until when'	"$(out)" '^[0-9a-f]{7}: felt seen on Wed 2027-01-06, sealed until Sun 2027-01-10$'
sid=$(sql "select id from entry where text like 'he noticed%'")
same   'the seal lifts on the Sunday of its week'	"$(sql "select sealed from entry where id = '$sid'")" $SUN
ok     'and writes one not sealed'	sj $WED add --misunderstood 'an open moment of sara'
same   'not sealed: no day'	"$(sql "select quote(sealed) from entry where text = 'an open moment of sara'")" NULL
ok     'alex writes one'	aj $WED add --seen 'alex felt heard'
ok     'add --sealed -f json'	sj $WED add --seen --sealed -f json 'a second sealed one'
sid2=$(sql "select id from entry where text = 'a second sealed one'")
same   'id, date, kind, and the day it opens'	"$(out)" "{\"id\":\"$sid2\",\"date\":\"$WED\",\"kind\":\"seen\",\"sealed\":\"$SUN\"}"
status '--sealed and --no-sealed together: 64'	64 sj $WED add --seen --sealed --no-sealed 'x'
like   'says why'	"$(err)" 'either --sealed or --no-sealed'
same   'nothing stored'	"$(sql "select count(*) from entry where text = 'x'")" 0
ok     'a sealed moment of a week gone by'	sj $WED add --seen --sealed --date 2026-12-30 'from last week'
unlike 'is open already: no "sealed until"'	"$(out)" 'sealed until'

# --- What alex sees on Wednesday.
ok     'alex lists'	aj $WED list
like   'her sealed moment is there, with its kind'	"$(out)" "^$WED  ${sid%?????????}  sara felt seen$"
like   'and the day it opens'	"$(out)" '^    \(sealed until Sun 2027-01-10\)$'
unlike 'not its words'	"$(out)" 'noticed the quiet|second sealed'
unlike 'nor its tag'	"$(out)" 'quietword'
like   'her open moment shows whole'	"$(out)" 'an open moment of sara'
like   'the moment of last week too'	"$(out)" 'from last week'
ok     'alex lists -f json'	aj $WED list -f json --by sara --seen
same   'no text, no tags, the day it opens'	"$(out | jq -c --arg id "$sid" 'select(.id == $id) | [.text, .tags, .sealed]')" "[null,\"\",\"$SUN\"]"
ok     'alex lists -f tsv'	aj $WED list -f tsv --by sara --since $WED
same   'the text field is empty, sealed gives the day'	"$(out | awk -F '\t' -v id="$sid" '$1 == id { print $5 "|" $6 "|" $9 }')" "||$SUN"
status 'alex cannot find her words with --grep: 1'	1 aj $WED list --grep quiet
status 'nor by the tag: 1'	1 aj $WED list --tag quietword
status 'alex: tags finds none: 1'	1 aj $WED tags -f tsv
unlike 'her sealed tag is not counted'	"$(out)" quietword
status 'alex cannot read its history (only its author can): 65'	65 aj $WED history "$sid"
status 'nor change it: 65'	65 sh -c "echo 'changed by alex' | faketime -f '@$WED 10:00:00' empathy-journal -u alex edit $sid"
ok     'alex: the review of the week'	aj $WED review --week 2027-W01
like   'counts them'	"$(out)" 'sara: 2 \(1 the week before\)'
like   'shows it sealed'	"$(out)" '\(sealed until Sun 10\)'
unlike 'without words'	"$(out)" 'noticed the quiet'
ok     'review -f tsv'	aj $WED review --week 2027-W01 -f tsv
same   'a column of how many are sealed from you'	"$(out | awk -F '\t' '$1 == "count" && $5 == "sara" && $6 == "seen" { print $7, $9 }')" '2 2'
ok     'alex: news'	at $WED empathy -u alex news -k
like   'a sealed moment, with its kind and day'	"$(out)" "$WED  sara felt seen: a sealed moment, until $SUN"
unlike 'not its words'	"$(out)" 'noticed the quiet'
ok     'news -f tsv'	at $WED empathy -u alex news -k -f tsv
like   'kind "sealed", no words'	"$(out)" "^sealed	sara	$WED	seen	0	$"
ok     'alex: today'	at $WED empathy -u alex today
like   'counts the sealed ones'	"$(out)" 'sara wrote in the journal: .*\(2 sealed\)'
unlike 'without words'	"$(out)" 'noticed the quiet'

# --- What sara sees: her own, in full, marked sealed.
ok     'sara lists'	sj $WED list --by sara
like   'her words'	"$(out)" 'he noticed the quiet evening'
like   'marked sealed'	"$(out)" '\(sealed until Sun 2027-01-10; your partner sees only that it is there\)'
ok     'sara finds it with --grep'	sj $WED list --grep quiet
like   'hers'	"$(out)" 'he noticed the quiet evening'
ok     'and by its tag'	sj $WED list --tag quietword
ok     'sara: tags'	sj $WED tags
like   'counts her tag'	"$(out)" '#quietword'
ok     'sara: review'	sj $WED review --week 2027-W01
like   'her words, marked sealed'	"$(out)" 'Wed 06 \(sealed\)'
like   'in full'	"$(out)" 'he noticed the quiet evening'

# --- Sunday: the review opens, and so do the moments.
ok     'alex lists on Sunday'	aj $SUN list --by sara
like   'her words now'	"$(out)" 'he noticed the quiet evening'
unlike 'no seal'	"$(out)" 'sealed until'
ok     'grep finds it'	aj $SUN list --grep quiet
ok     'tags count it'	aj $SUN tags
like   'with her tag'	"$(out)" '#quietword'
ok     'the review'	aj $SUN review --week 2027-W01
like   'marks the once sealed as newly opened'	"$(out)" 'Wed 06 \(newly opened\)'
like   'with the words'	"$(out)" 'he noticed the quiet evening'
ok     'list -f json'	aj $SUN list -f json --by sara --seen
same   'the text, and no seal'	"$(out | jq -c --arg id "$sid" 'select(.id == $id) | [.text, .sealed]')" '["he noticed the quiet evening",null]'
ok     'a week later the review says nothing of it'	aj $LATER review --week 2027-W01
unlike 'no mark'	"$(out)" '\((newly opened|sealed)'

# --- The author unseals sooner.
ok     'sara seals another'	sj $WED add --misunderstood --sealed 'the one she will open early'
uid=$(sql "select id from entry where text like 'the one she will%'")
status 'alex cannot unseal it: 65'	65 aj $WED unseal "$uid"
like   'only its author can'	"$(err)" "entry $uid is sara's; only its author can unseal it"
same   'still sealed'	"$(sql "select sealed from entry where id = '$uid'")" $SUN
ok     'sara unseals it'	sj $WED unseal "$uid"
like   'says so'	"$(out)" "^${uid%?????????}: unsealed; your partner can read it now$"
same   'the seal lifted today'	"$(sql "select sealed from entry where id = '$uid'")" $WED
ok     'alex reads it the same day'	aj $WED list --grep early
like   'whole'	"$(out)" 'the one she will open early'
ok     'unseal what is open'	sj $WED unseal "$uid"
like   'says it is not sealed'	"$(out)" 'not sealed'
ok     'unseal -f json'	sj $WED unseal -f json "$uid"
same   'the id, and that it was not sealed'	"$(out)" "{\"id\":\"$uid\",\"result\":\"not sealed\"}"
status 'an unknown id: 66'	66 sj $WED unseal 0123456789abcdef
status 'no id: 64'	64 sj $WED unseal

# --- The config: sealed: true seals every moment; --no-sealed does not.
mkdir -p "$XDG_CONFIG_HOME/empathy"
printf 'sealed: true\n' >"$XDG_CONFIG_HOME/empathy/config.yaml"
ok     'with sealed: true, add'	sj $WED add --seen 'sealed by the config'
like   'is sealed'	"$(out)" 'sealed until Sun 2027-01-10'
ok     'add --no-sealed'	sj $WED add --seen --no-sealed 'open despite the config'
unlike 'is not'	"$(out)" 'sealed'
same   'stored so'	"$(sql "select quote(sealed) from entry where text = 'open despite the config'")" NULL
printf 'sealed: perhaps\n' >"$XDG_CONFIG_HOME/empathy/config.yaml"
status 'sealed: must be true or false: 78'	78 sj $WED add --seen 'never stored'
like   'names the file, line and column'	"$(err)" 'config\.yaml:1:9: sealed must be true or false'
rm -f "$XDG_CONFIG_HOME/empathy/config.yaml"

# --- export is the whole database: the words of sealed moments too, and
# the day each opens; import restores them, and lines written before
# moments could be sealed (no "sealed") still import.
ok     'alex exports'	aj $WED export
like   'the words are in the backup'	"$(out)" 'he noticed the quiet evening'
same   'with the day it opens'	"$(out | jq -r --arg id "$sid" 'select(.id == $id) | .sealed')" $SUN
out >"$T/all.jsonl"
ok     'imported into a new database'	env EMPATHY_DB="$T/copy.db" faketime -f "@$WED 10:00:00" empathy-journal -u alex import <"$T/all.jsonl"
same   'sealed as before'	"$(sqlite3 "$T/copy.db" "select sealed from entry where id = '$sid'")" $SUN
status 'and still sealed from alex there: 1'	1 env EMPATHY_DB="$T/copy.db" faketime -f "@$WED 10:00:00" empathy-journal -u alex list --grep quiet
jq -c 'select(.type == "entry") | del(.sealed)' <"$T/all.jsonl" | head -n 1 >"$T/old.jsonl"
ok     'a line with no "sealed" imports'	env EMPATHY_DB="$T/old.db" empathy-journal import <"$T/old.jsonl"
same   'as not sealed'	"$(sqlite3 "$T/old.db" 'select quote(sealed) from entry')" NULL
status '"sealed" must be a date: 65'	65 sh -c "jq -c '.sealed = \"soon\"' <'$T/old.jsonl' | EMPATHY_DB='$T/bad.db' empathy-journal import"
like   'says so'	"$(err)" '"sealed" must be a date'

# --- At a terminal, add --sealed opens the editor, whose comment says so.
cat >"$T/ed-seal" <<'SH'
#!/bin/sh
cp "$1" "$T_ED/buffer" && printf 'written in the editor, sealed\n' >>"$1"
SH
chmod +x "$T/ed-seal"
ok     'add --sealed on a terminal'	pty "T_ED='$T' VISUAL='$T/ed-seal' faketime -f '@$WED 10:00:00' empathy-journal add --seen --sealed"
like   'the editor is told it is sealed, and until when'	"$(cat "$T/buffer")" '^# Sealed: your partner sees that it is there, not its words, until Sun 2027-01-10\.$'
same   'stored sealed'	"$(sql "select sealed from entry where text = 'written in the editor, sealed'")" $SUN
ok     'without --sealed'	pty "T_ED='$T' VISUAL='$T/ed-seal' faketime -f '@$WED 10:00:00' empathy-journal add --seen"
unlike 'the editor says nothing of a seal'	"$(cat "$T/buffer")" 'Sealed'
