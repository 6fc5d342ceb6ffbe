# tests/sync.sh: machines for the sync tests. Source it after lib.sh.
#
# A machine is a directory $T/NAME with its own HOME, XDG dirs, database (at
# the default place, $XDG_DATA_HOME/empathy/empathy.db) and mailbox view
# NAME/box, and one partner who uses it (EMPATHY_USER). Two machines never
# share a file: files travel between their mailbox views only by `deliver`,
# as Syncthing, rsync or a USB stick would carry them.
#
#   machine NAME USER	make a machine (NAME may hold a '/': s/a)
#   as NAME CMD...	run CMD as that machine (its partner, HOME, database)
#   asu NAME USER CMD...	the same, acting as USER (the other partner on it)
#   clock NAME SPEC	from now on, NAME's programs see the time faketime -f
#			SPEC gives ('+3650d', '-3650d', '@2026-03-01 08:00:00'); an
#			empty SPEC gives the real time back
#   dbof NAME		the path of its database
#   couple FIRST OTHER...	FIRST makes the couple (a passphrase and its
#			mailbox), each OTHER joins it through FIRST's `couple` file
#   syncd NAME [ARG...]	`empathy sync --dir NAME/box ARG...` on that machine
#   deliver FROM TO [BITS]	copy the mailbox files FROM's view has and TO's
#			lacks; with BITS (a string of 0 and 1), the i-th such file only
#			when its bit (cycling) is 1
#   redeliver FROM TO	copy again a file TO already has (a new inode and
#			time, the same bytes), as a syncer that sent it twice
#   dump NAME		the canonical dump of its database: every record table,
#			every column (by name) but those in SYNC_LOCAL, rows sorted;
#			what must be identical on every replica after a full exchange
#   boxfiles NAME	the names of the mailbox files in its view, sorted
#   derive KIND PART...	the id em_id_derive gives: the first 16 hex digits of
#			BLAKE2b-64 of "empathy:" KIND NUL PART NUL ..., parts in lower case

# Argon2id at its smallest: the tests make many couples.
export EMPATHY_PWHASH_FAST=1
SYNC_PASS='a long walk by the river at dusk'
SYNC_TABLES='checkin response reply guess entry entry_version result run run_day partner tomb earlier'
# Columns a replica fills in for itself, left out of the dump: when this
# replica kept a losing text as an earlier version (the text, its field,
# record, clock and author are compared).
SYNC_LOCAL='earlier.created'

machine() {
	mkdir -p "$T/$1/data" "$T/$1/config" "$T/$1/run" "$T/$1/cache" "$T/$1/box" ||
	    return 1
	chmod 700 "$T/$1/run"
	printf '%s\n' "$2" >"$T/$1/.user"
}

dbof() { printf '%s\n' "$T/$1/data/empathy/empathy.db"; }

clock() { printf '%s' "$2" >"$T/$1/.time"; }

asu() {
	_am=$1 _au=$2; shift 2
	if [ -s "$T/$_am/.time" ]; then
		set -- faketime -f "$(cat "$T/$_am/.time")" "$@"
	fi
	env HOME="$T/$_am" XDG_DATA_HOME="$T/$_am/data" \
	    XDG_CONFIG_HOME="$T/$_am/config" XDG_RUNTIME_DIR="$T/$_am/run" \
	    XDG_CACHE_HOME="$T/$_am/cache" EMPATHY_DB='' EMPATHY_USER="$_au" "$@"
}

as() {
	_am=$1; shift
	read -r _au <"$T/$_am/.user"
	asu "$_am" "$_au" "$@"
}

couple() {
	_cf=$1; shift
	printf '%s\n' "$SYNC_PASS" |
	    as "$_cf" empathy init --passphrase --dir "$T/$_cf/box" >"$T/.couple" 2>&1 ||
	    { echo "# init on $_cf failed:" >&2; _show "$T/.couple"; return 1; }
	for _cm; do
		[ -e "$T/$_cm/box/couple" ] ||
		    cp "$T/$_cf/box/couple" "$T/$_cm/box/couple" || return 1
		printf '%s\n' "$SYNC_PASS" |
		    as "$_cm" empathy init --passphrase --dir "$T/$_cm/box" \
		    >"$T/.couple" 2>&1 ||
		    { echo "# init on $_cm failed:" >&2; _show "$T/.couple"; return 1; }
	done
}

syncd() {
	_sm=$1; shift
	as "$_sm" empathy sync --dir "$T/$_sm/box" "$@"
}

