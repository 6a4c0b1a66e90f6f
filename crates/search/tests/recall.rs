//! Recall of the Estonian analyzer measured against Vabamorf, the Estonian morphological
//! analyser: `data/lexicon/et-paradigms-corpus.tsv` holds every form of every noun, adjective
//! and verb of the five corpus documents with its dictionary form, and
//! `data/lexicon/et-paradigms-heldout.tsv` the same for texts the lexicon was not built from
//! (`data/lexicon/heldout-texts/`, made with `scripts/lexicon/gen_paradigms.py`).
//!
//! - **Analyzer recall**: a form is found when the terms the index makes of it share one with
//!   the terms a query of its dictionary form looks for; per part of speech and per form.
//! - **Search recall**: one small document per form in an in-memory index, searched by the
//!   dictionary form.
//! - **Over-conflation**: dictionary forms whose query term is another dictionary form's too
//!   (meede/meetod), and dictionary forms whose query finds a form that the paradigm file does
//!   not give for them.
//!
//! Each measure prints its numbers and the worst misses (run with `--nocapture`), and fails
//! below the floors reached (raise them as the analyzer improves). The Snowball fallback alone
//! is measured beside it for comparison.

mod common;

use ametijuhend_search::analyzer::{analyze_word, query_terms};
use ametijuhend_search::stemmer;
use ametijuhend_search::{Query, SearchIndex, Visibility};
use common::doc;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// One row of a paradigm file.
struct Row {
    pos: String,
    query: String,
    form: String,
    wordform: String,
    freq: u32,
}

fn data(name: &str) -> String {
    format!("{}/../../data/lexicon/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn load(name: &str) -> Vec<Row> {
    let path = data(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or_default().split('\t').collect();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| *h == name)
            .unwrap_or_else(|| panic!("{path}: no column {name}"))
    };
    let (pos, query, form, wordform, freq) = (
        col("pos"),
        col("query"),
        col("form"),
        col("wordform"),
        col("freq"),
    );
    lines
        .enumerate()
        .map(|(i, line)| {
            let f: Vec<&str> = line.split('\t').collect();
            assert!(f.len() == header.len(), "{path} line {}: {line:?}", i + 2);
            Row {
                pos: f[pos].into(),
                query: f[query].into(),
                form: f[form].into(),
                wordform: f[wordform].into(),
                freq: f[freq].parse().unwrap_or(0),
            }
        })
        .collect()
}

/// Terms on the index side and on the query side of a word.
trait Analyzer {
    fn index(&self, word: &str) -> Vec<String>;
    fn query(&self, word: &str) -> Vec<String>;
}

struct Lexicon;
impl Analyzer for Lexicon {
    fn index(&self, word: &str) -> Vec<String> {
        analyze_word(word).text
    }
    fn query(&self, word: &str) -> Vec<String> {
        query_terms(word)
    }
}

/// Snowball Estonian with the fold, as the analyzer was before the lexicon.
struct Snowball;
impl Analyzer for Snowball {
    fn index(&self, word: &str) -> Vec<String> {
        vec![stemmer::stem(word)]
    }
    fn query(&self, word: &str) -> Vec<String> {
        vec![stemmer::stem(word)]
    }
}

#[derive(Default)]
struct Ratio {
    found: usize,
    total: usize,
}

impl Ratio {
    fn add(&mut self, found: bool) {
        self.total += 1;
        self.found += usize::from(found);
    }
    fn pct(&self) -> f64 {
        if self.total == 0 {
            100.0
        } else {
            100.0 * self.found as f64 / self.total as f64
        }
    }
}

/// A missed form: (lemma frequency, query, wordform, form, query terms, form terms).
type Miss = (u32, String, String, String, Vec<String>, Vec<String>);

struct Recall {
    all: Ratio,
    by_pos: BTreeMap<String, Ratio>,
    by_form: BTreeMap<String, Ratio>,
    misses: Vec<Miss>,
    /// Dictionary forms sharing their query term with another one, with an example.
    merged: BTreeMap<String, String>,
    /// Dictionary forms whose query finds a form the file gives only for another one.
    reaching: BTreeMap<String, String>,
    lemmas: usize,
}

