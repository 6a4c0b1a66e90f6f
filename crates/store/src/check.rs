//! Checks records before they are written: a registry before a restore, a change set before it
//! is applied. Every problem names its JSON path — into the registry (`positions[3].supervisor`)
//! or into the change set's collections, which use the same names. The record rules themselves
//! are the domain's ([`Registry::validate`], [`Unit::check_versions`],
//! [`JobDescription::problems`]); this module adds what needs the store (references to stored
//! records, version numbers already taken, cycles in the stored unit tree) and refuses text the
//! databases cannot hold.

use crate::sql::{Cols, Session, Stmt};
use crate::{ChangeSet, Result, StoreError};
use ametijuhend_domain::ids::Id;
use ametijuhend_domain::{JobDescription, Registry, RegistryError, Unit};
use serde::Serialize;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;

fn problem(path: impl Into<String>, message: impl Into<String>) -> RegistryError {
    RegistryError {
        path: path.into(),
        message: message.into(),
    }
}

fn fail_if_any(problems: Vec<RegistryError>) -> Result<()> {
    if problems.is_empty() {
        Ok(())
    } else {
        Err(StoreError::invalid(problems))
    }
}

/// Everything [`Registry::validate`] checks, plus text the databases cannot hold.
pub(crate) fn check_registry(r: &Registry) -> Result<()> {
    let mut problems = r.validate().err().unwrap_or_default();
    problems.extend(text_problems(&[("", to_json(r)?)]));
    fail_if_any(problems)
}

pub(crate) fn to_json(v: &impl Serialize) -> Result<Value> {
    serde_json::to_value(v)
        .map_err(|e| StoreError::Database(format!("cannot encode records as JSON: {e}")))
}

