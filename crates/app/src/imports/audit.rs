//! The audit entries of an import.

use ametijuhend_domain::{Registry, Timestamp};
use ametijuhend_store::AuditEntry;

/// The audit entries of an import: each unit, position, directive and job description version
/// it adds or changes, by the importer's account, with the record as it was (when it existed)
/// and as it is; a version is in its position's history.
pub fn import_audit(before: &Registry, delta: &Registry, at: Timestamp) -> Vec<AuditEntry> {
    let actor = ametijuhend_ingest::IMPORTER_ACCOUNT;
    let mut out = Vec::new();
    for u in &delta.units {
        let e = AuditEntry::new(at, actor, "unit.imported", "unit", &u.id).after(u);
        out.push(match before.units.iter().find(|o| o.id == u.id) {
            Some(old) => e.before(old),
            None => e,
        });
    }
    for p in &delta.positions {
        let e = AuditEntry::new(at, actor, "position.imported", "position", &p.id).after(p);
        out.push(match before.positions.iter().find(|o| o.id == p.id) {
            Some(old) => e.before(old),
            None => e,
        });
    }
    for d in &delta.directives {
        let e = AuditEntry::new(at, actor, "directive.imported", "directive", &d.id).after(d);
        out.push(match before.directives.iter().find(|o| o.id == d.id) {
            Some(old) => e.before(old),
            None => e,
        });
    }
    for jd in &delta.job_descriptions {
        let e = AuditEntry::new(
            at,
            actor,
            "job_description.imported",
            "position",
            &jd.position,
        )
        .after(jd);
        out.push(
            match before.job_descriptions.iter().find(|o| o.id == jd.id) {
                Some(old) => e.before(old),
                None => e,
            },
        );
    }
    out
}
