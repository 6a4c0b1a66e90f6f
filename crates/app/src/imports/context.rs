//! One batch of imports: what it keeps between files (the unit tree, the role card catalogue,
//! the light position index — each updated with what every file stored), and what it reads
//! for each file (see the module notes of [`super`]).

use super::{Outcome, ParsedDocument, import_audit};
use crate::{AppError, Clock, Principal};
use ametijuhend_domain::access::{Permission, Target, UnitTree};
use ametijuhend_domain::{Registry, RoleCard, RoleGlossaryEntry, SourceDocument, Timestamp, Unit};
use ametijuhend_ingest::plan::context::{
    PositionIndex, PositionKey, persons_for, plan_in_context, wanted,
};
use ametijuhend_ingest::plan::merge;
use ametijuhend_store::{ChangeSet, Repository};

/// A batch of imports into one store.
pub struct Importer<'a> {
    store: &'a dyn Repository,
    now: Timestamp,
    units: Vec<Unit>,
    role_cards: Vec<RoleCard>,
    role_glossary: Vec<RoleGlossaryEntry>,
    index: PositionIndex,
}

fn store_error(e: ametijuhend_store::StoreError) -> AppError {
    AppError::Store(e)
}

impl<'a> Importer<'a> {
    /// Starts a batch at the clock's time (every file of the batch is stamped with it). With
    /// a principal, the permission decision must let them edit the whole registry (an import
    /// may add units anywhere); without one, the program itself imports (reference data, the
    /// demo, the command line's `import`).
    pub async fn new(
        store: &'a dyn Repository,
        clock: &dyn Clock,
        principal: Option<&Principal>,
    ) -> Result<Self, AppError> {
        let units = store.list_units().await.map_err(store_error)?;
        if let Some(p) = principal {
            p.require(Permission::Edit, Target::TopLevel, &UnitTree::new(&units))?;
        }
        let index = PositionIndex::new(
            store
                .position_keys()
                .await
                .map_err(store_error)?
                .into_iter()
                .map(|k| PositionKey {
                    id: k.id,
                    title: k.title,
                    specialisation: k.specialisation,
                    unit: k.unit,
                }),
        );
        Ok(Self {
            store,
            now: clock.timestamp(),
            units,
            role_cards: store.list_role_cards().await.map_err(store_error)?,
            role_glossary: store.list_role_glossary().await.map_err(store_error)?,
            index,
        })
    }

    /// The part of the registry the plan of `doc` can look at, read from the store.
    pub async fn context(&self, doc: &ParsedDocument) -> Result<Registry, AppError> {
        let s = self.store;
        let want = wanted(doc.records(), &doc.content_hash, &self.units, &self.index);
        let positions = s
            .positions_by_id(&want.positions)
            .await
            .map_err(store_error)?;
        let job_descriptions = s
            .job_descriptions_of(&want.versions_of)
            .await
            .map_err(store_error)?;
        let mut persons = Vec::new();
        let mut substitutions = Vec::new();
        for p in positions
            .iter()
            .filter(|p| want.versions_of.contains(&p.id))
        {
            for id in persons_for(p, &want.holders) {
                if !persons
                    .iter()
                    .any(|x: &ametijuhend_domain::Person| x.id == id)
                    && let Some(person) = s.get_person(&id).await.map_err(store_error)?
                {
                    persons.push(person);
                }
            }
            for l in s.substitutions_of(&p.id).await.map_err(store_error)? {
                if !substitutions.contains(&l) {
                    substitutions.push(l);
                }
            }
        }
        let mut directives: Vec<ametijuhend_domain::Directive> = Vec::new();
        for n in &want.directive_numbers {
            directives.extend(s.directives_numbered(n).await.map_err(store_error)?);
        }
        for id in &want.directives {
            directives.extend(s.get_directive(id).await.map_err(store_error)?);
        }
        directives.sort_by(|a, b| a.id.cmp(&b.id));
        directives.dedup_by(|a, b| a.id == b.id);
        let mut competencies = Vec::new();
        for id in &want.competencies {
            competencies.extend(s.get_competency(id).await.map_err(store_error)?);
        }
        let mut source_documents = Vec::new();
        if s.source_document_stored(&doc.content_hash)
            .await
            .map_err(store_error)?
        {
            // Only its hash is looked at.
            source_documents.push(SourceDocument {
                content: vec![],
                ..doc.source(self.now)
            });
        }
        let mut r = Registry {
            units: self.units.clone(),
            persons,
            role_glossary: self.role_glossary.clone(),
            role_cards: self.role_cards.clone(),
            competencies,
            positions,
            substitutions,
            directives,
            job_descriptions,
            source_documents,
            ..Registry::default()
        };
        r.canonicalize();
        Ok(r)
    }

    /// Plans `doc` against what it can look at and stores it in one transaction with its
    /// audit entries; [`Outcome::Unchanged`] when it was imported before.
    pub async fn store(&mut self, doc: &ParsedDocument) -> Result<Outcome, String> {
        let context = self
            .context(doc)
            .await
            .map_err(|e| format!("{}: cannot read the registry: {e}", doc.name))?;
        let plan = plan_in_context(doc.records(), &context, doc.source(self.now), self.now);
        if plan.is_empty() {
            return Ok(Outcome::Unchanged);
        }
        let delta = &plan.delta;
        let changed = delta.units.len()
            + delta.persons.len()
            + delta.positions.len()
            + delta.job_descriptions.len()
            + delta.directives.len()
            + delta.role_cards.len()
            + delta.role_glossary.len()
            + delta.competencies.len()
            + delta.substitutions.len();
        let audit = import_audit(&context, delta, self.now);
        self.store
            .apply_audited(&ChangeSet::from_registry(delta), &audit)
            .await
            .map_err(|e| format!("{}: not stored: {e}", doc.name))?;
        self.remember(delta);
        Ok(Outcome::Imported {
            changed,
            notes: plan.report,
        })
    }

    /// Keeps the unit tree, the catalogue and the index up to date with a stored delta.
    fn remember(&mut self, delta: &Registry) {
        let kept = merge(
            &Registry {
                units: std::mem::take(&mut self.units),
                role_cards: std::mem::take(&mut self.role_cards),
                role_glossary: std::mem::take(&mut self.role_glossary),
                ..Registry::default()
            },
            &Registry {
                units: delta.units.clone(),
                role_cards: delta.role_cards.clone(),
                role_glossary: delta.role_glossary.clone(),
                ..Registry::default()
            },
        );
        self.units = kept.units;
        self.role_cards = kept.role_cards;
        self.role_glossary = kept.role_glossary;
        for p in &delta.positions {
            self.index.put(PositionKey::of(p));
        }
    }
}
