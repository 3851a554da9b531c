//! Texts that must say something real: the title, the government's name, the
//! complaint channel, the monitoring body, a method description, a border and its
//! agreement. Empty texts and placeholders (`juknis init` writes them in square
//! brackets) mean the juknis is not finished.

use super::Ctx;
use crate::diagnostic::Diagnostic;
use crate::model::Metode;
use crate::span::Span;
use crate::t;

/// An empty text or a placeholder: a `[…]` part, `<…>`, `…`, `TODO`, `xxx`,
/// an `example.` address, or the bare "Nama Provinsi".
pub fn isian(s: &str) -> bool {
    let t = s.trim();
    let lower = t.to_lowercase();
    t.is_empty()
        || t.contains('…')
        || t.contains("...")
        || t.find('[').is_some_and(|i| t[i..].contains(']'))
        || (t.starts_with('<') && t.ends_with('>'))
        || [
            "todo",
            "xxx",
            "isi di sini",
            "lorem ipsum",
            "example.",
            "contoh.go.id",
        ]
        .iter()
        .any(|w| lower.contains(w))
        || matches!(
            lower.as_str(),
            "nama provinsi" | "nama kabupaten" | "nama kota" | "nama daerah" | "-" | "?" | "tba"
        )
}

pub fn check(c: &mut Ctx) {
    let mut found: Vec<(Span, &str, &str, String)> = Vec::new();
    let mut add = |span: Span, id: &'static str, en: &'static str, v: &str| {
        if isian(v) {
            found.push((span, id, en, v.to_string()));
        }
    };
    add(
        c.j.judul.span,
        "judul juknis",
        "the juknis title",
        &c.j.judul.node,
    );
    if let Some(p) = &c.j.pemerintah {
        add(
            p.span,
            "nama pemerintah daerah",
            "the government's name",
            &p.node.1,
        );
    }
    if let Some(p) = &c.j.pengaduan {
        add(p.span, "kanal pengaduan", "the complaint channel", &p.node);
    }
    if let Some(p) = &c.j.pemantauan {
        add(
            p.span,
            "pemantauan dan evaluasi",
            "monitoring and evaluation",
            &p.node,
        );
    }
    if let Some(m) = &c.j.wilayah.metode {
        // An empty description is reported by wilayah.metode.
        if let Metode::Lainnya {
            keterangan: Some(k),
        } = &m.node
        {
            if !k.trim().is_empty() {
                add(
                    m.span,
                    "uraian metode wilayah",
                    "the zone method description",
                    k,
                );
            }
        }
    }
    for b in &c.j.wilayah.perbatasan {
        add(
            b.span,
            "nama daerah perbatasan",
            "the bordering area's name",
            &b.node.nama,
        );
        // A missing or empty agreement is reported by wilayah.perbatasan.
        if let Some(k) = b
            .node
            .kesepakatan
            .as_ref()
            .filter(|k| !k.node.trim().is_empty())
        {
            add(
                k.span,
                "kesepakatan perbatasan",
                "the border agreement",
                &k.node,
            );
        }
    }
    for b in &c.j.bukti {
        if let Some(k) = &b.node.keterangan {
            add(k.span, "uraian bukti", "the proof's description", &k.node);
        }
    }
    for d in &c.j.dikecualikan {
        if let Some(k) = &d.node.keterangan {
            add(
                k.span,
                "uraian sekolah",
                "the school's description",
                &k.node,
            );
        }
    }
    // A missing agreement is reported by `bersama`.
    for b in &c.j.bersama {
        if let Some(k) = &b.node.kesepakatan {
            add(
                k.span,
                "kesepakatan SPMB bersama",
                "the joint-SPMB agreement",
                &k.node,
            );
        }
    }
    for (span, what_id, what_en, v) in found {
        let msg = if v.trim().is_empty() {
            t!("{what_id} masih kosong", "{what_en} is empty")
        } else {
            t!(
                "{what_id} masih berupa isian contoh: \"{v}\"",
                "{what_en} is still a placeholder: \"{v}\""
            )
        };
        c.push(Diagnostic::new("nilai.kosong", msg).at(span, None).help(t!(
            "tulis isi yang sebenarnya sebelum juknis ditetapkan",
            "write the real text before the juknis is signed"
        )));
    }
}
