//! The HTML backend: a standalone page (`<!doctype html>`, `lang="et"`, embedded print CSS) or a
//! fragment (`<article class="ametijuhend">`) for the web app to embed. Semantic markup:
//! headings, lists, tables with `<thead>` and `<th scope>`; every text is escaped.

use crate::doc::{Block, Cell, Document, ParaStyle, Table};
use crate::xml::escape_into;

/// The document's CSS, for screen and print (A4, table headers repeated on every page, page
/// numbers in the bottom margin). Pages embedding [`fragment`]s include it once.
pub const STYLE: &str = r#"
.ametijuhend { font-family: "Times New Roman", "Liberation Serif", "Libertinus Serif", serif;
  font-size: 11pt; line-height: 1.35; color: #000; max-width: 46em; margin: 0 auto; hyphens: auto; }
.ametijuhend section + section { break-before: page; margin-top: 3em; }
.ametijuhend .stamp { margin: 0 0 1.5em 55%; font-size: 10pt; }
.ametijuhend .stamp p { margin: 0; }
.ametijuhend .doc-title { text-align: center; font-size: 14pt; font-weight: bold; margin: 1em 0; }
.ametijuhend h2 { font-size: 12pt; margin: 1.2em 0 .5em; break-after: avoid; }
.ametijuhend h3 { font-size: 11pt; margin: 1em 0 .4em; break-after: avoid; }
.ametijuhend p { margin: 0 0 .4em; }
.ametijuhend p.label { font-weight: bold; margin-top: .8em; break-after: avoid; }
.ametijuhend p.point { text-align: justify; }
.ametijuhend ul { margin: 0 0 .4em; padding-left: 1.4em; }
.ametijuhend li { margin: 0 0 .15em; }
.ametijuhend table { border-collapse: collapse; width: 100%; margin: 0 0 .8em; }
.ametijuhend th, .ametijuhend td { border: 1px solid #808080; padding: .25em .45em;
  vertical-align: top; text-align: left; }
.ametijuhend thead th, .ametijuhend tr.labels th, .ametijuhend th[scope=row] { background: #ededed; }
.ametijuhend th p, .ametijuhend td p { margin: 0 0 .2em; }
.ametijuhend thead { display: table-header-group; }
.ametijuhend tr { break-inside: avoid; }
.ametijuhend .signatures { display: flex; gap: 2em; margin-top: 2.5em; break-inside: avoid; }
.ametijuhend .signatures > div { flex: 1; }
.ametijuhend .signatures p { margin: 0; }
@page { size: A4; margin: 2cm 2cm 2cm 2.5cm;
  @bottom-center { content: "Lk " counter(page) "/" counter(pages); font-size: 9pt; } }
@media print { .ametijuhend { max-width: none; } }
"#;

/// A complete HTML page of the document.
pub fn standalone(doc: &Document) -> String {
    let mut w = String::with_capacity(64 * 1024);
    w.push_str("<!doctype html>\n<html lang=\"et\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
    escape_into(&mut w, &doc.title);
    w.push_str("</title>\n<meta name=\"author\" content=\"");
    escape_into(&mut w, &doc.author);
    w.push_str(
        "\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<style>",
    );
    w.push_str(STYLE);
    w.push_str("</style>\n</head>\n<body>\n");
    article(&mut w, doc);
    w.push_str("</body>\n</html>\n");
    w
}

/// The document as an `<article>` to embed in a page that includes [`STYLE`].
pub fn fragment(doc: &Document) -> String {
    let mut w = String::with_capacity(64 * 1024);
    article(&mut w, doc);
    w
}

fn article(w: &mut String, doc: &Document) {
    w.push_str("<article class=\"ametijuhend\" lang=\"et\">\n");
    for part in &doc.parts {
        w.push_str("<section>\n");
        for b in &part.blocks {
            block(w, b);
        }
        w.push_str("</section>\n");
    }
    w.push_str("</article>\n");
}

fn element(w: &mut String, open: &str, text: &str, close: &str) {
    w.push_str(open);
    escape_into(w, text);
    w.push_str(close);
}

fn block(w: &mut String, b: &Block) {
    match b {
        Block::Stamp { lines } => {
            w.push_str("<div class=\"stamp\">\n");
            for l in lines {
                element(w, "<p>", l, "</p>\n");
            }
            w.push_str("</div>\n");
        }
        Block::Title { text } => element(w, "<p class=\"doc-title\">", text, "</p>\n"),
        Block::Heading { level, text } => {
            if *level <= 1 {
                element(w, "<h2>", text, "</h2>\n")
            } else {
                element(w, "<h3>", text, "</h3>\n")
            }
        }
        Block::Paragraph { text, style } => {
            let open = match style {
                ParaStyle::Normal => "<p>",
                ParaStyle::Strong => "<p class=\"label\">",
                ParaStyle::Point => "<p class=\"point\">",
            };
            element(w, open, text, "</p>\n")
        }
        Block::List { items } => {
            w.push_str("<ul>\n");
            for i in items {
                element(w, "<li>", i, "</li>\n");
            }
            w.push_str("</ul>\n");
        }
        Block::Table(t) => table(w, t),
        Block::Signatures { columns } => {
            w.push_str("<div class=\"signatures\">\n");
            for c in columns {
                w.push_str("<div>\n");
                for l in c {
                    element(w, "<p>", l, "</p>\n");
                }
                w.push_str("</div>\n");
            }
            w.push_str("</div>\n");
        }
    }
}

fn cell(w: &mut String, tag: &str, attrs: &str, c: &Cell) {
    w.push('<');
    w.push_str(tag);
    w.push_str(attrs);
    w.push('>');
    // A cell of one plain paragraph is written without the <p>.
    match c.blocks.as_slice() {
        [Block::Paragraph { text, .. }] => escape_into(w, text),
        blocks => {
            w.push('\n');
            for b in blocks {
                block(w, b);
            }
        }
    }
    w.push_str("</");
    w.push_str(tag);
    w.push_str(">\n");
}

fn table(w: &mut String, t: &Table) {
    w.push_str("<table>\n");
    if !t.widths.is_empty() {
        let total: u64 = t.widths.iter().map(|&x| u64::from(x)).sum::<u64>().max(1);
        w.push_str("<colgroup>");
        for &x in &t.widths {
            w.push_str(&format!(
                "<col style=\"width:{}%\">",
                u64::from(x) * 100 / total
            ));
        }
        w.push_str("</colgroup>\n");
    }
    if !t.header.is_empty() {
        w.push_str("<thead>\n<tr>\n");
        for c in &t.header {
            cell(w, "th", " scope=\"col\"", c);
        }
        w.push_str("</tr>\n</thead>\n");
    }
    w.push_str("<tbody>\n");
    for r in &t.rows {
        if r.labels {
            w.push_str("<tr class=\"labels\">\n");
            for c in &r.cells {
                cell(w, "th", " scope=\"col\"", c);
            }
        } else {
            w.push_str("<tr>\n");
            for (i, c) in r.cells.iter().enumerate() {
                if i == 0 && t.row_labels {
                    cell(w, "th", " scope=\"row\"", c);
                } else {
                    cell(w, "td", "", c);
                }
            }
        }
        w.push_str("</tr>\n");
    }
    w.push_str("</tbody>\n</table>\n");
}