fn measure(rows: &[Row], a: &dyn Analyzer) -> Recall {
    let mut index_memo: HashMap<&str, Vec<String>> = HashMap::new();
    let mut query_memo: HashMap<&str, Vec<String>> = HashMap::new();
    let mut r = Recall {
        all: Ratio::default(),
        by_pos: BTreeMap::new(),
        by_form: BTreeMap::new(),
        misses: Vec::new(),
        merged: BTreeMap::new(),
        reaching: BTreeMap::new(),
        lemmas: 0,
    };
    for row in rows {
        let q = query_memo
            .entry(&row.query)
            .or_insert_with(|| a.query(&row.query))
            .clone();
        let f = index_memo
            .entry(&row.wordform)
            .or_insert_with(|| a.index(&row.wordform));
        let found = q.iter().any(|t| f.contains(t));
        r.all.add(found);
        r.by_pos.entry(row.pos.clone()).or_default().add(found);
        let key = format!("{} {}", row.pos, row.form);
        r.by_form.entry(key).or_default().add(found);
        if !found {
            r.misses.push((
                row.freq,
                row.query.clone(),
                row.wordform.clone(),
                row.form.clone(),
                q,
                f.clone(),
            ));
        }
    }
    // Over-conflation.
    let mut forms_of: HashMap<&str, HashSet<&str>> = HashMap::new();
    for row in rows {
        let e = forms_of.entry(&row.query).or_default();
        e.insert(&row.wordform);
        e.insert(&row.query);
    }
    r.lemmas = forms_of.len();
    let mut by_query_term: HashMap<&str, BTreeSet<&str>> = HashMap::new();
    let mut by_index_term: HashMap<&str, Vec<(&str, &str)>> = HashMap::new();
    for (lemma, forms) in &forms_of {
        for t in &query_memo[lemma] {
            by_query_term.entry(t).or_default().insert(lemma);
        }
        for f in forms {
            for t in &index_memo[f] {
                by_index_term.entry(t).or_default().push((lemma, f));
            }
        }
    }
    for (lemma, forms) in &forms_of {
        for t in &query_memo[lemma] {
            if let Some(other) = by_query_term[t.as_str()].iter().find(|o| *o != lemma) {
                r.merged.insert(lemma.to_string(), other.to_string());
            }
            let reach = by_index_term.get(t.as_str()).and_then(|v| {
                v.iter()
                    .find(|(l, f)| l != lemma && !forms.contains(f))
                    .map(|(l, f)| format!("{f} ({l})"))
            });
            if let Some(example) = reach {
                r.reaching.insert(lemma.to_string(), example);
            }
        }
    }
    r.misses
        .sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    r
}

fn pct(n: usize, of: usize) -> f64 {
    100.0 * n as f64 / of.max(1) as f64
}

fn print(title: &str, r: &Recall) {
    println!("== {title}: {} forms of {} lemmas", r.all.total, r.lemmas);
    println!("form recall {:.1} %", r.all.pct());
    for (pos, ratio) in &r.by_pos {
        println!(
            "  {pos}: {:.1} % ({}/{})",
            ratio.pct(),
            ratio.found,
            ratio.total
        );
    }
    let mut forms: Vec<(&String, &Ratio)> = r.by_form.iter().collect();
    forms.sort_by(|a, b| a.1.pct().total_cmp(&b.1.pct()));
    let line: Vec<String> = forms
        .iter()
        .map(|(k, v)| format!("{k} {:.0}%", v.pct()))
        .collect();
    println!("  per form, weakest first: {}", line.join(", "));
    println!(
        "merged dictionary forms {:.2} % ({}), reaching other lemmas' forms {:.2} % ({})",
        pct(r.merged.len(), r.lemmas),
        r.merged.len(),
        pct(r.reaching.len(), r.lemmas),
        r.reaching.len()
    );
    let ex: Vec<String> = r
        .merged
        .iter()
        .take(12)
        .map(|(a, b)| format!("{a}/{b}"))
        .collect();
    println!("  merged e.g.: {}", ex.join(", "));
    let ex: Vec<String> = r
        .reaching
        .iter()
        .take(12)
        .map(|(a, b)| format!("{a}→{b}"))
        .collect();
    println!("  reaching e.g.: {}", ex.join(", "));
    let mut by_lemma: BTreeMap<&str, usize> = BTreeMap::new();
    for m in &r.misses {
        *by_lemma.entry(&m.1).or_default() += 1;
    }
    let mut by_lemma: Vec<(&str, usize)> = by_lemma.into_iter().collect();
    by_lemma.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    let ex: Vec<String> = by_lemma
        .iter()
        .take(30)
        .map(|(l, n)| format!("{l} {n}"))
        .collect();
    println!(
        "  lemmas with missed forms ({}): {}",
        by_lemma.len(),
        ex.join(", ")
    );
    println!("  worst misses (by lemma frequency):");
    for (freq, q, w, form, qt, ft) in r.misses.iter().take(20) {
        println!("    {freq:>4} {q} / {w} ({form}): {qt:?} vs {ft:?}");
    }
}

/// Floors for one file: overall, per part of speech, merged and reaching (percent).
struct Floors {
    all: f64,
    pos: f64,
    merged: f64,
    reaching: f64,
}