# The mailbox files of a view: not hidden (a syncer's or a writer's temporary
# name), not `couple`.
boxfiles() {
	# shellcheck disable=SC2010
	ls "$T/$1/box" | grep -v -e '^\.' -e '^couple$' | LC_ALL=C sort
}

_copy() {	# FILE DESTDIR: as a syncer does, a temporary name, then a rename
	cp "$1" "$2/.${1##*/}.part" && mv -f "$2/.${1##*/}.part" "$2/${1##*/}"
}

# Every file is written whole before the receiving machine syncs, so a
# plain copy stands for the syncer here (no fork but cp's).
deliver() {
	_bits=${3:-1} _rest=
	for _f in "$T/$1/box"/*; do
		[ -e "$_f" ] || continue
		_b=${_f##*/}
		[ -e "$T/$2/box/$_b" ] && continue
		if [ "$_b" != couple ]; then
			[ -n "$_rest" ] || _rest=$_bits
			_bit=${_rest%"${_rest#?}"} _rest=${_rest#?}
			[ "$_bit" = 1 ] || continue
		fi
		cp "$_f" "$T/$2/box/$_b" || return 1
	done
}

redeliver() {	# FROM TO [K]: the K-th (cycling) file both have
	_files=$(boxfiles "$1" | while read -r _f; do
		[ -e "$T/$2/box/$_f" ] && echo "$_f"; done)
	[ -n "$_files" ] || return 0
	_c=$(printf '%s\n' "$_files" | wc -l)
	_f=$(printf '%s\n' "$_files" | sed -n "$((${3:-0} % _c + 1))p")
	_copy "$T/$1/box/$_f" "$T/$2/box"
}

dump() {
	_db=$(dbof "$1")
	[ -e "$_db" ] || { echo "(no database at $_db)"; return 0; }
	# Columns by name, so a table that grew by ALTER TABLE compares with a
	# new one; a newline in a value is shown as \n, so each row is a line.
	sqlite3 -batch "$_db" "$(for _t in $SYNC_TABLES; do printf "select '$_t', name from pragma_table_info('$_t');\n"; done)" |
	    LC_ALL=C sort | awk -F'|' -v local=" $SYNC_LOCAL " -v want="$SYNC_TABLES" '
		$1 != t { if (t != "") out(); t = $1; n = 0; seen[t] = 1 }
		index(local, " " $1 "." $2 " ") { next }
		{ c[n++] = $2 }
		function out(  i, s, h) {
			s = ""; h = ""
			for (i = 0; i < n; i++) {
				s = s (i ? " || '"'"'|'"'"' || " : "") \
				    "replace(quote(\"" c[i] "\"), char(10), '"'"'\\n'"'"')"
				h = h (i ? "|" : "") c[i]
			}
			printf "select '"'"'== %s: %s'"'"';\n", t, h
			printf "select * from (select %s as r from \"%s\") order by r;\n", s, t
		}
		END {
			if (t != "") out()
			m = split(want, w, " ")
			for (i = 1; i <= m; i++)
				if (!(w[i] in seen))
					printf "select '"'"'== %s: (no such table)'"'"';\n", w[i]
		}' >"$T/.dump.sql"
	sqlite3 -batch "$_db" <"$T/.dump.sql"
}

# Random schedules (tests 610 and stress/050).
#
#   converge_setup	make the machines' starting states once: $T/tpl2 (sara on
#			a, alex on b), $T/tpl2s (sara on both: her two laptops, where
#			the same field of the same record changes on two machines) and
#			$T/tpl3 (sara, alex, and sara's second laptop c), each a couple
#			made and joined, at the path $T/s every schedule uses
#   schedule SEED	print the schedule SEED makes: its machine count, then
#			one step a line: ACTION MACHINE NUMBER [BITS]
#   converge SEED	run that schedule from a fresh copy of the starting
#			state, then deliver everything and sync every machine twice;
#			0 when every sync exited 0 and every dump is identical, else 1
#			with what differed in $T/converge.log
converge_setup() {
	rm -rf "$T/s" "$T/tpl2" "$T/tpl3"
	machine s/a sara && machine s/b alex && machine s/c sara &&
	    couple s/a s/b s/c || return 1
	cp -a "$T/s" "$T/tpl3" && rm -rf "$T/s" || return 1
	machine s/a sara && machine s/b alex && couple s/a s/b || return 1
	cp -a "$T/s" "$T/tpl2" && rm -rf "$T/s" || return 1
	machine s/a sara && machine s/b sara && couple s/a s/b || return 1
	cp -a "$T/s" "$T/tpl2s" && rm -rf "$T/s"
}

