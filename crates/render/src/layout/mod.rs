//! A job description in the agency's layout, as an intermediate [`Document`]. The two SKA
//! templates live in [`ska2023`] and [`ska2024`]; this module holds what they share: the
//! approval stamp, competencies from the library, requirement rows and the signature block.

mod ska2023;
mod ska2024;

use crate::doc::{Block, Document, Part};
use crate::text::{self, FIELD_SIGNER, FIELD_SIGNER_TITLE};
use crate::{RenderError, StampChoice};
use ametijuhend_domain::text::full_title;
use ametijuhend_domain::{
    Competency, CompetencyKind, JobDescription, Registry, Signature, SignatureParty, StaffGroup,
    Status, Template,
};
use chrono::NaiveDate;

/// Whose directive approves job descriptions, in the genitive the stamp uses.
pub const APPROVED_BY: &str = "Sotsiaalkindlustusameti peadirektori";
/// The agency, as document author.
pub const AGENCY: &str = "Sotsiaalkindlustusamet";

/// The approval stamp: "KINNITATUD Sotsiaalkindlustusameti peadirektori 06.03.2023 käskkirjaga
/// nr 49 Lisa 2". A missing date or number is printed as the register's template field
/// (`{regDateTime}`, `{regNumber}`) for the document-management system to fill.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    /// Whose directive, in the genitive ("Sotsiaalkindlustusameti peadirektori").
    pub approved_by: String,
    pub directive_date: Option<NaiveDate>,
    pub directive_number: Option<String>,
    /// The annex number ("Lisa 2"), when the job description is an annex of a directive.
    pub annex: Option<u32>,
}

impl Default for Stamp {
    /// A stamp of a directive not yet registered: both template fields, no annex.
    fn default() -> Self {
        Self {
            approved_by: APPROVED_BY.to_string(),
            directive_date: None,
            directive_number: None,
            annex: None,
        }
    }
}

impl Stamp {
    /// The stamp's lines as printed.
    pub fn lines(&self) -> Vec<String> {
        let by = match self.approved_by.trim() {
            "" => APPROVED_BY,
            s => s,
        };
        let mut lines = vec![
            "KINNITATUD".to_string(),
            format!("{by} {}", text::date_or_field(self.directive_date)),
            format!(
                "käskkirjaga nr {}",
                text::number_or_field(self.directive_number.as_deref())
            ),
        ];
        if let Some(a) = self.annex {
            lines.push(format!("Lisa {a}"));
        }
        lines
    }
}

/// The stamp `choice` asks for, if any (see [`StampChoice`]).
pub fn stamp_for(registry: &Registry, jd: &JobDescription, choice: &StampChoice) -> Option<Stamp> {
    match choice {
        StampChoice::None => None,
        StampChoice::Given(s) => Some(s.clone()),
        StampChoice::Auto => match &jd.approval {
            Some(a) => {
                let directive = a.directive.as_ref().and_then(|id| registry.directive(id));
                Some(Stamp {
                    approved_by: a
                        .approved_by
                        .clone()
                        .unwrap_or_else(|| APPROVED_BY.to_string()),
                    directive_date: a.directive_date.or(directive.and_then(|d| d.date)),
                    directive_number: a
                        .directive_number
                        .clone()
                        .or(directive.and_then(|d| d.number.clone())),
                    annex: a.annex,
                })
            }
            None if matches!(jd.status, Status::Draft | Status::InCoordination) => {
                Some(Stamp::default())
            }
            None => None,
        },
    }
}

/// Builds the document of one job description in `template`.
pub fn job_description_document(
    registry: &Registry,
    jd: &JobDescription,
    template: Template,
    stamp: Option<&Stamp>,
) -> Result<Document, RenderError> {
    let part = job_description_part(registry, jd, template, stamp)?;
    let date = stamp
        .and_then(|s| s.directive_date)
        .or(jd.approval.as_ref().and_then(|a| a.directive_date))
        .unwrap_or_else(|| jd.created_at.date());
    Ok(Document {
        title: format!("Ametijuhend – {}", position_title(jd)),
        author: AGENCY.to_string(),
        date,
        parts: vec![part],
    })
}