/// Strings holding U+0000, which PostgreSQL cannot store (refused on both backends alike).
pub(crate) fn text_problems(collections: &[(&str, Value)]) -> Vec<RegistryError> {
    fn walk(v: &Value, path: &mut String, out: &mut Vec<RegistryError>) {
        let len = path.len();
        match v {
            Value::String(s) if s.contains('\0') => out.push(problem(
                path.clone(),
                "contains the character U+0000, which cannot be stored: remove it",
            )),
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    let _ = write!(path, "[{i}]");
                    walk(item, path, out);
                    path.truncate(len);
                }
            }
            Value::Object(fields) => {
                for (k, item) in fields {
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(k);
                    walk(item, path, out);
                    path.truncate(len);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    for (name, value) in collections {
        walk(value, &mut name.to_string(), &mut out);
    }
    out
}

/// Ids that are not UUIDs, and ids used twice in one collection of the change set.
fn id_problems<'a, K: 'a>(
    out: &mut Vec<RegistryError>,
    collection: &str,
    ids: impl Iterator<Item = &'a Id<K>>,
) {
    let mut seen = HashSet::new();
    for (i, id) in ids.enumerate() {
        if !id.is_valid() {
            out.push(problem(
                format!("{collection}[{i}].id"),
                format!("'{id}' is not a UUID"),
            ));
        }
        if !seen.insert(id.as_str()) {
            out.push(problem(
                format!("{collection}[{i}].id"),
                format!("'{id}' appears twice in {collection} of the change set: keep one"),
            ));
        }
    }
}

/// The rules each record of a change set must satisfy on its own.
pub(crate) fn check_change_set(c: &ChangeSet) -> Result<()> {
    let mut out = Vec::new();
    id_problems(&mut out, "units", c.units.iter().map(|r| &r.id));
    id_problems(&mut out, "persons", c.persons.iter().map(|r| &r.id));
    id_problems(
        &mut out,
        "role_glossary",
        c.role_glossary.iter().map(|r| &r.id),
    );
    id_problems(&mut out, "role_cards", c.role_cards.iter().map(|r| &r.id));
    id_problems(
        &mut out,
        "competencies",
        c.competencies.iter().map(|r| &r.id),
    );
    id_problems(&mut out, "positions", c.positions.iter().map(|r| &r.id));
    id_problems(&mut out, "directives", c.directives.iter().map(|r| &r.id));
    id_problems(
        &mut out,
        "job_descriptions",
        c.job_descriptions.iter().map(|r| &r.id),
    );

    for (i, u) in c.units.iter().enumerate() {
        if let Err(e) = Unit::check_versions(u) {
            out.push(problem(format!("units[{i}]"), e));
        }
    }
    for (i, card) in c.role_cards.iter().enumerate() {
        if card.revision == 0 {
            out.push(problem(
                format!("role_cards[{i}].revision"),
                "must be 1 or more",
            ));
        }
    }
    for (i, p) in c.positions.iter().enumerate() {
        if p.title.trim().is_empty() {
            out.push(problem(format!("positions[{i}].title"), "is empty"));
        }
        if p.supervisor.as_ref() == Some(&p.id) {
            out.push(problem(
                format!("positions[{i}].supervisor"),
                "is the position itself",
            ));
        }
    }
    let mut versions = HashMap::new();
    for (i, jd) in c.job_descriptions.iter().enumerate() {
        for (path, message) in JobDescription::problems(jd) {
            out.push(problem(format!("job_descriptions[{i}].{path}"), message));
        }
        if let Some(prev) = versions.insert((jd.position.as_str(), jd.version), i) {
            out.push(problem(
                format!("job_descriptions[{i}].version"),
                format!(
                    "version {} of position '{}' is also job_descriptions[{prev}]",
                    jd.version, jd.position
                ),
            ));
        }
    }
    for (i, d) in c.source_documents.iter().enumerate() {
        let h = &d.content_hash;
        if h.len() != 64
            || !h
                .chars()
                .all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c))
        {
            out.push(problem(
                format!("source_documents[{i}].content_hash"),
                "must be the lower-case hex SHA-256 of content",
            ));
        }
    }
    out.extend(text_problems(&[
        ("units", to_json(&c.units)?),
        ("persons", to_json(&c.persons)?),
        ("role_glossary", to_json(&c.role_glossary)?),
        ("role_cards", to_json(&c.role_cards)?),
        ("competencies", to_json(&c.competencies)?),
        ("positions", to_json(&c.positions)?),
        ("directives", to_json(&c.directives)?),
        ("job_descriptions", to_json(&c.job_descriptions)?),
        ("source_documents", to_json(&c.source_documents)?),
    ]));
    fail_if_any(out)
}

/// A reference from a record of the change set to another record.
struct Reference {
    path: String,
    /// The table (and its key column) of the record referred to.
    table: &'static str,
    key: &'static str,
    what: &'static str,
    id: String,
}

