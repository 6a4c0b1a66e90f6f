#!/usr/bin/env python3
"""Builds data/lexicon/et-lexicon.tsv.gz: every inflected form of Estonian nouns, adjectives and
verbs, generated offline with Vabamorf (PyPI `estnltk==1.7.5`, installed with `--no-deps`).

Vocabulary: the stems of a Hunspell Estonian dictionary (Debian package `myspell-et`,
/usr/share/hunspell/et_EE.dic) and the words of the paradigm files given with --tsv (their
`wordform` column). Every word is analysed with Vabamorf (all analyses, no guessing); each noun
(S), adjective (A) and verb (V) lemma that is not a compound is synthesised in all its forms.
Compounds are not stored: the analyzer splits them at run time with this same lexicon, so only
their last part is added (analysed in a second pass); a compound whose last part is no word on
its own ("koos_kõlastus") is kept whole. A dictionary lists few derived words, so candidates are
made from every lemma with the productive suffixes (verbs: -ja, -mine and the participles;
nouns: -lik, -line, -ne, -nik, -kond, -stik, -us) and kept when Vabamorf knows them. Uninflected words (adverbs, adpositions,
conjunctions, indeclinable adjectives) are kept as they are, and so are the beginnings of the
compounds Vabamorf takes apart ("sotsiaal", "välis", "kõrg"): they are valid compound parts
("järele" in "järelevalve"). Numerals are inflected like nouns ("kolme" in "kolmeaastane").

Output lines (UTF-8, sorted, gzip without a timestamp): `lemma<TAB>forms`, each form written as
the number of letters to cut from the end of the lemma and the ending to add ("reegel" →
"2lile" is "reeglile"); the lemma itself is always a form of itself.

Usage:
    pip install --no-deps estnltk==1.7.5
    apt-get install -y myspell-et
    python3 scripts/lexicon/build_lexicon.py --dic /usr/share/hunspell/et_EE.dic \
        --tsv data/lexicon/et-paradigms-corpus.tsv --out data/lexicon/et-lexicon.tsv.gz
"""
import argparse, collections, gzip, importlib.util, re, sys, types

base = importlib.util.find_spec('estnltk').submodule_search_locations[0]
pkg = types.ModuleType('estnltk'); pkg.__path__ = [base]; sys.modules['estnltk'] = pkg
from estnltk.vabamorf.morf import Vabamorf, synthesize  # noqa: E402

NOUN_FORMS = [f'{n} {c}' for n in ('sg', 'pl') for c in
              ['n', 'g', 'p', 'ill', 'in', 'el', 'all', 'ad', 'abl', 'tr', 'ter', 'es', 'ab', 'kom']] + ['adt']
VERB_FORMS = ['ma', 'mas', 'mast', 'maks', 'mata', 'da', 'des', 'b', 'd', 'n', 'me', 'te', 'vad',
              'sin', 's', 'sime', 'site', 'sid', 'ksin', 'ks', 'ksime', 'ksite', 'ksid', 'vat', 'gu',
              'ge', 'o', 'nud', 'tud', 'takse', 'ti', 'tagu', 'taks', 'tav', 'v', 'mine', 'ksid', 'nuks',
              'tuks', 'neg', 'neg o', 'neg nud', 'neg tud', 'mas', 'maks']
INFLECTED = {'S', 'A', 'V', 'N', 'O'}  # nouns, adjectives, verbs, numerals
UNINFLECTED = {'D', 'K', 'J', 'G', 'I'}
WORD = re.compile(r'^[a-zšžõäöü]{2,}$')


def analyse(vm, words):
    """(word, analyses) for words, in batches."""
    words = sorted(words)
    for i in range(0, len(words), 5000):
        chunk = words[i:i + 5000]
        for w, r in zip(chunk, vm.analyze(words=chunk, disambiguate=False, guess=False, propername=False)):
            yield w, r['analysis']


def derivations(lemmas):
    """Candidate derived words of the lemmas (Vabamorf keeps the real ones)."""
    out = set()
    for lemma, pos in lemmas:
        if pos == 'V' and lemma.endswith('ma'):
            stem = lemma[:-2]
            out |= {stem + 'ja', stem + 'mine'}
            for f in ('tav', 'v', 'tud', 'nud'):
                out |= {w.lower() for w in synthesize(lemma, f, partofspeech='V')}
        elif pos == 'S':
            for g in synthesize(lemma, 'sg g', partofspeech='S')[:1]:
                g = g.lower()
                out |= {g + 'lik', g + 'line', g + 'ne', g + 'nik', g + 'kond', g + 'stik'}
                out |= {lemma + 'lik', lemma + 'ne'}
    return {w for w in out if WORD.match(w)}