/// The blocks of one job description (a directive puts one such part per annex).
pub fn job_description_part(
    registry: &Registry,
    jd: &JobDescription,
    template: Template,
    stamp: Option<&Stamp>,
) -> Result<Part, RenderError> {
    let ctx = Context::new(registry, jd)?;
    let mut blocks = Vec::new();
    if let Some(s) = stamp {
        blocks.push(Block::Stamp { lines: s.lines() });
    }
    match template {
        Template::Ska2023 => ska2023::blocks(&ctx, &mut blocks),
        Template::Ska2024 => ska2024::blocks(&ctx, &mut blocks),
        Template::Other => return Err(RenderError::UnsupportedTemplate),
    }
    Ok(Part { blocks })
}

/// "Peaspetsialist (STAR kasutajatugi)".
pub fn position_title(jd: &JobDescription) -> String {
    full_title(
        jd.general.title.trim(),
        jd.general.specialisation.as_deref().map(str::trim),
    )
}

/// What both templates need, resolved once.
pub(crate) struct Context<'a> {
    pub jd: &'a JobDescription,
    pub core: Vec<&'a Competency>,
    pub additional: Vec<&'a Competency>,
    pub staff_group: Option<StaffGroup>,
}

impl<'a> Context<'a> {
    fn new(registry: &'a Registry, jd: &'a JobDescription) -> Result<Self, RenderError> {
        let mut core = Vec::new();
        let mut additional = Vec::new();
        for r in &jd.competencies {
            let c = registry.competency(&r.competency).ok_or_else(|| {
                RenderError::MissingCompetency {
                    job_description: jd.id.to_string(),
                    competency: r.competency.to_string(),
                }
            })?;
            match r.kind {
                CompetencyKind::Core => core.push(c),
                CompetencyKind::Additional => additional.push(c),
            }
        }
        let staff_group = jd
            .general
            .staff_group
            .or_else(|| registry.position(&jd.position).map(|p| p.staff_group));
        Ok(Self {
            jd,
            core,
            additional,
            staff_group,
        })
    }

    /// "Tööks vajalikud kompetentsid": each competency's name, then its indicators as a list.
    pub fn core_competency_blocks(&self) -> Vec<Block> {
        let mut out = Vec::new();
        for c in &self.core {
            out.push(Block::strong(format!(
                "{}:",
                text::collapse(&c.name).trim_end_matches(':')
            )));
            let items = text::clean_items(&c.indicators);
            if !items.is_empty() {
                out.push(Block::List { items });
            }
        }
        out
    }

    /// "Täiendavad kompetentsid …": one item each, "Name: description".
    pub fn additional_competency_items(&self) -> Vec<String> {
        self.additional
            .iter()
            .map(|c| {
                let name = text::collapse(&c.name);
                let desc = text::clean_items(&c.indicators).join(" ");
                if desc.is_empty() {
                    name
                } else {
                    format!("{}: {desc}", name.trim_end_matches(':'))
                }
            })
            .collect()
    }

    /// The requirement rows other than competencies, as (label, blocks), in the template's
    /// order: education, experience (`experience_label` differs between the templates),
    /// languages, computer skills, knowledge and skills, personal qualities, other rows.
    pub fn requirement_rows(&self, experience_label: &str) -> Vec<(String, Vec<Block>)> {
        let r = &self.jd.requirements;
        // One sentence may state several requirements ("Inglise ja vene keele valdamine …"):
        // print it once.
        let mut languages: Vec<Block> = Vec::new();
        for l in &r.languages {
            let p = Block::para(text::collapse(&text::language_sentence(l)));
            if languages.last() != Some(&p) {
                languages.push(p);
            }
        }
        let text_row = |label: &str, value: &Option<String>| {
            value
                .as_deref()
                .filter(|v| !v.trim().is_empty())
                .map(|v| (label.to_string(), text::text_blocks(v)))
        };
        let mut rows: Vec<(String, Vec<Block>)> = [
            text_row("Haridus", &r.education),
            text_row(experience_label, &r.work_experience),
            (!languages.is_empty()).then(|| ("Keeleoskus".to_string(), languages)),
            text_row("Arvutikasutamise oskus", &r.computer_skills),
            text_row("Teadmised ja oskused", &r.knowledge_and_skills),
            text_row("Isikuomadused", &r.personal_qualities),
        ]
        .into_iter()
        .flatten()
        .collect();
        for o in &r.other {
            if !o.text.trim().is_empty() {
                rows.push((text::collapse(&o.label), text::text_blocks(&o.text)));
            }
        }
        rows
    }

