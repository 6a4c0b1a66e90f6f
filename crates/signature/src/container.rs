//! The ASiC-E container as a zip archive: reading one with its hygiene rules and limits (entry
//! names, sizes, compression ratio, archives nested in it, the `mimetype` entry) and building an
//! unsigned one from data files (`mimetype` first and stored, `META-INF/manifest.xml`, the files).

use crate::Limits;
use std::io::{Cursor, Read, Write};

/// The media type of an ASiC-E container.
pub const ASIC_E_MEDIA_TYPE: &str = "application/vnd.etsi.asic-e+zip";

/// One data file to put in a container: its name inside the container, media type and bytes.
#[derive(Debug, Clone)]
pub struct DataFile {
    pub name: String,
    pub media_type: String,
    pub bytes: Vec<u8>,
}

/// An entry read from a container.
#[derive(Debug, Clone)]
pub struct Entry {
    pub name: String,
    pub bytes: Vec<u8>,
    pub is_dir: bool,
}

/// A container read within the limits, with the structure warnings found on the way.
#[derive(Debug, Clone)]
pub struct Archive {
    pub entries: Vec<Entry>,
    pub warnings: Vec<String>,
}

impl Archive {
    pub fn get(&self, name: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.name == name && !e.is_dir)
    }
}

/// Why an entry name is not acceptable, or `None` when it is.
pub fn name_problem(name: &str) -> Option<&'static str> {
    if name.is_empty() {
        return Some("the name is empty");
    }
    if name.starts_with('/') || name.starts_with('\\') {
        return Some("the name is an absolute path");
    }
    if name.contains('\\') {
        return Some("the name contains a backslash");
    }
    if name.len() >= 2 && name.as_bytes()[1] == b':' {
        return Some("the name starts with a drive letter");
    }
    if name.chars().any(char::is_control) {
        return Some("the name contains a control character");
    }
    let trimmed = name.strip_suffix('/').unwrap_or(name);
    for part in trimmed.split('/') {
        match part {
            "" => return Some("the name has an empty path segment"),
            "." => return Some("the name has a '.' path segment"),
            ".." => return Some("the name has a '..' path segment (path traversal)"),
            _ => {}
        }
    }
    None
}

/// Why a container was refused as a whole.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{0}")]
pub struct Refused(pub String);

fn refused(s: impl Into<String>) -> Refused {
    Refused(s.into())
}

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";

/// Reads a whole entry, never more than `limit` bytes.
fn read_bounded(r: &mut impl Read, limit: u64, name: &str) -> Result<Vec<u8>, Refused> {
    let mut data = Vec::new();
    r.take(limit.saturating_add(1))
        .read_to_end(&mut data)
        .map_err(|e| refused(format!("the entry '{name}' cannot be read: {e}")))?;
    if data.len() as u64 > limit {
        return Err(refused(format!(
            "the entry '{name}' expands beyond the limit of {limit} bytes (zip bomb?)"
        )));
    }
    Ok(data)
}

/// Counts the expansion of an archive nested in the container (a data file that is itself a zip)
/// against the shared budget, recursively: a zip of zips is the classic bomb.
fn account_nested(
    bytes: &[u8],
    depth: usize,
    budget: &mut u64,
    limits: &Limits,
    outer: &str,
) -> Result<(), Refused> {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(()); // not a readable archive: just data
    };
    let bomb = || {
        refused(format!(
            "the entry '{outer}' holds archives that expand beyond {} bytes in total (zip bomb)",
            limits.max_total_bytes
        ))
    };
    if zip.len() > limits.max_entries {
        return Err(bomb());
    }
    for i in 0..zip.len() {
        let Ok(mut f) = zip.by_index(i) else { continue };
        *budget = budget.checked_sub(f.size()).ok_or_else(bomb)?;
        if depth >= limits.max_nesting {
            continue;
        }
        let mut head = [0u8; 4];
        let size = f.size();
        let Ok(()) = f.read_exact(&mut head) else {
            continue;
        };
        if head == ZIP_MAGIC {
            let mut inner = head.to_vec();
            let rest = read_bounded(&mut f, size.min(*budget), outer).map_err(|_| bomb())?;
            inner.extend_from_slice(&rest);
            account_nested(&inner, depth + 1, budget, limits, outer)?;
        }
    }
    Ok(())
}

