//! Search benchmark: a generated registry of 50,000 positions (override with
//! `AMETIJUHEND_BENCH_POSITIONS`), the index build time, and p50/p99 latency of a fixed set of
//! 100 queries through [`SearchIndex::search`] (hits with sections and snippets, total, all
//! facets). When `AMETIJUHEND_TEST_POSTGRES_URL` is set (see `scripts/with-postgres.sh`), the
//! same documents are loaded into PostgreSQL with a GIN index on a `simple` tsvector and the
//! same queries run there (`plainto_tsquery`/`phraseto_tsquery`, `ts_rank`, top 20 and the
//! total count).
//!
//! Run: `scripts/with-postgres.sh cargo bench -p ametijuhend-search --bench search`

use ametijuhend_domain::{Cefr, LanguageCode, StaffGroup, Status, UnitKind};
use ametijuhend_search::document::{self, Zone, keys};
use ametijuhend_search::query::{Clause, parse};
use ametijuhend_search::{DocKind, Filters, LanguageFilter, Query, SearchIndex, Visibility};
use std::time::{Duration, Instant};

const SEED: u64 = 2024;
const ROUNDS: usize = 5;

const TEXTS: &[&str] = &[
    "kasutajaõigused",
    "kasutajaõiguste",
    "kasutajaõigusi",
    "kasutajaõigus",
    "taotlus",
    "taotluste",
    "nõustamine",
    "nõustamise",
    "koolitused",
    "koolituste",
    "järelevalve",
    "järelevalvesüsteemi",
    "pensionide",
    "lastekaitse",
    "rehabilitatsioon",
    "rehabilitatsiooni",
    "ohvriabi",
    "eelarve",
    "ametijuhendid",
    "ametijuhendite",
    "testimine",
    "kodulehe",
    "infoturve",
    "isikuandmed",
    "isikuandmete",
    "hangete",
    "peaspetsialist",
    "jurist",
    "peakasutaja",
    "veebihaldur",
    "statistika",
    "kriisivalmidus",
    "õigused",
    "süsteem",
    "hindamine",
    "taotluste menetlemine",
    "klientide nõustamine",
    "arendustööde testimine",
    "isikuandmete kaitse",
    "ametijuhendite uuendamine",
    "puhkusegraafiku koostamine",
    "kasutajakontode loomine",
    "kohalike omavalitsuste nõustamine",
    "\"taotluste menetlemine\"",
    "\"kasutajaõiguste andmine\"",
    "\"klientide nõustamine\"",
    "\"riigi vara\"",
    "\"x-tee teenuste\"",
    "\"vahetu juhi\"",
    "\"õigusaktide eelnõude\"",
    "\"kodulehe sisu\"",
    "nõustamine -pensionide",
    "testimine -arendusprojektides",
    "WCAG",
    "lapsendamine",
];

fn filtered(units: &[ametijuhend_domain::UnitId]) -> Vec<(&'static str, Filters)> {
    let ru_b2 = Filters {
        language: Some(LanguageFilter {
            language: LanguageCode::parse("ru").unwrap_or_else(|_| unreachable!()),
            min_level: Cefr::B2,
        }),
        ..Filters::default()
    };
    let en_b1 = Filters {
        language: Some(LanguageFilter {
            language: LanguageCode::parse("en").unwrap_or_else(|_| unreachable!()),
            min_level: Cefr::B1,
        }),
        ..Filters::default()
    };
    let in_force = Filters {
        statuses: vec![Status::InForce],
        ..Filters::default()
    };
    let officials = Filters {
        staff_group: Some(StaffGroup::Official),
        ..Filters::default()
    };
    let family = Filters {
        job_family: Some("Poliitika rakendamine".into()),
        level: Some("4".into()),
        ..Filters::default()
    };
    let positions = Filters {
        kinds: vec![DocKind::Position],
        ..Filters::default()
    };
    let unit = |i: usize| Filters {
        unit: units.get(i % units.len().max(1)).cloned(),
        ..Filters::default()
    };
    let mut out = Vec::new();
    let texts = [
        "kasutajaõigused",
        "taotluste menetlemine",
        "nõustamine",
        "\"klientide nõustamine\"",
        "koolitused",
    ];
    for (i, t) in texts.iter().enumerate() {
        out.push((*t, in_force.clone()));
        out.push((*t, officials.clone()));
        out.push((*t, ru_b2.clone()));
        out.push((*t, en_b1.clone()));
        out.push((*t, family.clone()));
        out.push((*t, positions.clone()));
        out.push((*t, unit(i)));
    }
    for (i, f) in [in_force, ru_b2, family, unit(1), unit(2)]
        .into_iter()
        .enumerate()
    {
        out.push(("", f));
        out.push((
            ["järelevalve", "testimine", "eelarve", "pension", "õigused"][i],
            unit(i + 3),
        ));
    }
    out
}