    /// The signature block: "(allkirjastatud digitaalselt)", name, title, for each party.
    /// Returns the lead-in ("Poolte allkirjad:") for a two-party block and the columns.
    pub fn signature_block(&self) -> Option<(Option<&'static str>, Vec<Vec<String>>)> {
        let mut sigs: Vec<&Signature> = self.jd.signatures.iter().collect();
        if sigs.is_empty() {
            return None;
        }
        sigs.sort_by_key(|s| match s.party {
            SignatureParty::Approver => 0,
            SignatureParty::Employer => 1,
            SignatureParty::Holder => 2,
        });
        let two_party = sigs.iter().any(|s| s.party != SignatureParty::Approver);
        let columns = sigs
            .iter()
            .map(|s| {
                let mut lines = Vec::new();
                if two_party {
                    lines.push(
                        match s.party {
                            SignatureParty::Holder => "Töötaja:",
                            _ => "Tööandja:",
                        }
                        .to_string(),
                    );
                }
                lines.extend(signature_lines(s));
                lines
            })
            .collect();
        Some((two_party.then_some("Poolte allkirjad:"), columns))
    }
}

/// The lines of one signature: "(allkirjastatud digitaalselt)", the name (or `{Allkirjastaja}`),
/// the title (or `{Ametikoht}`), the date.
pub fn signature_lines(s: &Signature) -> Vec<String> {
    let mut lines = Vec::new();
    if s.signed_digitally {
        lines.push("(allkirjastatud digitaalselt)".to_string());
    }
    let has = |f: &str| s.placeholders.iter().any(|p| p == f);
    match s.name.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
        Some(n) => lines.push(n.to_string()),
        None if has(FIELD_SIGNER) => lines.push(FIELD_SIGNER.to_string()),
        None => {}
    }
    match s.title.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
        Some(t) => lines.push(t.to_string()),
        None if has(FIELD_SIGNER_TITLE) => lines.push(FIELD_SIGNER_TITLE.to_string()),
        None => {}
    }
    for p in &s.placeholders {
        if p != FIELD_SIGNER && p != FIELD_SIGNER_TITLE {
            lines.push(p.clone());
        }
    }
    if let Some(d) = s.date {
        lines.push(text::date(d));
    }
    lines
}

/// Appends the signature block (if the record has signatures).
pub(crate) fn push_signatures(ctx: &Context<'_>, blocks: &mut Vec<Block>) {
    if let Some((lead, columns)) = ctx.signature_block() {
        if let Some(l) = lead {
            blocks.push(Block::strong(l));
        }
        blocks.push(Block::Signatures { columns });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamp_lines_with_and_without_registration() {
        let s = Stamp {
            directive_date: NaiveDate::from_ymd_opt(2023, 3, 6),
            directive_number: Some("49".into()),
            annex: Some(2),
            ..Stamp::default()
        };
        assert_eq!(
            s.lines(),
            vec![
                "KINNITATUD",
                "Sotsiaalkindlustusameti peadirektori 06.03.2023",
                "käskkirjaga nr 49",
                "Lisa 2"
            ]
        );
        assert_eq!(
            Stamp::default().lines(),
            vec![
                "KINNITATUD",
                "Sotsiaalkindlustusameti peadirektori {regDateTime}",
                "käskkirjaga nr {regNumber}"
            ]
        );
    }

    #[test]
    fn signature_placeholders_stand_for_missing_name_and_title() {
        let s = Signature {
            party: SignatureParty::Approver,
            name: None,
            title: None,
            signed_digitally: true,
            date: None,
            placeholders: vec![FIELD_SIGNER.into(), FIELD_SIGNER_TITLE.into()],
        };
        assert_eq!(
            signature_lines(&s),
            vec![
                "(allkirjastatud digitaalselt)",
                "{Allkirjastaja}",
                "{Ametikoht}"
            ]
        );
    }
}
