//! `GET /search`: the results page (form, filters, hits, facets, paging).

use super::*;

// ---------------------------------------------------------------------------------------------
// The results page.

pub struct HitView {
    pub kind: String,
    pub title: String,
    pub href: String,
    /// The section's name, and its address when the record's page has an anchor for it.
    pub section: Option<(String, Option<String>)>,
    /// Escaped by the search crate; only `<mark>` is markup.
    pub snippet_html: String,
}

pub struct FacetLink {
    pub label: String,
    pub count: u64,
    pub href: String,
    pub selected: bool,
}

pub struct FacetGroup {
    pub id: &'static str,
    pub title: String,
    pub values: Vec<FacetLink>,
}

pub struct ActiveFilter {
    pub label: String,
    pub remove_label: String,
    pub href: String,
}

pub struct Pager {
    pub text: String,
    pub previous: Option<String>,
    pub next: Option<String>,
}

#[derive(Template)]
#[template(path = "search.html")]
pub(super) struct SearchPage {
    pub(super) p: Page,
    pub(super) q: String,
    pub(super) errors: FieldErrors,
    pub(super) unavailable: Option<String>,
    pub(super) kinds: Vec<Opt>,
    pub(super) units: Vec<Opt>,
    pub(super) cards: Vec<Opt>,
    pub(super) families: Vec<Opt>,
    pub(super) levels: Vec<Opt>,
    pub(super) statuses: Vec<Opt>,
    pub(super) languages: Vec<Opt>,
    pub(super) min_levels: Vec<Opt>,
    pub(super) groups: Vec<Opt>,
    pub(super) active: Vec<ActiveFilter>,
    /// Whether a search was run (words or filters, no errors, index available).
    pub(super) searched: bool,
    pub(super) count_text: String,
    pub(super) hits: Vec<HitView>,
    pub(super) first_number: usize,
    pub(super) facets: Vec<FacetGroup>,
    pub(super) pager: Option<Pager>,
    /// Set when there are results, but not on this page.
    pub(super) beyond_last: Option<String>,
    /// Set when nothing was found.
    pub(super) empty_text: Option<String>,
    /// Only the words, without the filters (a hint when nothing was found).
    pub(super) without_filters: Option<String>,
}

/// The units as an indented tree in Estonian alphabetical order, each with its depth.
pub(super) fn unit_tree_rows(units: &[Unit]) -> Vec<(usize, &Unit)> {
    let ids: HashSet<&UnitId> = units.iter().map(|u| &u.id).collect();
    let mut children: HashMap<Option<&UnitId>, Vec<&Unit>> = HashMap::new();
    for u in units {
        let parent = u.parent().filter(|p| ids.contains(p) && *p != &u.id);
        children.entry(parent).or_default().push(u);
    }
    for list in children.values_mut() {
        list.sort_by(|a, b| estonian_cmp(a.name(), b.name()));
    }
    let mut out = Vec::with_capacity(units.len());
    let mut seen: HashSet<&UnitId> = HashSet::new();
    fn walk<'a>(
        parent: Option<&'a UnitId>,
        depth: usize,
        children: &HashMap<Option<&'a UnitId>, Vec<&'a Unit>>,
        seen: &mut HashSet<&'a UnitId>,
        out: &mut Vec<(usize, &'a Unit)>,
    ) {
        for u in children.get(&parent).map(Vec::as_slice).unwrap_or(&[]) {
            if seen.insert(&u.id) {
                out.push((depth, u));
                walk(Some(&u.id), depth + 1, children, seen, out);
            }
        }
    }
    walk(None, 0, &children, &mut seen, &mut out);
    // Units in a cycle have no root: list them at the end rather than lose them.
    let mut rest: Vec<&Unit> = units.iter().filter(|u| !seen.contains(&u.id)).collect();
    rest.sort_by(|a, b| estonian_cmp(a.name(), b.name()));
    out.extend(rest.into_iter().map(|u| (0, u)));
    out
}

pub(super) fn kind_name(lang: Lang, kind: DocKind) -> String {
    translate(
        lang,
        &format!("search-kind-{}", kind.as_str().replace('_', "-")),
        &[],
    )
}

pub(super) fn language_name(lang: Lang, code: &str) -> String {
    if LANGUAGES.contains(&code) {
        translate(lang, &format!("language-name-{code}"), &[])
    } else {
        code.to_string()
    }
}

pub(super) fn staff_group_name(lang: Lang, g: &str) -> String {
    match StaffGroup::parse(g) {
        Some(g) => translate(lang, &format!("staff-group-{}", g.as_str()), &[]),
        None => g.to_string(),
    }
}

