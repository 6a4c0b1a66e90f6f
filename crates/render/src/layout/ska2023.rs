//! The agency's 2023 template: "AMETIJUHEND", "1. ÜLDOSA" with the label/value grid ("1.1
//! Ametinimetus | 1.2 Struktuuriüksus", "1.3 Vahetu juht | 1.4 Kes asendab | 1.5 Keda
//! asendab"), then numbered upper-case sections up to "AMETIJUHENDI MUUTMINE" and the signature.

use super::{Context, position_title, push_signatures};
use crate::doc::{Block, Cell, Row, Table};
use crate::text;
use ametijuhend_domain::StaffGroup;

pub(super) fn blocks(ctx: &Context<'_>, out: &mut Vec<Block>) {
    let jd = ctx.jd;
    let g = &jd.general;
    let employee = ctx.staff_group == Some(StaffGroup::Employee);
    let mut section = 0u32;
    let mut heading = |out: &mut Vec<Block>, text: &str| {
        section += 1;
        out.push(Block::heading(1, format!("{section}. {text}")));
        section
    };

    out.push(Block::Title {
        text: "AMETIJUHEND".into(),
    });

    heading(out, "ÜLDOSA");
    out.push(grid(vec![
        ("1.1 Ametinimetus".into(), position_title(jd)),
        ("1.2 Struktuuriüksus".into(), text::or_dash(Some(&g.unit))),
    ]));
    out.push(grid(vec![
        (
            "1.3 Vahetu juht".into(),
            text::or_dash(g.supervisor.as_deref()),
        ),
        (
            "1.4 Kes asendab".into(),
            text::join_or_dash(&g.substituted_by),
        ),
        (
            "1.5 Keda asendab".into(),
            text::join_or_dash(&g.substitutes_for),
        ),
    ]));
    let mut extra: Vec<(&str, String)> = Vec::new();
    if !g.subordinates.is_empty() {
        extra.push(("Alluvad", text::join_or_dash(&g.subordinates)));
    }
    if let Some(sg) = g.staff_group {
        extra.push(("Ametikoha grupp", staff_group_et(sg).into()));
    }
    if let Some(s) = jd
        .special_conditions
        .as_deref()
        .filter(|s| !s.trim().is_empty())
    {
        extra.push(("Eritingimused", text::collapse(s)));
    }
    if !extra.is_empty() {
        out.push(grid(
            extra
                .into_iter()
                .enumerate()
                .map(|(i, (label, value))| (format!("1.{} {label}", i + 6), value))
                .collect(),
        ));
    }

    heading(
        out,
        if employee {
            "TÖÖKOHA EESMÄRK"
        } else {
            "AMETIKOHA EESMÄRK"
        },
    );
    push_text_or_dash(out, &jd.purpose);

    let n = heading(
        out,
        if employee {
            "TÖÖÜLESANDED"
        } else {
            "TEENISTUSÜLESANDED"
        },
    );
    out.push(duty_table(ctx, n, "Põhiülesanded"));

    heading(out, "ÕIGUSED");
    push_list_section(out, &jd.rights);
    heading(out, "VASTUTUS");
    push_list_section(out, &jd.responsibilities);

    if let Some(eq) = jd
        .work_equipment
        .as_deref()
        .filter(|s| !s.trim().is_empty())
    {
        heading(out, "TÖÖVAHENDID");
        out.extend(text::text_blocks(eq));
    }

    heading(out, "AMETIKOHALE ESITATAVAD NÕUDED");
    let rows = ctx.requirement_rows("Töökogemus");
    if rows.is_empty() && ctx.core.is_empty() && ctx.additional.is_empty() {
        out.push(Block::para("-"));
    }
    for (label, blocks) in rows {
        out.push(Block::strong(label));
        out.extend(blocks);
    }
    if !ctx.core.is_empty() {
        out.push(Block::strong("Tööks vajalikud kompetentsid"));
        out.extend(ctx.core_competency_blocks());
    }
    if !ctx.additional.is_empty() {
        out.push(Block::strong(
            "Täiendavad kompetentsid, isikuomadused ja teadmised",
        ));
        out.push(Block::List {
            items: ctx.additional_competency_items(),
        });
    }

    let rules = text::clean_items(&jd.amendment_rules);
    if !rules.is_empty() {
        heading(out, "AMETIJUHENDI MUUTMINE");
        out.push(Block::List { items: rules });
    }

    push_signatures(ctx, out);
}

/// "Ametnik" / "Töötaja".
pub(super) fn staff_group_et(sg: StaffGroup) -> &'static str {
    match sg {
        StaffGroup::Official => "Ametnik",
        StaffGroup::Employee => "Töötaja",
    }
}

/// One row of labels over one row of values.
fn grid(cells: Vec<(String, String)>) -> Block {
    let (labels, values): (Vec<String>, Vec<String>) = cells.into_iter().unzip();
    Block::Table(Table {
        widths: vec![1; labels.len()],
        header: vec![],
        rows: vec![
            Row {
                cells: labels.into_iter().map(Cell::strong).collect(),
                labels: true,
            },
            Row {
                cells: values.into_iter().map(Cell::text).collect(),
                labels: false,
            },
        ],
        row_labels: false,
    })
}

/// The duties with their expected results side by side, the header repeated on every page;
/// duties numbered "{section}.1.", "{section}.2." ….
pub(super) fn duty_table(ctx: &Context<'_>, section: u32, first_header: &str) -> Block {
    let rows = ctx
        .jd
        .duties
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let results = text::clean_items(&d.expected_results);
            let right = if results.is_empty() {
                Cell::text("-")
            } else {
                Cell {
                    blocks: vec![Block::List { items: results }],
                }
            };
            Row {
                cells: vec![
                    Cell {
                        blocks: text::numbered_blocks(&format!("{section}.{}. ", i + 1), &d.text),
                    },
                    right,
                ],
                labels: false,
            }
        })
        .collect();
    Block::Table(Table {
        widths: vec![1, 1],
        header: vec![
            Cell::strong(first_header),
            Cell::strong("Oodatavad tulemused"),
        ],
        rows,
        row_labels: false,
    })
}

fn push_text_or_dash(out: &mut Vec<Block>, s: &str) {
    let blocks = text::text_blocks(s);
    if blocks.is_empty() {
        out.push(Block::para("-"));
    } else {
        out.extend(blocks);
    }
}

/// A lead-in ("Omab õigust:") and its bullet items.
fn push_list_section(out: &mut Vec<Block>, s: &ametijuhend_domain::ListSection) {
    let before = out.len();
    if let Some(intro) = s.intro.as_deref() {
        out.extend(text::text_blocks(intro));
    }
    let items = text::clean_items(&s.items);
    if !items.is_empty() {
        out.push(Block::List { items });
    }
    if out.len() == before {
        out.push(Block::para("-"));
    }
}
