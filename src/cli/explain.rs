//! `juknis explain CODE`: the rule behind a diagnostic code — article, confidence,
//! severity, explanation, and a wrong and a right example.

use super::{EXIT_OK, EXIT_USAGE};
use juknis::diagnostic::suggest::closest;
use juknis::diagnostic::Lang;
use juknis::rulebook::{default_rulebook, Aturan, Tingkat};
use miette::Result;

#[derive(clap::Args)]
pub struct Args {
    /// A diagnostic code, e.g. `kuota.domisili.min`; `all` lists every code.
    pub code: String,
}

pub fn run(a: Args, lang: Lang) -> Result<u8> {
    let rb = default_rulebook();
    if a.code == "all" || a.code == "semua" {
        for r in rb.all_rules() {
            outln!("{:<28} {}", r.id, pick(&r.judul, lang));
        }
        return Ok(EXIT_OK);
    }
    let Some(rule) = rb.rule(&a.code) else {
        let ids: Vec<&str> = rb.all_rules().map(|r| r.id.as_str()).collect();
        let hint = closest(&a.code, ids.iter().copied());
        let code = &a.code;
        match (lang, hint) {
            (Lang::Id, Some(h)) => eprintln!("kode tidak dikenal: `{code}`; mungkin maksud Anda `{h}`? (`juknis explain all` menampilkan semua kode)"),
            (Lang::Id, None) => eprintln!("kode tidak dikenal: `{code}` (`juknis explain all` menampilkan semua kode)"),
            (Lang::En, Some(h)) => eprintln!("unknown code: `{code}`; did you mean `{h}`? (`juknis explain all` lists every code)"),
            (Lang::En, None) => eprintln!("unknown code: `{code}` (`juknis explain all` lists every code)"),
        }
        return Ok(EXIT_USAGE);
    };
    out!("{}", render(rule, lang));
    Ok(EXIT_OK)
}

fn pick(t: &juknis::rulebook::TeksData, lang: Lang) -> &str {
    match lang {
        Lang::Id => &t.id,
        Lang::En => &t.en,
    }
}

pub fn render(r: &Aturan, lang: Lang) -> String {
    let id = lang == Lang::Id;
    let mut s = format!("{} — {}\n\n", r.id, pick(&r.judul, lang));
    let sev = match (r.tingkat, id) {
        (Tingkat::Error, _) => "error",
        (Tingkat::Peringatan, true) => "peringatan",
        (Tingkat::Peringatan, false) => "warning",
        (Tingkat::Catatan, true) => "catatan (tidak diperiksa otomatis)",
        (Tingkat::Catatan, false) => "note (not checked automatically)",
    };
    s += &format!("{}: {sev}\n", if id { "tingkat" } else { "severity" });
    if r.bahasa {
        s += if id {
            "dasar: aturan bahasa juknis (agar berkas dapat dibaca dan rencana seleksi dapat dijalankan), bukan ketentuan peraturan\n"
        } else {
            "basis: a rule of the juknis language (so the file can be read and the plan can run), not a provision of the regulation\n"
        };
    } else {
        if let Some(c) = r.citation() {
            s += &format!("{}: {c}\n", if id { "dasar" } else { "basis" });
        }
        if r.sifat == juknis::rulebook::Sifat::Turunan {
            s += &format!(
                "{}: {}\n",
                if id { "sifat" } else { "nature" },
                r.sifat.describe().get(lang)
            );
        }
        if let Some(k) = r.keyakinan {
            s += &format!(
                "{}: {}\n",
                if id { "keyakinan" } else { "confidence" },
                k.describe().get(lang)
            );
        }
        if !r.jenjang.is_empty() {
            s += &format!(
                "{}: {}\n",
                if id { "berlaku untuk" } else { "applies to" },
                r.jenjang.join(", ")
            );
        }
    }
    s += &format!("\n{}\n", pick(&r.penjelasan, lang));
    if let Some(x) = &r.contoh_salah {
        s += &format!("\n{}:\n{}", if id { "Salah" } else { "Wrong" }, indent(x));
    }
    if let Some(x) = &r.contoh_benar {
        s += &format!("\n{}:\n{}", if id { "Benar" } else { "Right" }, indent(x));
    }
    s
}

fn indent(x: &str) -> String {
    x.lines().map(|l| format!("    {l}\n")).collect()
}