/// The parts of a section path: `duties[2].expected_results[0]` → `[("duties", Some(2)),
/// ("expected_results", Some(0))]`.
pub(super) fn path_parts(path: &str) -> Vec<(&str, Option<usize>)> {
    path.split('.')
        .map(|seg| match seg.split_once('[') {
            Some((name, rest)) => (name, rest.trim_end_matches(']').parse().ok()),
            None => (seg, None),
        })
        .collect()
}

/// The name of a section in the interface language: "Duty 3, expected result 1".
pub fn section_label(lang: Lang, path: &str) -> String {
    let parts = path_parts(path);
    let key = format!(
        "search-section-{}",
        parts
            .iter()
            .map(|(name, _)| name.replace('_', "-"))
            .collect::<Vec<_>>()
            .join("-")
    );
    let numbers: Vec<usize> = parts.iter().filter_map(|(_, i)| *i).collect();
    let mut args: Vec<(&str, Arg)> = Vec::new();
    if let Some(n) = numbers.first() {
        args.push(("n", Arg::from(n + 1)));
    }
    if let Some(m) = numbers.get(1) {
        args.push(("m", Arg::from(m + 1)));
    }
    translate(lang, &key, &args)
}

/// The anchor of a section on the job description page (`templates/_jd.html`):
/// `duties[2].expected_results[0]` → `duties-2-expected-results-0`. `None` for the parts of a
/// position shown outside the job description (title, unit, role card).
pub fn section_anchor(path: &str) -> Option<String> {
    if matches!(path, "title" | "unit" | "role_card") {
        return None;
    }
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        match c {
            '[' | '.' | '_' => out.push('-'),
            ']' => {}
            c => out.push(c),
        }
    }
    Some(out)
}

pub(super) fn record_href(kind: DocKind, id: &str) -> String {
    match kind {
        DocKind::Position => format!("/positions/{id}"),
        DocKind::RoleCard => format!("/role-cards/{id}"),
        DocKind::Competency => format!("/competencies/{id}"),
        DocKind::Unit => format!("/units/{id}"),
    }
}

/// The hits as the page shows them. A position's section links to the position page when that
/// page shows the version the hit comes from, else to that version's own page.
pub(super) async fn hit_views(
    state: &AppState,
    lang: Lang,
    results: &SearchResults,
) -> Result<Vec<HitView>, PageError> {
    let mut out = Vec::with_capacity(results.hits.len());
    for hit in &results.hits {
        let href = record_href(hit.kind, &hit.id);
        let section = match &hit.section {
            Some(path) => {
                let label = section_label(lang, path);
                let target = match (hit.kind, section_anchor(path), &hit.job_description) {
                    (DocKind::Position, Some(anchor), Some(jd)) => {
                        let shown = match PositionId::parse(&hit.id) {
                            Ok(pid) => {
                                let versions = state.store.list_job_descriptions(&pid).await?;
                                current_version(&versions, &pid)
                                    .or_else(|| latest_version(&versions, &pid))
                                    .map(|v| v.id.to_string())
                            }
                            Err(_) => None,
                        };
                        if shown.as_deref() == Some(jd.as_str()) {
                            Some(format!("{href}#{anchor}"))
                        } else {
                            Some(format!("/job-descriptions/{jd}#{anchor}"))
                        }
                    }
                    _ => None,
                };
                Some((label, target))
            }
            None => None,
        };
        out.push(HitView {
            kind: kind_name(lang, hit.kind),
            title: hit.title.clone(),
            href,
            section,
            snippet_html: hit.snippet_html.clone(),
        });
    }
    Ok(out)
}

pub(super) fn facet_groups(
    lang: Lang,
    parsed: &Parsed,
    results: &SearchResults,
    unit_names: &HashMap<String, String>,
    card_names: &HashMap<String, String>,
) -> Vec<FacetGroup> {
    let dims: [(FacetDim, &'static str, &'static str); 8] = [
        (FacetDim::Kind, "kind", "search-kind"),
        (FacetDim::Unit, "unit", "search-unit"),
        (FacetDim::RoleCard, "role_card", "search-role-card"),
        (FacetDim::JobFamily, "family", "search-family"),
        (FacetDim::Level, "level", "search-level"),
        (FacetDim::Status, "status", "search-status"),
        (FacetDim::Language, "language", "search-language"),
        (FacetDim::StaffGroup, "staff_group", "search-staff-group"),
    ];
    let mut out = Vec::new();
    for (dim, param, title) in dims {
        let counts = match dim {
            FacetDim::JobFamily => merge_case(results.facets.get(dim)),
            _ => results.facets.get(dim).to_vec(),
        };
        if counts.is_empty() {
            continue;
        }
        let current = parsed.first(param);
        let values = counts
            .iter()
            .map(|c| {
                let label = match dim {
                    FacetDim::Kind => DocKind::parse(&c.value)
                        .map(|k| kind_name(lang, k))
                        .unwrap_or_else(|| c.value.clone()),
                    FacetDim::Unit => unit_names
                        .get(&c.value)
                        .cloned()
                        .unwrap_or_else(|| c.value.clone()),
                    FacetDim::RoleCard => card_names
                        .get(&c.value)
                        .cloned()
                        .unwrap_or_else(|| c.value.clone()),
                    FacetDim::Status => Status::parse(&c.value)
                        .map(|s| status_name(lang, s))
                        .unwrap_or_else(|| c.value.clone()),
                    FacetDim::Language => language_name(lang, &c.value),
                    FacetDim::StaffGroup => staff_group_name(lang, &c.value),
                    FacetDim::JobFamily | FacetDim::Level => c.value.clone(),
                };
                FacetLink {
                    label,
                    count: c.count,
                    href: parsed.href_with(param, Some(&c.value)),
                    selected: !current.is_empty()
                        && current.to_lowercase() == c.value.to_lowercase(),
                }
            })
            .collect();
        out.push(FacetGroup {
            id: param,
            title: translate(lang, title, &[]),
            values,
        });
    }
    out
}

