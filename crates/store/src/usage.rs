//! Where units, role cards and competencies are used: the counts the organisation, role card
//! and competency pages show, and the positions behind one role card or one competency. Each
//! answer is one aggregate or filtered query; none reads a job description's document.
//!
//! A position "requires" a competency when the version that speaks for it lists it: the latest
//! version in force, else the latest approved or signed one, else its latest version — the
//! choice of `ametijuhend_domain::workflow::current_version`, then `latest_version`.

use crate::Result;
use crate::sql::{Cols, Driver, Session, Stmt, TxMode};
use ametijuhend_domain::{CompetencyId, PositionId, RoleCardId, UnitId};

/// A position named in a list: its id and full title ("Peaspetsialist (STAR kasutajatugi)").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PositionTitle {
    pub id: PositionId,
    pub title: String,
    pub unit: UnitId,
}

/// The version that speaks for each position (see the module documentation), as a table
/// expression `speaking(id, position_id)`.
const SPEAKING: &str = "WITH ranked AS (\
     SELECT id, position_id, ROW_NUMBER() OVER (PARTITION BY position_id ORDER BY \
     CASE status WHEN 'in_force' THEN 0 WHEN 'approved' THEN 1 WHEN 'signed' THEN 1 ELSE 2 END, \
     version DESC) AS rn FROM job_descriptions), \
     speaking AS (SELECT id, position_id FROM ranked WHERE rn = 1) ";

async fn counted<S: Session, K: serde::de::DeserializeOwned>(
    s: &mut S,
    table: &'static str,
    stmt: Stmt,
) -> Result<Vec<(K, u64)>> {
    let rows = s.fetch(stmt).await?;
    rows.iter()
        .map(|row| {
            let mut c = Cols::new(table, row);
            let key: K = c.parsed()?;
            let n = c.i64()?;
            Ok((key, u64::try_from(n).unwrap_or(0)))
        })
        .collect()
}

async fn titled<S: Session>(s: &mut S, stmt: Stmt) -> Result<Vec<PositionTitle>> {
    let rows = s.fetch(stmt).await?;
    rows.iter()
        .map(|row| {
            let mut c = Cols::new("positions", row);
            let id: PositionId = c.parsed()?;
            let (title, specialisation) = (c.text()?, c.opt_text()?);
            let unit: UnitId = c.parsed()?;
            Ok(PositionTitle {
                id,
                title: ametijuhend_domain::text::full_title(&title, specialisation.as_deref()),
                unit,
            })
        })
        .collect()
}

/// How many positions each unit has (units without positions are left out).
pub(crate) async fn position_counts_by_unit<D: Driver>(d: &D) -> Result<Vec<(UnitId, u64)>> {
    let mut s = d.begin(TxMode::Read).await?;
    counted(
        &mut s,
        "positions",
        Stmt::new("SELECT unit_id, COUNT(*) FROM positions GROUP BY unit_id ORDER BY unit_id"),
    )
    .await
}

/// How many positions are written from each role card (cards without positions are left out).
pub(crate) async fn position_counts_by_role_card<D: Driver>(
    d: &D,
) -> Result<Vec<(RoleCardId, u64)>> {
    let mut s = d.begin(TxMode::Read).await?;
    counted(
        &mut s,
        "positions",
        Stmt::new(
            "SELECT role_card_id, COUNT(*) FROM positions WHERE role_card_id IS NOT NULL \
             GROUP BY role_card_id ORDER BY role_card_id",
        ),
    )
    .await
}

/// The positions written from a role card, by id.
pub(crate) async fn positions_with_role_card<D: Driver>(
    d: &D,
    card: &RoleCardId,
) -> Result<Vec<PositionTitle>> {
    let mut s = d.begin(TxMode::Read).await?;
    titled(
        &mut s,
        Stmt::new(
            "SELECT id, title, specialisation, unit_id FROM positions WHERE role_card_id = $1 \
             ORDER BY id",
        )
        .text(card.as_str()),
    )
    .await
}

/// How many positions require each competency (competencies no position requires are left
/// out).
pub(crate) async fn competency_counts<D: Driver>(d: &D) -> Result<Vec<(CompetencyId, u64)>> {
    let mut s = d.begin(TxMode::Read).await?;
    counted(
        &mut s,
        "job_description_competencies",
        Stmt::new(format!(
            "{SPEAKING}SELECT c.competency_id, COUNT(DISTINCT s.position_id) FROM speaking s \
             JOIN job_description_competencies c ON c.job_description_id = s.id \
             GROUP BY c.competency_id ORDER BY c.competency_id"
        )),
    )
    .await
}

/// The positions that require a competency, by id.
pub(crate) async fn positions_requiring<D: Driver>(
    d: &D,
    competency: &CompetencyId,
) -> Result<Vec<PositionTitle>> {
    let mut s = d.begin(TxMode::Read).await?;
    titled(
        &mut s,
        Stmt::new(format!(
            "{SPEAKING}SELECT p.id, p.title, p.specialisation, p.unit_id FROM positions p \
             WHERE p.id IN (SELECT s.position_id FROM speaking s \
             JOIN job_description_competencies c ON c.job_description_id = s.id \
             WHERE c.competency_id = $1) ORDER BY p.id"
        ))
        .text(competency.as_str()),
    )
    .await
}
