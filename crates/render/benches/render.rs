//! Rendering benchmark: renders N (default 1,000) different job descriptions to PDF and to DOCX
//! in-process, one after another on one thread, then converts the same DOCX files to PDF with
//! LibreOffice (`soffice --headless --convert-to pdf`, in batches) for comparison, and prints a
//! Markdown report (also written to `$CARGO_TARGET_DIR/render-bench.md`).
//!
//! Run: `cargo bench -p ametijuhend-render --bench render`. Environment: `BENCH_N` (number of
//! documents), `BENCH_LO_BATCH` (files per LibreOffice call, default 50), `BENCH_LO=0` skips
//! LibreOffice. No timing is asserted anywhere; this only measures.

#[path = "../tests/common/corpus_records.rs"]
mod corpus_records;

use ametijuhend_domain::{JobDescription, JobDescriptionId, PositionId, Registry, Template};
use ametijuhend_render::{Format, JobDescriptionOptions, StampChoice};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// The corpus documents varied so that no two are the same: title, unit, order and number of
/// duties, a numbered extra duty, both templates.
fn documents(n: usize) -> Vec<(JobDescription, Template)> {
    let corpus: Vec<JobDescription> = corpus_records::corpus_job_descriptions()
        .into_iter()
        .map(|(_, jd)| jd)
        .collect();
    (0..n)
        .map(|i| {
            let mut jd = corpus[i % corpus.len()].clone();
            jd.id = JobDescriptionId::derived(&format!("bench {i}"));
            jd.position = PositionId::derived(&format!("bench {i}"));
            jd.general.specialisation = Some(format!("ametikoht {}", i + 1));
            jd.general.unit = format!("{}, {}. talitus", jd.general.unit, i % 17 + 1);
            let len = jd.duties.len();
            if len > 3 {
                jd.duties.rotate_left(i % len);
                jd.duties.truncate(len - i % 3);
            }
            jd.duties.push(ametijuhend_domain::Duty {
                number: String::new(),
                text: format!(
                    "Projekti nr {i} tegevuste korraldamine koostöös teiste struktuuriüksustega."
                ),
                expected_results: vec![format!("Projekt nr {i} on ellu viidud tähtaegselt.")],
            });
            let template = if i % 2 == 0 {
                Template::Ska2024
            } else {
                Template::Ska2023
            };
            (jd, template)
        })
        .collect()
}

struct Timing {
    total: Duration,
    per_doc: Vec<Duration>,
    bytes: usize,
}

impl Timing {
    fn quantile(&self, q: f64) -> Duration {
        let mut v = self.per_doc.clone();
        v.sort();
        v.get(((v.len() as f64 - 1.0) * q).round() as usize)
            .copied()
            .unwrap_or_default()
    }
}

fn render_all(
    registry: &Registry,
    docs: &[(JobDescription, Template)],
    format: Format,
    keep: Option<&Path>,
) -> Timing {
    let mut per_doc = Vec::with_capacity(docs.len());
    let mut bytes = 0;
    let start = Instant::now();
    for (i, (jd, template)) in docs.iter().enumerate() {
        let options = JobDescriptionOptions {
            template: *template,
            stamp: StampChoice::Auto,
        };
        let t = Instant::now();
        let out = ametijuhend_render::render_job_description(registry, jd, format, &options)
            .unwrap_or_else(|e| panic!("document {i}: {e}"));
        per_doc.push(t.elapsed());
        bytes += out.len();
        if let Some(dir) = keep {
            std::fs::write(dir.join(format!("jd-{i:04}.{}", format.extension())), &out)
                .expect("write output");
        }
    }
    Timing {
        total: start.elapsed(),
        per_doc,
        bytes,
    }
}

