//! Reading zip containers (DOCX, ODT) with limits against zip bombs.
//!
//! Every entry is read through a counting loop that stops as soon as the total of all
//! entries read exceeds [`Limits::max_uncompressed_bytes`] or a single entry larger than
//! [`MIN_RATIO_CHECK_BYTES`] inflates more than [`Limits::max_ratio`] times its compressed
//! size. The sizes declared in the zip headers are checked first, but never trusted.

use std::io::{Cursor, Read};

use zip::ZipArchive;
use zip::result::ZipError;

use crate::{ExtractError, Format, Limits};

/// Entries smaller than this are not checked for their compression ratio: small XML parts
/// full of repeated markup legitimately compress very well.
pub(crate) const MIN_RATIO_CHECK_BYTES: u64 = 1024 * 1024;

const MIB: u64 = 1024 * 1024;

/// A zip archive over borrowed bytes with a decompression budget.
pub(crate) struct SafeZip<'a> {
    archive: ZipArchive<Cursor<&'a [u8]>>,
    format: Format,
    /// Bytes that may still be decompressed.
    budget: u64,
    limits: Limits,
}

impl<'a> SafeZip<'a> {
    /// Opens the archive; `format` names the file in errors.
    pub(crate) fn open(
        bytes: &'a [u8],
        format: Format,
        limits: &Limits,
    ) -> Result<Self, ExtractError> {
        let archive =
            ZipArchive::new(Cursor::new(bytes)).map_err(|err| zip_error(format, "", err))?;
        if archive.len() > limits.max_entries {
            return Err(ExtractError::TooManyEntries {
                format,
                entries: archive.len(),
                limit: limits.max_entries,
            });
        }
        Ok(SafeZip {
            archive,
            format,
            budget: limits.max_uncompressed_bytes,
            limits: limits.clone(),
        })
    }

    /// Sets the format named in errors once it is known.
    pub(crate) fn set_format(&mut self, format: Format) {
        self.format = format;
    }

    /// The format named in errors.
    pub(crate) fn format(&self) -> Format {
        self.format
    }

    /// True if the archive has an entry of that name.
    pub(crate) fn has(&self, name: &str) -> bool {
        self.archive.index_for_name(name).is_some()
    }

    /// Reads an entry that must exist.
    pub(crate) fn read(&mut self, name: &str) -> Result<Vec<u8>, ExtractError> {
        match self.read_optional(name)? {
            Some(bytes) => Ok(bytes),
            None => Err(ExtractError::CorruptArchive {
                format: self.format,
                detail: format!("the part “{name}” is missing"),
            }),
        }
    }

    /// Reads an entry if it exists, within the limits.
    pub(crate) fn read_optional(&mut self, name: &str) -> Result<Option<Vec<u8>>, ExtractError> {
        let Some(index) = self.archive.index_for_name(name) else {
            return Ok(None);
        };
        let format = self.format;
        let limit_mib = self.limits.max_uncompressed_bytes / MIB;
        let max_ratio = self.limits.max_ratio;
        let budget = self.budget;
        let bomb = |reason: String| ExtractError::ExpansionLimit {
            format,
            part: name.to_owned(),
            limit_mib,
            reason,
        };
        let mut entry = self
            .archive
            .by_index(index)
            .map_err(|err| zip_error(format, name, err))?;
        let declared = entry.size();
        let compressed = entry.compressed_size();
        if declared > budget {
            return Err(bomb(format!(
                "its header declares {} MiB",
                declared.div_ceil(MIB)
            )));
        }
        // Stop reading at whichever comes first: the remaining budget or the ratio limit.
        let ratio_cap = compressed
            .saturating_mul(max_ratio)
            .max(MIN_RATIO_CHECK_BYTES);
        let mut out = Vec::with_capacity(declared.min(budget).min(64 * MIB) as usize);
        let mut chunk = vec![0u8; 64 * 1024];
        let mut total: u64 = 0;
        loop {
            let n = match entry.read(&mut chunk) {
                Ok(0) => break,
                Ok(n) => n,
                Err(err) if err.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(err) => {
                    return Err(ExtractError::CorruptArchive {
                        format,
                        detail: format!("the part “{name}” cannot be decompressed: {err}"),
                    });
                }
            };
            total += n as u64;
            if total > budget {
                return Err(bomb(
                    "the total of the parts read went over the limit".to_owned(),
                ));
            }
            if total > ratio_cap {
                return Err(bomb(format!(
                    "it inflates more than {max_ratio} times its compressed size of {compressed} bytes"
                )));
            }
            out.extend_from_slice(&chunk[..n]);
        }
        self.budget = budget - total;
        Ok(Some(out))
    }
}

/// Maps a zip error to the user-facing error; `name` is the entry, if any.
fn zip_error(format: Format, name: &str, err: ZipError) -> ExtractError {
    let place = if name.is_empty() {
        String::new()
    } else {
        format!("part “{name}”: ")
    };
    match err {
        ZipError::UnsupportedArchive(detail) => ExtractError::UnreadableArchive {
            format,
            detail: format!("{place}{detail}"),
        },
        ZipError::Io(err) => ExtractError::CorruptArchive {
            format,
            detail: format!("{place}the file ends too early or cannot be read: {err}"),
        },
        other => ExtractError::CorruptArchive {
            format,
            detail: format!("{place}{other}"),
        },
    }
}
