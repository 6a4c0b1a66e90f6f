//! Finding the documents to import in files and folders, safely, and reading one of them
//! behind a size limit.
//!
//! [`walk`] takes the paths a person named and returns the document files to read (by
//! extension) and every entry it skipped with the reason, so that nothing is dropped silently:
//!
//! - folders are walked recursively in name order, hidden entries (names starting with `.`)
//!   left out; symbolic links are followed, but a folder already walked (a link back to an
//!   ancestor — a loop — or a second way into the same folder) is walked once: the walk is
//!   linear in the number of folders, never exponential;
//! - the same file reached twice (through links, or named twice) is read once: files and
//!   folders are identified by device and inode;
//! - only regular files are read: a FIFO, socket or device named like a document (`x.txt` as a
//!   FIFO would block the import forever, `/dev/zero` never ends) is skipped, or refused when
//!   named on the command line;
//! - a name with control characters (which would reach the terminal) is skipped, shown with
//!   the characters escaped ([`display_path`]);
//! - a dangling link or an unreadable folder is a skip with its reason.
//!
//! [`read_regular_file`] opens a file, checks again on the open handle that it is a regular
//! file and reads at most the limit (plus one byte to tell that it is larger).

use std::collections::HashSet;
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Deepest folder nesting walked; deeper folders are skipped with a reason (a backstop: loops
/// are already caught by identity).
pub const MAX_DEPTH: usize = 64;

/// Why an entry was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkipReason {
    /// A regular file whose extension is not one of the document types.
    NotADocument,
    /// A FIFO, socket or device ("a FIFO", "a character device" …).
    NotRegular(&'static str),
    /// A folder reached again through a symbolic link (a loop, or a second way in).
    FolderSeen { first: PathBuf },
    /// A file reached again (through a link, or named twice).
    FileSeen { first: PathBuf },
    /// The name holds control characters.
    ControlCharacters,
    /// A symbolic link whose target does not exist, or an entry that cannot be examined.
    Unreadable(String),
    /// Nested deeper than [`MAX_DEPTH`].
    TooDeep,
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SkipReason::NotADocument => f.write_str("not a .txt, .docx, .odt or .pdf file"),
            SkipReason::NotRegular(kind) => write!(
                f,
                "{kind}, not a regular file: only regular files are read (a FIFO or device could block or never end)"
            ),
            SkipReason::FolderSeen { first } => write!(
                f,
                "a symbolic link to a folder already walked as {} (a link loop or a second way in): walked once",
                display_path(first)
            ),
            SkipReason::FileSeen { first } => write!(
                f,
                "the same file as {} (reached again through a link or named twice): read once",
                display_path(first)
            ),
            SkipReason::ControlCharacters => f.write_str(
                "the name holds control characters (shown escaped): rename the file to import it",
            ),
            SkipReason::Unreadable(why) => write!(f, "cannot be examined: {why}"),
            SkipReason::TooDeep => write!(
                f,
                "nested more than {MAX_DEPTH} folders deep: name the folder itself to import it"
            ),
        }
    }
}

/// An entry the walk did not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub path: PathBuf,
    pub reason: SkipReason,
    /// True when the path was named by the person (not found inside a folder): such a path is
    /// an error of the batch, not only a note.
    pub named: bool,
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", display_path(&self.path), self.reason)
    }
}

/// The outcome of [`walk`].
#[derive(Debug, Default)]
pub struct Walk {
    /// The document files to read, each once, in the order found.
    pub files: Vec<PathBuf>,
    pub skipped: Vec<Skipped>,
}

/// A path for people: control characters escaped (`\n`, `\t`, `\u{1b}` …), so a file name
/// cannot move the cursor or colour the terminal.
pub fn display_path(p: &Path) -> String {
    escape_controls(&p.to_string_lossy())
}

/// `s` with control characters escaped as Rust writes them.
pub fn escape_controls(s: &str) -> String {
    s.chars()
        .flat_map(|c| {
            if c.is_control() {
                c.escape_default().collect::<Vec<_>>()
            } else {
                vec![c]
            }
        })
        .collect()
}

fn has_controls(p: &Path) -> bool {
    p.file_name()
        .is_some_and(|n| n.to_string_lossy().chars().any(char::is_control))
}

/// Device and inode: what makes a file or folder the same one.
type Identity = (u64, u64);

#[cfg(unix)]
fn identity(meta: &std::fs::Metadata) -> Option<Identity> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn identity(_meta: &std::fs::Metadata) -> Option<Identity> {
    None
}

/// What a non-regular, non-folder entry is, for messages.
fn special_kind(ft: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if ft.is_char_device() {
            return "a character device";
        }
        if ft.is_block_device() {
            return "a block device";
        }
        if ft.is_socket() {
            return "a socket";
        }
    }
    let _ = ft;
    "a special file"
}

struct Walker<'a> {
    extensions: &'a [&'a str],
    out: Walk,
    folders: std::collections::HashMap<Identity, PathBuf>,
    files: std::collections::HashMap<Identity, PathBuf>,
    seen_paths: HashSet<PathBuf>,
}

