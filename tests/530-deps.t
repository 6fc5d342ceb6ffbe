#!/bin/sh
# make deps installs only what building, installing and make check need;
# make deps-dev adds the developer tools (lint, fuzz, valgrind, packaging).
. "${0%/*}/lib.sh"

var() { make -s -C "$EM_SRCDIR" --no-print-directory --eval "show-var: ; @echo \$($1)" show-var; }
debs=" $(var DEBS) "
dev=" $(var DEVDEBS) "

for p in gcc make pkg-config libyaml-dev libsqlite3-dev libsodium-dev sqlite3 perl jq faketime; do
	like   "make deps installs $p"	"$debs" " $p "
done
for p in clang valgrind cppcheck shellcheck mandoc debhelper dpkg-dev libclang-rt-14-dev zsh fish; do
	unlike "make deps leaves out $p"	"$debs" " $p "
	like   "make deps-dev installs $p"	"$dev" " $p "
done
missing=
for p in $debs; do
	case $dev in *" $p "*) ;; *) missing="$missing $p" ;; esac
done
same   'make deps-dev installs all that make deps does'	"$missing" ''
like   'CI installs both'	"$(cat "$EM_SRCDIR/.ci/run")" '^make deps-dev$'
like   'the README names make deps-dev'	"$(cat "$EM_SRCDIR/README.md")" 'make deps-dev'

# Every program the suite itself runs comes from a package in make deps, or
# from one every Debian system has (Essential or Priority: required).
if command -v dpkg-query >/dev/null 2>&1; then
	for c in sqlite3 prove jq script awk mkfifo timeout od sed faketime; do
		f=$(command -v "$c") && f=$(readlink -f "$f") &&
		    p=$(dpkg-query -S "$f" 2>/dev/null | sed -n '1s/:.*//p')
		if [ -z "${p:-}" ]; then
			_result 0 "# SKIP $c is not from a Debian package here"
			continue
		fi
		e=$(dpkg-query -W -f '${Essential} ${Priority}' "$p" 2>/dev/null)
		case "$e $debs " in yes\ *|*\ required\ *|*" $p "*) e=yes ;; esac
		same "the suite's $c ($p) comes with make deps or Debian itself"	"$e" yes
	done
else
	_result 0 "# SKIP no dpkg-query"
fi
