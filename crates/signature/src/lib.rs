//! ASiC-E signature containers (DigiDoc4's `.asice` / `.bdoc`) for the registry: building an
//! unsigned container from data files ([`build_container`]) and verifying a signed one offline
//! ([`verify`]), reported like SiVa, the state's validation service.
//!
//! Verification runs isolated: on its own thread, within size limits (container, entries, total
//! expansion including nested archives, compression ratio, XML size, depth and nodes), within a
//! time limit, and with panics caught; hostile input is refused with a reason, never half-read.
//! See docs/signatures.md for the levels checked and what offline verification cannot prove.

pub mod c14n;
pub mod certs;
pub mod container;
pub mod crypto;
pub mod evidence;
pub mod references;
pub mod report;
pub mod verify;
pub mod xades;
pub mod xml;

pub use certs::TrustStore;
pub use container::{BuildError, DataFile, Refused, build as build_container};
pub use report::{Indication, Report, SignatureReport, Signer, Verdict};

use std::time::Duration;

/// Limits on a container and its contents.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Largest container file.
    pub max_container_bytes: u64,
    /// Most zip entries (also in a nested archive).
    pub max_entries: usize,
    /// Largest single entry, uncompressed.
    pub max_entry_bytes: u64,
    /// Largest total expansion: every entry, and the contents of archives nested in entries.
    pub max_total_bytes: u64,
    /// Highest compression ratio of an entry larger than `ratio_threshold_bytes`.
    pub max_ratio: u64,
    pub ratio_threshold_bytes: u64,
    /// How deep nested archives are opened to count their expansion.
    pub max_nesting: usize,
    /// Limits for each XML document (manifest, signatures).
    pub xml: xml::XmlLimits,
    /// The longest a verification may take.
    pub time_limit: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_container_bytes: 64 * 1024 * 1024,
            max_entries: 1000,
            max_entry_bytes: 64 * 1024 * 1024,
            max_total_bytes: 64 * 1024 * 1024,
            max_ratio: 100,
            ratio_threshold_bytes: 1024 * 1024,
            max_nesting: 4,
            xml: xml::XmlLimits::default(),
            time_limit: Duration::from_secs(30),
        }
    }
}

/// What a verification trusts and how far it reads.
#[derive(Debug, Clone)]
pub struct Options {
    pub store: TrustStore,
    pub limits: Limits,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            store: TrustStore::production(),
            limits: Limits::default(),
        }
    }
}

/// Verifies a container, isolated: on a thread named `extract-signature` (the program's panic
/// hook keeps such panics quiet), with panics caught and a time limit. A refusal says why.
pub fn verify(bytes: Vec<u8>, options: Options) -> Result<Report, Refused> {
    let limit = options.limits.time_limit;
    let (tx, rx) = std::sync::mpsc::channel();
    let spawned = std::thread::Builder::new()
        .name("extract-signature".into())
        .spawn(move || {
            let r = std::panic::catch_unwind(|| verify::verify(&bytes, &options));
            let _ = tx.send(r);
        });
    if let Err(e) = spawned {
        return Err(Refused(format!("the verifier cannot start: {e}")));
    }
    match rx.recv_timeout(limit) {
        Ok(Ok(r)) => r,
        Ok(Err(_)) => Err(Refused(
            "the container made the verifier fail (an internal error was caught); it is refused"
                .into(),
        )),
        Err(_) => Err(Refused(format!(
            "verifying the container took longer than {} s; it is refused",
            limit.as_secs()
        ))),
    }
}
