#!/usr/bin/env bash
# Regenerates the binary test fixtures of crates/extract (crates/extract/tests/fixtures/).
#
# Not run by CI: the fixtures are committed. Run it by hand after the corpus changes:
#
#     scripts/make-fixtures.sh            # corpus from ../shared/corpus beside the repo
#     CORPUS_DIR=/path/to/corpus scripts/make-fixtures.sh
#
# Needs (Debian): libreoffice-writer-nogui (soffice), qpdf.
#     apt-get install -y --no-install-recommends libreoffice-writer-nogui qpdf
#
# What it makes, for every corpus file NAME.txt:
#   NAME.txt   a verbatim copy (the expected text; tests do not depend on shared/)
#   NAME.docx  LibreOffice "Office Open XML Text" export of the text
#   NAME.odt   LibreOffice ODF text export of the text
#   NAME.pdf   LibreOffice PDF export of the text
# The text is imported with the "Text (encoded)" filter set to UTF-8 so that the Estonian
# letters (õ ä ö ü š ž) survive; without it soffice guesses the system charset.
# Plus:
#   ska-ametijuhend-peaspetsialist-star-kasutajatugi-table.docx / .odt
#       the 2024-template general part and first task written as a real two-column
#       table (label cell | value cell), made from an HTML file.
#   encrypted-user-password.pdf
#       the smallest corpus PDF encrypted with qpdf (AES-256, user password "secret").
#   encrypted-empty-user-password.pdf
#       the same with an empty user password (opens without a password, like many
#       "protected" PDFs in the wild: only the permissions are restricted).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="${CORPUS_DIR:-$repo/../shared/corpus}"
out="$repo/crates/extract/tests/fixtures"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

command -v soffice >/dev/null || { echo "soffice not found: apt-get install libreoffice-writer-nogui" >&2; exit 1; }
command -v qpdf >/dev/null || { echo "qpdf not found: apt-get install qpdf" >&2; exit 1; }
[ -d "$corpus" ] || { echo "corpus not found at $corpus (set CORPUS_DIR)" >&2; exit 1; }

mkdir -p "$out"
# A private LibreOffice profile so that a running office or a user's settings do not interfere.
profile="-env:UserInstallation=file://$work/profile"
text_filter="Text (encoded):UTF8,LF,,,"

for txt in "$corpus"/*.txt; do
    base="$(basename "$txt" .txt)"
    install -m 644 "$txt" "$out/$base.txt"
    for fmt in docx odt pdf; do
        soffice "$profile" --headless --infilter="$text_filter" \
            --convert-to "$fmt" --outdir "$work" "$txt" >/dev/null
        mv "$work/$base.$fmt" "$out/$base.$fmt"
    done
done

# The two-column table document (2024 template: "label | value").
table_base="ska-ametijuhend-peaspetsialist-star-kasutajatugi-table"
cat >"$work/$table_base.html" <<'HTML'
<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Ametijuhend</title></head><body>
<p>1. Üldosa</p>
<table border="1">
<tr><td>Struktuuriüksus</td><td>Arendusosakond, arendustalitus</td></tr>
<tr><td>Teenistuskoht</td><td>Peaspetsialist (STAR kasutajatugi)</td></tr>
<tr><td>Vahetu juht</td><td>Juhtivspetsialist (kasutajatugi)</td></tr>
<tr><td>Alluvad</td><td>-</td></tr>
<tr><td>Teenistuja asendab</td><td>Peaspetsialist, juhtivspetsialist (kasutajatugi)</td></tr>
<tr><td>Teenistuja asendaja</td><td>Peaspetsialist, juhtivspetsialist (kasutajatugi)</td></tr>
<tr><td>Teenistuskoha eesmärk</td><td>Kasutajate nõustamine sotsiaalkaitse infosüsteemi (SKAIS) rakenduste ning sotsiaalteenuste ja -toetuste andmeregistri (STAR) rakenduse kasutamise küsimuste ning nendega seotud probleemidega ning lahenduste info kogumine, organiseerimine ning vahendamine (sh kasutajaõiguste omistamine SKAISis ja STARis ning muudes vajalikes registrites).</td></tr>
<tr><td>Ametikoha grupp</td><td>Töötaja</td></tr>
<tr><td>Eritingimused</td><td>Eritingimused määratakse töölepingus.</td></tr>
</table>
<p>2. Peamised teenistusülesanded</p>
<table border="1">
<tr><td>Peamised teenistusülesanded</td><td>Oodatavad tulemused</td></tr>
<tr><td>2.1. Teenistujate nõustamine SKAISi ja STARi rakenduste kasutamisel, nendega seotud funktsionaalsuste toimimist ja andmeprobleeme puudutava info kogumine, organiseerimine, vahendamine ja lahendamine.</td>
<td><ul><li>SKAIS ja STAR rakendustoe poole pöördunute juhtumid on menetletud vastavalt kokkulepitud raamistikule.</li>
<li>Rakendustoe poole pöördujad on saanud asjakohast teavet.</li></ul></td></tr>
</table>
</body></html>
HTML
for fmt in docx odt; do
    soffice "$profile" --headless --infilter="HTML (StarWriter)" \
        --convert-to "$fmt" --outdir "$work" "$work/$table_base.html" >/dev/null
    mv "$work/$table_base.$fmt" "$out/$table_base.$fmt"
done

# Encrypted PDFs, from the smallest corpus PDF.
small="$(ls -S "$out"/ska-*.pdf | tail -n 1)"
qpdf --encrypt secret owner-secret 256 -- "$small" "$out/encrypted-user-password.pdf"
qpdf --encrypt "" owner-secret 256 -- "$small" "$out/encrypted-empty-user-password.pdf"

ls -l "$out"
