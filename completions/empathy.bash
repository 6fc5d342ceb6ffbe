# bash completion for empathy (the front door), empathy-checkin,
# empathy-journal, empathy-assess and empathy-challenge.
#
# One file serves all five programs. bash-completion loads completion files
# by command name, so it is installed once under each program's name; loading
# any copy sets up all five, and loading it again is harmless. After
# `empathy checkin` (journal, assess, challenge) the words are completed as
# for empathy-checkin.
#
# Completes command names, the options of each command, and option values:
# formats, files and directories, dates, the current ISO week, partner names
# and tags from the database, and the ids of instruments, challenges,
# exercises, feelings and journal entries from the content. Words that come
# from the database or the content are asked of the programs themselves, with
# any -d/--db, -u/--user and --content given on the line; their errors never
# reach the terminal.

# _empathy_commands PROG: the commands of PROG.
_empathy_commands() {
	case $1 in
	empathy) echo today due news undo init partners sync checkin journal assess challenge ;;
	empathy-checkin) echo add respond reply guess rm restore show due prompt feelings stats check export import ;;
	empathy-journal) echo add list review edit rm restore history tags unseal export import ;;
	empathy-assess) echo list show take history compare accuracy rm restore export import ;;
	empathy-challenge)
		echo list show start abandon today 'done' undone status review timer export import
		;;
	esac
}

# _empathy_options PROG CMD: the options of one command (as in the man pages).
_empathy_options() {
	case $1:$2 in
	empathy:due) echo -q ;;
	empathy:news) echo -k --keep -q ;;
	empathy:undo) echo --list --skip -n ;;
	empathy:init) echo --join --passphrase --dir --show-key ;;
	empathy:sync) echo --dir --ssh --serve -q ;;
	empathy-checkin:add) echo --date --feeling --replace --high --low ;;
	empathy-checkin:respond) echo --date --force --peek --to --rm --restore ;;
	empathy-checkin:rm | empathy-checkin:restore) echo --date ;;
	empathy-checkin:reply) echo --date --answer --edit --rm --restore ;;
	empathy-checkin:guess) echo --date --to --guess ;;
	empathy-checkin:show) echo --date --since --until --peek ;;
	empathy-checkin:due) echo -q ;;
	empathy-checkin:prompt) echo --kind --deck --theme --date ;;
	empathy-checkin:stats) echo --since ;;
	empathy-journal:add) echo --seen --misunderstood --date --tag --sealed --no-sealed ;;
	empathy-journal:list)
		echo --since --until --seen --misunderstood --by --tag --grep -n
		;;
	empathy-journal:review) echo --week ;;
	empathy-journal:edit) echo --tag --untag --text ;;
	empathy-journal:rm) echo --purge --undo ;;
	empathy-assess:take) echo --about --guess --answers --date ;;
	empathy-assess:history) echo --accuracy ;;
	empathy-assess:accuracy) echo --by ;;
	empathy-challenge:start) echo --date ;;
	empathy-challenge:abandon) echo --yes --undo ;;
	empathy-challenge:today) echo -q --date ;;
	empathy-challenge:done) echo --date --day --note ;;
	empathy-challenge:undone) echo --date --day ;;
	empathy-challenge:status | empathy-challenge:review) echo --date ;;
	empathy-challenge:timer) echo --rounds ;;
	esac
}

# _empathy_takes_value PROG OPTION: whether OPTION takes a value. No option
# takes a value in one command of a program and none in another, so this
# does not depend on the command.
_empathy_takes_value() {
	case $1:$2 in
	*:-d | *:--db | *:-f | *:--format | *:-u | *:--user | *:--content) return 0 ;;
	empathy:--join | empathy:--dir | empathy:--ssh) return 0 ;;
	empathy-checkin:--date | empathy-checkin:--feeling | empathy-checkin:--high) return 0 ;;
	empathy-checkin:--low | empathy-checkin:--to | empathy-checkin:--since) return 0 ;;
	empathy-checkin:--until | empathy-checkin:--kind | empathy-checkin:--theme) return 0 ;;
	empathy-checkin:--answer | empathy-checkin:--edit | empathy-checkin:--rm | empathy-checkin:--restore) return 0 ;;
	empathy-checkin:--guess) return 0 ;;
	empathy-journal:--date | empathy-journal:--tag | empathy-journal:--since) return 0 ;;
	empathy-journal:--until | empathy-journal:--by | empathy-journal:--grep) return 0 ;;
	empathy-journal:-n | empathy-journal:--week | empathy-journal:--untag) return 0 ;;
	empathy-assess:--about | empathy-assess:--answers | empathy-assess:--date) return 0 ;;
	empathy-assess:--guess | empathy-assess:--by) return 0 ;;
	empathy-challenge:--date | empathy-challenge:--day | empathy-challenge:--note) return 0 ;;
	empathy-challenge:--rounds) return 0 ;;
	esac
	return 1
}

