//! Helpers of the integration tests: the corpus fixtures, golden-file comparison
//! (`UPDATE_GOLDEN=1` rewrites the files), DOCX unzipping, and the external programs
//! (pdftotext from poppler-utils, LibreOffice), which fail the test with a clear message when
//! they are missing.

#![allow(dead_code)]

pub mod corpus_records;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

pub fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

/// Compares `actual` with the golden file `name`, or rewrites it when `UPDATE_GOLDEN=1`.
pub fn check_golden(name: &str, actual: &str) {
    let path = golden_dir().join(name);
    if std::env::var("UPDATE_GOLDEN").is_ok_and(|v| v == "1") {
        std::fs::create_dir_all(golden_dir()).expect("create tests/golden");
        std::fs::write(&path, actual).expect("write golden file");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "golden file {} cannot be read ({e}): run UPDATE_GOLDEN=1 cargo test -p ametijuhend-render to create it",
            path.display()
        )
    });
    if expected != actual {
        let first = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
        panic!(
            "{name} differs from the golden file at line {}:\n  golden: {:?}\n  actual: {:?}\n\
             If the change is intended, run UPDATE_GOLDEN=1 cargo test -p ametijuhend-render and review the diff.",
            first + 1,
            expected.lines().nth(first),
            actual.lines().nth(first),
        );
    }
}

/// One file of a zip archive as text.
pub fn zip_entry(docx: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("the DOCX is a zip");
    let mut f = archive
        .by_name(name)
        .unwrap_or_else(|_| panic!("{name} is in the DOCX"));
    let mut s = String::new();
    f.read_to_string(&mut s).expect("the entry is UTF-8");
    s
}

/// Fails with the Debian package to install when `program` is missing.
pub fn require(program: &str, package: &str) {
    let found = Command::new(program)
        .arg(if program == "pdftotext" {
            "-v"
        } else {
            "--version"
        })
        .output()
        .is_ok();
    assert!(
        found,
        "`{program}` is not installed: install the Debian package {package} (apt-get install {package})"
    );
}

/// The text of a PDF as pdftotext (poppler-utils) extracts it, in reading order.
pub fn pdftotext(pdf: &[u8]) -> String {
    require("pdftotext", "poppler-utils");
    let dir = tempdir("pdftotext");
    let input = dir.join("in.pdf");
    std::fs::write(&input, pdf).expect("write PDF");
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&input)
        .arg("-")
        .output()
        .expect("run pdftotext");
    assert!(
        out.status.success(),
        "pdftotext failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let _ = std::fs::remove_dir_all(&dir);
    String::from_utf8(out.stdout).expect("pdftotext prints UTF-8")
}

/// A fresh directory under the target directory.
pub fn tempdir(name: &str) -> PathBuf {
    let base = std::env::var_os("CARGO_TARGET_TMPDIR")
        .map(PathBuf::from)
        .unwrap_or_else(std::env::temp_dir);
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = base.join(format!("{name}-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create temp dir");
    dir
}
