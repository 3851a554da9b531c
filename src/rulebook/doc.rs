//! docs/rules.md, generated from the rulebook data so the catalog cannot drift
//! from what the checker enforces (a test compares the committed file).

use super::{Aturan, Rulebook, Tingkat};

fn sev(r: &Aturan) -> &'static str {
    sev_of(r.tingkat)
}

fn sev_of(t: Tingkat) -> &'static str {
    match t {
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
    s += "*Get the `juknis` command: [README › Get it](../README.md#get-it) (a static binary, no Rust needed; or `cargo install --path .`).*\n\n";
    s += "Every diagnostic `juknis check` can report, with its code (use it with `juknis explain CODE`), severity, \
what it rests on (each citation names its own source: an article of Permendikdasmen 3/2025, a question of the \
ministry's FAQ SPMB 2025, another regulation, or regional practice) and the confidence of that source: **P** \
regulation text or the ministry's FAQ, **Q** a secondary source quoting the article, **S** a secondary source \
without an article number, **R** regional practice only. Rules of confidence S or R only ever warn. A *derived* \
rule is computed or read from the provisions it cites; its explanation says how.\n\n";
    s += &format!(
        "School years: this rulebook speaks for SPMB from {} and carries the later rules (circulars, derived \
regulations) up to {}; a juknis for a later year is judged by the regulation and its lasting rules, with the \
warning `acuan.tahun`. A rule holds in every year unless its *years* say otherwise; a *change* from a year on \
replaces its basis, and may change its severity and explanation. Sources of the changes:\n\n",
        rb.cakupan.dari, rb.cakupan.ditinjau_sampai
    );
    for p in &rb.cakupan.sumber_perubahan {
        s += &format!("- {}: {}\n", p.tahun_ajaran, p.sumber);
    }
    s += "\n";
    s += "## Regulation rules\n\n| code | severity | article | conf. | jenjang | years | rule |\n|---|---|---|---|---|---|---|\n";
    for r in &rb.aturan {
        s += &format!(
            "| [`{}`](#{}) | {} | {} | {} | {} | {} | {} |\n",
            r.id,
            anchor(&r.id),
            sev(r),
            r.citation().unwrap_or_default().replace('|', "/"),
            r.keyakinan.map(|k| format!("{k:?}")).unwrap_or_default(),
            r.jenjang.join(", "),
            years(r),
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
        if !r.berlaku.is_open() {
            s += &format!("Years: {}\n\n", r.berlaku.describe().en);
        }
        for p in &r.perubahan {
            let now = r.in_year(Some(p.mulai));
            let Some(now) = now else { continue };
            s += &format!("**From {}** — {}", p.mulai, now.judul.en);
            s += &format!(
                "\n\nSeverity: {} · Basis: {}",
                sev_of(now.tingkat),
                now.citation().unwrap_or_default()
            );
            if let Some(k) = now.keyakinan {
                s += &format!(" · Confidence: {k:?}");
            }
            s += &format!(
                "\n\n{}\n\n*{}*\n\n",
                now.penjelasan.id.trim(),
                now.penjelasan.en.trim()
            );
        }
    }
    s
}

/// The years column: "every year", "2026/2027 only", "changes 2026/2027".
fn years(r: &Aturan) -> String {
    let mut s = if r.berlaku.is_open() {
        String::new()
    } else {
        r.berlaku.describe().en
    };
    for p in &r.perubahan {
        if !s.is_empty() {
            s += "; ";
        }
        s += &format!("changed from {}", p.mulai);
    }
    s
}

fn anchor(id: &str) -> String {
    id.replace('.', "")
}
