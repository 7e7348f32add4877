#!/bin/sh
# Build the seed corpora for the fuzz targets from the repository's own fixtures:
#   cd fuzz && ./seeds.sh [DIR]  -> DIR/<target>/ (default corpus/, git-ignored)
# readers and fix take a selector byte (index into the target's EXTS) before the file body;
# config takes one before the TOML (even: linkedin-lint.toml, odd: Cargo.toml).
set -eu
cd "$(dirname "$0")"
root=..
out=${1:-corpus}
mkdir -p "$out/readers" "$out/fix" "$out/config" "$out/rules" "$out/rule_parse"

# The index of $2 in the space-separated list $1, or nothing.
index_of() {
    i=0
    for e in $1; do
        [ "$e" = "$2" ] && { echo "$i"; return; }
        i=$((i + 1))
    done
}

# seed DIR SELECTOR FILE: one input, the selector byte then the file, named by its hash.
seed() {
    tmp="$1/.tmp"
    printf "\\$(printf %o "$2")" > "$tmp"
    head -c 4095 "$3" >> "$tmp"
    mv "$tmp" "$1/$(cksum < "$tmp" | cut -d' ' -f1)"
}

readers_exts="rs ts py go java kt cs rb php pl sh md yaml toml json .env properties"
fix_exts="rs ts py go rb yaml .env sh json"
find "$root/tests/fixtures" -type f | while read -r f; do
    base=${f##*/}
    case "$base" in
        .env*|*.env) ext=.env ;;
        *.yml) ext=yaml ;;
        *) ext=${base##*.} ;;
    esac
    i=$(index_of "$readers_exts" "$ext"); [ -n "$i" ] && seed "$out/readers" "$i" "$f"
    i=$(index_of "$fix_exts" "$ext"); [ -n "$i" ] && seed "$out/fix" "$i" "$f"
    case "$base" in
        linkedin-lint.toml|.linkedin-lint.toml) seed "$out/config" 0 "$f" ;;
        Cargo.toml) seed "$out/config" 1 "$f" ;;
    esac
done
seed "$out/config" 0 "$root/linkedin-lint.toml"
seed "$out/config" 1 "$root/Cargo.toml"
seed "$out/config" 1 "$root/fuzz/Cargo.toml"
# The embedded table, one seed per section (schema line + the section, cut to under 4 KB at
# an entry boundary), and the first 4 KB of the whole file.
awk -v out="$out/rules" '
    function take() {
        if (length(buf) + length(entry) < 3990) buf = buf entry
        # An entry too long on its own (the versions section): its first lines.
        else if (buf == "") { buf = substr(entry, 1, 3990); sub(/[^\n]*$/, "", buf) }
        entry = ""
    }
    function flush() {
        take()
        if (name != "") { f = out "/section-" name ".yaml"; printf "schema: 1\n%s", buf > f; close(f) }
    }
    /^[a-z_]+:/ { if (!/^schema:/ && !/^updated:/) { flush(); name = substr($1, 1, length($1) - 1); buf = ""; entry = "" } }
    /^  - / { take() }
    name != "" { entry = entry $0 "\n" }
    END { flush() }
' "$root"/rules/*.yaml
head -c 4096 "$root"/rules/linkedin.yaml | sed '$d' > "$out/rules/embedded-head.yaml"
cp "$out"/rules/*.yaml "$out/rule_parse/"
for t in readers fix config rules rule_parse; do
    echo "$t: $(ls "$out/$t" | wc -l) seeds"
done
