#!/bin/sh
# Shell completion: bash completes commands, options and their values, with
# names, tags and ids asked of the programs (same database and content as the
# line); nothing ever reaches stderr. All three know every command and
# every long option that each program's --help names.
. "${0%/*}/lib.sh"

C=$EM_SRCDIR/completions

# Drive a completion function as bash does: COMP_WORDS holds the words of the
# line, the last one is being completed; print COMPREPLY, one per line.
cat >"$T/comp.bash" <<'EOF'
. "$1" || exit
shift
COMP_WORDS=("$@")
COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
COMP_LINE="$*"
COMP_POINT=${#COMP_LINE}
spec=$(complete -p "$1") || exit
func=${spec#*-F }
func=${func%% *}
"$func" "$1" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
if [ ${#COMPREPLY[@]} -gt 0 ]; then printf '%s\n' "${COMPREPLY[@]}"; fi
EOF

# comp WORD...: the completions of the last WORD, on one line; stderr is kept
# in comp.err.
: >"$T/comp.err"
comp() {
	bash "$T/comp.bash" "$C/empathy.bash" "$@" 2>>"$T/comp.err" | paste -sd ' ' -
}

load_bash() (cd "$EM_SRCDIR" && bash -c '. completions/empathy.bash')
registered() (cd "$EM_SRCDIR" && bash -c '. completions/empathy.bash &&
    complete -p empathy empathy-checkin empathy-journal empathy-assess empathy-challenge')
ok     'bash loads completions/empathy.bash'	load_bash
same   'without a word on stderr'	"$(err)" ''
ok     'it completes all five programs'	registered

# Words from the man pages.
same   'the commands of empathy-journal'	"$(comp empathy-journal '')" \
       'add list review edit rm restore history tags unseal export import'
same   'the commands after a common option and its value' \
       "$(comp empathy-journal -u alex --format tsv '')" \
       'add list review edit rm restore history tags unseal export import'
same   'commands by prefix'	"$(comp empathy-challenge st)"	'start status'
same   'the options of empathy-journal list, and the common ones' \
       "$(comp empathy-journal list --)" \
       '--since --until --seen --misunderstood --by --tag --grep --db --format --help --user --version --content'
same   'the common options before the command'	"$(comp empathy-assess --)" \
       '--db --format --help --user --version --content'
same   'the formats after --format'	"$(comp empathy-journal list --format '')" 'text tsv json'
same   'and after -f'	"$(comp empathy-journal -f '')"	'text tsv json'
same   'and after --format= (split off by COMP_WORDBREAKS)' \
       "$(comp empathy-journal --format = j)"	'json'
same   'dates'	"$(comp empathy-checkin show --since '')"	'today yesterday'
same   'the current ISO week after --week'	"$(comp empathy-journal review --week '')" \
       "$(date +%G-W%V)"
same   'prompt kinds'	"$(comp empathy-checkin prompt --kind '')"	'question reflection missing'
same   'no words for a free text'	"$(comp empathy-checkin add --high '')"	''

# Words from each program's --help, so a command or option added there and
# not to the completion shows here: every command, in the order --help lists
# them, and after each command every long option its usage line names.
helpwords() {	# program: "command --option ..." a line per command
	"$1" --help | awk '
	/^  [a-z]/ { if (c != "") print c o; c = $1; o = ""; u = 1
		l = substr($0, 3 + length($1)) }
	/^      / { l = $0 }
	/^    [^ ]/ { u = 0; l = "" }
	u && l != "" { while (match(l, /--[a-z][a-z-]*/)) {
			w = substr(l, RSTART, RLENGTH); l = substr(l, RSTART + RLENGTH)
			if (!seen[c w]++) o = o " " w } }
	END { if (c != "") print c o }'
}
# missing WANTED GOT: the words of WANTED that GOT lacks
missing() {
	for _w in $1; do
		case " $2 " in *" $_w "*) ;; *) printf '%s ' "$_w";; esac
	done
}
PROGS='empathy empathy-checkin empathy-journal empathy-assess empathy-challenge'
for p in $PROGS; do
	helpwords "$p" >"$T/help.$p" || exit 1
done
# knows SHELL WORDS ORDER: WORDS PROG gives the commands SHELL offers for
# PROG (in the order of --help, or sorted when ORDER is sort), WORDS PROG
# CMD the options it offers after CMD.
knows() {
	for p in $PROGS; do
		same "$1: the commands of $p, as its --help lists them" "$($2 "$p")" \
		    "$(cut -d' ' -f1 "$T/help.$p" | $3 | paste -sd' ' -)"
		while read -r cmd opts; do
			[ -n "$opts" ] || continue
			same "$1: the options of $p $cmd that its --help names" \
			    "$(missing "$opts" "$($2 "$p" "$cmd")")" ''
		done <"$T/help.$p"
	done
}
bashwords() { if [ $# -eq 1 ]; then comp "$1" ''; else comp "$1" "$2" --; fi; }
knows bash bashwords cat
same   'a usage line that wraps is read whole (checkin respond)' \
       "$(grep '^respond ' "$T/help.empathy-checkin")" \
       'respond --date --force --peek --to --rm --restore'

# The front door: its commands and options, and after `empathy journal` the
# words of empathy-journal.
same   'the commands of empathy'	"$(comp empathy '')" \
       'today due news undo init partners sync checkin journal assess challenge'
same   'the options of empathy sync'	"$(comp empathy sync --)" \
       '--dir --ssh --serve --db --format --help --user --version --content'
same   'the options of empathy news'	"$(comp empathy news -)" \
       '-k --keep -q --db --format --help --user --version --content'
same   'the options of empathy init'	"$(comp empathy init --)" \
       '--join --passphrase --dir --show-key --db --format --help --user --version --content'
same   'a folder after empathy sync --dir'	"$(comp empathy sync --dir "$EM_SRCDIR/complet")" \
       "$EM_SRCDIR/completions"
same   'the commands of empathy-journal after empathy journal' \
       "$(comp empathy journal '')"	'add list review edit rm restore history tags unseal export import'
same   'after common options too'	"$(comp empathy -u alex challenge st)"	'start status'
same   'and their options'	"$(comp empathy journal list --s)"	'--since --seen'
same   'rename after empathy partners'	"$(comp empathy partners '')"	'rename'

# Words from the content.
same   'the instrument ids after empathy-assess take' \
       "$(comp empathy-assess take '')"	'self overload performative weaponised habits bandwidth'
same   'only for the first argument'	"$(comp empathy-assess take self '')"	''
same   'after options too'	"$(comp empathy-assess take --about alex o)"	'overload'
same   'the challenge ids after empathy-challenge start' \
       "$(comp empathy-challenge start '')"	'one-week after-a-fight'
same   'challenges and exercises after show'	"$(comp empathy-challenge show si)" \
       'silent-listening'
same   'feelings'	"$(comp empathy-checkin feelings ann)"	'annoyed'
mkdir -p "$T/content"
printf '%s\n' 'kind: instrument' 'id: ours' 'title: Our own' \
    'scale: {min: 1, max: 5, labels: [never, rarely, sometimes, often, always]}' \
    'items: [{text: We listen.}]' 'bands: [{from: 0, label: growing, meaning: Go on.}]' \
    >"$T/content/mine.yaml"
same   'with the --content of the line'	"$(comp empathy-assess --content "$T/content" show o)" \
       'ours overload'

# Words from the database.
same   'no tags in an empty database'	"$(comp empathy-journal list --tag '')"	''
ok     'and completing did not create it'	test ! -e "$EMPATHY_DB"
ok     'sara writes a moment with two tags' \
       empathy-journal add --seen --tag home --tag tea 'Alex made me tea'
ok     'lee one with one of them'	empathy-journal -u lee add --misunderstood --tag home 'Not heard'
same   'the tags after empathy-journal list --tag, most used first' \
       "$(comp empathy-journal list --tag '')"	'home tea'
same   'tags by prefix'	"$(comp empathy-journal add --tag t)"	'tea'
like   'entry ids after edit'	"$(comp empathy-journal edit '')"	'^[0-9a-f]{16} [0-9a-f]{16}$'
like   'and after unseal'	"$(comp empathy-journal unseal '')"	'^[0-9a-f]{16} [0-9a-f]{16}$'
same   'add --sealed and --no-sealed'	"$(comp empathy-journal add --s)"	'--seen --sealed'
same   'add --no'	"$(comp empathy-journal add --no)"	'--no-sealed'
ok     'sara checks in'	empathy-checkin add --high 'a walk' --low 'a long day'
# A third name can no longer write (empathy(7)), nor come by import or sync;
# a database from before the roster can still hold one: put there by hand.
ok     'alex checks in'	sql "insert into checkin (id, user, date, high, low, created, updated) values ('c00000000000a1e0', 'alex', '$(day 0)', 'dinner', 'traffic', '2026-01-01T10:00:00.000Z', '2026-01-01T10:00:00.000Z')"
same   'partner names after empathy-checkin respond --to' \
       "$(comp empathy-checkin respond --to '')"	'alex lee sara'
same   'and after --about, --by and -u'	"$(comp empathy-assess take --about a) \
$(comp empathy-journal list --by l) $(comp empathy-checkin -u s)"	'alex lee sara'
ok     'kim checks in to another database' \
       empathy-checkin -d "$T/other.db" -u kim add --high 'a' --low 'b'
same   'names come from the database given with -d' \
       "$(comp empathy-checkin -d "$T/other.db" respond --to '')"	'kim sara'
same   'or with --db=' \
       "$(comp empathy-checkin --db = "$T/other.db" respond --to '')"	'kim sara'
same   'and with the user given with -u'	"$(comp empathy-checkin -ubo respond --to '')" \
       'alex bo lee sara'
same   'a database that does not exist has only the acting user' \
       "$(comp empathy-checkin -d "$T/none.db" respond --to '')"	'sara'
ok     'and is not created'	test ! -e "$T/none.db"
same   'the roster after empathy partners rename' \
       "$(comp empathy partners rename '')"	'lee sara'
same   'for both names'	"$(comp empathy partners rename lee s)"	'sara'
same   'a file name after --db'	"$(comp empathy-journal --db "$T/other.d")"	"$T/other.db"
same   'a database that cannot be read gives nothing' \
       "$(comp empathy-journal -d "$T" list --by '')"	''
same   'nothing was ever printed on stderr'	"$(cat "$T/comp.err")"	''

# zsh and fish know the same words as --help: fish is asked (complete -C,
# with the file under a name that sets up all five programs); zsh's file is
# read, each program's command list and each command's case of arguments.
zshwords() {	# PROG [CMD]: the commands of PROG, or the options of CMD
	awk -v p="$1" -v c="${2-}" '
	c == "" && $0 ~ "^    " p "\\)$" { inl = 1; next }
	inl && /\) ;;/ { exit }
	inl && match($0, /^ *[\047"][a-z-]+:/) { print substr($0, RSTART, RLENGTH) }
	c != "" && !ina { n = split($1, lab, "|")
		for (i = 1; i <= n; i++) if (lab[i] == p ":" c || lab[i] == p ":" c ")")
			ina = 1 }
	ina { l = $0; while (match(l, /--[a-z][a-z-]*/)) {
			print substr(l, RSTART, RLENGTH); l = substr(l, RSTART + RLENGTH) } }
	ina && /;;/ { exit }' "$C/_empathy" | tr -d " '\"\047:" | paste -sd' ' -
}
if command -v zsh >/dev/null 2>&1; then
	ok 'zsh parses completions/_empathy'	zsh -n "$C/_empathy"
else
	_result 0 '# SKIP no zsh'
fi
knows zsh zshwords cat
if command -v fish >/dev/null 2>&1; then
	ok 'fish parses completions/empathy.fish'	fish -n "$C/empathy.fish"
	cp "$C/empathy.fish" "$T/all.fish"
	fishwords() {	# the words fish offers after PROG, or after PROG CMD --
		fish -c 'source $argv[1]; complete -C "$argv[2]"' "$T/all.fish" \
		    "$1 ${2:+$2 --}" | cut -f1 | sort | paste -sd' ' -
	}
	knows fish fishwords sort
else
	_result 0 '# SKIP no fish'
fi
