//! Running a format reader in isolation: on its own thread, with panics caught and a timeout.
//!
//! Readers of untrusted files (above all the PDF one, which is a large third-party parser
//! with `unwrap`s inside) may panic or loop on hostile input. [`run_isolated`] runs the
//! reader on a fresh worker thread inside [`std::panic::catch_unwind`] and waits at most the
//! given timeout for its answer:
//!
//! * a panic becomes [`ExtractError::ReaderFailed`] with the panic message;
//! * a reader that has not answered in time yields [`ExtractError::Timeout`]. The worker
//!   thread cannot be killed from outside in safe Rust, so it is **left running** until it
//!   ends by itself (its result is then dropped). Its memory is bounded by the limits the
//!   readers enforce; its CPU time is not. An importer that expects many hostile files
//!   should also limit how many imports run at once.
//!
//! Note that the process-wide panic hook still runs for a caught panic (by default it prints
//! the message to stderr); that is left to the application.

use std::any::Any;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc;
use std::time::Duration;

use crate::{ExtractError, Format};

/// Stack size of the worker thread. Generous, because parsers recurse on nested structures
/// (the PDF reader is additionally guarded against cycles, see `pdf_guard`).
const WORKER_STACK_BYTES: usize = 64 * 1024 * 1024;

/// Runs `reader` on a worker thread; see the module documentation.
pub(crate) fn run_isolated<T, F>(
    format: Format,
    timeout: Duration,
    reader: F,
) -> Result<T, ExtractError>
where
    T: Send + 'static,
    F: FnOnce() -> Result<T, ExtractError> + Send + 'static,
{
    let (sender, receiver) = mpsc::sync_channel(1);
    let spawned = std::thread::Builder::new()
        .name(format!("extract-{}", format.extension()))
        .stack_size(WORKER_STACK_BYTES)
        .spawn(move || {
            let outcome = catch_unwind(AssertUnwindSafe(reader));
            // The receiver is gone after a timeout: nobody wants the result any more.
            let _ = sender.send(outcome);
        });
    if let Err(err) = spawned {
        return Err(ExtractError::ReaderFailed {
            format,
            message: format!("could not start a reader thread: {err}"),
        });
    }
    match receiver.recv_timeout(timeout) {
        Ok(Ok(result)) => result,
        Ok(Err(payload)) => Err(ExtractError::ReaderFailed {
            format,
            message: format!("the reader crashed: {}", panic_message(payload.as_ref())),
        }),
        Err(mpsc::RecvTimeoutError::Timeout) => Err(ExtractError::Timeout {
            format,
            seconds: timeout_seconds(timeout),
        }),
        // The sender was dropped without sending: only possible if sending itself failed,
        // which cannot happen while we hold the receiver; treat it as a crash anyway.
        Err(mpsc::RecvTimeoutError::Disconnected) => Err(ExtractError::ReaderFailed {
            format,
            message: "the reader stopped without an answer".to_owned(),
        }),
    }
}

/// The text of a panic payload (`panic!("…")` gives `&str` or `String`).
pub(crate) fn panic_message(payload: &(dyn Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_owned()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic".to_owned()
    }
}

/// Whole seconds for messages, rounded up so that "0 s" is never shown.
fn timeout_seconds(timeout: Duration) -> u64 {
    let secs = timeout.as_secs();
    if timeout.subsec_nanos() > 0 || secs == 0 {
        secs + 1
    } else {
        secs
    }
}