fn percentile(sorted: &[Duration], p: usize) -> Duration {
    sorted[(sorted.len() * p / 100).min(sorted.len() - 1)]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn report(name: &str, mut samples: Vec<Duration>) {
    samples.sort();
    let mean = samples.iter().sum::<Duration>() / samples.len() as u32;
    println!(
        "| {name} | {} | {} | {} | {} |",
        ms(percentile(&samples, 50)),
        ms(percentile(&samples, 99)),
        ms(mean),
        samples.len()
    );
}

fn dir_size(path: &std::path::Path) -> u64 {
    std::fs::read_dir(path)
        .map(|d| {
            d.flatten()
                .filter_map(|e| e.metadata().ok())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0)
}

/// A line of /proc/self/status in MiB (`VmRSS`: resident now, `VmHWM`: the peak); 0 elsewhere.
fn proc_mib(key: &str) -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(key))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

fn main() {
    if std::env::args().any(|a| a == "--list" || a == "--test") {
        return;
    }
    let n: usize = std::env::var("AMETIJUHEND_BENCH_POSITIONS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(50_000);
    let t = Instant::now();
    let registry = ametijuhend_generate::registry(SEED, n).expect("generate");
    println!(
        "generated {n} positions in {:.1} s",
        t.elapsed().as_secs_f64()
    );
    let depts: Vec<_> = registry
        .units
        .iter()
        .filter(|u| u.current().kind != UnitKind::Agency && u.current().kind != UnitKind::Team)
        .map(|u| u.id.clone())
        .collect();
    let mut queries: Vec<(&str, Filters)> =
        TEXTS.iter().map(|t| (*t, Filters::default())).collect();
    queries.extend(filtered(&depts));
    assert_eq!(queries.len(), 100, "the benchmark runs 100 queries");

    let rss_registry = proc_mib("VmRSS:");
    println!("memory with the generated registry loaded: {rss_registry:.0} MiB resident");
    let dir = tempfile::tempdir().expect("tempdir");
    let index = SearchIndex::open_or_create(dir.path()).expect("index");
    let t = Instant::now();
    let docs = index.index_registry(&registry, Some(1)).expect("build");
    let build = t.elapsed();
    println!(
        "tantivy: indexed {docs} documents in {:.1} s, {:.0} MiB on disk",
        build.as_secs_f64(),
        dir_size(dir.path()) as f64 / 1048576.0
    );

    let mut samples = Vec::new();
    let mut totals = Vec::new();
    for round in 0..=ROUNDS {
        for (text, filters) in &queries {
            let q = Query::new(*text, Visibility::All).with_filters(filters.clone());
            let t = Instant::now();
            let res = index.search(&q).expect("search");
            let el = t.elapsed();
            if round == 0 {
                totals.push(res.total);
            } else {
                samples.push(el);
            }
        }
    }
    println!(
        "memory after indexing and the queries: {:.0} MiB resident ({:+.0} MiB over the registry), peak {:.0} MiB",
        proc_mib("VmRSS:"),
        proc_mib("VmRSS:") - rss_registry,
        proc_mib("VmHWM:")
    );
    println!("\n| engine | p50 | p99 | mean | queries run |\n|---|---|---|---|---|");
    report(
        "tantivy (Estonian analyzer; hits + snippets + facets + total)",
        samples,
    );

    if let Ok(url) = std::env::var("AMETIJUHEND_TEST_POSTGRES_URL") {
        postgres_bench(&url, &registry, &queries, &totals);
    } else {
        println!(
            "\nAMETIJUHEND_TEST_POSTGRES_URL is not set: PostgreSQL skipped (run under scripts/with-postgres.sh)."
        );
    }
}

fn postgres_bench(
    url: &str,
    registry: &ametijuhend_domain::Registry,
    queries: &[(&str, Filters)],
    tantivy_totals: &[usize],
) {
    use postgres::{Client, NoTls};
    let base = url.trim_end_matches('/');
    let db = format!("ametijuhend_bench_{}", std::process::id());
    let mut admin = Client::connect(&format!("{base}/postgres"), NoTls).expect("connect");
    admin
        .batch_execute(&format!("CREATE DATABASE {db}"))
        .expect("create db");
    let mut c = Client::connect(&format!("{base}/{db}"), NoTls).expect("connect db");
    c.batch_execute(
        "CREATE TABLE docs (id text, kind text, title text, purpose text, body text, keys text[])",
    )
    .expect("table");

    let t = Instant::now();
    {
        let mut w = c.copy_in("COPY docs FROM STDIN").expect("copy");
        let esc = |s: &str| s.replace('\\', "\\\\").replace(['\t', '\n', '\r'], " ");
        let arr = |v: &[String]| {
            let inner: Vec<String> = v
                .iter()
                .map(|k| format!("\"{}\"", k.replace('\\', "\\\\\\\\").replace('"', "\\\\\"")))
                .collect();
            format!("{{{}}}", inner.join(","))
        };
        let mut buf = String::new();
        for d in document::registry_docs(registry) {
            let zone = |z: Zone| {
                d.sections
                    .iter()
                    .filter(|s| s.zone() == z)
                    .map(|s| s.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            buf.push_str(&format!(
                "{}\t{}\t{}\t{}\t{}\t{}\n",
                d.id,
                d.kind.as_str(),
                esc(&zone(Zone::Title)),
                esc(&zone(Zone::Purpose)),
                esc(&zone(Zone::Body)),
                esc(&arr(&d.keys)),
            ));
            if buf.len() > 1 << 20 {
                std::io::Write::write_all(&mut w, buf.as_bytes()).expect("write");
                buf.clear();
            }
        }
        std::io::Write::write_all(&mut w, buf.as_bytes()).expect("write");
        w.finish().expect("finish copy");
    }
    let load = t.elapsed();
    let t = Instant::now();
    c.batch_execute(
        "ALTER TABLE docs ADD COLUMN tsv tsvector GENERATED ALWAYS AS (
             setweight(to_tsvector('simple', title), 'A') ||
             setweight(to_tsvector('simple', purpose), 'B') ||
             to_tsvector('simple', body)) STORED;
         CREATE INDEX docs_tsv ON docs USING gin (tsv);
         CREATE INDEX docs_keys ON docs USING gin (keys);
         ANALYZE docs;",
    )
    .expect("index");
    let build = t.elapsed();
    println!(
        "\nPostgreSQL: COPY {:.1} s, tsvector + GIN indexes {:.1} s (total {:.1} s)",
        load.as_secs_f64(),
        build.as_secs_f64(),
        (load + build).as_secs_f64()
    );

    let mut samples = Vec::new();
    let mut pg_totals = Vec::new();
    for round in 0..=ROUNDS {
        for (text, filters) in queries {
            let (sql, params) = pg_query(text, filters);
            let refs: Vec<&(dyn postgres::types::ToSql + Sync)> = params
                .iter()
                .map(|p| p as &(dyn postgres::types::ToSql + Sync))
                .collect();
            let t = Instant::now();
            let rows = c.query(&sql, &refs).expect("pg query");
            let el = t.elapsed();
            if round == 0 {
                pg_totals.push(rows.first().map_or(0, |r| r.get::<_, i64>(2) as usize));
            } else {
                samples.push(el);
            }
        }
    }
    println!("\n| engine | p50 | p99 | mean | queries run |\n|---|---|---|---|---|");
    report(
        "PostgreSQL GIN, simple (top 20 by ts_rank + total)",
        samples,
    );
    let more = tantivy_totals
        .iter()
        .zip(&pg_totals)
        .filter(|(t, p)| t > p)
        .count();
    println!(
        "\nmatches: tantivy found more documents than PostgreSQL for {more} of {} queries (stemming and compound parts); total matches tantivy {}, PostgreSQL {}",
        queries.len(),
        tantivy_totals.iter().sum::<usize>(),
        pg_totals.iter().sum::<usize>()
    );
    drop(c);
    let _ = admin.batch_execute(&format!("DROP DATABASE {db}"));
}

/// The PostgreSQL query for a benchmark query: words with `plainto_tsquery`, phrases with
/// `phraseto_tsquery`, exclusions negated, filters as `keys @> ARRAY[...]`.
fn pg_query(text: &str, f: &Filters) -> (String, Vec<String>) {
    let parsed = parse(text);
    let mut params: Vec<String> = Vec::new();
    let mut parts: Vec<String> = Vec::new();
    let mut words = Vec::new();
    for c in &parsed.include {
        match c {
            Clause::Word(w) => words.push(w.clone()),
            Clause::Phrase(p) => {
                params.push(p.clone());
                parts.push(format!("phraseto_tsquery('simple', ${})", params.len()));
            }
        }
    }
    if !words.is_empty() {
        params.push(words.join(" "));
        parts.push(format!("plainto_tsquery('simple', ${})", params.len()));
    }
    for c in &parsed.exclude {
        let (Clause::Word(w) | Clause::Phrase(w)) = c;
        params.push(w.clone());
        parts.push(format!("!!phraseto_tsquery('simple', ${})", params.len()));
    }
    let mut key_list: Vec<String> = Vec::new();
    if let Some(u) = &f.unit {
        key_list.push(keys::unit(u.as_str()));
    }
    for s in &f.statuses {
        key_list.push(keys::status(*s));
    }
    if let Some(g) = f.staff_group {
        key_list.push(keys::staff_group(g));
    }
    if let Some(l) = &f.language {
        key_list.push(keys::language_at_least(l.language.as_str(), l.min_level));
    }
    match (&f.job_family, &f.level) {
        (Some(fam), Some(lvl)) => key_list.push(keys::job_family_level(fam, lvl)),
        (Some(fam), None) => key_list.push(keys::job_family(fam)),
        _ => {}
    }
    for k in &f.kinds {
        key_list.push(keys::kind(*k));
    }
    let mut conds = Vec::new();
    for k in key_list {
        params.push(k);
        conds.push(format!("keys @> ARRAY[${}]::text[]", params.len()));
    }
    if parts.is_empty() {
        let cond = if conds.is_empty() {
            "true".to_string()
        } else {
            conds.join(" AND ")
        };
        return (
            format!(
                "SELECT id, 0::real, count(*) OVER () FROM docs WHERE {cond} ORDER BY id LIMIT 20"
            ),
            params,
        );
    }
    let q = parts.join(" && ");
    conds.insert(0, "tsv @@ q".into());
    (
        format!(
            "SELECT id, ts_rank(tsv, q) AS r, count(*) OVER () FROM docs, (SELECT {q}) AS t(q) \
             WHERE {} ORDER BY r DESC LIMIT 20",
            conds.join(" AND ")
        ),
        params,
    )
}
