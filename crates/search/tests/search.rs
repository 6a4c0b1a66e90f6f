//! Searching a generated registry: permissions, filters, facets, ranking, sections and
//! snippets.

use ametijuhend_domain::{Cefr, LanguageCode, Registry, StaffGroup, Status, UnitId, UnitKind};
use ametijuhend_generate::registry;
use ametijuhend_search::document::current_job_description;
use ametijuhend_search::{
    DocKind, Filters, LanguageFilter, Query, Scope, SearchIndex, SearchResults, Visibility,
};
use std::collections::HashSet;
use std::sync::LazyLock;

const SEED: u64 = 23;

struct Fixture {
    r: Registry,
    index: SearchIndex,
}

static FIX: LazyLock<Fixture> = LazyLock::new(|| {
    let r = registry(SEED, 250).expect("generate");
    let index = SearchIndex::in_memory().expect("index");
    index.index_registry(&r, Some(1)).expect("rebuild");
    Fixture { r, index }
});

fn run(q: Query) -> SearchResults {
    FIX.index.search(&q.with_page(200, 0)).expect("search")
}

fn positions_only() -> Filters {
    Filters {
        kinds: vec![DocKind::Position],
        ..Filters::default()
    }
}

fn subtree(r: &Registry, root: &UnitId) -> HashSet<UnitId> {
    let mut set: HashSet<UnitId> = HashSet::from([root.clone()]);
    loop {
        let before = set.len();
        for u in &r.units {
            if u.parent().is_some_and(|p| set.contains(p)) {
                set.insert(u.id.clone());
            }
        }
        if set.len() == before {
            return set;
        }
    }
}

fn department(r: &Registry, n: usize) -> UnitId {
    r.units
        .iter()
        .filter(|u| u.current().kind == UnitKind::Department)
        .nth(n)
        .expect("department")
        .id
        .clone()
}

fn current_status(r: &Registry, p: &ametijuhend_domain::Position) -> Option<Status> {
    current_job_description(r.job_descriptions.iter().filter(|j| j.position == p.id))
        .map(|j| j.status)
}

#[test]
fn nothing_visible_means_no_results_and_no_counts() {
    let res = run(Query::new("", Visibility::Nothing));
    assert_eq!(res.total, 0);
    assert!(res.hits.is_empty() && res.facets.status.is_empty());
    let empty_scope = run(Query::new("teenus", Visibility::Scoped(Scope::default())));
    assert_eq!(empty_scope.total, 0);
}

#[test]
fn a_unit_scope_sees_its_subtree_only_in_hits_totals_and_facets() {
    let r = &FIX.r;
    let dept = department(r, 1);
    let units = subtree(r, &dept);
    let expected = r
        .positions
        .iter()
        .filter(|p| units.contains(&p.unit))
        .count()
        + units.len();
    let scope = Visibility::Scoped(Scope {
        units: vec![dept.clone()],
        ..Scope::default()
    });
    let res = run(Query::new("", scope.clone()));
    assert_eq!(res.total, expected);
    for f in &res.facets.unit {
        let id = UnitId::parse(&f.value).expect("unit id");
        let inside = units.contains(&id);
        // Ancestors of the department are counted too, but only with the department's docs.
        assert!(inside || f.count as usize == expected, "{f:?}");
    }
    let visible: HashSet<String> = r
        .positions
        .iter()
        .filter(|p| units.contains(&p.unit))
        .map(|p| p.id.to_string())
        .chain(units.iter().map(|u| u.to_string()))
        .collect();
    let words = run(Query::new("menetlemine", scope));
    assert!(words.total > 0);
    assert!(words.hits.iter().all(|h| visible.contains(&h.id)));
    let everyone = run(Query::new("menetlemine", Visibility::All));
    assert!(everyone.total > words.total);
    assert!(
        run(Query::new("", Visibility::Scoped(Scope::default())))
            .hits
            .is_empty()
    );
}

