//! A juknis covering several jenjang (`bagian SMA { … }  bagian SMK { … }`)
//! is checked as one juknis per section: the statements outside the sections
//! (header, obligations, the waves' dates) are shared, and each section adds
//! its jenjang and its own statements, with each wave's `jalur` line written
//! inside the section (`bagian SMK { tahap 4 { jalur nilai_akademik } }`) and
//! the dates taken from the shared wave of that number. Spans stay those of the
//! one source, so every diagnostic points into the file as written.

use super::*;

/// One section: its jenjang as written, and the juknis it stands for.
pub struct Bagian {
    pub jenjang: Spanned<String>,
    pub file: ast::File,
}

/// The sections of `f`, or none when it has no `bagian`. Problems of the
/// layout itself (a `jenjang` outside the sections, a section inside a
/// section, a jenjang twice, a shared wave no section selects in) go to
/// `diags`.
pub fn split(f: &ast::File, diags: &mut Vec<Diagnostic>) -> Vec<Bagian> {
    let sections: Vec<(&Spanned<String>, &[Spanned<ast::Item>])> = f
        .items
        .iter()
        .filter_map(|it| match &it.node {
            ast::Item::Bagian { jenjang, items } => Some((jenjang, items.as_slice())),
            _ => None,
        })
        .collect();
    if sections.is_empty() {
        return Vec::new();
    }
    let mut l = Lower { d: diags };
    for it in &f.items {
        if let ast::Item::Jenjang(j) = &it.node {
            let n = &j.node;
            l.push(
                Diagnostic::new(
                    "sintaks.pernyataan",
                    t!(
                        "`jenjang {n}` di luar bagian: juknis ini dibagi per jenjang",
                        "`jenjang {n}` outside the sections: this juknis is split by jenjang"
                    ),
                )
                .at(it.span, None)
                .help(t!(
                    "hapus baris ini; jenjang setiap bagian ditulis di kepalanya: `bagian {n} {{ … }}`",
                    "remove this line; each section names its jenjang in its head: `bagian {n} {{ … }}`"
                )),
            );
        }
    }
    let mut seen: Vec<&Spanned<String>> = Vec::new();
    let mut out = Vec::new();
    for (jenjang, items) in &sections {
        if let Some(first) = seen.iter().find(|s| s.node == jenjang.node) {
            l.dup_name(
                &format!("bagian {}", jenjang.node),
                first.span,
                jenjang.span,
            );
            continue;
        }
        seen.push(jenjang);
        for it in items.iter() {
            if let ast::Item::Bagian { jenjang: inner, .. } | ast::Item::Jenjang(inner) = &it.node {
                l.push(
                    Diagnostic::new(
                        "sintaks.pernyataan",
                        t!(
                            "di dalam `bagian` tidak ada bagian atau jenjang lain",
                            "a `bagian` holds no other section or jenjang"
                        ),
                    )
                    .at(inner.span, None)
                    .help(t!(
                        "tulis setiap jenjang sebagai `bagian` sendiri di tingkat atas",
                        "write each jenjang as its own top-level `bagian`"
                    )),
                );
            }
        }
        out.push(Bagian {
            jenjang: (*jenjang).clone(),
            file: section(f, jenjang, items),
        });
    }
    // The shared schedule is numbered 1, 2, 3, … (each section uses some).
    let mut nomor: Vec<(u32, Span)> = f
        .items
        .iter()
        .filter_map(|it| match &it.node {
            ast::Item::Tahap { nomor, .. } => nomor.node.parse().ok().map(|n| (n, nomor.span)),
            _ => None,
        })
        .collect();
    nomor.sort_unstable_by_key(|x| x.0);
    if let Some((i, (n, span))) = nomor
        .iter()
        .enumerate()
        .find(|(i, (n, _))| *n != *i as u32 + 1)
    {
        let want = i + 1;
        l.push(
            Diagnostic::new(
                "konsistensi.tahap",
                t!(
                    "tahap diberi nomor {n}, seharusnya {want}",
                    "wave numbered {n}, expected {want}"
                ),
            )
            .at(*span, None)
            .help(t!(
                "beri nomor tahap 1, 2, 3, … tanpa loncatan",
                "number the waves 1, 2, 3, … without gaps"
            )),
        );
    }
    // A shared wave whose dates no section uses selects nothing.
    for it in &f.items {
        let ast::Item::Tahap { nomor, isi } = &it.node else {
            continue;
        };
        let used = sections.iter().any(|(_, items)| {
            items.iter().any(
                |x| matches!(&x.node, ast::Item::Tahap { nomor: n, .. } if n.node == nomor.node),
            )
        });
        let jalur = isi
            .iter()
            .any(|x| matches!(x.node, ast::TahapItem::Jalur(_)));
        if !used || jalur {
            let n = &nomor.node;
            l.push(
                Diagnostic::new(
                    "konsistensi.gelombang",
                    if jalur {
                        t!(
                            "tahap {n} di luar bagian menyebut jalur; jalur setiap jenjang ditulis di bagiannya",
                            "wave {n} outside the sections names jalur; each jenjang's jalur go in its section"
                        )
                    } else {
                        t!(
                            "tahap {n} tidak dipakai bagian mana pun",
                            "wave {n} is used by no section"
                        )
                    },
                )
                .at(nomor.span, None)
                .help(t!(
                    "tulis `tahap {n} {{ jalur … }}` di dalam bagian yang menyeleksi di tahap itu",
                    "write `tahap {n} {{ jalur … }}` inside the section that selects in that wave"
                )),
            );
        }
    }
    out
}

/// The juknis one section stands for: the shared statements, its jenjang,
/// its own statements, and each wave it names with the shared wave's dates.
fn section(f: &ast::File, jenjang: &Spanned<String>, items: &[Spanned<ast::Item>]) -> ast::File {
    let mut out: Vec<Spanned<ast::Item>> = Vec::new();
    for it in &f.items {
        match &it.node {
            ast::Item::Bagian { .. } | ast::Item::Tahap { .. } | ast::Item::Jenjang(_) => {}
            _ => out.push(it.clone()),
        }
    }
    out.push(Spanned::new(
        ast::Item::Jenjang(jenjang.clone()),
        jenjang.span,
    ));
    for it in items {
        match &it.node {
            ast::Item::Bagian { .. } | ast::Item::Jenjang(_) => {}
            ast::Item::Tahap { nomor, isi } => {
                let shared = f.items.iter().find_map(|x| match &x.node {
                    ast::Item::Tahap { nomor: n, isi } if n.node == nomor.node => Some(isi),
                    _ => None,
                });
                let mut all = isi.clone();
                if let Some(dates) = shared {
                    all.extend(
                        dates
                            .iter()
                            .filter(|d| !matches!(d.node, ast::TahapItem::Jalur(_)))
                            .cloned(),
                    );
                }
                out.push(Spanned::new(
                    ast::Item::Tahap {
                        nomor: nomor.clone(),
                        isi: all,
                    },
                    it.span,
                ));
            }
            _ => out.push(it.clone()),
        }
    }
    ast::File {
        judul: f.judul.clone(),
        items: out,
        bagian: true,
    }
}
