//! Writing the registry document one record at a time, so that a registry of any size is
//! written with the memory of one record. The bytes are exactly those of
//! `serde_json::to_string_pretty(&registry)`: the same header, two-space indentation, `[]` for
//! an empty collection (a test keeps the two in step). The caller gives records in canonical
//! order; the writer only lays them out. It writes to whatever [`Write`] it is given.

use super::{Collection, FORMAT_NAME, FORMAT_VERSION};
use serde::Serialize;
use std::io::{self, Write};

/// Writes a registry document collection by collection (see the module notes).
pub struct DocumentWriter<W: Write> {
    out: W,
    /// The index in [`Collection::ALL`] of the next collection to open.
    next: usize,
    /// The open collection, and whether it has a record yet.
    open: Option<bool>,
}

/// Indents every line after the first by four spaces (the depth of a record in its array).
/// JSON strings never hold a raw line break, so every `\n` is a line of the layout.
struct Indented<'a, W: Write>(&'a mut W);

impl<W: Write> Write for Indented<'_, W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut rest = buf;
        while let Some(at) = rest.iter().position(|b| *b == b'\n') {
            self.0.write_all(&rest[..at])?;
            self.0.write_all(b"\n    ")?;
            rest = &rest[at + 1..];
        }
        self.0.write_all(rest)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

impl<W: Write> DocumentWriter<W> {
    /// Starts the document: writes its header.
    pub fn new(mut out: W) -> io::Result<Self> {
        let name = serde_json::to_string(FORMAT_NAME).map_err(io::Error::other)?;
        write!(
            out,
            "{{\n  \"format\": {name},\n  \"format_version\": {FORMAT_VERSION}"
        )?;
        Ok(Self {
            out,
            next: 0,
            open: None,
        })
    }

    fn close(&mut self) -> io::Result<()> {
        match self.open.take() {
            Some(true) => self.out.write_all(b"\n  ]"),
            Some(false) => self.out.write_all(b"]"),
            None => Ok(()),
        }
    }

    /// Opens a collection; collections skipped over are written empty. Collections come in
    /// the order of [`Collection::ALL`]: going back is refused.
    pub fn begin(&mut self, c: Collection) -> io::Result<()> {
        let index = Collection::ALL
            .iter()
            .position(|x| *x == c)
            .unwrap_or(usize::MAX);
        if index < self.next {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("the collection {} was already written", c.name()),
            ));
        }
        self.close()?;
        while self.next < index {
            let skipped = Collection::ALL[self.next].name();
            write!(self.out, ",\n  \"{skipped}\": []")?;
            self.next += 1;
        }
        write!(self.out, ",\n  \"{}\": [", c.name())?;
        self.next = index + 1;
        self.open = Some(false);
        Ok(())
    }

    /// Writes one record into the open collection.
    pub fn record<T: Serialize>(&mut self, record: &T) -> io::Result<()> {
        let Some(has_records) = self.open else {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "a record was written before its collection was opened",
            ));
        };
        self.out
            .write_all(if has_records { b",\n    " } else { b"\n    " })?;
        serde_json::to_writer_pretty(Indented(&mut self.out), record).map_err(io::Error::other)?;
        self.open = Some(true);
        Ok(())
    }

    /// Ends the document (collections not written are written empty) and returns the output.
    pub fn finish(mut self) -> io::Result<W> {
        self.close()?;
        while self.next < Collection::ALL.len() {
            let skipped = Collection::ALL[self.next].name();
            write!(self.out, ",\n  \"{skipped}\": []")?;
            self.next += 1;
        }
        self.out.write_all(b"\n}")?;
        self.out.flush()?;
        Ok(self.out)
    }
}

#[cfg(test)]
mod tests {
    use crate::registry::Registry;

    #[test]
    fn the_streamed_document_is_the_pretty_printed_registry() {
        let mut r = crate::sample::sample_registry();
        r.canonicalize();
        let streamed = r.write_document(Vec::new()).unwrap();
        assert_eq!(
            String::from_utf8(streamed).unwrap(),
            serde_json::to_string_pretty(&r).unwrap()
        );
        let empty = Registry::default().write_document(Vec::new()).unwrap();
        assert_eq!(
            String::from_utf8(empty).unwrap(),
            serde_json::to_string_pretty(&Registry::default()).unwrap()
        );
    }
}