#[test]
fn a_position_grant_and_the_catalogue_flag() {
    let r = &FIX.r;
    let p = &r.positions[7];
    let only = Visibility::Scoped(Scope {
        positions: vec![p.id.clone()],
        ..Scope::default()
    });
    let res = run(Query::new("", only));
    assert_eq!(res.total, 1);
    assert_eq!(res.hits[0].id, p.id.to_string());
    let catalogue = Visibility::Scoped(Scope {
        catalogue: true,
        ..Scope::default()
    });
    let res = run(Query::new("", catalogue));
    assert_eq!(
        res.total,
        r.role_cards.len() + r.competencies.len() + r.units.len()
    );
    assert!(res.hits.iter().all(|h| h.kind != DocKind::Position));
    let kinds: HashSet<String> = res.facets.kind.iter().map(|f| f.value.clone()).collect();
    assert!(!kinds.contains("position"));
}

#[test]
fn unit_subtree_filter() {
    let r = &FIX.r;
    let dept = department(r, 2);
    let units = subtree(r, &dept);
    let expected = r
        .positions
        .iter()
        .filter(|p| units.contains(&p.unit))
        .count();
    let res = run(Query::new("", Visibility::All).with_filters(Filters {
        unit: Some(dept.clone()),
        ..positions_only()
    }));
    assert_eq!(res.total, expected);
    let dept_count = res
        .facets
        .unit
        .iter()
        .find(|f| f.value == dept.as_str())
        .map(|f| f.count);
    assert_eq!(dept_count, Some(expected as u64));
}

#[test]
fn status_staff_group_and_role_card_filters_match_the_records() {
    let r = &FIX.r;
    let in_force = r
        .positions
        .iter()
        .filter(|p| current_status(r, p) == Some(Status::InForce))
        .count();
    let res = run(Query::new("", Visibility::All).with_filters(Filters {
        statuses: vec![Status::InForce],
        ..Filters::default()
    }));
    assert_eq!(res.total, in_force);
    let browse = run(Query::new("", Visibility::All));
    let facet = browse
        .facets
        .status
        .iter()
        .find(|f| f.value == "in_force")
        .map(|f| f.count);
    assert_eq!(facet, Some(in_force as u64));
    let two = run(Query::new("", Visibility::All).with_filters(Filters {
        statuses: vec![Status::InForce, Status::Draft],
        ..Filters::default()
    }));
    assert!(two.total > in_force);

    let officials = r
        .positions
        .iter()
        .filter(|p| p.staff_group == StaffGroup::Official)
        .count();
    let res = run(Query::new("", Visibility::All).with_filters(Filters {
        staff_group: Some(StaffGroup::Official),
        ..Filters::default()
    }));
    assert_eq!(res.total, officials);

    let card = r.positions[20].role_card.clone().expect("card");
    let with_card = r
        .positions
        .iter()
        .filter(|p| p.role_card.as_ref() == Some(&card))
        .count();
    let res = run(Query::new("", Visibility::All).with_filters(Filters {
        role_card: Some(card),
        ..positions_only()
    }));
    assert_eq!(res.total, with_card);
}

#[test]
fn job_family_and_level_filters() {
    let r = &FIX.r;
    let fam = |f: &str, l: Option<&str>| {
        r.positions
            .iter()
            .filter(|p| {
                p.job_family.as_ref().is_some_and(|j| {
                    j.family.eq_ignore_ascii_case(f) && l.is_none_or(|l| j.level == l)
                })
            })
            .count()
    };
    let family = |f: &str, l: Option<&str>| {
        run(Query::new("", Visibility::All).with_filters(Filters {
            job_family: Some(f.to_string()),
            level: l.map(str::to_string),
            ..positions_only()
        }))
        .total
    };
    assert_eq!(
        family("poliitika rakendamine", None),
        fam("Poliitika rakendamine", None)
    );
    assert_eq!(
        family("Poliitika rakendamine", Some("4")),
        fam("Poliitika rakendamine", Some("4"))
    );
    assert!(family("Poliitika rakendamine", Some("4")) > 0);
    assert_eq!(
        family("IT-testimine", Some("3")),
        fam("IT-testimine", Some("3"))
    );
}

