//! Compiles the Estonian lexicon (`data/lexicon/et-lexicon.tsv.gz`, generated offline from
//! Vabamorf by `scripts/lexicon/build_lexicon.py`) into the automata the analyzer reads:
//!
//! - `lexicon.fst`: every word form → the id of its set of rules, a rule being "cut N letters
//!   from the end of the form, add this ending" to reach one of its dictionary forms;
//! - `needles.fst`: every dictionary form → how many of its first letters all its forms share
//!   (the snippet's quick test whether a text can hold a form of it);
//! - `lexicon_rules.rs`: the endings and the rule sets, and a fingerprint of the data that the
//!   index records (an index written with another lexicon is rebuilt).
//!
//! Nothing is downloaded: the data file is in the repository.

use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR"));
    let src = manifest.join("../../data/lexicon/et-lexicon.tsv.gz");
    println!("cargo:rerun-if-changed={}", src.display());
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));

    let mut raw = Vec::new();
    std::fs::File::open(&src)
        .and_then(|mut f| f.read_to_end(&mut raw))
        .unwrap_or_else(|e| {
            panic!(
                "{}: {e} (regenerate it with scripts/lexicon/build_lexicon.py)",
                src.display()
            )
        });
    let fingerprint = raw.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    });

    // form → set of (letters cut, ending index)
    let mut endings: Vec<String> = Vec::new();
    let mut ending_ids: HashMap<String, u16> = HashMap::new();
    let mut pairs: Vec<(String, (u8, u16))> = Vec::new();
    let mut needles: Vec<(String, u64)> = Vec::new();
    let reader = BufReader::new(flate2::read::GzDecoder::new(&raw[..]));
    let lines: Vec<String> = reader
        .lines()
        .enumerate()
        .map(|(n, line)| line.unwrap_or_else(|e| panic!("{} line {}: {e}", src.display(), n + 1)))
        .collect();
    // A word listed without forms (an uninflected word, a compound beginning) that is also a
    // form of an inflected word is only that form: "asja" stays the genitive of "asi", not a
    // dictionary form of its own that a query would look for alone.
    let mut inflected: HashSet<String> = HashSet::new();
    for line in &lines {
        if let Some((lemma, codes)) = line.split_once('\t')
            && !codes.trim().is_empty()
        {
            inflected.insert(lemma.to_string());
            let lemma: Vec<char> = lemma.chars().collect();
            for code in codes.split_whitespace() {
                let digits = code.chars().take_while(char::is_ascii_digit).count();
                let cut: usize = code[..digits].parse().unwrap_or(usize::MAX);
                if cut <= lemma.len() {
                    let mut form: String = lemma[..lemma.len() - cut].iter().collect();
                    form.push_str(&code[digits..]);
                    inflected.insert(form);
                }
            }
        }
    }
    for (n, line) in lines.iter().enumerate() {
        let (lemma, codes) = line.split_once('\t').unwrap_or((line.as_str(), ""));
        if codes.trim().is_empty() && inflected.contains(lemma) {
            continue;
        }
        let lemma: Vec<char> = lemma.chars().collect();
        let mut all: Vec<Vec<char>> = vec![lemma.clone()];
        for code in codes.split_whitespace() {
            let digits = code.chars().take_while(char::is_ascii_digit).count();
            let cut: usize = code[..digits].parse().unwrap_or_else(|_| {
                panic!("{} line {}: bad form code {code:?}", src.display(), n + 1)
            });
            assert!(
                cut <= lemma.len(),
                "{} line {}: form code {code:?} cuts more than the word",
                src.display(),
                n + 1
            );
            let mut form = lemma[..lemma.len() - cut].to_vec();
            form.extend(code[digits..].chars());
            all.push(form);
        }
        let mut shared = lemma.len();
        for form in &all {
            let common = form.iter().zip(&lemma).take_while(|(a, b)| a == b).count();
            shared = shared.min(common);
            let cut = u8::try_from(form.len() - common).expect("a cut of under 256 letters");
            let ending: String = lemma[common..].iter().collect();
            let next = u16::try_from(endings.len()).expect("under 65536 endings");
            let id = *ending_ids.entry(ending.clone()).or_insert_with(|| {
                endings.push(ending);
                next
            });
            pairs.push((form.iter().collect(), (cut, id)));
        }
        needles.push((lemma.iter().collect(), shared as u64));
    }
    pairs.sort_unstable();
    pairs.dedup();
    needles.sort_unstable();
    // A dictionary form listed twice keeps the shorter shared beginning (the first after sorting).
    needles.dedup_by(|b, a| a.0 == b.0);
    let mut forms: Vec<(&str, Vec<(u8, u16)>)> = Vec::new();
    for (form, rule) in &pairs {
        match forms.last_mut() {
            Some((f, rules)) if *f == form.as_str() => rules.push(*rule),
            _ => forms.push((form, vec![*rule])),
        }
    }

    let mut sets: Vec<Vec<(u8, u16)>> = Vec::new();
    let mut set_ids: HashMap<Vec<(u8, u16)>, u64> = HashMap::new();
    let mut builder = tantivy_fst::MapBuilder::memory();
    for (form, rules) in &forms {
        let next = sets.len() as u64;
        let id = *set_ids.entry(rules.clone()).or_insert_with(|| {
            sets.push(rules.clone());
            next
        });
        builder.insert(form, id).expect("forms in order");
    }
    let fst = builder.into_inner().expect("lexicon automaton");
    std::fs::write(out.join("lexicon.fst"), fst).expect("write lexicon.fst");

    let mut builder = tantivy_fst::MapBuilder::memory();
    for (lemma, shared) in &needles {
        builder.insert(lemma, *shared).expect("lemmas in order");
    }
    let fst = builder.into_inner().expect("needle automaton");
    std::fs::write(out.join("needles.fst"), fst).expect("write needles.fst");

    let mut rs = std::fs::File::create(out.join("lexicon_rules.rs")).expect("lexicon_rules.rs");
    writeln!(
        rs,
        "/// A fingerprint of the lexicon data (FNV-1a of the file)."
    )
    .unwrap();
    writeln!(rs, "pub const LEXICON_FINGERPRINT: u64 = {fingerprint:#x};").unwrap();
    writeln!(rs, "/// Number of word forms in the lexicon.").unwrap();
    writeln!(rs, "pub const LEXICON_FORMS: usize = {};", forms.len()).unwrap();
    writeln!(rs, "/// Number of dictionary forms in the lexicon.").unwrap();
    writeln!(rs, "pub const LEXICON_LEMMAS: usize = {};", needles.len()).unwrap();
    writeln!(rs, "static ENDINGS: &[&str] = &{endings:?};").unwrap();
    write!(rs, "static RULE_SETS: &[&[(u8, u16)]] = &[").unwrap();
    for s in &sets {
        write!(rs, "&{s:?},").unwrap();
    }
    writeln!(rs, "];").unwrap();
}
