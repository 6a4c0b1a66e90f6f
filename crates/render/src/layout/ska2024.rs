//! The agency's 2024 template: "1. Üldosa" as a label | value table (unit, position, supervisor,
//! subordinates, substitutions, purpose …), "2. Peamised teenistusülesanded | Oodatavad
//! tulemused", "3. Teenistuskoha täitjale esitatavad nõuded" and "4. Õigused ja vastutus" as
//! tables, then the review rule and the signature.

use super::ska2023::{duty_table, staff_group_et};
use super::{Context, position_title, push_signatures};
use crate::doc::{Block, Cell, Row, Table};
use crate::text;

pub(super) fn blocks(ctx: &Context<'_>, out: &mut Vec<Block>) {
    let jd = ctx.jd;
    let g = &jd.general;

    out.push(Block::heading(1, "1. Üldosa"));
    let mut general: Vec<(&str, Vec<Block>)> = vec![
        (
            "Struktuuriüksus",
            vec![Block::para(text::or_dash(Some(&g.unit)))],
        ),
        ("Teenistuskoht", vec![Block::para(position_title(jd))]),
        (
            "Vahetu juht",
            vec![Block::para(text::or_dash(g.supervisor.as_deref()))],
        ),
        (
            "Alluvad",
            vec![Block::para(text::join_or_dash(&g.subordinates))],
        ),
        (
            "Teenistuja asendab",
            vec![Block::para(text::join_or_dash(&g.substitutes_for))],
        ),
        (
            "Teenistuja asendaja",
            vec![Block::para(text::join_or_dash(&g.substituted_by))],
        ),
        (
            "Teenistuskoha eesmärk",
            or_dash(text::text_blocks(&jd.purpose)),
        ),
    ];
    if let Some(sg) = g.staff_group {
        general.push(("Ametikoha grupp", vec![Block::para(staff_group_et(sg))]));
    }
    if let Some(s) = jd
        .special_conditions
        .as_deref()
        .filter(|s| !s.trim().is_empty())
    {
        general.push(("Eritingimused", text::text_blocks(s)));
    }
    out.push(label_table(
        general
            .into_iter()
            .map(|(l, b)| (l.to_string(), b))
            .collect(),
    ));

    let section = ametijuhend_domain::Template::Ska2024.duties_section();
    out.push(duty_table(
        ctx,
        section,
        &format!("{section}. Peamised teenistusülesanded"),
    ));

    out.push(Block::heading(
        1,
        "3. Teenistuskoha täitjale esitatavad nõuded",
    ));
    let mut rows = ctx.requirement_rows("Erialane töökogemus");
    if !ctx.core.is_empty() {
        rows.push((
            "Tööks vajalikud kompetentsid".into(),
            ctx.core_competency_blocks(),
        ));
    }
    if !ctx.additional.is_empty() {
        rows.push((
            "Täiendavad kompetentsid, isikuomadused ja teadmised".into(),
            vec![Block::List {
                items: ctx.additional_competency_items(),
            }],
        ));
    }
    if rows.is_empty() {
        out.push(Block::para("-"));
    } else {
        out.push(label_table(rows));
    }

    out.push(Block::heading(1, "4. Õigused ja vastutus"));
    let mut rows = vec![
        ("Õigused".to_string(), list_section(&jd.rights)),
        ("Vastutus".to_string(), list_section(&jd.responsibilities)),
    ];
    if let Some(eq) = jd
        .work_equipment
        .as_deref()
        .filter(|s| !s.trim().is_empty())
    {
        rows.push(("Töövahendid".to_string(), text::text_blocks(eq)));
    }
    out.push(label_table(rows));

    for rule in text::clean_items(&jd.amendment_rules) {
        out.push(Block::para(rule));
    }

    push_signatures(ctx, out);
}

/// A two-column table whose first column labels the rows.
fn label_table(rows: Vec<(String, Vec<Block>)>) -> Block {
    Block::Table(Table {
        widths: vec![3, 8],
        header: vec![],
        rows: rows
            .into_iter()
            .map(|(label, blocks)| Row {
                cells: vec![Cell::strong(label), Cell { blocks }],
                labels: false,
            })
            .collect(),
        row_labels: true,
    })
}

fn list_section(s: &ametijuhend_domain::ListSection) -> Vec<Block> {
    let mut out = Vec::new();
    if let Some(intro) = s.intro.as_deref() {
        out.extend(text::text_blocks(intro));
    }
    let items = text::clean_items(&s.items);
    if !items.is_empty() {
        out.push(Block::List { items });
    }
    or_dash(out)
}

fn or_dash(blocks: Vec<Block>) -> Vec<Block> {
    if blocks.is_empty() {
        vec![Block::para("-")]
    } else {
        blocks
    }
}