#[test]
fn language_filter_means_at_least_the_level() {
    let r = &FIX.r;
    let ru = LanguageCode::parse("ru").expect("ru");
    let count = |level: Cefr| {
        r.positions
            .iter()
            .filter(|p| {
                current_job_description(r.job_descriptions.iter().filter(|j| j.position == p.id))
                    .is_some_and(|j| {
                        j.requirements
                            .languages
                            .iter()
                            .any(|l| l.requires_at_least(&ru, level))
                    })
            })
            .count()
    };
    let search = |level: Cefr| {
        run(Query::new("", Visibility::All).with_filters(Filters {
            language: Some(LanguageFilter {
                language: ru.clone(),
                min_level: level,
            }),
            ..Filters::default()
        }))
        .total
    };
    for level in [Cefr::A2, Cefr::B1, Cefr::B2, Cefr::C1] {
        assert_eq!(search(level), count(level), "{level}");
    }
    assert!(search(Cefr::B1) > search(Cefr::C1));
    assert_eq!(search(Cefr::C2), 0);
}

#[test]
fn title_matches_rank_first() {
    let res = run(Query::new("jurist", Visibility::All));
    assert!(res.total > 0);
    assert!(res.hits[0].title.starts_with("Jurist"), "{:?}", res.hits[0]);
    assert_eq!(res.hits[0].section.as_deref(), Some("title"));
    let res = run(Query::new("testjuht", Visibility::All).with_filters(positions_only()));
    let titles: Vec<&str> = res.hits.iter().map(|h| h.title.as_str()).collect();
    let first_other = titles.iter().position(|t| !t.starts_with("Testjuht"));
    let last_testjuht = titles.iter().rposition(|t| t.starts_with("Testjuht"));
    if let (Some(o), Some(l)) = (first_other, last_testjuht) {
        assert!(l < o, "{titles:?}");
    }
}

#[test]
fn hits_link_to_the_matching_section_with_marked_snippets() {
    let res = run(Query::new("kasutajaõigusi", Visibility::All).with_filters(positions_only()));
    assert!(res.total > 0);
    for h in &res.hits {
        let section = h.section.as_deref().expect("section");
        assert!(
            section == "purpose" || section.starts_with("duties[") || section == "title",
            "{section}"
        );
        assert!(h.snippet_html.contains("<mark>"), "{}", h.snippet_html);
        assert!(h.job_description.is_some());
    }
    let res = run(Query::new("\"taotluste menetlemine\"", Visibility::All));
    assert!(res.total > 0);
    for h in res.hits.iter().take(10) {
        let lower = h.snippet_html.to_lowercase();
        assert!(
            lower.contains("<mark>taotluste menetlemi"),
            "{}",
            h.snippet_html
        );
    }
    let res =
        run(Query::new("tulemused õigeaegselt", Visibility::All).with_filters(positions_only()));
    assert!(res.hits.iter().any(|h| {
        h.section
            .as_deref()
            .is_some_and(|s| s.contains(".expected_results["))
    }));
}

#[test]
fn role_cards_competencies_and_units_are_found() {
    let res = run(Query::new("portfellihaldur", Visibility::All));
    assert_eq!(res.hits[0].kind, DocKind::RoleCard);
    let res = run(
        Query::new("kliendikesksus", Visibility::All).with_filters(Filters {
            kinds: vec![DocKind::Competency],
            ..Filters::default()
        }),
    );
    assert_eq!(res.total, 1);
    let res = run(
        Query::new("arendusosakond", Visibility::All).with_filters(Filters {
            kinds: vec![DocKind::Unit],
            ..Filters::default()
        }),
    );
    assert_eq!(res.total, 1);
    assert_eq!(res.hits[0].title, "Arendusosakond");
}

#[test]
fn paging_and_facet_sums() {
    let all = run(Query::new("nõustamine", Visibility::All));
    let first = FIX
        .index
        .search(&Query::new("nõustamine", Visibility::All).with_page(5, 0))
        .expect("search");
    let second = FIX
        .index
        .search(&Query::new("nõustamine", Visibility::All).with_page(5, 5))
        .expect("search");
    assert_eq!(first.total, all.total);
    assert_eq!(first.hits.len(), 5);
    assert!(
        first
            .hits
            .iter()
            .all(|h| second.hits.iter().all(|s| s.id != h.id))
    );
    let far = FIX
        .index
        .search(&Query::new("nõustamine", Visibility::All).with_page(usize::MAX, usize::MAX))
        .expect("search");
    assert!(far.hits.is_empty() && far.total == all.total);
    let kinds: u64 = all.facets.kind.iter().map(|f| f.count).sum();
    assert_eq!(kinds as usize, all.total);
}