# _empathy_run PROG ARGS...: run another empathy program with the -d, -u and
# --content options of the line, quietly, without standard input.
_empathy_run() {
	local prog=$1
	shift
	if [[ -n $_empathy_dir && -x $_empathy_dir$prog ]]; then
		prog=$_empathy_dir$prog
	fi
	command "$prog" "${_empathy_pass[@]}" "$@" </dev/null 2>/dev/null
}

# _empathy_column PROG N ARGS...: field N of the tsv records of PROG ARGS.
_empathy_column() {
	local prog=$1 n=$2
	shift 2
	_empathy_run "$prog" "$@" -f tsv | tail -n +2 | cut -f "$n"
}

# _empathy_names: the people in the database.
_empathy_names() {
	{
		_empathy_column empathy-checkin 1 stats
		_empathy_column empathy-journal 3 list -n 200
	} 2>/dev/null | sort -u
}

# _empathy_reply: add the words read from standard input, one per line, that
# begin with $cur.
_empathy_reply() {
	local w
	while IFS= read -r w; do
		if [[ -n $w && $w == "$cur"* ]]; then
			COMPREPLY+=("$_empathy_prefix$w")
		fi
	done
}

# _empathy_words WORD...: add the WORDs that begin with $cur.
_empathy_words() {
	_empathy_reply < <(printf '%s\n' "$@")
}

# _empathy_files [-d]: file names (or directory names) that begin with $cur.
_empathy_files() {
	compopt -o filenames 2>/dev/null
	if [[ -z $_empathy_prefix ]] && declare -F _filedir >/dev/null; then
		_filedir "$@"
	elif [[ $1 == -d ]]; then
		_empathy_reply < <(compgen -d -- "$cur")
	else
		_empathy_reply < <(compgen -f -- "$cur")
	fi
}

# _empathy_value PROG OPTION: complete the value of OPTION.
_empathy_value() {
	if [[ $1:$2 == empathy-assess:--guess ]]; then	# a partner, not a feeling
		_empathy_reply < <(_empathy_names)
		return
	fi
	case $2 in
	-f | --format) _empathy_words text tsv json ;;
	-d | --db) _empathy_files ;;
	--content | --dir) _empathy_files -d ;;
	--ssh) _empathy_reply < <(compgen -A hostname -- "$cur") ;;
	--date | --since | --until) _empathy_words today yesterday ;;
	--week) _empathy_words "$(date +%G-W%V)" ;;
	-u | --user | --by | --to | --about) _empathy_reply < <(_empathy_names) ;;
	--tag | --untag) _empathy_reply < <(_empathy_column empathy-journal 1 tags) ;;
	--kind) _empathy_words question reflection missing ;;
	--theme) _empathy_words childhood work fears hopes us everyday family ;;
	--feeling) _empathy_reply < <(_empathy_column empathy-checkin 1 feelings) ;;
	esac
}

# _empathy_arg PROG CMD N: complete the Nth argument (from 0) of a command.
_empathy_arg() {
	if [[ $1:$2 == empathy:partners ]]; then
		if (($3 == 0)); then
			_empathy_words rename
		elif (($3 <= 2)); then
			_empathy_reply < <(_empathy_run empathy partners -f tsv |
				awk -F '\t' '$1 == "you" || $1 == "partner" { print $2 }')
		fi
		return
	fi
	(($3 == 0)) || return
	case $1:$2 in
	empathy-checkin:feelings)
		_empathy_reply < <(_empathy_column empathy-checkin 1 feelings)
		;;
	empathy-journal:edit | empathy-journal:rm | empathy-journal:history | empathy-journal:unseal)
		_empathy_reply < <(_empathy_column empathy-journal 1 list -n 200)
		;;
	empathy-assess:show | empathy-assess:take | empathy-assess:history | empathy-assess:compare | \
	    empathy-assess:accuracy)
		_empathy_reply < <(_empathy_column empathy-assess 1 list)
		;;
	empathy-challenge:show)
		_empathy_reply < <(_empathy_column empathy-challenge 2 list)
		;;
	empathy-challenge:start)
		# Only challenges can be started, not exercises.
		_empathy_reply < <(_empathy_run empathy-challenge list -f tsv |
			awk -F '\t' 'NR > 1 && $1 == "challenge" { print $2 }')
		;;
	esac
}

