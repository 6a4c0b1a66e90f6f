//! Import throughput: documents per second through text extraction (`ametijuhend-extract`) and
//! parsing (`ametijuhend-ingest`) for each format, over the five corpus documents as LibreOffice
//! wrote them (tests/fixtures). Storage is not included (one small transaction per document).
//!
//! Run: `cargo bench -p ametijuhend-extract --bench import` (release build). Prints a table;
//! the numbers in docs/benchmarks.md come from it.

use ametijuhend_extract::{Limits, extract};
use ametijuhend_ingest::{Origin, parse};
use std::time::{Duration, Instant};

const DOCS: &[&str] = &[
    "ska-ametijuhend-osakonnajuhataja-teenuste-osakond",
    "ska-ametijuhend-peakasutaja-perehuvitised",
    "ska-ametijuhend-peaspetsialist-star-kasutajatugi",
    "ska-ametijuhend-veebihaldur",
    "ska-rollikaardid-2024",
];

fn main() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let limits = Limits::default();
    println!("| format | documents | total | per document | documents/s | of which extraction |");
    println!("|---|---|---|---|---|---|");
    for ext in ["txt", "docx", "odt", "pdf"] {
        let files: Vec<(String, Vec<u8>)> = DOCS
            .iter()
            .map(|d| {
                let name = format!("{d}.{ext}");
                let bytes = std::fs::read(format!("{dir}/{name}")).expect("a fixture");
                (name, bytes)
            })
            .collect();
        // Warm up, then run for at least two seconds.
        for (name, bytes) in &files {
            let t = extract(bytes, name, &limits).expect("extracts");
            parse(
                &t.text,
                &Origin {
                    file_name: name.clone(),
                    content_hash: String::new(),
                },
            )
            .expect("parses");
        }
        let (mut n, mut extracting) = (0u32, Duration::ZERO);
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(2) {
            for (name, bytes) in &files {
                let t0 = Instant::now();
                let text = extract(bytes, name, &limits).expect("extracts");
                extracting += t0.elapsed();
                let parsed = parse(
                    &text.text,
                    &Origin {
                        file_name: name.clone(),
                        content_hash: String::new(),
                    },
                )
                .expect("parses");
                std::hint::black_box(parsed);
                n += 1;
            }
        }
        let total = start.elapsed();
        let per = total / n;
        println!(
            "| {ext} | {n} | {:.2} s | {:.2} ms | {:.0} | {:.0} % |",
            total.as_secs_f64(),
            per.as_secs_f64() * 1000.0,
            f64::from(n) / total.as_secs_f64(),
            100.0 * extracting.as_secs_f64() / total.as_secs_f64()
        );
    }
}