fn references(c: &ChangeSet) -> Vec<Reference> {
    let mut out = Vec::new();
    let mut add = |path: String, table: &'static str, what: &'static str, id: &str| {
        let key = if table == "source_documents" {
            "content_hash"
        } else {
            "id"
        };
        out.push(Reference {
            path,
            table,
            key,
            what,
            id: id.to_string(),
        });
    };
    for (i, u) in c.units.iter().enumerate() {
        for (j, v) in u.versions.iter().enumerate() {
            if let Some(p) = &v.parent {
                add(
                    format!("units[{i}].versions[{j}].parent"),
                    "units",
                    "unit",
                    p.as_str(),
                );
            }
        }
    }
    for (i, card) in c.role_cards.iter().enumerate() {
        for (j, r) in card.roles.iter().enumerate() {
            if let Some(g) = &r.glossary_entry {
                let path = format!("role_cards[{i}].roles[{j}].glossary_entry");
                add(path, "role_glossary", "role glossary entry", g.as_str());
            }
        }
    }
    for (i, p) in c.positions.iter().enumerate() {
        add(
            format!("positions[{i}].unit"),
            "units",
            "unit",
            p.unit.as_str(),
        );
        if let Some(s) = &p.supervisor {
            add(
                format!("positions[{i}].supervisor"),
                "positions",
                "position",
                s.as_str(),
            );
        }
        if let Some(r) = &p.role_card {
            add(
                format!("positions[{i}].role_card"),
                "role_cards",
                "role card",
                r.as_str(),
            );
        }
        for (j, a) in p.assignments.iter().enumerate() {
            let path = format!("positions[{i}].assignments[{j}].person");
            add(path, "persons", "person", a.person.as_str());
        }
    }
    for (i, s) in c.substitutions.iter().enumerate() {
        let (a, b) = (s.substitute.as_str(), s.substituted.as_str());
        add(
            format!("substitutions[{i}].substitute"),
            "positions",
            "position",
            a,
        );
        add(
            format!("substitutions[{i}].substituted"),
            "positions",
            "position",
            b,
        );
    }
    for (i, d) in c.directives.iter().enumerate() {
        for (j, a) in d.annexes.iter().enumerate() {
            if let Some(jd) = &a.job_description {
                let path = format!("directives[{i}].annexes[{j}].job_description");
                add(path, "job_descriptions", "job description", jd.as_str());
            }
        }
        for (j, r) in d.repeals.iter().enumerate() {
            if let Some(rd) = &r.directive {
                let path = format!("directives[{i}].repeals[{j}].directive");
                add(path, "directives", "directive", rd.as_str());
            }
        }
        if let Some(s) = &d.source {
            let path = format!("directives[{i}].source.content_hash");
            add(path, "source_documents", "source document", &s.content_hash);
        }
    }
    for (i, jd) in c.job_descriptions.iter().enumerate() {
        let p = jd.position.as_str();
        add(
            format!("job_descriptions[{i}].position"),
            "positions",
            "position",
            p,
        );
        for (j, r) in jd.competencies.iter().enumerate() {
            let path = format!("job_descriptions[{i}].competencies[{j}].competency");
            add(path, "competencies", "competency", r.competency.as_str());
        }
        if let Some(w) = &jd.written_from {
            let path = format!("job_descriptions[{i}].written_from.role_card");
            add(path, "role_cards", "role card", w.role_card.as_str());
        }
        if let Some(d) = jd.approval.as_ref().and_then(|a| a.directive.as_ref()) {
            let path = format!("job_descriptions[{i}].approval.directive");
            add(path, "directives", "directive", d.as_str());
        }
        if let Some(s) = &jd.source {
            let path = format!("job_descriptions[{i}].source.content_hash");
            add(path, "source_documents", "source document", &s.content_hash);
        }
    }
    out
}

/// The keys of the records the change set itself writes, by table.
fn written_keys(c: &ChangeSet) -> HashMap<&'static str, HashSet<String>> {
    fn keys<'a, K: 'a>(ids: impl Iterator<Item = &'a Id<K>>) -> HashSet<String> {
        ids.map(|id| id.to_string()).collect()
    }
    HashMap::from([
        ("units", keys(c.units.iter().map(|r| &r.id))),
        ("persons", keys(c.persons.iter().map(|r| &r.id))),
        ("role_glossary", keys(c.role_glossary.iter().map(|r| &r.id))),
        ("role_cards", keys(c.role_cards.iter().map(|r| &r.id))),
        ("competencies", keys(c.competencies.iter().map(|r| &r.id))),
        ("positions", keys(c.positions.iter().map(|r| &r.id))),
        ("directives", keys(c.directives.iter().map(|r| &r.id))),
        (
            "job_descriptions",
            keys(c.job_descriptions.iter().map(|r| &r.id)),
        ),
        (
            "source_documents",
            c.source_documents
                .iter()
                .map(|d| d.content_hash.clone())
                .collect(),
        ),
    ])
}