fn check(title: &str, rows: &[Row], floors: &Floors) {
    let r = measure(rows, &Lexicon);
    print(title, &r);
    let base = measure(rows, &Snowball);
    println!(
        "  (Snowball with the fold alone: {:.1} %, S {:.1} A {:.1} V {:.1}, merged {:.2} %)",
        base.all.pct(),
        base.by_pos.get("S").map_or(0.0, Ratio::pct),
        base.by_pos.get("A").map_or(0.0, Ratio::pct),
        base.by_pos.get("V").map_or(0.0, Ratio::pct),
        pct(base.merged.len(), base.lemmas)
    );
    assert!(
        r.all.pct() >= floors.all,
        "{title}: recall {:.1}",
        r.all.pct()
    );
    for (pos, ratio) in &r.by_pos {
        assert!(
            ratio.pct() >= floors.pos,
            "{title}: {pos} recall {:.1}",
            ratio.pct()
        );
    }
    let merged = pct(r.merged.len(), r.lemmas);
    assert!(merged <= floors.merged, "{title}: merged {merged:.2} %");
    let reaching = pct(r.reaching.len(), r.lemmas);
    assert!(
        reaching <= floors.reaching,
        "{title}: reaching {reaching:.2} %"
    );
    // The analyzer must beat the stemmer it replaces, or the lexicon did not load.
    assert!(r.all.pct() > base.all.pct() + 10.0);
}

#[test]
fn corpus_paradigms_meet_their_dictionary_form() {
    let rows = load("et-paradigms-corpus.tsv");
    assert!(rows.len() > 30_000, "{} rows", rows.len());
    check(
        "corpus",
        &rows,
        &Floors {
            all: 99.0,
            pos: 98.5,
            merged: 0.5,
            reaching: 4.5,
        },
    );
}

#[test]
fn held_out_paradigms_meet_their_dictionary_form() {
    let corpus: HashSet<String> = load("et-paradigms-corpus.tsv")
        .into_iter()
        .map(|r| r.query)
        .collect();
    let rows = load("et-paradigms-heldout.tsv");
    assert!(rows.len() > 15_000, "{} rows", rows.len());
    check(
        "held-out texts",
        &rows,
        &Floors {
            all: 99.0,
            pos: 97.5,
            merged: 0.5,
            reaching: 2.0,
        },
    );
    let unseen: Vec<Row> = rows
        .into_iter()
        .filter(|r| !corpus.contains(&r.query))
        .collect();
    check(
        "held-out lemmas not in the corpus",
        &unseen,
        &Floors {
            all: 99.0,
            pos: 97.5,
            merged: 0.5,
            reaching: 2.0,
        },
    );
}

/// Search-level recall: one document per distinct form, searched by each dictionary form. To
/// keep the test fast, every `SAMPLE`th dictionary form (in file order) is taken.
fn search_recall(all: &[Row]) -> (Ratio, Vec<String>) {
    const SAMPLE: usize = 4;
    let mut chosen: Vec<&str> = all.iter().map(|r| r.query.as_str()).collect();
    chosen.dedup();
    let chosen: HashSet<&str> = chosen.into_iter().step_by(SAMPLE).collect();
    let rows: Vec<&Row> = all
        .iter()
        .filter(|r| chosen.contains(r.query.as_str()))
        .collect();
    let index = SearchIndex::in_memory().expect("in-memory index");
    let forms: BTreeSet<&str> = rows.iter().map(|r| r.wordform.as_str()).collect();
    for f in &forms {
        index
            .upsert(&doc(f, "Dokument", &[("purpose", f)]))
            .expect("upsert");
    }
    index.commit(None).expect("commit");
    let mut by_query: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for r in &rows {
        by_query.entry(&r.query).or_default().push(&r.wordform);
    }
    let mut ratio = Ratio::default();
    let mut misses = Vec::new();
    for (q, wanted) in by_query {
        let mut found: HashSet<String> = HashSet::new();
        let mut offset = 0;
        loop {
            let res = index
                .search(&Query::new(q, Visibility::All).with_page(200, offset))
                .expect("search");
            let n = res.hits.len();
            found.extend(res.hits.into_iter().map(|h| h.id));
            offset += n;
            if n == 0 || offset >= res.total {
                break;
            }
        }
        for w in wanted {
            let ok = found.contains(w);
            ratio.add(ok);
            if !ok && misses.len() < 15 {
                misses.push(format!("{q}/{w}"));
            }
        }
    }
    (ratio, misses)
}

#[test]
fn searching_a_dictionary_form_finds_every_form() {
    for (name, floor) in [
        ("et-paradigms-corpus.tsv", 98.5),
        ("et-paradigms-heldout.tsv", 98.5),
    ] {
        let rows = load(name);
        let (ratio, misses) = search_recall(&rows);
        println!(
            "search recall {name}: {:.1} % ({}/{}); misses e.g. {}",
            ratio.pct(),
            ratio.found,
            ratio.total,
            misses.join(", ")
        );
        assert!(ratio.pct() >= floor, "{name}: {:.1}", ratio.pct());
    }
}
