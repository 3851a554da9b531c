//! docs/rules.md, generated from the rulebook data so the catalog cannot drift
//! from what the checker enforces (a test compares the committed file).

use super::{Aturan, Rulebook, Tingkat};

fn sev(r: &Aturan) -> &'static str {
    match r.tingkat {
        Tingkat::Error => "error",
        Tingkat::Peringatan => "peringatan (warning)",
        Tingkat::Catatan => "catatan — tidak diperiksa (not checked)",
    }
}

fn code_block(s: &str) -> String {
    format!("```juknis\n{}\n```\n", s.trim_end())
}

pub fn markdown(rb: &Rulebook) -> String {
    let mut s = String::new();
    s += "<!-- Generated from rulebook/*.yaml by `JUKNIS_UPDATE=1 cargo test --test docs`. Do not edit by hand. -->\n";
    s += &format!(
        "# Rule catalog — {} (`{}`, versi {})\n\n",
        rb.singkat, rb.id, rb.versi
    );
    s += &format!("{}.\n\n", rb.judul);
    s += "Every diagnostic `juknis check` can report, with its code (use it with `juknis explain CODE`), severity, \
what it rests on (each citation names its own source: an article of Permendikdasmen 3/2025, a question of the \
ministry's FAQ SPMB 2025, another regulation, or regional practice) and the confidence of that source: **P** \
regulation text or the ministry's FAQ, **Q** a secondary source quoting the article, **S** a secondary source \
without an article number, **R** regional practice only. Rules of confidence S or R only ever warn. A *derived* \
rule is computed or read from the provisions it cites; its explanation says how.\n\n";
    s += "## Regulation rules\n\n| code | severity | article | conf. | jenjang | rule |\n|---|---|---|---|---|---|\n";
    for r in &rb.aturan {
        s += &format!(
            "| [`{}`](#{}) | {} | {} | {} | {} | {} |\n",
            r.id,
            anchor(&r.id),
            sev(r),
            r.citation().unwrap_or_default().replace('|', "/"),
            r.keyakinan.map(|k| format!("{k:?}")).unwrap_or_default(),
            r.jenjang.join(", "),
            r.judul.en.replace('|', "/")
        );
    }
    s += "\n## Language diagnostics\n\n| code | severity | meaning |\n|---|---|---|\n";
    for r in &rb.bahasa {
        s += &format!(
            "| [`{}`](#{}) | {} | {} |\n",
            r.id,
            anchor(&r.id),
            sev(r),
            r.judul.en.replace('|', "/")
        );
    }
    s += "\n## Details\n";
    for r in rb.aturan.iter().chain(rb.bahasa.iter()) {
        s += &format!("\n### {}\n\n", r.id);
        s += &format!("**{}** — {}\n\n", r.judul.id, r.judul.en);
        s += &format!("Severity: {}", sev(r));
        if let Some(c) = r.citation() {
            s += &format!(" · Basis: {c}");
        }
        if r.sifat == super::Sifat::Turunan {
            s += " · Derived (turunan): computed or read from the cited provisions";
        }
        if let Some(k) = r.keyakinan {
            s += &format!(" · Confidence: {k:?}");
        }
        s += "\n\n";
        s += &format!(
            "{}\n\n*{}*\n\n",
            r.penjelasan.id.trim(),
            r.penjelasan.en.trim()
        );
        if let Some(x) = &r.contoh_salah {
            s += &format!("Salah / wrong:\n\n{}\n", code_block(x));
        }
        if let Some(x) = &r.contoh_benar {
            s += &format!("Benar / right:\n\n{}\n", code_block(x));
        }
    }
    s
}

fn anchor(id: &str) -> String {
    id.replace('.', "")
}
