//! Export and restore that stream: memory stays bounded whatever the registry's size.
//!
//! [`export_to`] writes the registry document collection by collection in canonical order from
//! one read transaction, a page of records at a time (keys paged in the database, ordered byte
//! by byte like the rest of the program), through the domain's
//! [`DocumentWriter`](ametijuhend_domain::DocumentWriter): the bytes are those of the
//! in-memory export.
//!
//! [`restore_stream`] takes the records of a document as it is read (chunks from
//! [`read_document`](ametijuhend_domain::read_document), sent by the reading thread) and writes
//! them in ONE write transaction; the reader's verdict ([`RestoreInput::End`]) comes last, and
//! only a document read whole and without problems is committed.

use crate::check::{text_problems, to_json};
use crate::records::{self, Filter};
use crate::sql::{Driver, Session, Stmt, TxMode};
use crate::{RestoreMode, Result, StoreError};
use ametijuhend_domain::{Chunk, Collection, DocumentWriter, RegistryError};
use serde::Serialize;
use std::io::Write;

/// What a restore receives from the thread that reads the document.
#[derive(Debug)]
pub enum RestoreInput {
    Records(Chunk),
    /// The document was read to its end; the consistency problems found (none: commit).
    End(Vec<RegistryError>),
}

/// Records read per page of an export (source documents, which hold whole files, fewer).
const PAGE: usize = 400;
const FILE_PAGE: usize = 8;
/// Problems collected before a restore stops looking for more.
const MAX_PROBLEMS: usize = 200;

fn output(e: std::io::Error) -> StoreError {
    StoreError::Transfer(format!("cannot write the registry document: {e}"))
}

/// The next page of distinct values of `key` in `table` after `after`, in byte order.
async fn page_keys<S: Session>(
    s: &mut S,
    table: &str,
    key: &str,
    after: Option<&str>,
    limit: usize,
) -> Result<Vec<String>> {
    let c = s.binary_collation();
    let (filter, args) = match after {
        Some(a) => (format!("WHERE {key}{c} > $1"), vec![a.to_string()]),
        None => (String::new(), vec![]),
    };
    let mut stmt = Stmt::new(format!(
        "SELECT {key} FROM {table} {filter} GROUP BY {key} ORDER BY {key}{c} LIMIT {limit}"
    ));
    for a in args {
        stmt = stmt.text(a);
    }
    let rows = s.fetch(stmt).await?;
    rows.iter()
        .map(|r| crate::sql::Cols::new("export", r).text())
        .collect()
}

/// Writes one collection: pages of keys, the records of each page loaded and written in order.
macro_rules! paged {
    ($s:ident, $w:ident, $coll:ident, $table:literal, $key:literal, $limit:expr, |$keys:ident| $load:expr) => {{
        $w.begin(Collection::$coll).map_err(output)?;
        let mut after: Option<String> = None;
        loop {
            let $keys = page_keys(&mut $s, $table, $key, after.as_deref(), $limit).await?;
            let Some(last) = $keys.last().cloned() else {
                break;
            };
            let records = $load;
            for r in records {
                $w.record(&r).map_err(output)?;
            }
            after = Some(last);
        }
    }};
}

pub(crate) async fn export_to<D: Driver>(d: &D, out: &mut (dyn Write + Send)) -> Result<()> {
    let mut s = d.begin(TxMode::Read).await?;
    let mut w = DocumentWriter::new(out).map_err(output)?;
    paged!(s, w, Units, "units", "id", PAGE, |keys| {
        records::load_units(&mut s, Filter::Among("id", &keys)).await?
    });
    paged!(s, w, Persons, "persons", "id", PAGE, |keys| {
        records::load_persons(&mut s, Filter::Among("id", &keys)).await?
    });
    paged!(s, w, RoleGlossary, "role_glossary", "id", PAGE, |keys| {
        records::load_role_glossary(&mut s, Filter::Among("id", &keys)).await?
    });
    paged!(s, w, RoleCards, "role_cards", "id", PAGE, |keys| {
        records::load_role_cards(&mut s, Filter::Among("id", &keys)).await?
    });
    paged!(s, w, Competencies, "competencies", "id", PAGE, |keys| {
        records::load_competencies(&mut s, Filter::Among("id", &keys)).await?
    });
    paged!(s, w, Positions, "positions", "id", PAGE, |keys| {
        records::load_positions(&mut s, Filter::Among("id", &keys)).await?
    });
    paged!(
        s,
        w,
        Substitutions,
        "substitutions",
        "substitute_id",
        PAGE,
        |keys| { records::load_substitutions_from(&mut s, &keys).await? }
    );
    paged!(s, w, Directives, "directives", "id", PAGE, |keys| {
        records::load_directives(&mut s, Filter::Among("id", &keys)).await?
    });
    paged!(
        s,
        w,
        JobDescriptions,
        "job_descriptions",
        "position_id",
        PAGE,
        |keys| {
            records::load_job_descriptions(&mut s, Filter::Among("position_id", &keys)).await?
        }
    );
    paged!(
        s,
        w,
        SourceDocuments,
        "source_documents",
        "content_hash",
        FILE_PAGE,
        |keys| {
            records::load_source_documents(&mut s, Filter::Among("content_hash", &keys)).await?
        }
    );
    w.finish().map_err(output)?;
    Ok(())
}

