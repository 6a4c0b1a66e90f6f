use super::*;
use crate::pages::document::JdView;
use ametijuhend_domain::access::ReadScope;
use ametijuhend_domain::sample::sample_registry;
use ametijuhend_domain::{Registry, Role};
use ametijuhend_search::document::{current_job_description, registry_docs};

fn principal(roles: &[Role]) -> Principal {
    Principal {
        account: "x".into(),
        roles: roles.to_vec(),
        unit: None,
        position: None,
    }
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn indexed(registry: &Registry) -> Arc<SearchIndex> {
    let index = SearchIndex::in_memory().expect("an index in memory");
    index.index_registry(registry, Some(1)).expect("indexed");
    Arc::new(index)
}

#[test]
fn visibility_follows_what_the_access_module_lets_read() {
    assert_eq!(visibility(None), Visibility::Nothing);
    assert_eq!(visibility(Some(&principal(&[]))), Visibility::Nothing);
    for role in [Role::Administrator, Role::Hr, Role::Staff, Role::Auditor] {
        assert_eq!(visibility(Some(&principal(&[role]))), Visibility::All);
    }
    let unit = UnitId::derived("u");
    assert_eq!(
        visibility_of(Readable::Part(ReadScope {
            units: vec![unit.clone()],
            positions: vec![],
            catalogue: true,
        })),
        Visibility::Scoped(Scope {
            units: vec![unit],
            positions: vec![],
            catalogue: true,
        })
    );
}

#[test]
fn a_reader_with_a_scope_finds_nothing_outside_it_and_counts_nothing_outside_it() {
    let mut registry = sample_registry();
    registry.canonicalize();
    let index = indexed(&registry);
    let everything = index
        .search(&Query::new("", Visibility::All).with_filters(Filters {
            kinds: vec![DocKind::Position],
            ..Filters::default()
        }))
        .expect("search");
    // One position's unit is the scope; positions elsewhere must stay hidden.
    let inside = &registry.positions[0];
    let outside: Vec<&str> = registry
        .positions
        .iter()
        .filter(|p| {
            !ametijuhend_search::document::unit_path(&p.unit, &registry).contains(&inside.unit)
        })
        .map(|p| p.id.as_str())
        .collect();
    assert!(
        !outside.is_empty(),
        "the sample registry has positions in other units"
    );
    let scoped = visibility_of(Readable::Part(ReadScope {
        units: vec![inside.unit.clone()],
        positions: vec![],
        catalogue: false,
    }));
    let found = index
        .search(&Query::new("", scoped.clone()).with_filters(Filters {
            kinds: vec![DocKind::Position],
            ..Filters::default()
        }))
        .expect("search");
    assert!(found.total >= 1 && found.total < everything.total);
    assert!(found.hits.iter().any(|h| h.id == inside.id.as_str()));
    for hit in &found.hits {
        assert!(!outside.contains(&hit.id.as_str()), "{} leaked", hit.title);
    }
    let counted: u64 = found.facets.kind.iter().map(|f| f.count).sum();
    assert_eq!(counted, found.total as u64, "facets count hidden records");
    // Role cards are not in this scope (no catalogue).
    let cards = index
        .search(&Query::new("", scoped).with_filters(Filters {
            kinds: vec![DocKind::RoleCard],
            ..Filters::default()
        }))
        .expect("search");
    assert_eq!(cards.total, 0);
    let nothing = index
        .search(&Query::new("", visibility(Some(&principal(&[])))))
        .expect("search");
    assert_eq!(nothing.total, 0);
    assert!(nothing.facets.kind.is_empty());
}

#[test]
fn parameters_are_read_and_unknown_values_refused() {
    let registry = sample_registry();
    let unit = &registry.units[0];
    let card = &registry.role_cards[0];
    let known = Known {
        families: vec!["Poliitika rakendamine".into()],
        levels: vec!["4B".into()],
        checked: true,
    };
    let p = read(
        &pairs(&[
            ("q", " kasutajaõigused "),
            ("unit", unit.id.as_str()),
            ("role_card", card.id.as_str()),
            ("family", "poliitika RAKENDAMINE"),
            ("level", "4b"),
            ("status", "draft"),
            ("status", "in_force"),
            ("language", "ru"),
            ("staff_group", ""),
            ("kind", "position"),
            ("page", "2"),
            ("lang", "en"),
        ]),
        &registry.units,
        &registry.role_cards,
        &known,
    );
    assert!(p.errors.is_empty(), "{:?}", p.errors);
    assert_eq!(p.q, "kasutajaõigused");
    assert_eq!(p.filters.unit.as_ref(), Some(&unit.id));
    assert_eq!(p.filters.role_card.as_ref(), Some(&card.id));
    assert_eq!(
        p.filters.job_family.as_deref(),
        Some("Poliitika rakendamine")
    );
    assert_eq!(p.filters.level.as_deref(), Some("4B"));
    assert_eq!(p.filters.statuses, vec![Status::Draft, Status::InForce]);
    let language = p.filters.language.as_ref().expect("a language filter");
    assert_eq!(
        (language.language.as_str(), language.min_level),
        ("ru", Cefr::A1)
    );
    assert_eq!(p.filters.staff_group, None);
    assert_eq!(p.page, 2);
    assert!(!p.kept.iter().any(|(k, _)| k == "page" || k == "lang"));
    assert!(p.page_href(3).ends_with("&page=3"), "{}", p.page_href(3));
    let removed = p.href_with("language", None);
    assert!(!removed.contains("language=") && removed.contains("unit="));

    let bad = read(
        &pairs(&[
            ("unit", "not-an-id"),
            ("role_card", UnitId::derived("nothing").as_str()),
            ("family", "Tundmatu"),
            ("level", "9Z"),
            ("status", "lost"),
            ("language", "russian"),
            ("min_level", "Z9"),
            ("staff_group", "boss"),
            ("kind", "people"),
            ("page", "0"),
        ]),
        &registry.units,
        &registry.role_cards,
        &known,
    );
    let fields: Vec<&str> = bad.errors.iter().map(|e| e.field).collect();
    assert_eq!(
        fields,
        vec![
            "unit",
            "role_card",
            "family",
            "level",
            "status",
            "language",
            "min_level",
            "staff_group",
            "kind",
            "page"
        ]
    );
    for e in &bad.errors {
        let message = translate(Lang::En, &e.key(), &[("value", Arg::from("x"))]);
        assert!(!message.starts_with("search-"), "no text for {}", e.key());
    }
    let level_alone = read(
        &pairs(&[("min_level", "B1")]),
        &registry.units,
        &registry.role_cards,
        &known,
    );
    assert_eq!(level_alone.errors.len(), 1);
    assert_eq!(
        level_alone.errors[0].key(),
        "search-min-level-needs-language"
    );
    // Without the index to ask, any family and level is taken as given.
    let unchecked = read(
        &pairs(&[("family", "Tundmatu")]),
        &registry.units,
        &registry.role_cards,
        &Known::default(),
    );
    assert!(unchecked.errors.is_empty());
}

/// Renders `_jd.html` alone.
#[derive(Template)]
#[template(source = "{% include \"_jd.html\" %}", ext = "html")]
struct JdOnly {
    p: Page,
    jd: JdView,
}

fn ctx(lang: Lang) -> Ctx {
    Ctx {
        lang,
        tasks: None,
        user: None,
        csrf: String::new(),
        path: "/search".into(),
    }
}

#[test]
fn every_section_has_a_name_and_every_anchor_exists_on_the_job_description_page() {
    let mut registry = sample_registry();
    registry.canonicalize();
    let mut checked = 0;
    for doc in registry_docs(&registry) {
        for section in &doc.sections {
            for lang in Lang::ALL {
                let label = section_label(lang, &section.path);
                assert!(
                    !label.starts_with("search-section-"),
                    "{}: no name for {}",
                    lang.code(),
                    section.path
                );
            }
        }
        if doc.kind != DocKind::Position {
            continue;
        }
        let id = PositionId::parse(&doc.id).expect("a position id");
        let Some(jd) = current_job_description(
            registry
                .job_descriptions
                .iter()
                .filter(|j| j.position == id),
        ) else {
            continue;
        };
        let html = JdOnly {
            p: Page::new(&ctx(Lang::Et), "positions", "x"),
            jd: JdView::new(Lang::Et, jd, &registry.competencies),
        }
        .render()
        .expect("rendered");
        for section in &doc.sections {
            if let Some(anchor) = section_anchor(&section.path) {
                assert!(
                    html.contains(&format!("id=\"{anchor}\"")),
                    "{}: no anchor {anchor} for {}",
                    doc.title,
                    section.path
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 20, "only {checked} anchors checked");
    assert_eq!(
        section_anchor("duties[2].expected_results[0]").as_deref(),
        Some("duties-2-expected-results-0")
    );
    assert_eq!(section_anchor("title"), None);
    assert_eq!(
        section_label(Lang::En, "duties[2].expected_results[0]"),
        "duty 3, expected result 1"
    );
}

fn empty_page(lang: Lang) -> SearchPage {
    SearchPage {
        p: Page::new(&ctx(lang), "search", "x"),
        q: String::new(),
        errors: FieldErrors::new(lang),
        unavailable: None,
        kinds: vec![],
        units: vec![],
        cards: vec![],
        families: vec![],
        levels: vec![],
        statuses: vec![],
        languages: vec![],
        min_levels: vec![],
        groups: vec![],
        active: vec![],
        searched: false,
        count_text: String::new(),
        hits: vec![],
        first_number: 1,
        facets: vec![],
        pager: None,
        beyond_last: None,
        empty_text: None,
        without_filters: None,
    }
}

#[test]
fn markup_in_the_registry_comes_out_escaped_and_only_marks_are_markup() {
    let mut registry = sample_registry();
    registry.canonicalize();
    for jd in registry.job_descriptions.iter_mut() {
        if let Some(duty) = jd.duties.first_mut() {
            duty.text = "<script>alert(1)</script> kvantarvutite haldamine & \"muu\"".into();
        }
    }
    let index = indexed(&registry);
    let results = index
        .search(&Query::new("kvantarvutid", Visibility::All))
        .expect("search");
    assert!(results.total >= 1, "{results:?}");
    let hit = &results.hits[0];
    let mut page = empty_page(Lang::Et);
    page.searched = true;
    page.count_text = "1".into();
    page.q = "<script>".into();
    page.hits = vec![HitView {
        kind: kind_name(Lang::Et, hit.kind),
        title: format!("{} <b>", hit.title),
        href: record_href(hit.kind, &hit.id),
        section: hit
            .section
            .as_deref()
            .map(|s| (section_label(Lang::Et, s), section_anchor(s))),
        snippet_html: hit.snippet_html.clone(),
    }];
    let html = page.render().expect("rendered");
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("<b>"), "{html}");
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{html}"
    );
    assert!(html.contains("<mark>kvantarvutite</mark>"), "{html}");
    assert!(html.contains("tööülesanne 1"), "{html}");
}

#[test]
fn the_page_renders_in_every_language_with_labelled_fields() {
    for lang in Lang::ALL {
        let mut page = empty_page(lang);
        page.units = options(lang, "", [("a".to_string(), "A".to_string())]);
        page.errors
            .add("unit", "search-bad-unit", &[("value", Arg::from("zz"))]);
        let html = page.render().expect("rendered");
        assert!(html.contains("role=\"search\""));
        for field in [
            "q",
            "kind",
            "unit",
            "role_card",
            "family",
            "level",
            "status",
            "language",
            "min_level",
            "staff_group",
        ] {
            assert!(
                html.contains(&format!("<label for=\"{field}\">")),
                "{}: {field} has no label",
                lang.code()
            );
        }
        assert!(html.contains("aria-describedby=\"unit-error\""));
        for key in crate::i18n::keys(crate::i18n::SOURCES[0]) {
            assert!(
                !html.contains(&format!(">{key}<"))
                    && !html.contains(&format!("aria-label=\"{key}\"")),
                "{}: the key {key} shows instead of its text",
                lang.code()
            );
        }
    }
}

#[test]
fn units_are_listed_as_a_tree_in_estonian_order() {
    use ametijuhend_domain::UnitKind;
    let root = UnitId::derived("root");
    let units = vec![
        Unit::new(
            UnitId::derived("z"),
            "Õigusosakond",
            UnitKind::Department,
            Some(root.clone()),
        ),
        Unit::new(
            UnitId::derived("t"),
            "Talitus",
            UnitKind::Division,
            Some(UnitId::derived("z")),
        ),
        Unit::new(root.clone(), "Amet", UnitKind::Agency, None),
        Unit::new(
            UnitId::derived("s"),
            "Sotsiaalosakond",
            UnitKind::Department,
            Some(root),
        ),
    ];
    let rows: Vec<(usize, &str)> = unit_tree_rows(&units)
        .into_iter()
        .map(|(d, u)| (d, u.name()))
        .collect();
    assert_eq!(
        rows,
        vec![
            (0, "Amet"),
            (1, "Sotsiaalosakond"),
            (1, "Õigusosakond"),
            (2, "Talitus")
        ]
    );
}

#[test]
fn facet_values_differing_in_case_are_one() {
    let count = |value: &str, count| FacetCount {
        value: value.into(),
        count,
    };
    let merged = merge_case(&[
        count("poliitika rakendamine", 3),
        count("IT-testimine", 2),
        count("Poliitika rakendamine", 1),
        count("it-testimine", 2),
    ]);
    assert_eq!(
        merged,
        vec![count("IT-testimine", 4), count("poliitika rakendamine", 4)]
    );
}