/// Checks what a change set needs from the store: every reference resolves (to the change set
/// or a stored record), and no version number of a position is taken by another stored version.
pub(crate) async fn check_against_store<S: Session>(s: &mut S, c: &ChangeSet) -> Result<()> {
    let written = written_keys(c);
    let in_change_set = |table: &str, id: &str| written.get(table).is_some_and(|k| k.contains(id));
    let refs = references(c);

    let mut wanted: BTreeMap<(&str, &str), Vec<String>> = BTreeMap::new();
    for r in refs.iter().filter(|r| !in_change_set(r.table, &r.id)) {
        wanted
            .entry((r.table, r.key))
            .or_default()
            .push(r.id.clone());
    }
    let mut stored: HashSet<(&str, String)> = HashSet::new();
    for ((table, key), mut ids) in wanted {
        ids.sort();
        ids.dedup();
        for chunk in ids.chunks(500) {
            let params: Vec<String> = (1..=chunk.len()).map(|n| format!("${n}")).collect();
            let mut stmt = Stmt::new(format!(
                "SELECT {key} FROM {table} WHERE {key} IN ({})",
                params.join(", ")
            ));
            for id in chunk {
                stmt = stmt.text(id);
            }
            for row in s.fetch(stmt).await? {
                stored.insert((table, Cols::new(table, &row).text()?));
            }
        }
    }
    let mut out: Vec<RegistryError> = refs
        .into_iter()
        .filter(|r| !in_change_set(r.table, &r.id) && !stored.contains(&(r.table, r.id.clone())))
        .map(|r| {
            problem(
                r.path,
                format!(
                    "refers to {} '{}', which is neither in the change set nor in the registry: \
                     add it or remove the reference",
                    r.what, r.id
                ),
            )
        })
        .collect();

    for (i, jd) in c.job_descriptions.iter().enumerate() {
        let stmt =
            Stmt::new("SELECT id FROM job_descriptions WHERE position_id = $1 AND version = $2")
                .text(&jd.position)
                .int(jd.version);
        for row in s.fetch(stmt).await? {
            let other = Cols::new("job_descriptions", &row).text()?;
            if other != jd.id.as_str() && !in_change_set("job_descriptions", &other) {
                out.push(problem(
                    format!("job_descriptions[{i}].version"),
                    format!(
                        "version {} of position '{}' is already stored as job description \
                         '{other}': give this version the next free number",
                        jd.version, jd.position
                    ),
                ));
            }
        }
    }
    fail_if_any(out)
}

/// After a change set with units is written: refuses a cycle in the (current) unit tree.
pub(crate) async fn check_unit_tree<S: Session>(s: &mut S, c: &ChangeSet) -> Result<()> {
    let stmt = Stmt::new(
        "SELECT v.unit_id, v.parent_id FROM unit_versions v WHERE v.seq = \
         (SELECT MAX(w.seq) FROM unit_versions w WHERE w.unit_id = v.unit_id)",
    );
    let mut parent: HashMap<String, String> = HashMap::new();
    for row in s.fetch(stmt).await? {
        let mut cols = Cols::new("unit_versions", &row);
        let (unit, p) = (cols.text()?, cols.opt_text()?);
        if let Some(p) = p {
            parent.insert(unit, p);
        }
    }
    for (i, u) in c.units.iter().enumerate() {
        let mut seen = HashSet::new();
        let mut cur = u.id.as_str();
        while let Some(p) = parent.get(cur) {
            if p == u.id.as_str() {
                let last = u.versions.len().saturating_sub(1);
                return Err(StoreError::Invalid {
                    path: format!("units[{i}].versions[{last}].parent"),
                    message: format!(
                        "makes unit '{}' its own ancestor (the unit tree would have a cycle): \
                         choose another parent; nothing was written",
                        u.id
                    ),
                });
            }
            if !seen.insert(p.as_str()) {
                break; // a cycle above this unit, found from one of its members
            }
            cur = p;
        }
    }
    Ok(())
}
