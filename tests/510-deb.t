#!/bin/sh
# make deb builds the Debian package (running the whole suite inside it) with the
# binaries, man pages and content where Debian wants them and its library
# dependencies found; nothing is left in debian/ or the parent directory.
# Slow, so it runs only when asked: EM_DEB=1 make check (needs debhelper, dpkg-dev).
. "${0%/*}/lib.sh"

if [ "${EM_DEB:-}" != 1 ]; then
	_result 0 "# SKIP set EM_DEB=1 to build the .deb"
	exit 0
fi

ok     'make deb builds the package'	make -s -C "$EM_SRCDIR" deb
deb=$(out | sed -n 's/^package: //p' | tail -n 1)
like   'and names the .deb it left in build/'	"$deb" "^$EM_SRCDIR/build/empathy_[^/]+\.deb$"
ok     'which exists'	test -f "$deb"

ok     'dpkg -c lists it'	dpkg -c "$deb"
files=$(out | awk '{ print $6 }' | grep -v '/$' | sort)
want=$(cd "$EM_SRCDIR" && {
	for c in cmd/*.c; do c=${c##*/}; echo "./usr/bin/${c%.c}"; done
	for m in man/*.[0-9]; do echo "./usr/share/man/man${m##*.}/${m##*/}.gz"; done
	for y in content/*.yaml; do echo "./usr/share/empathy/content/${y##*/}"; done
} | sort)
same   'binaries in /usr/bin, man pages gzipped, content in /usr/share/empathy' \
       "$(printf '%s\n' "$files" | grep -E '^\./usr/(bin|share/man|share/empathy)/')" "$want"
if [ -d "$EM_SRCDIR/completions" ]; then
	want=$(cd "$EM_SRCDIR" && {
		for c in cmd/*.c; do c=${c##*/}; c=${c%.c}
			echo "./usr/share/bash-completion/completions/$c"
			echo "./usr/share/fish/vendor_completions.d/$c.fish"
		done
		echo ./usr/share/zsh/vendor-completions/_empathy
	} | sort)
	same   'shell completions where bash, fish and the Debian zsh look' \
	       "$(printf '%s\n' "$files" | grep -E '^\./usr/share/(bash-completion|fish|zsh)/')" "$want"
fi
like   'with a copyright file'	"$files" '^\./usr/share/doc/empathy/copyright$'
unlike 'and nothing outside /usr'	"$files" '^\./([^u]|u[^s]|us[^r]|usr[^/])'
unlike 'nor under /usr/local'	"$files" '^\./usr/local/'

ok     'dpkg-deb -I reads its control data'	dpkg-deb -I "$deb"
info=$(out)
like   'Package: empathy'	"$info" '^ Package: empathy$'
like   'Depends on libyaml'	"$info" '^ Depends: .*libyaml'
like   'Depends on libsqlite3'	"$info" '^ Depends: .*libsqlite3'

ok     'the packaged binaries unpack'	dpkg-deb -x "$deb" "$T/root"
for b in "$T"/root/usr/bin/*; do
	ok "${b##*/} --version runs"	"$b" --version
done

v=$(cd "$EM_SRCDIR" && dpkg-parsechangelog -S Version)
same   'nothing left in the parent directory' \
       "$(ls -d "$EM_SRCDIR"/../empathy_"$v"_* "$EM_SRCDIR"/../empathy-dbgsym_"$v"_* 2>/dev/null)" ''
same   'nor generated files in debian/' \
       "$(cd "$EM_SRCDIR/debian" && ls -d empathy .debhelper files debhelper-build-stamp \
            ./*.substvars ./*.debhelper.log 2>/dev/null)" ''