/// Reads a container within the limits. Names that are empty, absolute, `.`/`..` segments or
/// duplicates, and archives too large or expanding too far, are refused.
pub fn read(bytes: &[u8], limits: &Limits) -> Result<Archive, Refused> {
    if bytes.len() as u64 > limits.max_container_bytes {
        return Err(refused(format!(
            "the container is {} bytes, more than the limit of {} bytes",
            bytes.len(),
            limits.max_container_bytes
        )));
    }
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        refused(format!(
            "the file is not a readable zip archive (truncated or not a container): {e}"
        ))
    })?;
    if zip.len() > limits.max_entries {
        return Err(refused(format!(
            "the container has {} entries, more than the limit of {}",
            zip.len(),
            limits.max_entries
        )));
    }
    let mut warnings = Vec::new();
    let mut entries: Vec<Entry> = Vec::new();
    let mut budget = limits.max_total_bytes;
    for i in 0..zip.len() {
        let mut f = zip
            .by_index(i)
            .map_err(|e| refused(format!("entry {} cannot be read: {e}", i + 1)))?;
        let name = String::from_utf8(f.name_raw().to_vec())
            .map_err(|_| refused(format!("entry {} has a name that is not UTF-8", i + 1)))?;
        if let Some(p) = name_problem(&name) {
            return Err(refused(format!(
                "the entry '{name}' is refused: {p}; a container's entries must be plain relative paths"
            )));
        }
        if entries.iter().any(|e| e.name == name) {
            return Err(refused(format!("the entry '{name}' appears twice")));
        }
        let (size, packed) = (f.size(), f.compressed_size());
        if size > limits.max_entry_bytes || size > budget {
            return Err(refused(format!(
                "the entry '{name}' declares {size} bytes, beyond the limit (zip bomb?)"
            )));
        }
        if size > limits.ratio_threshold_bytes && size / packed.max(1) > limits.max_ratio {
            return Err(refused(format!(
                "the entry '{name}' is compressed {}:1, beyond the limit of {}:1 (zip bomb)",
                size / packed.max(1),
                limits.max_ratio
            )));
        }
        let is_dir = f.is_dir();
        let data = read_bounded(&mut f, size.min(budget), &name)?;
        budget -= data.len() as u64;
        if i == 0 && name == "mimetype" {
            if f.compression() != zip::CompressionMethod::Stored {
                warnings.push("the 'mimetype' entry is compressed; it must be stored".into());
            }
        } else if name == "mimetype" {
            warnings.push("the 'mimetype' entry is not the first entry of the container".into());
        }
        drop(f);
        if data.starts_with(ZIP_MAGIC) {
            account_nested(&data, 1, &mut budget, limits, &name)?;
        }
        entries.push(Entry {
            name,
            bytes: data,
            is_dir,
        });
    }
    match entries.iter().find(|e| e.name == "mimetype") {
        None => warnings.push("the container has no 'mimetype' entry".into()),
        Some(m) if m.bytes != ASIC_E_MEDIA_TYPE.as_bytes() => warnings.push(format!(
            "the 'mimetype' entry is '{}', not '{ASIC_E_MEDIA_TYPE}'",
            String::from_utf8_lossy(&m.bytes)
                .chars()
                .take(80)
                .collect::<String>()
        )),
        Some(_) => {}
    }
    Ok(Archive { entries, warnings })
}

/// Why a container cannot be built.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error("the data file name '{name}' is not acceptable: {problem}")]
    BadName { name: String, problem: String },
    #[error("the data file '{0}' is given twice")]
    Duplicate(String),
    #[error("a container needs at least one data file")]
    Empty,
    #[error("the media type '{media_type}' of '{name}' is not of the form type/subtype")]
    BadMediaType { name: String, media_type: String },
    #[error("writing the container failed: {0}")]
    Zip(String),
}

fn xml_attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('"', "&quot;")
}

/// The `META-INF/manifest.xml` of a container holding these files.
pub fn manifest_xml(files: &[DataFile]) -> String {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">\n",
    );
    s.push_str(&format!(
        "  <manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"{ASIC_E_MEDIA_TYPE}\"/>\n"
    ));
    for f in files {
        s.push_str(&format!(
            "  <manifest:file-entry manifest:full-path=\"{}\" manifest:media-type=\"{}\"/>\n",
            xml_attr(&f.name),
            xml_attr(&f.media_type)
        ));
    }
    s.push_str("</manifest:manifest>\n");
    s
}