schedule() {
	awk -v seed="$1" 'function pick(s) { return substr(s, 1 + int(rand() * length(s)), 1) }
	BEGIN {
		srand(seed)
		x = rand()
		n = x < 0.5 ? 3 : 2
		ms = substr("abc", 1, n)
		print "machines", (x < 0.5 ? 3 : x < 0.75 ? "2" : "2s")
		steps = 6 + int(rand() * 10)
		for (k = 1; k <= steps; k++) {
			m = pick(ms)
			r = int(rand() * 1000000)
			x = rand()
			if (x < 0.14) a = "jadd"
			else if (x < 0.21) a = "jedit"
			else if (x < 0.27) a = "jtag"
			else if (x < 0.31) a = "jrm"
			else if (x < 0.34) a = "jrestore"
			else if (x < 0.37) a = "jpurge"
			else if (x < 0.46) a = "checkin"
			else if (x < 0.50) a = "respond"
			else if (x < 0.53) a = "start"
			else if (x < 0.57) a = "done"
			else if (x < 0.59) a = "abandon"
			else if (x < 0.62) a = "assess"
			else if (x < 0.77) a = "sync"
			else if (x < 0.95) a = "deliver"
			else a = "redeliver"
			if (a == "deliver" || a == "redeliver") {
				do o = pick(ms); while (o == m)
				b = ""
				for (i = 0; i < 8; i++) b = b (rand() < 0.6 ? 1 : 0)
				print a, m, r, o, b
			} else
				print a, m, r
		}
	}'
}

# nth LIST R: the (R mod count)-th line of LIST, nothing when it is empty.
_nth() {
	[ -n "$1" ] || return 0
	_nr=$2
	# shellcheck disable=SC2086
	set -- $1
	shift $((_nr % $#))
	echo "$1"
}

# The partner not using machine M.
_other() { [ "$(cat "$T/$1/.user")" = sara ] && echo alex || echo sara; }

_step() {	# ACTION MACHINE R [TO BITS]: one step, its output to $T/steps.log
	_m=s/$2 _r=$3 _w="s${_seed}k${_k}"
	read -r _u <"$T/$_m/.user"
	_db=$T/$_m/data/empathy/empathy.db
	_own() { sqlite3 "$_db" "select id from entry where user = '$_u' $1 order by rowid" 2>/dev/null; }
	case $1 in
	jadd)	set -- --seen; [ $((_r % 2)) -eq 0 ] && set -- --misunderstood
		as "$_m" empathy-journal add "$@" --tag "t$((_r % 3))" --date "-$((_r % 3))" \
		    "moment $_w by $_u";;
	jedit)	_id=$(_nth "$(_own "and removed is null")" "$_r")
		[ -z "$_id" ] || printf 'moment %s edited by %s\n' "$_w" "$_u" |
		    as "$_m" empathy-journal edit --text "$_id";;
	jtag)	_id=$(_nth "$(_own "and removed is null")" "$_r")
		[ -n "$_id" ] || return 0
		_tag=$(sqlite3 "$_db" "select tags from entry where id = '$_id'")
		if [ $((_r % 2)) -eq 0 ] || [ -z "$_tag" ]; then
			as "$_m" empathy-journal edit --tag "t$((_r / 2 % 4))" "$_id"
		else
			as "$_m" empathy-journal edit --untag "${_tag%% *}" "$_id"
		fi;;
	jrm)	_id=$(_nth "$(_own "and removed is null")" "$_r")
		[ -z "$_id" ] || as "$_m" empathy-journal rm "$_id";;
	jrestore) _id=$(_nth "$(_own "and removed is not null")" "$_r")
		[ -z "$_id" ] || as "$_m" empathy-journal restore "$_id";;
	jpurge)	_id=$(_nth "$(_own "")" "$_r")
		[ -z "$_id" ] || as "$_m" empathy-journal rm --purge "$_id";;
	checkin) as "$_m" empathy-checkin add --replace --date "-$((_r % 2))" \
		    --high "high $_w" --low "low $_w";;
	respond) as "$_m" empathy-checkin respond --peek --force --to "$(_other "$_m")" \
		    --date "-$((_r % 2))" "what did $_w feel like?";;
	start)	as "$_m" empathy-challenge start one-week;;
	done)	as "$_m" empathy-challenge done --note "note $_w";;
	abandon) as "$_m" empathy-challenge abandon --yes;;
	assess)	as "$_m" empathy-assess take --answers "$((_r % 5 + 1)),$((_r / 5 % 5 + 1)),3,$((_r / 25 % 5 + 1))" bandwidth;;
	sync)	syncd "$_m" || { echo "sync on $_m exited $?" >>"$T/converge.log"; return 1; };;
	deliver) deliver "$_m" "s/$4" "$5";;
	redeliver) redeliver "$_m" "s/$4" "$_r";;
	esac
}

