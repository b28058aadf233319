#!/usr/bin/env bash
# Install and package: `cmake --install` puts the binary, the man page and the bundled rules in
# place, and `cpack -G DEB` builds a .deb with them and the right dependencies.
# Usage: run_install_tests.sh BUILD_DIR
set -u
BUILD=$(cd "$1" && pwd)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
passed=0
failed=0
ok() {
  if [[ $2 -eq 0 ]]; then echo "ok - $1"; passed=$((passed + 1)); else
    echo "FAIL - $1"; [[ -n ${3:-} ]] && printf '%s\n' "$3" | head -n 30 | sed 's/^/  | /'; failed=$((failed + 1)); fi
}

out=$(cmake --install "$BUILD" --prefix "$TMP/prefix" 2>&1)
ok "cmake --install succeeds" $? "$out"
[[ -x $TMP/prefix/bin/tonelint ]]
ok "bin/tonelint" $?
[[ -f $TMP/prefix/share/man/man1/tonelint.1 ]]
ok "share/man/man1/tonelint.1" $?
n_rules=$(find "$TMP/prefix/share/tonelint/rules" -name '*.rules' 2>/dev/null | wc -l)
[[ $n_rules -gt 0 && -d $TMP/prefix/share/tonelint/rules/es && -d $TMP/prefix/share/tonelint/rules/en ]]
ok "share/tonelint/rules/{es,en}/*.rules ($n_rules files)" $?
"$TMP/prefix/bin/tonelint" --version | grep -q '^tonelint '
ok "the installed binary runs" $?
"$TMP/prefix/bin/tonelint" --no-default-rules --rules "$TMP/prefix/share/tonelint/rules" --test-rules >/dev/null
ok "the installed rules load and pass their examples" $?

if command -v cpack >/dev/null && command -v dpkg-deb >/dev/null; then
  out=$(cd "$TMP" && cpack -G DEB -B "$TMP/pkg" --config "$BUILD/CPackConfig.cmake" 2>&1)
  deb=$(find "$TMP/pkg" -maxdepth 1 -name 'tonelint_*.deb' | head -n 1)
  ok "cpack -G DEB builds a package" "$([[ -n $deb ]]; echo $?)" "$out"
  if [[ -n $deb ]]; then
    info=$(dpkg-deb -I "$deb")
    grep -q '^ Maintainer: ' <<<"$info" && grep -q '^ Description: ' <<<"$info"
    ok "the package has Maintainer, Description" $? "$info"
    # Depends names each shared library the binary needs, and no other: a static build
    # (TONELINT_STATIC) needs only libc6.
    needed=$(readelf -d "$TMP/prefix/bin/tonelint" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
    depends=$(sed -n 's/^ Depends: //p' <<<"$info")
    mismatch=""
    for pair in libc.so.6=libc6 libicuuc.so.72=libicu72 libre2.so.9=libre2-9 libfmt.so.9=libfmt9 \
                libstdc++.so.6=libstdc++6; do
      grep -qx "${pair%%=*}" <<<"$needed" && need=yes || need=no
      grep -qF ", ${pair#*=}," <<<", $depends," && listed=yes || listed=no
      [[ $need == "$listed" ]] || mismatch+="${pair%%=*} needed: $need, ${pair#*=} in Depends: $listed; "
    done
    [[ -z $mismatch ]]
    ok "the package Depends on the packages of the binary's shared libraries ($depends)" $? \
      "$mismatch"$'\n'"$needed"
    contents=$(dpkg-deb -c "$deb")
    grep -q '/usr/bin/tonelint$' <<<"$contents" && grep -q '/usr/share/man/man1/tonelint.1' <<<"$contents" &&
      grep -q '/usr/share/tonelint/rules/es/' <<<"$contents"
    ok "the package holds the binary, the man page and the rules" $? "$contents"
  fi
else
  echo "ok - cpack -G DEB # SKIP cpack or dpkg-deb not installed"
  passed=$((passed + 1))
fi

echo "# $passed passed, $failed failed"
[[ $failed -eq 0 ]]
