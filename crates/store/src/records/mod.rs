//! The mapping between domain records and the tables of the schema (see `migrations/`), written
//! once for both backends: the statements that store a record, and the queries and row mapping
//! that read it back exactly as it was stored (lists in their order, every field).
//!
//! Writing a record is an upsert: its row is inserted or updated, and the rows of its lists
//! (unit versions, assignments, roles, annexes …) are replaced.

mod catalogue;
mod documents;
mod org;

pub(crate) use catalogue::{
    load_competencies, load_role_cards, load_role_glossary, upsert_competency, upsert_role_card,
    upsert_role_glossary_entry,
};
pub(crate) use documents::{
    JOB_DESCRIPTION_WRITE_COLUMNS, job_description_rows, load_directives, load_job_descriptions,
    load_source_documents, upsert_directive, upsert_job_description, upsert_source_document,
};
pub(crate) use org::{
    ASSIGNMENT_COLUMNS, POSITION_COLUMNS, UNIT_VERSION_COLUMNS, add_substitution, load_persons,
    load_positions, load_substitutions, load_substitutions_from, load_substitutions_touching,
    load_units, person_row, position_rows, remove_substitution, unit_rows, upsert_person,
    upsert_position, upsert_unit,
};

use crate::Result;
use crate::sql::{Arg, Cols, Session, Stmt};

/// Parameters per statement of a bulk insert: below SQLite's limit (32,766) and PostgreSQL's
/// (65,535).
const MAX_PARAMS: usize = 16_000;

/// Inserts rows (each with one value per column) in as few statements as the parameter limit
/// allows: the bulk load of a restore into tables that hold none of these rows.
pub(crate) async fn insert_rows<S: Session>(
    s: &mut S,
    table: &str,
    columns: &str,
    rows: Vec<Vec<Arg>>,
) -> Result<()> {
    insert_rows_then(s, table, columns, rows, "").await
}

/// [`insert_rows`] with a clause after the values (`ON CONFLICT DO NOTHING`).
pub(crate) async fn insert_rows_then<S: Session>(
    s: &mut S,
    table: &str,
    columns: &str,
    rows: Vec<Vec<Arg>>,
    then: &str,
) -> Result<()> {
    let Some(width) = rows.first().map(Vec::len).filter(|w| *w > 0) else {
        return Ok(());
    };
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let mut values = Vec::new();
        let mut args = Vec::new();
        for row in rows.by_ref().take((MAX_PARAMS / width).max(1)) {
            let first = args.len();
            let ps: Vec<String> = (1..=row.len()).map(|i| format!("${}", first + i)).collect();
            values.push(format!("({})", ps.join(", ")));
            args.extend(row);
        }
        let mut stmt = Stmt::new(format!(
            "INSERT INTO {table} ({columns}) VALUES {}{then}",
            values.join(", ")
        ));
        stmt.args = args;
        s.execute(stmt).await?;
    }
    Ok(())
}
use std::collections::HashMap;

/// Which records of a table to read.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Filter<'a> {
    All,
    /// The record with this id (primary key).
    Id(&'a str),
    /// The records whose `column` holds this value (e.g. positions of a unit).
    Where(&'static str, &'a str),
    /// The records whose `column` is among the values a subquery selects (its parameters are
    /// `$1` …, given here), e.g. a page of positions and their versions.
    In(&'static str, &'a str, &'a [Arg]),
    /// The records whose `column` holds one of these values (a page of an export); never empty.
    Among(&'static str, &'a [String]),
}

/// `$1, $2 … $n`.
fn placeholders(n: usize) -> String {
    (1..=n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Filter<'_> {
    /// The WHERE clause (and its parameter) selecting the records themselves.
    fn records(&self, key: &str) -> (String, Vec<Arg>) {
        match self {
            Filter::All => (String::new(), vec![]),
            Filter::Id(id) => (format!("WHERE {key} = $1"), vec![text(id)]),
            Filter::Where(column, v) => (format!("WHERE {column} = $1"), vec![text(v)]),
            Filter::In(column, sub, args) => (format!("WHERE {column} IN ({sub})"), args.to_vec()),
            Filter::Among(column, vs) => (
                format!("WHERE {column} IN ({})", placeholders(vs.len())),
                vs.iter().map(|v| text(v)).collect(),
            ),
        }
    }

    /// The WHERE clause selecting the list rows (`fk` pointing at `table`) of those records.
    fn lists(&self, fk: &str, table: &str, key: &str) -> (String, Vec<Arg>) {
        match self {
            Filter::All => (String::new(), vec![]),
            Filter::Id(id) => (format!("WHERE {fk} = $1"), vec![text(id)]),
            Filter::Where(column, v) => (
                format!("WHERE {fk} IN (SELECT {key} FROM {table} WHERE {column} = $1)"),
                vec![text(v)],
            ),
            Filter::In(column, sub, args) => (
                format!("WHERE {fk} IN (SELECT {key} FROM {table} WHERE {column} IN ({sub}))"),
                args.to_vec(),
            ),
            Filter::Among(column, vs) if *column == key => (
                format!("WHERE {fk} IN ({})", placeholders(vs.len())),
                vs.iter().map(|v| text(v)).collect(),
            ),
            Filter::Among(column, vs) => (
                format!(
                    "WHERE {fk} IN (SELECT {key} FROM {table} WHERE {column} IN ({}))",
                    placeholders(vs.len())
                ),
                vs.iter().map(|v| text(v)).collect(),
            ),
        }
    }
}

fn text(v: &str) -> Arg {
    Arg::Text(Some(v.to_string()))
}

/// A select with a filter clause spliced in (`{where}` in `sql`).
fn select(sql: &str, clause: (String, Vec<Arg>)) -> Stmt {
    let (clause, args) = clause;
    let mut stmt = Stmt::new(sql.replace("{where}", &clause));
    stmt.args = args;
    stmt
}

/// Reads list rows whose first column is the owning record's key, grouped by that key, in
/// the order the query returns them (the queries order by `seq`).
async fn grouped<S: Session, T>(
    s: &mut S,
    table: &'static str,
    stmt: Stmt,
    read: impl Fn(&mut Cols<'_, S::Row>) -> Result<T>,
) -> Result<HashMap<String, Vec<T>>> {
    let rows = s.fetch(stmt).await?;
    let mut out: HashMap<String, Vec<T>> = HashMap::new();
    for row in &rows {
        let mut c = Cols::new(table, row);
        let key = c.text()?;
        out.entry(key).or_default().push(read(&mut c)?);
    }
    Ok(out)
}

/// Reads one record per row.
async fn each<S: Session, T>(
    s: &mut S,
    table: &'static str,
    stmt: Stmt,
    mut read: impl FnMut(&mut Cols<'_, S::Row>) -> Result<T>,
) -> Result<Vec<T>> {
    let rows = s.fetch(stmt).await?;
    rows.iter()
        .map(|row: &S::Row| read(&mut Cols::new(table, row)))
        .collect()
}

/// Removes the list rows of one record before they are written anew.
async fn clear<S: Session>(
    s: &mut S,
    table: &'static str,
    fk: &'static str,
    id: &str,
) -> Result<()> {
    s.execute(Stmt::new(format!("DELETE FROM {table} WHERE {fk} = $1")).text(id))
        .await
        .map(|_| ())
}