/// Converts the DOCX files with LibreOffice in batches; returns the total time and the number
/// of PDFs it wrote.
fn libreoffice(dir: &Path, files: usize, batch: usize) -> Option<(Duration, usize, Duration)> {
    let profile = dir.join("lo-profile");
    let out = dir.join("lo-pdf");
    std::fs::create_dir_all(&out).ok()?;
    let run = |paths: &[PathBuf]| {
        Command::new("soffice")
            .arg(format!(
                "-env:UserInstallation=file://{}",
                profile.display()
            ))
            .args([
                "--headless",
                "--norestore",
                "--convert-to",
                "pdf",
                "--outdir",
            ])
            .arg(&out)
            .args(paths)
            .output()
    };
    // Start-up of a fresh profile is not counted: one warm-up conversion first.
    let warm = Instant::now();
    run(&[dir.join("jd-0000.docx")]).ok()?;
    let warm = warm.elapsed();
    let _ = std::fs::remove_file(out.join("jd-0000.pdf"));
    let paths: Vec<PathBuf> = (0..files)
        .map(|i| dir.join(format!("jd-{i:04}.docx")))
        .collect();
    let start = Instant::now();
    for chunk in paths.chunks(batch.max(1)) {
        let o = run(chunk).ok()?;
        if !o.status.success() {
            eprintln!("soffice failed: {}", String::from_utf8_lossy(&o.stderr));
        }
    }
    let total = start.elapsed();
    let done = std::fs::read_dir(&out).ok()?.count();
    Some((total, done, warm))
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn row(name: &str, n: usize, t: &Timing) -> String {
    format!(
        "| {name} | {n} | {:.2} s | {} | {} | {} | {:.0} docs/s | {:.1} MB |\n",
        t.total.as_secs_f64(),
        ms(t.total / n.max(1) as u32),
        ms(t.quantile(0.5)),
        ms(t.quantile(0.95)),
        n as f64 / t.total.as_secs_f64(),
        t.bytes as f64 / 1e6
    )
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` runs this with no `--bench`: then
    // only check that it works on a few documents.
    let benching = std::env::args().any(|a| a == "--bench");
    let n: usize = std::env::var("BENCH_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if benching { 1000 } else { 4 });
    let batch: usize = std::env::var("BENCH_LO_BATCH")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(50);
    let with_lo = benching && std::env::var("BENCH_LO").map_or(true, |v| v != "0");

    let registry = corpus_records::corpus_registry();
    let docs = documents(n);
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("target"));
    let dir = target.join("render-bench");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create bench dir");

    // The first PDF pays for loading the fonts and building typst's library.
    let cold = Instant::now();
    let options = JobDescriptionOptions::default();
    ametijuhend_render::render_job_description(&registry, &docs[0].0, Format::Pdf, &options)
        .expect("first pdf");
    let cold = cold.elapsed();

    let pdf = render_all(&registry, &docs, Format::Pdf, None);
    let docx = render_all(&registry, &docs, Format::Docx, Some(&dir));
    let html = render_all(&registry, &docs, Format::Html, None);

    let mut report = String::new();
    report.push_str(&format!(
        "{n} job descriptions (the four corpus documents varied; half in the 2024, half in the 2023 template), one thread, release build.\n\n"
    ));
    report
        .push_str("| what | docs | total | mean per doc | median | p95 | throughput | output |\n");
    report.push_str("|---|---:|---:|---:|---:|---:|---:|---:|\n");
    report.push_str(&row("PDF (typst, in-process)", n, &pdf));
    report.push_str(&row("DOCX (in-process)", n, &docx));
    report.push_str(&row("HTML (in-process)", n, &html));
    if with_lo {
        match libreoffice(&dir, n, batch) {
            Some((total, done, warm)) => report.push_str(&format!(
                "| DOCX → PDF (LibreOffice `soffice --headless --convert-to pdf`, batches of {batch}) | {done} | {:.2} s | {} | – | – | {:.1} docs/s | – |\n\n\
                 LibreOffice's warm-up conversion (fresh profile, not counted above): {}. \
                 PDF via typst is {:.0}× faster per document than LibreOffice's conversion of the DOCX.\n",
                total.as_secs_f64(),
                ms(total / done.max(1) as u32),
                done as f64 / total.as_secs_f64(),
                ms(warm),
                (total.as_secs_f64() / done.max(1) as f64) / (pdf.total.as_secs_f64() / n as f64),
            )),
            None => report.push_str("\nLibreOffice (`soffice`) is not installed: its conversion was not measured.\n"),
        }
    }
    report.push_str(&format!(
        "\nFirst PDF of the process (fonts loaded, typst library built): {}.\n",
        ms(cold)
    ));
    println!("{report}");
    let _ = std::fs::write(target.join("render-bench.md"), &report);
    if !benching {
        let _ = std::fs::remove_dir_all(&dir);
    }
}