pub(super) fn active_filters(
    lang: Lang,
    parsed: &Parsed,
    unit_names: &HashMap<String, String>,
    card_names: &HashMap<String, String>,
) -> Vec<ActiveFilter> {
    let mut out = Vec::new();
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    for (name, value) in &parsed.kept {
        if name == "q" || !seen.insert(name.as_str()) {
            continue;
        }
        let (title, shown) = match name.as_str() {
            "unit" => (
                "search-unit",
                unit_names.get(value).cloned().unwrap_or_default(),
            ),
            "role_card" => (
                "search-role-card",
                card_names.get(value).cloned().unwrap_or_default(),
            ),
            "family" => ("search-family", value.clone()),
            "level" => ("search-level", value.clone()),
            "status" => (
                "search-status",
                parsed
                    .filters
                    .statuses
                    .iter()
                    .map(|s| status_name(lang, *s))
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            "language" => (
                "search-language",
                match &parsed.filters.language {
                    Some(l) => format!(
                        "{} ≥ {}",
                        language_name(lang, l.language.as_str()),
                        l.min_level.as_str()
                    ),
                    None => value.clone(),
                },
            ),
            "staff_group" => ("search-staff-group", staff_group_name(lang, value)),
            "kind" => (
                "search-kind",
                parsed
                    .filters
                    .kinds
                    .iter()
                    .map(|k| kind_name(lang, *k))
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            // The level goes with the language.
            _ => continue,
        };
        let label = format!("{}: {shown}", translate(lang, title, &[]));
        out.push(ActiveFilter {
            remove_label: ta(
                lang,
                "search-remove-filter",
                &[("filter", Arg::from(label.as_str()))],
            ),
            label,
            href: parsed.href_with(name, None),
        });
    }
    out
}

pub(super) fn options(
    lang: Lang,
    current: &str,
    values: impl IntoIterator<Item = (String, String)>,
) -> Vec<Opt> {
    let mut out = vec![Opt::new("", translate(lang, "search-any", &[]), current)];
    out.extend(values.into_iter().map(|(v, l)| Opt::new(v, l, current)));
    out
}

#[tracing::instrument(skip_all)]
pub(super) async fn page(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    RawQuery(raw): RawQuery,
) -> Result<Response, PageError> {
    let (units, tree) = unit_tree(&state).await?;
    ctx.require(Permission::Read, Target::Registry, &tree)?;
    let lang = ctx.lang;
    let visibility = visibility(ctx.principal().as_ref());
    let cards = state.store.list_role_cards().await?;
    let pairs = query_pairs(raw.as_deref());

    let index = state.search.ready(&state.store).await;
    let known = match &index {
        Ok(index) => known(index, &visibility).await.map_err(|e| {
            tracing::error!(error = %e, "search failed");
            PageError::Internal
        })?,
        Err(_) => Known::default(),
    };
    let parsed = read(&pairs, &units, &cards, &known);
    let mut errors = FieldErrors::new(lang);
    for e in &parsed.errors {
        // The page number has no field of its own: its message goes with the words.
        let field = if matches!(e.field, "page" | "limit") {
            "q"
        } else {
            e.field
        };
        errors.add(field, &e.key(), &[("value", Arg::from(e.value.as_str()))]);
    }

    let unit_names: HashMap<String, String> = units
        .iter()
        .map(|u| (u.id.to_string(), u.name().to_string()))
        .collect();
    let card_names: HashMap<String, String> = cards
        .iter()
        .map(|c| (c.id.to_string(), c.display_title()))
        .collect();

    let unavailable = match &index {
        Err(why) => Some(translate(
            lang,
            match why {
                Unavailable::Locked => "search-unavailable-locked",
                Unavailable::Failed => "search-unavailable-failed",
                Unavailable::Disabled => "search-unavailable-disabled",
            },
            &[],
        )),
        Ok(_) => None,
    };

    let mut view = SearchPage {
        p: Page::new(&ctx, "search", translate(lang, "search-title", &[])),
        q: parsed.q.clone(),
        errors,
        unavailable,
        kinds: options(
            lang,
            parsed.first("kind"),
            DocKind::ALL
                .into_iter()
                .map(|k| (k.as_str().to_string(), kind_name(lang, k))),
        ),
        units: options(
            lang,
            parsed.first("unit"),
            unit_tree_rows(&units).into_iter().map(|(depth, u)| {
                (
                    u.id.to_string(),
                    format!("{}{}", "\u{a0}\u{a0}\u{a0}".repeat(depth), u.name()),
                )
            }),
        ),
        cards: {
            let mut c: Vec<(String, String)> = cards
                .iter()
                .map(|c| (c.id.to_string(), c.display_title()))
                .collect();
            sort_estonian_by(&mut c, |x| &x.1);
            options(lang, parsed.first("role_card"), c)
        },
        families: options(
            lang,
            parsed.filters.job_family.as_deref().unwrap_or(""),
            known.families.iter().map(|f| (f.clone(), f.clone())),
        ),
        levels: options(
            lang,
            parsed.filters.level.as_deref().unwrap_or(""),
            known.levels.iter().map(|l| (l.clone(), l.clone())),
        ),
        statuses: options(
            lang,
            parsed.first("status"),
            Status::ALL
                .into_iter()
                .map(|s| (s.as_str().to_string(), status_name(lang, s))),
        ),
        languages: options(
            lang,
            parsed.first("language"),
            LANGUAGES
                .iter()
                .map(|c| (c.to_string(), language_name(lang, c))),
        ),
        min_levels: options(
            lang,
            parsed.first("min_level"),
            Cefr::ALL
                .into_iter()
                .map(|c| (c.as_str().to_string(), c.as_str().to_string())),
        ),
        groups: options(
            lang,
            parsed.first("staff_group"),
            [StaffGroup::Official, StaffGroup::Employee]
                .into_iter()
                .map(|g| (g.as_str().to_string(), staff_group_name(lang, g.as_str()))),
        ),
        active: active_filters(lang, &parsed, &unit_names, &card_names),
        searched: false,
        count_text: String::new(),
        hits: Vec::new(),
        first_number: 1,
        facets: Vec::new(),
        pager: None,
        beyond_last: None,
        empty_text: None,
        without_filters: None,
    };

    let ready = match index {
        Ok(index) if parsed.errors.is_empty() && parsed.asks() => index,
        _ => {
            let status = if parsed.errors.is_empty() {
                StatusCode::OK
            } else {
                StatusCode::BAD_REQUEST
            };
            return Ok(crate::pages::render_status(status, &view));
        }
    };
    let results = run(&ready, query_for(&parsed, visibility, PAGE_SIZE))
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "search failed");
            PageError::Internal
        })?;
    let pages = results.total.div_ceil(PAGE_SIZE).max(1);
    view.searched = true;
    view.count_text = crate::pages::tn(lang, "search-count", results.total);
    view.p.title = if parsed.q.is_empty() {
        format!("{} ({})", view.p.title, view.count_text)
    } else {
        ta(
            lang,
            "search-title-for",
            &[
                ("query", Arg::from(parsed.q.as_str())),
                ("results", Arg::from(view.count_text.as_str())),
            ],
        )
    };
    view.first_number = (parsed.page - 1) * PAGE_SIZE + 1;
    view.hits = hit_views(&state, lang, &results).await?;
    view.facets = facet_groups(lang, &parsed, &results, &unit_names, &card_names);
    if results.total == 0 {
        view.empty_text = Some(if parsed.q.is_empty() {
            translate(lang, "search-none-filters", &[])
        } else {
            ta(
                lang,
                "search-none",
                &[("query", Arg::from(parsed.q.as_str()))],
            )
        });
        if !view.active.is_empty() && !parsed.q.is_empty() {
            view.without_filters = Some(href(&[("q", parsed.q.as_str())], None));
        }
    } else if view.hits.is_empty() {
        view.beyond_last = Some(parsed.page_href(1));
    }
    if results.total > PAGE_SIZE {
        view.pager = Some(Pager {
            text: ta(
                lang,
                "search-page-of",
                &[
                    ("page", Arg::from(parsed.page)),
                    ("pages", Arg::from(pages)),
                ],
            ),
            previous: (parsed.page > 1 && parsed.page <= pages)
                .then(|| parsed.page_href(parsed.page - 1)),
            next: (parsed.page < pages).then(|| parsed.page_href(parsed.page + 1)),
        });
    }
    Ok(crate::pages::render(&view))
}