converge() {
	_seed=$1
	: >"$T/converge.log"
	: >"$T/steps.log"
	schedule "$_seed" >"$T/schedule"
	_nm=$(sed -n '1s/^machines //p' "$T/schedule")
	rm -rf "$T/s" && cp -a "$T/tpl$_nm" "$T/s" || return 1
	_ms=$(printf 'a b c' | cut -c 1-$((2 * ${_nm%s} - 1)))
	_bad=0 _k=0
	while read -r _a _sm _sr _to _bits <&3; do
		[ "$_a" = machines ] && continue
		_k=$((_k + 1))
		echo "== $_k: $_a $_sm $_sr $_to $_bits" >>"$T/steps.log"
		_step "$_a" "$_sm" "$_sr" "$_to" "$_bits" </dev/null >>"$T/steps.log" 2>&1 ||
		    [ "$_a" != sync ] || _bad=1
	done 3<"$T/schedule"
	# The last round: every machine writes what it has, everything reaches
	# everyone, every machine syncs twice.
	for _x in $_ms; do
		syncd "s/$_x" </dev/null >>"$T/steps.log" 2>&1 ||
		    { echo "final sync on s/$_x exited $?" >>"$T/converge.log"; _bad=1; }
	done
	for _x in $_ms; do
		for _y in $_ms; do
			[ "$_x" = "$_y" ] || deliver "s/$_x" "s/$_y"
		done
	done
	for _x in $_ms $_ms; do
		syncd "s/$_x" </dev/null >>"$T/steps.log" 2>&1 ||
		    { echo "last sync on s/$_x exited $?" >>"$T/converge.log"; _bad=1; }
	done
	dump s/a >"$T/dump.a"
	for _x in $_ms; do
		[ "$_x" = a ] && continue
		dump "s/$_x" >"$T/dump.$_x"
		cmp -s "$T/dump.a" "$T/dump.$_x" || {
			_bad=1
			echo "s/a and s/$_x differ:" >>"$T/converge.log"
			diff -u "$T/dump.a" "$T/dump.$_x" >>"$T/converge.log"
		}
	done
	[ "$_bad" -eq 0 ] || { echo "the schedule (seed $_seed):"; cat "$T/schedule"; } \
	    >>"$T/converge.log"
	return "$_bad"
}

# converge_many FIRST COUNT: schedules FIRST .. FIRST+COUNT-1, a test line
# each, naming the seed (rerun one with SYNC_SEED=N). Then: the schedules
# did write (a run where nothing happened proves nothing).
converge_many() {
	converge_setup
	_result $? 'two and three machines, one couple'
	_s=$1 _end=$(($1 + $2)) _words=0
	[ -n "${SYNC_SEED:-}" ] && _s=$SYNC_SEED _end=$((SYNC_SEED + 1))
	while [ "$_s" -lt "$_end" ]; do
		converge "$_s"
		_st=$?
		_result "$_st" "schedule with seed $_s: every sync exits 0, every replica the same"
		if [ "$_st" -ne 0 ]; then
			echo "# rerun it alone: SYNC_SEED=$_s prove $0" >&2
			head -c 20000 "$T/converge.log" | sed 's/^/# /' >&2
		fi
		grep -q "moment s${_s}k" "$T/dump.a" &&
		    _words=$((_words + 1))
		_s=$((_s + 1))
	done
	[ "$_words" -gt 0 ]
	_result $? "the schedules wrote: $_words of them kept journal text to compare"
}

derive() {
	{
		printf 'empathy:%s\0' "$1"
		shift
		# ASCII letters only, as em_id_derive does.
		# shellcheck disable=SC2018,SC2019
		for _p; do printf '%s\0' "$_p" | LC_ALL=C tr 'A-Z' 'a-z'; done
	} | b2sum -l 64 | cut -c 1-16
}