/// Text the databases cannot hold, in the records of a chunk (paths into the document).
fn chunk_problems(chunk: &Chunk) -> Result<Vec<RegistryError>> {
    fn each<T: Serialize>(name: &str, first: usize, v: &[T]) -> Result<Vec<RegistryError>> {
        let mut out = Vec::new();
        for (i, r) in v.iter().enumerate() {
            out.extend(text_problems(&[(
                &format!("{name}[{}]", first + i),
                to_json(r)?,
            )]));
        }
        Ok(out)
    }
    match chunk {
        Chunk::Units(f, v) => each("units", *f, v),
        Chunk::Persons(f, v) => each("persons", *f, v),
        Chunk::RoleGlossary(f, v) => each("role_glossary", *f, v),
        Chunk::RoleCards(f, v) => each("role_cards", *f, v),
        Chunk::Competencies(f, v) => each("competencies", *f, v),
        Chunk::Positions(f, v) => each("positions", *f, v),
        Chunk::Substitutions(..) => Ok(vec![]),
        Chunk::Directives(f, v) => each("directives", *f, v),
        Chunk::JobDescriptions(f, v) => each("job_descriptions", *f, v),
        Chunk::SourceDocuments(f, v) => each("source_documents", *f, v),
    }
}

/// Writes the records of a chunk into a registry that held none of them before: the large
/// collections as multi-row inserts (a few statements a chunk), the rest record by record.
async fn insert<S: Session>(s: &mut S, chunk: &Chunk) -> Result<()> {
    match chunk {
        Chunk::Units(_, v) => {
            let ids = v.iter().map(|u| Stmt::new("").text(&u.id).args).collect();
            records::insert_rows(s, "units", "id", ids).await?;
            let versions = v.iter().flat_map(records::unit_rows).collect();
            records::insert_rows(s, "unit_versions", records::UNIT_VERSION_COLUMNS, versions)
                .await?;
        }
        Chunk::Persons(_, v) => {
            let rows = v.iter().map(records::person_row).collect();
            records::insert_rows(s, "persons", "id, name, email", rows).await?;
        }
        Chunk::RoleGlossary(_, v) => {
            for r in v {
                records::upsert_role_glossary_entry(s, r).await?;
            }
        }
        Chunk::RoleCards(_, v) => {
            for r in v {
                records::upsert_role_card(s, r).await?;
            }
        }
        Chunk::Competencies(_, v) => {
            for r in v {
                records::upsert_competency(s, r).await?;
            }
        }
        Chunk::Positions(_, v) => {
            let (rows, lists): (Vec<_>, Vec<_>) = v.iter().map(records::position_rows).unzip();
            records::insert_rows(s, "positions", records::POSITION_COLUMNS, rows).await?;
            let lists = lists.into_iter().flatten().collect();
            records::insert_rows(s, "assignments", records::ASSIGNMENT_COLUMNS, lists).await?;
        }
        Chunk::Substitutions(_, v) => {
            let rows = v
                .iter()
                .map(|l| Stmt::new("").text(&l.substitute).text(&l.substituted).args)
                .collect();
            let columns = "substitute_id, substituted_id";
            // A link given twice is one link (as when links are added one by one).
            let then = " ON CONFLICT DO NOTHING";
            records::insert_rows_then(s, "substitutions", columns, rows, then).await?;
        }
        Chunk::Directives(_, v) => {
            for r in v {
                records::upsert_directive(s, r).await?;
            }
        }
        Chunk::JobDescriptions(_, v) => {
            let mut rows = Vec::with_capacity(v.len());
            let mut lists = Vec::new();
            for jd in v {
                let (row, competencies) = records::job_description_rows(jd)?;
                rows.push(row);
                lists.extend(competencies);
            }
            let columns = records::JOB_DESCRIPTION_WRITE_COLUMNS;
            records::insert_rows(s, "job_descriptions", columns, rows).await?;
            let columns = "job_description_id, seq, competency_id, kind";
            records::insert_rows(s, "job_description_competencies", columns, lists).await?;
        }
        Chunk::SourceDocuments(_, v) => {
            for r in v {
                records::upsert_source_document(s, r).await?;
            }
        }
    }
    Ok(())
}

pub(crate) async fn restore_stream<D: Driver>(
    d: &D,
    input: &mut tokio::sync::mpsc::Receiver<RestoreInput>,
    mode: RestoreMode,
) -> Result<()> {
    let mut s = d.begin(TxMode::Write).await?;
    crate::engine::prepare_restore(&mut s, mode).await?;
    let mut problems: Vec<RegistryError> = Vec::new();
    // The first failure of the database; reported unless the document's own problems explain it.
    let mut failed: Option<StoreError> = None;
    loop {
        match input.recv().await {
            None => {
                return Err(failed.unwrap_or_else(|| {
                    StoreError::Transfer(
                        "the registry document was not read to its end; nothing was restored"
                            .into(),
                    )
                }));
            }
            Some(RestoreInput::Records(chunk)) => {
                if problems.len() < MAX_PROBLEMS {
                    problems.extend(chunk_problems(&chunk)?);
                }
                if problems.is_empty()
                    && failed.is_none()
                    && let Err(e) = insert(&mut s, &chunk).await
                {
                    failed = Some(e);
                }
            }
            Some(RestoreInput::End(mut found)) => {
                found.extend(problems);
                if !found.is_empty() {
                    return Err(StoreError::invalid(found));
                }
                if let Some(e) = failed {
                    return Err(e);
                }
                break;
            }
        }
    }
    crate::changes::record_everything(&mut s).await?;
    s.commit().await
}
