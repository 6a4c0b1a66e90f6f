//! Walking folders safely ([`crate::walk`]): symbolic-link loops, FIFOs, sockets and devices
//! named like documents, the same file reached twice, control characters in names. Each test
//! builds its folder in a fresh temporary directory.

use crate::walk::{ReadFileError, SkipReason, display_path, read_regular_file, walk};
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

const EXT: &[&str] = &["txt", "docx", "odt", "pdf"];

/// A fresh empty directory, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(tag: &str) -> Self {
        static N: AtomicUsize = AtomicUsize::new(0);
        let p = std::env::temp_dir().join(format!(
            "ametijuhend-walk-{tag}-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::SeqCst)
        ));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).unwrap();
        Self(p)
    }
    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn write(p: &Path, text: &str) {
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

fn mkfifo(p: &Path) {
    let ok = std::process::Command::new("mkfifo")
        .arg(p)
        .status()
        .expect("mkfifo (coreutils) runs");
    assert!(ok.success(), "mkfifo {}", p.display());
}

fn names(files: &[PathBuf], root: &Path) -> Vec<String> {
    files
        .iter()
        .map(|f| f.strip_prefix(root).unwrap().display().to_string())
        .collect()
}

#[test]
fn symlink_loops_are_walked_once() {
    let d = TempDir::new("loop");
    let root = d.path();
    write(&root.join("a/x.txt"), "x");
    write(&root.join("a/b/y.txt"), "y");
    // a/b/up -> a (a loop), a/b/self -> . (a loop), a/b/root -> root (a loop back to the top).
    symlink(root.join("a"), root.join("a/b/up")).unwrap();
    symlink(".", root.join("a/b/self")).unwrap();
    symlink(root, root.join("a/b/root")).unwrap();
    let started = std::time::Instant::now();
    let w = walk(&[root.to_path_buf()], EXT);
    assert!(started.elapsed().as_secs() < 5, "the walk must not explode");
    assert_eq!(names(&w.files, root), vec!["a/b/y.txt", "a/x.txt"]);
    let loops: Vec<_> = w
        .skipped
        .iter()
        .filter(|s| matches!(s.reason, SkipReason::FolderSeen { .. }))
        .collect();
    assert_eq!(loops.len(), 3, "{:?}", w.skipped);
    assert!(
        loops[0].to_string().contains("already walked"),
        "{}",
        loops[0]
    );
}

#[test]
fn the_same_file_twice_is_read_once() {
    let d = TempDir::new("dupe");
    let root = d.path();
    write(&root.join("docs/a.txt"), "a");
    symlink(root.join("docs/a.txt"), root.join("docs/b-link.txt")).unwrap();
    std::fs::hard_link(root.join("docs/a.txt"), root.join("docs/c-hard.txt")).unwrap();
    symlink(root.join("docs"), root.join("other")).unwrap();
    // The file named again on the command line, and the folder twice.
    let w = walk(
        &[
            root.to_path_buf(),
            root.join("docs/a.txt"),
            root.join("docs"),
        ],
        EXT,
    );
    assert_eq!(names(&w.files, root), vec!["docs/a.txt"]);
    let dupes = w
        .skipped
        .iter()
        .filter(|s| matches!(s.reason, SkipReason::FileSeen { .. }))
        .count();
    assert_eq!(dupes, 3, "{:?}", w.skipped);
    let folders = w
        .skipped
        .iter()
        .filter(|s| matches!(s.reason, SkipReason::FolderSeen { .. }))
        .count();
    assert_eq!(
        folders, 2,
        "the link 'other' and the named 'docs': {:?}",
        w.skipped
    );
}

#[test]
fn fifos_sockets_and_devices_are_not_read() {
    let d = TempDir::new("special");
    let root = d.path();
    write(&root.join("ok.txt"), "ok");
    mkfifo(&root.join("pipe.txt"));
    let _sock = std::os::unix::net::UnixListener::bind(root.join("sock.docx")).unwrap();
    symlink("/dev/zero", root.join("zero.pdf")).unwrap();
    let w = walk(&[root.to_path_buf()], EXT);
    assert_eq!(names(&w.files, root), vec!["ok.txt"]);
    let kinds: Vec<String> = w.skipped.iter().map(|s| s.to_string()).collect();
    assert_eq!(kinds.len(), 3, "{kinds:?}");
    assert!(kinds[0].contains("pipe.txt: a FIFO"), "{kinds:?}");
    assert!(kinds[1].contains("sock.docx: a socket"), "{kinds:?}");
    assert!(
        kinds[2].contains("zero.pdf: a character device"),
        "{kinds:?}"
    );
    assert!(w.skipped.iter().all(|s| !s.named));
    // Named directly, they are refused (an error of the batch), not read.
    let w = walk(&[PathBuf::from("/dev/zero"), root.join("pipe.txt")], EXT);
    assert!(w.files.is_empty());
    assert!(w.skipped.iter().all(|s| s.named), "{:?}", w.skipped);
    // And the reader refuses them on its own, without blocking.
    let e = read_regular_file(&root.join("pipe.txt"), 1024).unwrap_err();
    assert!(
        matches!(e, ReadFileError::NotRegular(k) if k.contains("FIFO")),
        "{e}"
    );
    let e = read_regular_file(Path::new("/dev/zero"), 1024).unwrap_err();
    assert!(matches!(e, ReadFileError::NotRegular(_)), "{e}");
}

#[test]
fn control_characters_in_names_are_escaped_and_skipped() {
    let d = TempDir::new("ctrl");
    let root = d.path();
    write(&root.join("fine.txt"), "ok");
    write(&root.join("evil\u{1b}[31mred\n.txt"), "x");
    let w = walk(&[root.to_path_buf()], EXT);
    assert_eq!(names(&w.files, root), vec!["fine.txt"]);
    assert_eq!(w.skipped.len(), 1);
    assert_eq!(w.skipped[0].reason, SkipReason::ControlCharacters);
    let line = w.skipped[0].to_string();
    assert!(line.contains("evil\\u{1b}[31mred\\n.txt"), "{line}");
    assert!(!line.chars().any(char::is_control), "{line:?}");
    assert_eq!(display_path(Path::new("a\tb")), "a\\tb");
}

#[test]
fn other_entries_are_reported_and_the_walk_goes_on() {
    let d = TempDir::new("other");
    let root = d.path();
    write(&root.join("a.txt"), "a");
    write(&root.join("picture.png"), "p");
    write(&root.join(".hidden.txt"), "h");
    symlink(root.join("missing.txt"), root.join("dangling.txt")).unwrap();
    let w = walk(&[root.to_path_buf(), root.join("nowhere")], EXT);
    assert_eq!(names(&w.files, root), vec!["a.txt"]);
    let lines: Vec<String> = w.skipped.iter().map(|s| s.to_string()).collect();
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert!(lines[0].contains("dangling.txt: cannot be examined: a symbolic link"));
    assert!(lines[1].contains("picture.png: not a .txt"));
    assert!(lines[2].contains("nowhere: cannot be examined: no such file or folder"));
    assert!(w.skipped[2].named);
}

#[test]
fn reading_stops_at_the_limit() {
    let d = TempDir::new("limit");
    let p = d.path().join("big.txt");
    std::fs::write(&p, vec![b'a'; 100]).unwrap();
    assert_eq!(read_regular_file(&p, 100).unwrap().len(), 100);
    assert!(matches!(
        read_regular_file(&p, 99),
        Err(ReadFileError::TooLarge(100))
    ));
}