def encode(lemma, form):
    """A form as (letters cut from the lemma's end, ending added)."""
    k = 0
    while k < min(len(lemma), len(form)) and lemma[k] == form[k]:
        k += 1
    return f'{len(lemma) - k}{form[k:]}'


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--dic', action='append', default=[], help='Hunspell .dic file (ISO-8859-15 or UTF-8)')
    ap.add_argument('--tsv', action='append', default=[], help='paradigm TSV (wordform column)')
    ap.add_argument('--out', required=True)
    args = ap.parse_args()
    words = set()
    for path in args.dic:
        raw = open(path, 'rb').read()
        try:
            text = raw.decode('utf-8')
        except UnicodeDecodeError:
            text = raw.decode('iso-8859-15')
        for line in text.splitlines()[1:]:
            w = line.split('/')[0].strip().lower()
            if WORD.match(w):
                words.add(w)
    for path in args.tsv:
        with open(path, encoding='utf-8') as f:
            header = f.readline().rstrip('\n').split('\t')
            col = header.index('wordform')
            for line in f:
                w = line.rstrip('\n').split('\t')[col].lower()
                if WORD.match(w):
                    words.add(w)
    print(len(words), 'words', file=sys.stderr)
    vm = Vabamorf.instance()
    lemmas = set()       # (lemma, pos) to synthesise
    plain = set()        # uninflected words
    pending = set(words)
    seen = set()
    compounds = collections.defaultdict(set)  # last part -> (compound lemma, pos)
    heads = set()
    derived = False
    while pending:
        nxt = set()
        known = set()
        for w, analyses in analyse(vm, pending):
            for a in analyses:
                pos, tokens = a['partofspeech'], a['root_tokens']
                lemma = a['lemma'].replace('=', '').lower()
                if len(tokens) > 1:
                    # The beginnings of compounds, some of them no word alone ("sotsiaal",
                    # "välis", "kõrg"), are valid compound parts.
                    for head in tokens[:-1]:
                        head = head.replace('=', '').lower()
                        if len(head) >= 3 and WORD.match(head):
                            heads.add(head)
                    last = tokens[-1].replace('=', '').lower()
                    if WORD.match(last) and pos in INFLECTED and WORD.match(lemma):
                        compounds[last].add((lemma, pos))
                        if last not in seen:
                            nxt.add(last)
                    continue
                if not WORD.match(lemma):
                    continue
                if pos in INFLECTED:
                    lemmas.add((lemma, pos))
                    known.add(w)
                elif pos in UNINFLECTED:
                    plain.add(lemma)
                    known.add(w)
        # A last part that is no word by itself: keep its compounds whole.
        for w in pending:
            if w in compounds and w not in known:
                lemmas |= compounds.pop(w)
        seen |= pending
        pending = nxt - seen
        if not pending and not derived:
            derived = True
            pending = derivations(lemmas) - seen
            print(len(pending), 'derivation candidates', file=sys.stderr)
    print(len(lemmas), 'lemmas', len(plain), 'uninflected', len(heads), 'compound beginnings', file=sys.stderr)
    forms = collections.defaultdict(set)
    for lemma, pos in sorted(lemmas):
        wanted = VERB_FORMS if pos == 'V' else NOUN_FORMS
        # the dictionary form: nominative singular, or the ma-infinitive
        head = synthesize(lemma, 'ma' if pos == 'V' else 'sg n', partofspeech=pos)
        if not head:
            continue
        key = head[0].lower()
        for f in dict.fromkeys(wanted):
            for wf in synthesize(lemma, f, partofspeech=pos):
                wf = wf.lower()
                if WORD.match(wf) and wf != key:
                    forms[key].add(encode(key, wf))
        forms.setdefault(key, set())
    # An uninflected word or compound beginning that is also a form of an inflected word is only
    # that form ("asja" is the genitive of "asi"); build.rs applies the same rule.
    taken = set()
    for key, codes in forms.items():
        taken.add(key)
        taken |= {key[:len(key) - int(re.match(r'\d+', c).group())] + re.sub(r'^\d+', '', c) for c in codes}
    for w in (plain | heads) - taken:
        forms.setdefault(w, set())
    n = sum(len(v) + 1 for v in forms.values())
    print(len(forms), 'lemmas written,', n, 'forms', file=sys.stderr)
    with open(args.out, 'wb') as raw:
        with gzip.GzipFile(filename='', mode='wb', fileobj=raw, mtime=0, compresslevel=9) as gz:
            for key in sorted(forms):
                gz.write((key + '\t' + ' '.join(sorted(forms[key])) + '\n').encode('utf-8'))


if __name__ == '__main__':
    main()
