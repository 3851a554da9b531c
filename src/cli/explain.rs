//! `juknis explain CODE`: the rule behind a diagnostic code — article, confidence,
//! severity, explanation, and a wrong and a right example.

use super::{EXIT_OK, EXIT_USAGE};
use juknis::diagnostic::suggest::closest;
use juknis::diagnostic::Lang;
use juknis::rulebook::{default_rulebook, Aturan, TahunAjaran, Tingkat};
use miette::Result;

#[derive(clap::Args)]
pub struct Args {
    /// Kode diagnostik, mis. `kuota.domisili.min`; `all` (atau `semua`)
    /// menampilkan semua kode.
    #[arg(value_name = "KODE")]
    pub code: String,
    /// Tampilkan aturan sebagaimana berlaku pada tahun ajaran ini, mis.
    /// `2026/2027` (tanpa ini: versi pertama dan setiap perubahan sesudahnya).
    #[arg(long, value_name = "TAHUN_AJARAN")]
    pub tahun: Option<String>,
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
    if let Some(t) = &a.tahun {
        let tahun = match TahunAjaran::parse(t) {
            Ok(t) => t,
            Err(_) => {
                match lang {
                    Lang::Id => eprintln!("`--tahun {t}`: tulis tahun ajaran seperti 2026/2027"),
                    Lang::En => eprintln!("`--tahun {t}`: write the school year like 2026/2027"),
                }
                return Ok(EXIT_USAGE);
            }
        };
        match rule.in_year(Some(tahun)) {
            Some(r) => {
                match lang {
                    Lang::Id => outln!("(sebagaimana berlaku pada tahun ajaran {tahun})\n"),
                    Lang::En => outln!("(as it holds in school year {tahun})\n"),
                }
                let mut r = r.into_owned();
                r.berlaku = Default::default();
                out!("{}", render(&r, lang))
            }
            None => {
                let w = rule.berlaku.describe();
                match lang {
                    Lang::Id => outln!(
                        "{} tidak berlaku pada tahun ajaran {tahun} (berlaku: {})",
                        rule.id,
                        w.id
                    ),
                    Lang::En => outln!(
                        "{} does not hold in school year {tahun} (holds: {})",
                        rule.id,
                        w.en
                    ),
                }
            }
        }
        return Ok(EXIT_OK);
    }
    out!("{}", render(rule, lang));
    Ok(EXIT_OK)
}

fn pick(t: &juknis::rulebook::TeksData, lang: Lang) -> &str {
    t.get(lang)
}

fn severity(t: Tingkat, diperiksa: bool, id: bool) -> &'static str {
    match (t, diperiksa, id) {
        (Tingkat::Error, _, _) => "error",
        (Tingkat::Peringatan, _, true) => "peringatan",
        (Tingkat::Peringatan, _, false) => "warning",
        (Tingkat::Catatan, true, true) => "catatan",
        (Tingkat::Catatan, true, false) => "note",
        (Tingkat::Catatan, false, true) => "catatan (tidak diperiksa otomatis)",
        (Tingkat::Catatan, false, false) => "note (not checked automatically)",
    }
}

pub fn render(r: &Aturan, lang: Lang) -> String {
    let id = lang == Lang::Id;
    let mut s = format!("{} — {}\n\n", r.id, pick(&r.judul, lang));
    let sev = severity(r.tingkat, r.diperiksa, id);
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
        if r.is_dated() {
            s += &format!(
                "{}: {}\n",
                if id { "tahun ajaran" } else { "school years" },
                r.describe_years().get(lang)
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
    for p in &r.perubahan {
        let Some(now) = r.in_year(Some(p.mulai)) else {
            continue;
        };
        s += &format!(
            "\n{} {}: {}\n",
            if id { "Sejak" } else { "From" },
            p.mulai,
            pick(&now.judul, lang)
        );
        s += &format!(
            "  {}: {}\n",
            if id { "tingkat" } else { "severity" },
            severity(now.tingkat, now.diperiksa, id)
        );
        if let Some(c) = now.citation() {
            s += &format!("  {}: {c}\n", if id { "dasar" } else { "basis" });
        }
        if let Some(k) = now.keyakinan {
            s += &format!(
                "  {}: {}\n",
                if id { "keyakinan" } else { "confidence" },
                k.describe().get(lang)
            );
        }
        s += &indent(pick(&now.penjelasan, lang)).replace("    ", "  ");
    }
    s
}

fn indent(x: &str) -> String {
    x.lines().map(|l| format!("    {l}\n")).collect()
}
