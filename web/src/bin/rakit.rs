//! Assemble the web page into one self-contained file: `rakit WASM OUT_DIR`
//! writes OUT_DIR/index.html with the style, the script, the checker (base64)
//! and the bundled examples inlined, so it opens offline from disk as well as
//! from a server. Run by scripts/build-web.sh.

use std::path::{Path, PathBuf};

fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for c in bytes.chunks(3) {
        let n = (u32::from(c[0]) << 16)
            | (u32::from(*c.get(1).unwrap_or(&0)) << 8)
            | u32::from(*c.get(2).unwrap_or(&0));
        for i in 0..4 {
            if i <= c.len() {
                out.push(A[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[derive(serde::Serialize)]
struct Contoh {
    kelompok: &'static str,
    nama: String,
    teks: String,
}

fn contoh(root: &Path) -> Result<Vec<Contoh>, String> {
    let mut out = Vec::new();
    for (dir, kelompok) in [
        ("sesuai", "Sesuai / conforming"),
        ("melanggar", "Melanggar / non-conforming"),
    ] {
        let d = root.join("juknis-examples").join(dir);
        let mut files: Vec<PathBuf> = std::fs::read_dir(&d)
            .map_err(|e| format!("{}: {e}", d.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "juknis"))
            .collect();
        files.sort();
        for f in files {
            let teks = std::fs::read_to_string(&f).map_err(|e| format!("{}: {e}", f.display()))?;
            let nama = f
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            out.push(Contoh {
                kelompok,
                nama,
                teks,
            });
        }
    }
    Ok(out)
}

/// The language's keywords, from the grammar's `kw_*` rules (for the editor's
/// highlighting and completion), sorted.
fn keywords(grammar: &str) -> Vec<String> {
    let mut out: Vec<String> = grammar
        .lines()
        .filter(|l| l.trim_start().starts_with("kw_"))
        .filter_map(|l| {
            let rest = l.split_once("@{")?.1;
            let word = rest.split('"').nth(1)?;
            Some(word.to_string())
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().collect();
    let [_, wasm, out_dir] = args.as_slice() else {
        return Err("pakai: rakit WASM OUT_DIR".into());
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let www = root.join("web/www");
    let read =
        |p: PathBuf| std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()));
    let html = read(www.join("index.html"))?;
    let css = read(www.join("style.css"))?;
    // The guided form first: the page's script uses it.
    let js = read(www.join("formulir.js"))? + &read(www.join("app.js"))?;
    let editor = read(www.join("editor.js"))?;
    if js.contains("</script") || editor.contains("</script") || css.contains("</style") {
        return Err("a script or the style would end its inline element early".into());
    }
    let kata = serde_json::to_string(&keywords(&read(root.join("grammar/juknis.pest"))?))
        .map_err(|e| e.to_string())?;
    let wasm = std::fs::read(wasm).map_err(|e| format!("{wasm}: {e}"))?;
    let contoh = serde_json::to_string(&contoh(&root)?)
        .map_err(|e| e.to_string())?
        .replace("</", "<\\/");
    let page = html
        .replace("<!--STYLE-->", &format!("<style>\n{css}</style>"))
        .replace(
            "<!--CONTOH-->",
            &format!("<script id=\"contoh-data\" type=\"application/json\">{contoh}</script>"),
        )
        .replace(
            "<!--WASM-->",
            &format!(
                "<script id=\"juknis-wasm\" type=\"application/octet-stream\">{}</script>",
                base64(&wasm)
            ),
        )
        .replace(
            "<!--KATA-->",
            &format!("<script id=\"kata-data\" type=\"application/json\">{kata}</script>"),
        )
        .replace("<!--EDITOR-->", &format!("<script>\n{editor}</script>"))
        .replace("<!--SCRIPT-->", &format!("<script>\n{js}</script>"));
    std::fs::create_dir_all(out_dir).map_err(|e| format!("{out_dir}: {e}"))?;
    let out = Path::new(out_dir).join("index.html");
    std::fs::write(&out, page).map_err(|e| format!("{}: {e}", out.display()))?;
    println!("{}", out.display());
    Ok(())
}

fn main() -> std::process::ExitCode {
    match run() {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("rakit: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn keywords_come_from_the_grammar() {
        let g = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../grammar/juknis.pest"
        ))
        .unwrap_or_default();
        let k = super::keywords(&g);
        for w in [
            "juknis",
            "jalur",
            "tahap",
            "daya_tampung",
            "urutan",
            "pengumuman_pendaftaran",
        ] {
            assert!(k.iter().any(|x| x == w), "{w} not in {k:?}");
        }
    }

    #[test]
    fn base64_matches_the_standard_alphabet() {
        assert_eq!(super::base64(b""), "");
        assert_eq!(super::base64(b"f"), "Zg==");
        assert_eq!(super::base64(b"fo"), "Zm8=");
        assert_eq!(super::base64(b"foo"), "Zm9v");
        assert_eq!(super::base64(b"foobar"), "Zm9vYmFy");
    }
}