# _empathy_keep NAME VALUE: remember -d, -u and --content for the helpers.
_empathy_keep() {
	case $2 in
	\~) set -- "$1" "$HOME" ;;
	\~/*) set -- "$1" "$HOME/${2#\~/}" ;;
	esac
	case $1 in
	-d | --db) _empathy_pass+=(--db "$2") ;;
	-u | --user) _empathy_pass+=(--user "$2") ;;
	--content) _empathy_pass+=(--content "$2") ;;
	esac
}

_empathy() {
	local prog=${COMP_WORDS[0]##*/} cur=${COMP_WORDS[COMP_CWORD]}
	local _empathy_dir='' _empathy_prefix='' _empathy_pass=()
	local cmd='' want='' npos=0 endopts=0 i=1 j w name
	COMPREPLY=()
	case ${COMP_WORDS[0]} in
	*/*) _empathy_dir=${COMP_WORDS[0]%/*}/ ;;
	esac

	# Read the words before the cursor: options with their values, the
	# command, and how many arguments the command has so far.
	while ((i < COMP_CWORD)); do
		w=${COMP_WORDS[i]}
		i=$((i + 1))
		if ((endopts)) || [[ $w != -?* ]]; then
			if [[ -z $cmd && $prog == empathy ]] &&
				[[ $w == checkin || $w == journal || $w == assess || $w == challenge ]]; then
				# From here on, the words of that program.
				prog=empathy-$w
			elif [[ -z $cmd ]]; then
				cmd=$w
			else
				npos=$((npos + 1))
			fi
			continue
		fi
		case $w in
		--)
			endopts=1
			;;
		--*=*)
			_empathy_keep "${w%%=*}" "${w#*=}"
			;;
		--*)
			_empathy_takes_value "$prog" "$w" || continue
			# The value is the next word, or the one after an "=" that
			# COMP_WORDBREAKS split off.
			if [[ ${COMP_WORDS[i]-} == = ]]; then
				i=$((i + 1))
			fi
			if ((i >= COMP_CWORD)); then
				want=$w
				[[ $cur == = ]] && cur=''
				break
			fi
			_empathy_keep "$w" "${COMP_WORDS[i]}"
			i=$((i + 1))
			;;
		*)
			# A cluster of short options; one that takes a value ends it.
			for ((j = 1; j < ${#w}; j++)); do
				name=-${w:j:1}
				_empathy_takes_value "$prog" "$name" || continue
				if ((j + 1 < ${#w})); then
					_empathy_keep "$name" "${w:j+1}"
				elif ((i >= COMP_CWORD)); then
					want=$name
				else
					_empathy_keep "$name" "${COMP_WORDS[i]}"
					i=$((i + 1))
				fi
				break
			done
			;;
		esac
	done

	# --option=value in one word, when "=" is not in COMP_WORDBREAKS.
	if [[ -z $want && $endopts == 0 && $cur == --*=* ]] &&
		_empathy_takes_value "$prog" "${cur%%=*}"; then
		want=${cur%%=*}
		_empathy_prefix=${cur%%=*}=
		cur=${cur#*=}
	fi

	if [[ -n $want ]]; then
		_empathy_value "$prog" "$want"
	elif ((!endopts)) && [[ $cur == -* ]]; then
		# shellcheck disable=SC2046 # the lists are words
		_empathy_words $(_empathy_options "$prog" "$cmd") \
			--db --format --help --user --version --content
	elif [[ -z $cmd ]]; then
		# shellcheck disable=SC2046
		_empathy_words $(_empathy_commands "$prog")
	else
		_empathy_arg "$prog" "$cmd" "$npos"
	fi
	return 0
}

complete -F _empathy empathy empathy-checkin empathy-journal empathy-assess empathy-challenge