/// Builds an unsigned ASiC-E container (ready for DigiDoc4 to sign) from data files. The same
/// files give the same bytes (entries carry a fixed date).
pub fn build(files: &[DataFile]) -> Result<Vec<u8>, BuildError> {
    if files.is_empty() {
        return Err(BuildError::Empty);
    }
    for (i, f) in files.iter().enumerate() {
        let problem = name_problem(&f.name).map(str::to_owned).or_else(|| {
            (f.name == "mimetype" || f.name.starts_with("META-INF/") || f.name.ends_with('/'))
                .then(|| "the name is reserved for the container's own entries".to_owned())
        });
        if let Some(problem) = problem {
            return Err(BuildError::BadName {
                name: f.name.clone(),
                problem,
            });
        }
        if files[..i].iter().any(|o| o.name == f.name) {
            return Err(BuildError::Duplicate(f.name.clone()));
        }
        let ok = f.media_type.split_once('/').is_some_and(|(a, b)| {
            !a.is_empty() && !b.is_empty() && !f.media_type.contains(char::is_whitespace)
        });
        if !ok {
            return Err(BuildError::BadMediaType {
                name: f.name.clone(),
                media_type: f.media_type.clone(),
            });
        }
    }
    let zip_err = |e: &dyn std::fmt::Display| BuildError::Zip(e.to_string());
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .last_modified_time(zip::DateTime::default());
    let deflated = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    w.start_file("mimetype", stored).map_err(|e| zip_err(&e))?;
    w.write_all(ASIC_E_MEDIA_TYPE.as_bytes())
        .map_err(|e| zip_err(&e))?;
    w.start_file("META-INF/manifest.xml", deflated)
        .map_err(|e| zip_err(&e))?;
    w.write_all(manifest_xml(files).as_bytes())
        .map_err(|e| zip_err(&e))?;
    for f in files {
        w.start_file(f.name.as_str(), deflated)
            .map_err(|e| zip_err(&e))?;
        w.write_all(&f.bytes).map_err(|e| zip_err(&e))?;
    }
    Ok(w.finish().map_err(|e| zip_err(&e))?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_checked() {
        for bad in [
            "",
            "/etc/passwd",
            "a/../b",
            ".",
            "..",
            "a//b",
            "C:x",
            "a\\b",
            "./a",
        ] {
            assert!(name_problem(bad).is_some(), "{bad:?} should be refused");
        }
        for good in [
            "a.pdf",
            "folder/test1.txt",
            "META-INF/",
            "Test document.docx",
        ] {
            assert!(name_problem(good).is_none(), "{good:?} should pass");
        }
    }

    #[test]
    fn a_built_container_has_mimetype_first_and_stored_and_reads_back() {
        let files = vec![DataFile {
            name: "ametijuhend.pdf".into(),
            media_type: "application/pdf".into(),
            bytes: b"%PDF-1.7 test".to_vec(),
        }];
        let bytes = build(&files).unwrap();
        assert_eq!(&bytes[30..38], b"mimetype");
        assert_eq!(
            &bytes[38..38 + ASIC_E_MEDIA_TYPE.len()],
            ASIC_E_MEDIA_TYPE.as_bytes()
        );
        assert_eq!(u16::from_le_bytes([bytes[8], bytes[9]]), 0, "stored");
        assert_eq!(
            u16::from_le_bytes([bytes[28], bytes[29]]),
            0,
            "no extra field"
        );
        let a = read(&bytes, &Limits::default()).unwrap();
        assert!(a.warnings.is_empty(), "{:?}", a.warnings);
        assert_eq!(a.get("ametijuhend.pdf").unwrap().bytes, b"%PDF-1.7 test");
        assert!(
            String::from_utf8_lossy(&a.get("META-INF/manifest.xml").unwrap().bytes)
                .contains("full-path=\"ametijuhend.pdf\" manifest:media-type=\"application/pdf\"")
        );
        assert_eq!(build(&files).unwrap(), bytes, "deterministic");
    }

    #[test]
    fn bad_data_files_are_not_built() {
        let f = |n: &str, t: &str| DataFile {
            name: n.into(),
            media_type: t.into(),
            bytes: vec![],
        };
        assert!(matches!(build(&[]), Err(BuildError::Empty)));
        assert!(matches!(
            build(&[f("../x.pdf", "application/pdf")]),
            Err(BuildError::BadName { .. })
        ));
        assert!(matches!(
            build(&[f("mimetype", "text/plain")]),
            Err(BuildError::BadName { .. })
        ));
        assert!(matches!(
            build(&[f("a.pdf", "application/pdf"), f("a.pdf", "application/pdf")]),
            Err(BuildError::Duplicate(_))
        ));
        assert!(matches!(
            build(&[f("a.pdf", "pdf")]),
            Err(BuildError::BadMediaType { .. })
        ));
    }

    #[test]
    fn truncated_and_non_zip_input_is_refused() {
        let files = vec![DataFile {
            name: "a.txt".into(),
            media_type: "text/plain".into(),
            bytes: b"abc".to_vec(),
        }];
        let bytes = build(&files).unwrap();
        let e = read(&bytes[..bytes.len() - 30], &Limits::default()).unwrap_err();
        assert!(e.0.contains("not a readable zip"), "{e}");
        assert!(read(b"hello", &Limits::default()).is_err());
    }
}