impl Walker<'_> {
    fn skip(&mut self, path: &Path, reason: SkipReason, named: bool) {
        self.out.skipped.push(Skipped {
            path: path.to_path_buf(),
            reason,
            named,
        });
    }

    fn is_document(&self, p: &Path) -> bool {
        p.extension()
            .and_then(|e| e.to_str())
            .map(str::to_lowercase)
            .is_some_and(|e| self.extensions.contains(&e.as_str()))
    }

    /// One entry: `named` when the person gave it, `depth` folders below a named folder.
    fn visit(&mut self, path: &Path, named: bool, depth: usize) {
        if has_controls(path) {
            return self.skip(path, SkipReason::ControlCharacters, named);
        }
        // Follows symbolic links; a dangling link is an error here.
        let meta = match std::fs::metadata(path) {
            Ok(m) => m,
            Err(e) => {
                let why = if std::fs::symlink_metadata(path).is_ok() {
                    format!("a symbolic link whose target cannot be reached ({e})")
                } else if named && e.kind() == std::io::ErrorKind::NotFound {
                    "no such file or folder".to_string()
                } else {
                    e.to_string()
                };
                return self.skip(path, SkipReason::Unreadable(why), named);
            }
        };
        let id = identity(&meta);
        if meta.is_dir() {
            if let Some(first) = id.and_then(|i| self.folders.get(&i)) {
                let first = first.clone();
                return self.skip(path, SkipReason::FolderSeen { first }, named);
            }
            if depth > MAX_DEPTH {
                return self.skip(path, SkipReason::TooDeep, named);
            }
            if let Some(i) = id {
                self.folders.insert(i, path.to_path_buf());
            }
            return self.walk_folder(path, depth);
        }
        if !meta.is_file() {
            let kind = special_kind(&meta.file_type());
            return self.skip(path, SkipReason::NotRegular(kind), named);
        }
        if !named && !self.is_document(path) {
            return self.skip(path, SkipReason::NotADocument, false);
        }
        let first = match id {
            Some(i) => self.files.get(&i).cloned(),
            None => self.seen_paths.get(path).cloned(),
        };
        if let Some(first) = first {
            return self.skip(path, SkipReason::FileSeen { first }, named);
        }
        match id {
            Some(i) => {
                self.files.insert(i, path.to_path_buf());
            }
            None => {
                self.seen_paths.insert(path.to_path_buf());
            }
        }
        self.out.files.push(path.to_path_buf());
    }

    fn walk_folder(&mut self, dir: &Path, depth: usize) {
        let mut entries: Vec<PathBuf> = match std::fs::read_dir(dir) {
            Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
            Err(e) => {
                let why = format!("cannot read the folder: {e}");
                return self.skip(dir, SkipReason::Unreadable(why), depth == 0);
            }
        };
        entries.sort();
        for p in entries {
            let hidden = p
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'));
            if !hidden {
                self.visit(&p, false, depth + 1);
            }
        }
    }
}

/// The document files under `paths` (files as named, folders recursively) whose extension is
/// one of `extensions` (lower case, without the dot), each once, and every entry skipped with
/// its reason. A file named directly is taken whatever its extension (the reader checks the
/// content).
pub fn walk(paths: &[PathBuf], extensions: &[&str]) -> Walk {
    let mut w = Walker {
        extensions,
        out: Walk::default(),
        folders: Default::default(),
        files: Default::default(),
        seen_paths: HashSet::new(),
    };
    for p in paths {
        w.visit(p, true, 0);
    }
    w.out
}

/// Why a file could not be read by [`read_regular_file`].
#[derive(Debug)]
pub enum ReadFileError {
    /// Not a regular file (what it is).
    NotRegular(&'static str),
    /// Larger than the limit (its size in bytes, as far as known).
    TooLarge(u64),
    Io(std::io::Error),
}

impl fmt::Display for ReadFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadFileError::NotRegular(kind) => {
                write!(f, "{kind}, not a regular file: only regular files are read")
            }
            ReadFileError::TooLarge(n) => {
                write!(f, "the file is larger than the limit ({n} bytes or more)")
            }
            ReadFileError::Io(e) => write!(f, "cannot read: {e}"),
        }
    }
}

impl std::error::Error for ReadFileError {}

/// Reads a regular file of at most `max_bytes`. The type is checked before opening (opening a
/// FIFO for reading blocks until a writer comes) and again on the open handle; at most
/// `max_bytes + 1` bytes are read, so a file that grows or lies about its size is still cut.
pub fn read_regular_file(path: &Path, max_bytes: u64) -> Result<Vec<u8>, ReadFileError> {
    let meta = std::fs::metadata(path).map_err(ReadFileError::Io)?;
    if !meta.is_file() {
        return Err(ReadFileError::NotRegular(special_kind(&meta.file_type())));
    }
    if meta.len() > max_bytes {
        return Err(ReadFileError::TooLarge(meta.len()));
    }
    let file = std::fs::File::open(path).map_err(ReadFileError::Io)?;
    let open_meta = file.metadata().map_err(ReadFileError::Io)?;
    if !open_meta.is_file() {
        return Err(ReadFileError::NotRegular(special_kind(
            &open_meta.file_type(),
        )));
    }
    let mut bytes = Vec::with_capacity(open_meta.len().min(max_bytes) as usize);
    file.take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadFileError::Io)?;
    if bytes.len() as u64 > max_bytes {
        return Err(ReadFileError::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}
