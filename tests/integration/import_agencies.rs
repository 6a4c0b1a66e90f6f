//! `ametijuhend import` with other agencies' forms and unsafe folders: `--dry-run` lists the
//! labels it does not know with their lines, `--labels FILE` (and `labels.toml` in the data
//! directory) teaches it new ones, a bad lexicon file is refused with its line; link loops,
//! FIFOs and devices, the same file twice and control characters in names are skipped with a
//! report line and the batch goes on.

use crate::support::Registry;
use serde_json::Value;
use std::path::Path;

const FORM: &str = "NÕUNIKU AMETIJUHEND

Ametikoha nimi: Nõunik
Struktuuriüksus: Õigusosakond
Kellele allub: Osakonna juhatajale
Asendaja: Jurist

TÖÖÜLESANDED
1. Koostab õigusaktide eelnõusid.
";

fn write(p: &Path, text: &str) {
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

fn records(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn unknown_labels_are_listed_and_a_labels_file_maps_them() {
    let reg = Registry::sqlite();
    let doc = reg.path("nounik.txt");
    write(&doc, FORM);
    let doc = doc.to_str().unwrap();

    let out = reg.run(&["import", "--dry-run", "--json", doc]).ok();
    assert!(
        out.stderr
            .contains("unknown label nounik.txt:3: 'Ametikoha nimi'")
            || out.stderr.contains(":3: 'Ametikoha nimi'"),
        "{}",
        out.stderr
    );
    let r = &records(&out.stdout)[0];
    assert_eq!(r["position"]["title"], "Nõunik", "from the heading");
    assert_eq!(r["position"]["supervisor"], "Osakonna juhataja");
    assert_eq!(r["position"]["substituted_by"][0], "Jurist");

    // The agency's file maps the label: no longer unknown, and the title comes from it.
    let labels = reg.path("asutus.toml");
    write(&labels, "[fields]\ntitle = [\"ametikoha nimi\"]\n");
    let out = reg
        .run(&[
            "import",
            "--dry-run",
            "--json",
            "--labels",
            labels.to_str().unwrap(),
            doc,
        ])
        .ok();
    assert!(!out.stderr.contains("unknown label"), "{}", out.stderr);
    let r = &records(&out.stdout)[0];
    assert_eq!(r["position"]["title"], "Nõunik");
    let warnings = r["warnings"].to_string();
    assert!(
        !warnings.contains("taken from the document heading"),
        "{warnings}"
    );

    // The same file in the data directory works without --labels.
    write(
        &reg.path("labels.toml"),
        "[fields]\ntitle = [\"ametikoha nimi\"]\n",
    );
    let out = reg.run(&["import", "--dry-run", doc]).ok();
    assert!(!out.stderr.contains("unknown label"), "{}", out.stderr);

    // A broken lexicon file is refused with its line and what to write.
    write(&labels, "[fields]\nametinimi = [\"nimi\"]\n");
    let out = reg
        .run(&[
            "import",
            "--dry-run",
            "--labels",
            labels.to_str().unwrap(),
            doc,
        ])
        .fails();
    assert!(
        out.stderr
            .contains("asutus.toml:2: 'ametinimi' is not a field of the lexicon"),
        "{}",
        out.stderr
    );
}

#[test]
fn unsafe_folder_entries_are_skipped_and_the_batch_goes_on() {
    use std::os::unix::fs::symlink;
    let reg = Registry::sqlite();
    let dir = reg.path("kaust");
    write(&dir.join("a/nounik.txt"), FORM);
    symlink(dir.join("a"), dir.join("a/tagasi")).unwrap();
    symlink(dir.join("a/nounik.txt"), dir.join("teine-tee.txt")).unwrap();
    symlink("/dev/zero", dir.join("null.pdf")).unwrap();
    let fifo = dir.join("toru.txt");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    write(&dir.join("halb\u{1b}[2Jnimi.txt"), FORM);

    let out = reg
        .run(&["import", "--dry-run", "--json", dir.to_str().unwrap()])
        .ok();
    assert_eq!(records(&out.stdout).len(), 1, "read once: {}", out.stderr);
    let err = &out.stderr;
    for want in [
        "tagasi: a symbolic link to a folder already walked",
        "teine-tee.txt: the same file as",
        "null.pdf: a character device, not a regular file",
        "toru.txt: a FIFO (named pipe), not a regular file",
        "halb\\u{1b}[2Jnimi.txt: the name holds control characters",
    ] {
        assert!(err.contains(want), "no '{want}' in:\n{err}");
    }
    assert!(
        !err.contains('\u{1b}'),
        "a control character reached the terminal"
    );
    assert!(err.contains("dry run: 1 file(s) read"), "{err}");

    // Named directly, a device is refused: an error of the batch, the rest still read.
    let out = reg
        .run(&[
            "import",
            "--dry-run",
            "/dev/zero",
            dir.join("a/nounik.txt").to_str().unwrap(),
        ])
        .fails();
    assert!(
        out.stderr
            .contains("error: /dev/zero: a character device, not a regular file"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("dry run: 1 file(s) read"),
        "{}",
        out.stderr
    );
}
