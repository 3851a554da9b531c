//! The conformance report as one self-contained HTML page, printable on A4:
//! no script, no font or image from outside, page numbers in the margin, and a
//! signature block for the reviewer. The document a Dinas attaches when it
//! submits its juknis.

use super::markdown::Kata;
use super::{Butir, Kepatuhan, Status};

/// The page box: A4, the file and the page number in the bottom margin.
fn page_css(kaki: &str, hal: &str) -> String {
    format!(
        "@page {{ size: A4; margin: 16mm 14mm 18mm 14mm;\n  @bottom-left {{ content: {}; font: 8pt sans-serif; color: #555; }}\n  @bottom-right {{ content: {} \" \" counter(page) \" / \" counter(pages); font: 8pt sans-serif; color: #555; }} }}",
        css_string(kaki),
        css_string(hal)
    )
}

const CSS: &str = r#"
* { box-sizing: border-box; }
body { font: 10pt/1.4 "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #111; margin: 0 auto; max-width: 182mm; padding: 8mm 0; }
h1 { font-size: 15pt; margin: 0 0 3mm; }
h2 { font-size: 12pt; margin: 6mm 0 2mm; border-bottom: 1px solid #999; break-after: avoid; }
h3 { font-size: 11pt; margin: 5mm 0 2mm; break-after: avoid; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
td, th { border: 1px solid #bbb; padding: 1.2mm 1.6mm; vertical-align: top; text-align: left; overflow-wrap: anywhere; word-break: break-word; }
th { background: #eee; }
table.kepala td:first-child { width: 32mm; font-weight: bold; }
table.aturan col.aturan { width: 50mm; } table.aturan col.status { width: 25mm; } table.aturan col.dasar { width: 40mm; }
td code.kode { display: block; font-size: 8pt; color: #444; }
tr { break-inside: avoid; }
code { font: 8.5pt "DejaVu Sans Mono", monospace; white-space: pre-wrap; overflow-wrap: anywhere; }
.hasil { border: 2px solid #333; padding: 2mm 3mm; margin: 4mm 0; font-size: 11pt; }
.hasil.tidak { border-color: #a00; }
.st { font-weight: bold; overflow-wrap: normal; word-break: normal; hyphens: none; }
.st.dilanggar, .st.diabaikan { color: #a00; } .st.catatan { color: #735c00; } .st.tidak_dinilai { color: #333; font-style: italic; }
.kecil { font-size: 8.5pt; color: #333; }
ul { margin: 0; padding-left: 4mm; }
.ttd { break-inside: avoid; margin-top: 8mm; }
.ttd td { height: 9mm; }
.ttd td:first-child { width: 40mm; font-weight: bold; }
.ttd tr.tanda td { height: 24mm; }
"#;

use crate::text::escape_markup as e;

/// A CSS string literal (for the page-margin texts).
fn css_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '<' | '>' | '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

fn status_class(s: Status) -> &'static str {
    match s {
        Status::Terpenuhi => "terpenuhi",
        Status::Dilanggar => "dilanggar",
        Status::Catatan => "catatan",
        Status::TidakDinilai => "tidak_dinilai",
        Status::Diabaikan => "diabaikan",
    }
}

fn row(s: &mut String, b: &Butir, k: &Kata) {
    s.push_str(&format!(
        "<tr data-kode=\"{}\" data-status=\"{}\"><td><code class=\"kode\">{}</code>{}</td><td class=\"st {}\">{}</td><td>",
        e(&b.kode),
        status_class(b.status),
        e(&b.kode),
        e(&b.judul),
        status_class(b.status),
        e(k.status(b.status)),
    ));
    let mut items: Vec<String> = Vec::new();
    for t in &b.temuan {
        let at = k.at(t.baris.as_ref());
        let help = t
            .bantuan
            .as_ref()
            .map(|h| format!(" <span class=\"kecil\">— {}</span>", e(h)))
            .unwrap_or_default();
        items.push(format!(
            "{}<b>{}</b>: {}{help}",
            e(&at),
            e(k.tingkat(&t.tingkat)),
            e(&t.pesan)
        ));
    }
    if b.temuan.is_empty() {
        for x in &b.baris {
            items.push(format!(
                "{} {}: <code>{}</code>",
                k.w("baris", "line"),
                x.baris,
                e(&x.teks)
            ));
        }
        if b.baris_lain > 0 {
            items.push(format!(
                "{} {}",
                b.baris_lain,
                k.w("baris lain", "more lines")
            ));
        }
    }
    if let Some(x) = &b.keterangan {
        items.push(format!("<span class=\"kecil\">{}</span>", e(x)));
    }
    for a in &b.alasan_diabaikan {
        items.push(format!(
            "<b>{}:</b> “{}”",
            k.w("Alasan diabaikan", "Reason set aside"),
            e(a)
        ));
    }
    if let Some(v) = &b.verifikasi {
        items.push(format!(
            "<span class=\"kecil\"><b>{}:</b> {}</span>",
            k.w("Verifikasi", "Verify"),
            e(v)
        ));
    }
    if !items.is_empty() {
        s.push_str("<ul>");
        for i in items {
            s.push_str(&format!("<li>{i}</li>"));
        }
        s.push_str("</ul>");
    }
    let conf = b
        .keyakinan
        .as_deref()
        .map(|c| format!("<br>{} {}", k.w("keyakinan", "confidence"), e(c)))
        .unwrap_or_default();
    let years = b
        .tahun
        .as_deref()
        .map(|t| format!("<br>{}: {}", k.w("tahun ajaran", "school years"), e(t)))
        .unwrap_or_default();
    s.push_str(&format!(
        "</td><td class=\"kecil\">{}{conf}{years}</td></tr>\n",
        e(&b.dasar)
    ));
}

pub fn render(kp: &Kepatuhan) -> String {
    let k = Kata::of(kp);
    let title = format!(
        "{} — {}",
        k.w("Laporan kepatuhan juknis", "Juknis conformance report"),
        kp.judul
    );
    let kaki = format!(
        "{} · SHA-256 {}",
        kp.berkas,
        kp.sha256.get(..16).unwrap_or(&kp.sha256)
    );
    let mut s = String::new();
    s.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{}{CSS}</style>\n</head>\n<body>\n",
        e(&kp.bahasa),
        e(&title),
        page_css(&kaki, k.w("Halaman", "Page")),
    ));
    s.push_str(&format!(
        "<h1>{}</h1>\n<table class=\"kepala\">\n",
        e(&title)
    ));
    for (a, b) in k.header(kp) {
        s.push_str(&format!("<tr><td>{}</td><td>{}</td></tr>\n", e(&a), e(&b)));
    }
    s.push_str("</table>\n");
    let (head, body) = k.verdict(kp);
    s.push_str(&format!(
        "<p class=\"hasil{}\" id=\"hasil\"><b>{}: {}</b> — {}.</p>\n<p class=\"kecil\">{}</p>\n",
        if kp.sesuai { "" } else { " tidak" },
        k.w("Hasil", "Result"),
        e(&head),
        e(&body),
        e(k.legend())
    ));
    if !kp.bahasa_juknis.is_empty() {
        s.push_str(&format!(
            "<h2>{}</h2>\n<ul>\n",
            k.w("Bahasa juknis", "The juknis language")
        ));
        for t in &kp.bahasa_juknis {
            let at = k.at(t.baris.as_ref());
            s.push_str(&format!(
                "<li>{}<b>{}</b> <code>{}</code>: {}</li>\n",
                e(&at),
                e(k.tingkat(&t.tingkat)),
                e(&t.kode),
                e(&t.pesan)
            ));
        }
        s.push_str("</ul>\n");
    }
    let several = kp.bagian.len() > 1;
    let (h_group, h_section) = if several { ("h3", true) } else { ("h2", false) };
    for b in &kp.bagian {
        if h_section {
            s.push_str(&format!(
                "<h2>{} {}</h2>\n",
                k.w("Bagian", "Section"),
                e(b.jenjang.as_deref().unwrap_or("?"))
            ));
        }
        for g in &b.kelompok {
            s.push_str(&format!("<{h_group}>{}</{h_group}>\n", e(&g.pasal)));
            s.push_str(&format!(
                "<table class=\"aturan\"><colgroup><col class=\"aturan\"><col class=\"status\"><col><col class=\"dasar\"></colgroup>\n<tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>\n",
                k.w("Aturan (yang diperiksa)", "Rule (checked for)"),
                k.w("Status", "Status"),
                k.w("Baris juknis", "Juknis lines"),
                k.w("Dasar", "Basis"),
            ));
            for r in &g.aturan {
                row(&mut s, r, &k);
            }
            s.push_str("</table>\n");
        }
    }
    s.push_str(&format!(
        "<section class=\"ttd\">\n<h2>{}</h2>\n<p class=\"kecil\">{}</p>\n<table>\n",
        k.w("Pengesahan pemeriksa", "Reviewer's sign-off"),
        e(k.w(
            "Pemeriksa menyatakan telah membaca laporan ini dan memverifikasi butir yang tidak dapat dinilai dari teks.",
            "The reviewer states that they have read this report and verified the items that cannot be judged from the text."
        ))
    ));
    for (id, en) in [
        ("Nama", "Name"),
        ("NIP", "Staff number"),
        ("Jabatan", "Position"),
        ("Instansi", "Office"),
        ("Tempat, tanggal", "Place, date"),
    ] {
        s.push_str(&format!("<tr><td>{}</td><td></td></tr>\n", k.w(id, en)));
    }
    s.push_str(&format!(
        "<tr class=\"tanda\"><td>{}</td><td></td></tr>\n</table>\n</section>\n</body>\n</html>\n",
        k.w("Tanda tangan", "Signature")
    ));
    s
}
